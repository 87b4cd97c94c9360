import { type RawClaim, RawClaimSchema } from './schema.js';
import { validate } from './validate.js';
import type { Claim, DimSpec, Expression, OpenClaim, VarSpec, WhereSpec } from './identity.js';
import { upstreamMisreads } from './upstream-reads.js';
import { invalidName } from './names.js';
import type { Declared } from './resolve-declarations.js';
import { directionNamesOf, resolveWrt } from './resolve-wrt.js';
import type { ResolveContext } from './resolve-context.js';

/** What every claim of one spec is checked against. */
export interface ClaimScope {
  readonly id: string;
  readonly declared: Declared;
  readonly vars: readonly VarSpec[];
  readonly dims: readonly DimSpec[];
  /** A question file: its claims are named and may leave expect (rhs) to the answers. */
  readonly question: boolean;
  readonly where: readonly WhereSpec[];
  /** The upstream names of the spec's backprop claims, which `where` values may read. */
  readonly upstreams: ReadonlySet<string>;
}

/** The claims of a spec: those checked as written, and (in a question) those left to answers. */
export interface ResolvedClaims {
  readonly claims: Claim[];
  readonly open: OpenClaim[];
}

/** The report row of claim `index`: `<id>/<name>`, `<id>` for a lone unnamed claim, else `<id>#<n>`. */
function rowOf(id: string, raw: RawClaim, index: number, count: number): string {
  if (raw.name !== undefined) return `${id}/${raw.name}`;
  return count === 1 ? id : `${id}#${index + 1}`;
}

/**
 * Resolves the claims of a spec, each validated on its own: a claim with any problem is reported
 * and left out, and the others are resolved as if it were not there.
 */
export function resolveClaims(ctx: ResolveContext, raws: readonly unknown[], scope: ClaimScope): ResolvedClaims {
  const out: ResolvedClaims = { claims: [], open: [] };
  const names = new Set<string>();
  raws.forEach((data, index) => {
    const path = ['claims', index];
    const errorsBefore = ctx.errors.length;
    const raw = validate(ctx, RawClaimSchema, data, path);
    if (raw === null) return;
    if (raw.name !== undefined) {
      if (names.has(raw.name))
        return ctx.error('claim', `claim name "${raw.name}" is used twice in this spec`, [...path, 'name']);
      names.add(raw.name);
    } else if (scope.question) {
      return ctx.error('claim', `claims[${index}] has no name; every claim of a question file needs one`, path);
    }
    if (raw.hidden !== undefined && !scope.question)
      ctx.error('claim', 'hidden is for the claims of a question file (question: true)', [...path, 'hidden']);
    const claim = resolveClaim(ctx, scope, { raw, index, row: rowOf(scope.id, raw, index, raws.length) });
    if (claim !== null && !('complete' in claim)) reportMisreads(ctx, scope, claim);
    // A claim with an unknown key is still resolved, to report all of its problems, but not run.
    if (claim === null || ctx.errors.length > errorsBefore) return;
    if ('complete' in claim) out.open.push(claim);
    else out.claims.push(claim);
  });
  return out;
}

/** Reports each read of a backprop upstream, through a `where` value, by an expression that has no value of it. */
function reportMisreads(ctx: ResolveContext, scope: ClaimScope, claim: Claim): void {
  for (const { slot, upstream, via } of upstreamMisreads(claim, scope.where, scope.upstreams)) {
    const who = slot === 'f' && claim.kind === 'backprop' ? 'f is what the upstream weighs, so it' : `${slot}`;
    const why = `only the expect of a backprop claim with upstream: ${upstream} can read it`;
    ctx.error('upstream', `${who} reads ${via}, which reads the upstream ${upstream}; ${why}`, [
      'claims',
      claim.index,
      slot,
    ]);
  }
}

/** One claim as written, with its place in the list and its report row. */
interface ClaimAt {
  readonly raw: RawClaim;
  readonly index: number;
  readonly row: string;
}

/** A claim's formulas other than its expect (rhs), compiled: the claim once its expect is given. */
type Parts = (expect: Expression) => Claim;

/**
 * Resolves one claim: its expressions compiled, its `wrt` and `upstream` checked; null on any
 * problem. A question claim without expect (rhs) becomes an open claim, completed by an answer.
 */
