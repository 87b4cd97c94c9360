import type { Mat } from '../linalg/mat.js';
import { isDomainError, withBudget } from '../budget.js';
import { compareArrays } from '../numeric/closeness.js';
import type { Claim, Identity } from '../spec-file/identity.js';
import { scopeOf } from './draw.js';
import { checkClaim, type ClaimSettings } from './check-claim.js';
import { runOneTrial } from './run-trials.js';
import type { ClaimResult } from './result.js';

/** One claim on one draw, laid open: inputs, both sides, which entries differ. */
export interface Explanation {
  readonly result: ClaimResult;
  readonly trial: number;
  readonly dims: ReadonlyMap<string, number>;
  /** Vars, then `where` values, at the draw. */
  readonly inputs: readonly { readonly name: string; readonly role: 'var' | 'where'; readonly value: Mat }[];
  readonly analytic: Mat | null;
  readonly numeric: Mat | null;
  /** Per entry of the numeric side: true where the two sides are not close. */
  readonly differs: readonly boolean[] | null;
}

/**
 * Runs one claim on one draw (trial `settings.trial`, default 1) and returns everything a reader
 * needs to see why it passes or fails; the verdict and hint come from the ordinary check of that
 * trial, so they agree with `mcheck check` on it. A claim stopped by a limit shows only its error.
 */
export function explainClaim(identity: Identity, claim: Claim, settings: ClaimSettings): Explanation {
  const trial = settings.trial ?? 1;
  const result = checkClaim(identity, claim, { ...settings, trial });
  if (result.status === 'error')
    return { result, trial, dims: new Map(), inputs: [], analytic: null, numeric: null, differs: null };
  const record = withBudget(settings.limits, () =>
    runOneTrial(
      identity,
      claim,
      settings.seed,
      trial,
      { dims: settings.dims, symmetric: false, mode: settings.mode },
      result.tolerance,
    ),
  );
  const inputs: { name: string; role: 'var' | 'where'; value: Mat }[] = [...record.draw.vars].map(([name, value]) => ({
    name,
    role: 'var',
    value,
  }));
  try {
    const scope = scopeOf(identity, record.draw, null);
    for (const w of identity.where) inputs.push({ name: w.name, role: 'where', value: scope.get(w.name)! });
  } catch (error) {
    if (!isDomainError(error)) throw error;
  }
  const o = record.outcome;
  const both = o.type === 'compare' || o.type === 'shape';
  const differs = o.type === 'compare' ? entrywise(o.analytic, o.numeric, result) : null;
  return {
    result,
    trial,
    dims: record.dims,
    inputs,
    analytic: both ? o.analytic : null,
    numeric: both ? o.numeric : null,
    differs,
  };
}

function entrywise(analytic: Mat, numeric: Mat, result: ClaimResult): boolean[] {
  return Array.from(numeric.re, (_, k) => {
    const one = (m: Mat): Mat => ({
      rows: 1,
      cols: 1,
      re: m.re.subarray(k, k + 1),
      im: m.im ? m.im.subarray(k, k + 1) : null,
    });
    return !compareArrays(one(analytic), one(numeric), result.tolerance).passed;
  });
}
