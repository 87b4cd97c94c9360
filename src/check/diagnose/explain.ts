import type { Mat } from '../../linalg/mat.js';
import { attempt } from '../../errors.js';
import { compareArrays, type Tolerance } from '../../numeric/closeness.js';
import type { Claim, Identity } from '../../spec-file/identity.js';
import { checkPlanned } from '../check-claim.js';
import { kindOf } from '../kinds/kinds.js';
import { planClaim } from '../plan/claim-plan.js';
import type { ClaimSettings } from '../plan/claim-settings.js';
import type { ClaimResult } from '../result/claim-result.js';
import { scopeOf } from '../trial/scope.js';
import type { TrialRecord } from '../trial/run-trials.js';
import { toleranceFor } from '../trial/judge.js';

/** One input of an explained draw: a var, or a `where` value computed from the vars. */
export interface ExplainedInput {
  readonly name: string;
  readonly role: 'var' | 'where';
  readonly value: Mat;
}

/** One claim on one draw, laid open: inputs, both sides, which entries differ. */
export interface Explanation {
  readonly result: ClaimResult;
  readonly trial: number;
  readonly dims: ReadonlyMap<string, number>;
  /** Vars, then `where` values, at the draw. */
  readonly inputs: readonly ExplainedInput[];
  /** The names of the two sides: the claimed one and the reference (`expect` and `numeric`). */
  readonly sides: readonly [string, string];
  readonly analytic: Mat | null;
  readonly numeric: Mat | null;
  /** Per entry of the numeric side: true where the two sides are not close. */
  readonly differs: readonly boolean[] | null;
  /** What each row of the two sides is (a differential's directions), or null. */
  readonly rowLabels: readonly string[] | null;
}

function entrywise(analytic: Mat, numeric: Mat, tolerance: Tolerance): boolean[] {
  return Array.from(numeric.re, (_, k) => {
    const one = (m: Mat): Mat => ({
      rows: 1,
      cols: 1,
      re: m.re.subarray(k, k + 1),
      im: m.im ? m.im.subarray(k, k + 1) : null,
    });
    return !compareArrays(one(analytic), one(numeric), tolerance).passed;
  });
}

/** The vars of the draw, then the `where` values (as far as they can be computed). */
function inputsOf(identity: Identity, record: TrialRecord): ExplainedInput[] {
  const inputs: ExplainedInput[] = [...record.draw.vars].map(([name, value]) => ({ name, role: 'var', value }));
  const scope = attempt(null, () => scopeOf(identity, record.draw, null));
  if (scope.ok)
    for (const w of identity.where) inputs.push({ name: w.name, role: 'where', value: scope.value.get(w.name)! });
  return inputs;
}

/**
 * Runs one claim on one draw (trial `settings.trial`, default 1) and returns everything a reader
 * needs to see why it passes or fails. The verdict, hint and sides come from one ordinary check of
 * that trial, so they agree with `mcheck check` on it. A claim stopped by a limit shows only its error.
 */
export function explainClaim(identity: Identity, claim: Claim, settings: ClaimSettings): Explanation {
  const trial = settings.trial ?? 1;
  const plan = planClaim(identity, claim, { ...settings, trial });
  const { result, run } = checkPlanned(plan, settings.diagnose);
  const sides = kindOf(claim).sides;
  const record = run?.records[0];
  if (result.status === 'error' || record === undefined) {
    const none = { analytic: null, numeric: null, differs: null, rowLabels: null };
    return { result, trial, dims: new Map(), inputs: [], sides, ...none };
  }
  const o = record.outcome;
  const both = o.type === 'compare' || o.type === 'shape';
  const differs =
    o.type === 'compare' ? entrywise(o.analytic, o.numeric, toleranceFor(plan.criterion, o.analytic, o.numeric)) : null;
  const [analytic, numeric] = both ? [o.analytic, o.numeric] : [null, null];
  return {
    result,
    trial,
    dims: record.draw.dims,
    inputs: inputsOf(identity, record),
    sides,
    analytic,
    numeric,
    differs,
    rowLabels: o.type === 'compare' ? (o.rowLabels ?? null) : null,
  };
}