function resolveClaim(ctx: ResolveContext, scope: ClaimScope, at: ClaimAt): Claim | OpenClaim | null {
  const { raw, index } = at;
  const path = ['claims', index];
  const [slot, written] = raw.kind === 'equal' ? (['rhs', raw.rhs] as const) : (['expect', raw.expect] as const);
  // A misspelt expect (`expct`) is already said, with its fix: its absence needs no second error.
  const misspelt = ctx.errors.some(
    (e) => e.path[0] === 'claims' && e.path[1] === index && e.message.includes(`did you mean "${slot}"`),
  );
  if (written === undefined && !scope.question && !misspelt) {
    const why = `missing required key "${slot}" in claims[${index}] (only a question file, question: true, may leave it to answer files)`;
    ctx.error('claim', why, path);
  }
  const parts = partsOf(ctx, scope, at);
  // Compiled even when the rest of the claim has problems, so that all of them are reported at once.
  const names = namesFor(scope, raw);
  const expect = written === undefined ? null : ctx.compile(written, names, [...path, slot]);
  if (parts === null) return null;
  if (written !== undefined) return expect && parts(expect);
  if (!scope.question) return null;
  const unanswered = { status: 'fail', message: 'no answer', notes: [] } as const;
  const extraNames = new Set([...names].filter((n) => !scope.declared.has(n)));
  return { ...baseOf(ctx, at), kind: raw.kind, slot, extraNames, complete: parts, unanswered };
}

/** The names a claim's expect (rhs) may read: the spec's, a backprop upstream, a differential's directions. */
function namesFor(scope: ClaimScope, raw: RawClaim): Set<string> {
  const names = new Set(scope.declared.keys());
  if (raw.kind === 'backprop' && !scope.declared.has(raw.upstream)) names.add(raw.upstream);
  for (const d of directionNamesOf(raw)) names.add(d);
  return names;
}

/** What every claim has, as written at its place in the spec. */
function baseOf(ctx: ResolveContext, { raw, index, row }: ClaimAt) {
  const location = ctx.locate(['claims', index]);
  const tolerance = { rtol: raw.tolerance?.rtol ?? null, atol: raw.tolerance?.atol ?? null };
  const toleranceLocation = raw.tolerance === undefined ? location : ctx.locate(['claims', index, 'tolerance']);
  const own = { trials: raw.trials ?? null, tolerance, toleranceLocation };
  return { name: raw.name ?? null, row, location, index, points: raw.points ?? 1, hidden: raw.hidden ?? false, ...own };
}

/** The compiled parts of a claim, checked, with a builder that completes it by its expect (rhs). */
function partsOf(ctx: ResolveContext, scope: ClaimScope, claimAt: ClaimAt): Parts | null {
  const { raw, index } = claimAt;
  const path = ['claims', index];
  const names = new Set(scope.declared.keys());
  const base = baseOf(ctx, claimAt);
  // An answer stands in its own file: the place of a claim completed by one is the answer's.
  const at = (expect: Expression) => ({
    ...base,
    location: expect.location.file === ctx.file ? base.location : expect.location,
  });
  const compile = (key: string, source: string): Expression | null => ctx.compile(source, names, [...path, key]);
  if (raw.kind === 'equal') {
    const lhs = compile('lhs', raw.lhs);
    return lhs && ((rhs) => ({ ...at(rhs), kind: 'equal', lhs, rhs }));
  }
  const wrts = resolveWrt(ctx, scope, raw, path);
  const f = compile('f', raw.f);
  if (raw.kind === 'backprop') {
    const invalid =
      invalidName(raw.upstream, 'upstream name') ??
      (scope.declared.has(raw.upstream)
        ? `upstream name "${raw.upstream}" is already declared as a ${scope.declared.get(raw.upstream)}`
        : null);
    if (invalid !== null) ctx.error('upstream', invalid, [...path, 'upstream']);
    if (wrts === null || invalid !== null || !f) return null;
    const { upstream, wrt } = raw;
    return (expect) => ({ ...at(expect), kind: 'backprop', f, upstream, wrt, expect });
  }
  if (wrts === null || !f) return null;
  return builderOf(raw, f, wrts, at);
}

/** The builder of a claim that differentiates, from its checked parts. */
function builderOf(
  raw: Exclude<RawClaim, { kind: 'equal' | 'backprop' }>,
  f: Expression,
  wrts: string[],
  at: (expect: Expression) => ReturnType<typeof baseOf>,
): Parts {
  switch (raw.kind) {
    case 'gradient': {
      const convention = raw.convention ?? 'independent';
      return (expect) => ({ ...at(expect), kind: 'gradient', f, wrt: raw.wrt, expect, convention });
    }
    case 'jacobian': {
      const layout = raw.layout ?? 'denominator';
      return (expect) => ({ ...at(expect), kind: 'jacobian', f, wrt: raw.wrt, expect, layout });
    }
    case 'hessian': {
      const wrt = wrts as [string] | [string, string];
      return (expect) => ({ ...at(expect), kind: 'hessian', f, wrt, expect });
    }
    case 'differential': {
      const directions = directionNamesOf(raw);
      return (expect) => ({ ...at(expect), kind: 'differential', f, wrt: wrts, directions, expect });
    }
  }
}
