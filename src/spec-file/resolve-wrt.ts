import type { RawClaim } from './schema.js';
import type { ClaimScope } from './resolve-claims.js';
import type { ResolveContext } from './resolve-context.js';
import type { SpecPath } from './document.js';
import { invalidName } from './names.js';
import { didYouMean } from './describe-issue.js';

/** A claim that differentiates: it has `wrt`. */
type WithWrt = Exclude<RawClaim, { kind: 'equal' }>;

/**
 * Why `wrt` cannot be differentiated by, or null. A var that was declared but rejected (its own
 * error is already reported) is not reported again: `rejected` says so.
 */
function wrtProblem(wrt: string, scope: ClaimScope): { problem: string | null; rejected: boolean } {
  const role = scope.declared.get(wrt);
  const v = scope.vars.find((x) => x.name === wrt);
  if (v === undefined) {
    if (role === 'var') return { problem: null, rejected: true };
    if (role === 'where name')
      return {
        problem: `wrt ${wrt} is a where name; wrt must name a var (to differentiate by ${wrt}, declare it under vars and write f in terms of it)`,
        rejected: false,
      };
    if (role !== undefined) return { problem: `wrt ${wrt} is a ${role}; wrt must name a var`, rejected: false };
    const names = scope.vars.map((x) => x.name);
    const near = didYouMean(wrt, names);
    return { problem: `wrt ${wrt} is not a var${near} (vars: ${names.join(', ')})`, rejected: false };
  }
  if (v.sample === 'onehot' || v.sample === 'bernoulli')
    return { problem: `wrt ${wrt} is a ${v.sample} var, which cannot be perturbed`, rejected: false };
  return { problem: null, rejected: false };
}

/** The vars a claim differentiates by, in order: one, a pair (hessian) or a list (differential). */
function listed(raw: WithWrt): readonly string[] {
  return typeof raw.wrt === 'string' ? [raw.wrt] : raw.wrt;
}

/** The direction names of a differential claim: `d` + each var's name. */
export function directionNamesOf(raw: RawClaim): readonly string[] {
  return raw.kind === 'differential' ? listed(raw).map((w) => `d${w}`) : [];
}

/**
 * The claim's wrt vars, each checked (a var, not onehot; named once, except a hessian's pair, which
 * may name one var twice), its direction names checked (a differential's `dX` must be free), and
 * its convention (symmetric and distinct need a square wrt). Null when any is wrong; the errors are
 * reported.
 */
export function resolveWrt(ctx: ResolveContext, scope: ClaimScope, raw: WithWrt, path: SpecPath): string[] | null {
  const wrts = listed(raw);
  let ok = true;
  wrts.forEach((wrt, i) => {
    const at = typeof raw.wrt === 'string' ? [...path, 'wrt'] : [...path, 'wrt', i];
    const { problem, rejected } = wrtProblem(wrt, scope);
    if (problem !== null) ctx.error('wrt', problem, at);
    if (problem !== null || rejected) ok = false;
    else if (raw.kind === 'differential' && wrts.indexOf(wrt) !== i) {
      ctx.error('wrt', `wrt names ${wrt} twice`, at);
      ok = false;
    }
  });
  for (const name of new Set(directionNamesOf(raw))) {
    const clash =
      invalidName(name, 'direction name') ??
      (scope.declared.has(name)
        ? `direction name "${name}" is already declared as a ${scope.declared.get(name)}`
        : null);
    if (clash !== null) {
      const why = `a differential by ${name.slice(1)} names its direction ${name}; rename the other ${name}`;
      ctx.error('wrt', `${clash}: ${why}`, [...path, 'wrt']);
      ok = false;
    }
  }
  if (raw.kind === 'gradient' && raw.convention !== undefined && raw.convention !== 'independent') {
    const v = scope.vars.find((x) => x.name === raw.wrt);
    if (v !== undefined && !v.square) {
      ctx.error(
        'wrt',
        `convention ${raw.convention} needs a square wrt; ${raw.wrt} has shape [${v.shape.join(', ')}]`,
        [...path, 'convention'],
      );
      ok = false;
    }
  }
  return ok ? [...wrts] : null;
}
