import type { RawClaim } from './schema.js';
import type { Claim, DimSpec, Expression, VarSpec } from './identity.js';
import { invalidName } from './names.js';
import { alwaysVector, type Declared } from './resolve-declarations.js';
import type { ResolveContext } from './resolve-context.js';

/** What every claim of one spec is checked against. */
export interface ClaimScope {
  readonly id: string;
  readonly declared: Declared;
  readonly vars: readonly VarSpec[];
  readonly dims: readonly DimSpec[];
}

/** The report row of claim `index`: `<id>/<name>`, `<id>` for a lone unnamed claim, else `<id>#<n>`. */
function rowOf(id: string, raw: RawClaim, index: number, count: number): string {
  if (raw.name !== undefined) return `${id}/${raw.name}`;
  return count === 1 ? id : `${id}#${index + 1}`;
}

/**
 * Why `wrt` cannot be differentiated by, or null. A var that was declared but rejected (its own
 * error is already reported) is not reported again.
 */
function wrtProblem(wrt: string, scope: ClaimScope, kind: RawClaim['kind']): string | null {
  const role = scope.declared.get(wrt);
  const v = scope.vars.find((x) => x.name === wrt);
  if (v === undefined) {
    if (role === 'var') return null;
    if (role !== undefined) return `wrt ${wrt} is a ${role}; wrt must name a var`;
    return `wrt ${wrt} is not a var (vars: ${scope.vars.map((x) => x.name).join(', ')})`;
  }
  if (v.sample === 'onehot') return `wrt ${wrt} is a onehot var, which cannot be perturbed`;
  if (kind === 'jacobian' && !alwaysVector(v.shape, scope.dims)) {
    return `wrt ${wrt} has shape [${v.shape.join(', ')}]; a jacobian needs a vector var (use backprop or vec for matrices)`;
  }
  return null;
}

/** Resolves the claims of a spec; a claim with any problem is reported and left out. */
export function resolveClaims(ctx: ResolveContext, raws: readonly RawClaim[], scope: ClaimScope): Claim[] {
  const claims: Claim[] = [];
  const names = new Set<string>();
  raws.forEach((raw, index) => {
    const path = ['claims', index];
    if (raw.name !== undefined) {
      if (names.has(raw.name))
        return ctx.error('claim', `claim name "${raw.name}" is used twice in this spec`, [...path, 'name']);
      names.add(raw.name);
    }
    const claim = resolveClaim(ctx, scope, { raw, index, row: rowOf(scope.id, raw, index, raws.length) });
    if (claim !== null) claims.push(claim);
  });
  return claims;
}

/** One claim as written, with its place in the list and its report row. */
interface ClaimAt {
  readonly raw: RawClaim;
  readonly index: number;
  readonly row: string;
}

/** Resolves one claim: its expressions compiled, its `wrt` and `upstream` checked; null on any problem. */
function resolveClaim(ctx: ResolveContext, scope: ClaimScope, { raw, index, row }: ClaimAt): Claim | null {
  const path = ['claims', index];
  const base = { name: raw.name ?? null, row, location: ctx.locate(path) };
  const names = new Set(scope.declared.keys());
  const compile = (key: string, source: string, extra: ReadonlySet<string> = names): Expression | null =>
    ctx.compile(source, extra, [...path, key]);
  if (raw.kind === 'equal') {
    const lhs = compile('lhs', raw.lhs);
    const rhs = compile('rhs', raw.rhs);
    return lhs && rhs && { ...base, kind: 'equal', lhs, rhs };
  }
  const problem = wrtProblem(raw.wrt, scope, raw.kind);
  if (problem !== null) ctx.error('wrt', problem, [...path, 'wrt']);
  const rejected = problem === null && !scope.vars.some((v) => v.name === raw.wrt);
  const f = compile('f', raw.f);
  if (raw.kind === 'backprop') {
    const invalid =
      invalidName(raw.upstream, 'upstream name') ??
      (scope.declared.has(raw.upstream)
        ? `upstream name "${raw.upstream}" is already declared as a ${scope.declared.get(raw.upstream)}`
        : null);
    if (invalid !== null) ctx.error('upstream', invalid, [...path, 'upstream']);
    const expect = compile('expect', raw.expect, new Set([...names, raw.upstream]));
    if (problem !== null || rejected || invalid !== null || !f || !expect) return null;
    return { ...base, kind: 'backprop', f, upstream: raw.upstream, wrt: raw.wrt, expect };
  }
  const expect = compile('expect', raw.expect);
  if (problem !== null || rejected || !f || !expect) return null;
  if (raw.kind === 'gradient') return { ...base, kind: 'gradient', f, wrt: raw.wrt, expect };
  return { ...base, kind: 'jacobian', f, wrt: raw.wrt, expect, layout: raw.layout ?? 'denominator' };
}
