import { claimUnicode } from '../../render/render-claim.js';
import type { Mat } from '../../linalg/mat.js';
import { attempt } from '../../errors.js';
import type { Claim, Identity } from '../../spec-file/identity.js';
import { checkPlanned } from '../check-claim.js';
import { kindOf } from '../kinds/kinds.js';
import { type ClaimPlan, planClaim } from '../plan/claim-plan.js';
import type { ClaimSettings } from '../plan/claim-settings.js';
import type { ClaimResult } from '../result/claim-result.js';
import { entrywiseOutside } from '../result/evidence.js';
import { scopeMaker, whereNeeded } from '../trial/scope.js';
import type { TrialRecord } from '../trial/run-trials.js';
import { toleranceFor } from '../trial/judge.js';
import { claimReads } from './claim-reads.js';

/** One input of an explained draw: a var, a `where` value computed from the vars, or a backprop upstream. */
export interface ExplainedInput {
  readonly name: string;
  readonly role: 'var' | 'where' | 'upstream';
  readonly value: Mat;
}

/**
 * Why an explanation shows the draw it shows: the one asked for (`--trial`, `--dims`), the
 * smallest failing case found by shrinking, the failing trial when nothing smaller fails, or
 * trial 1 of a claim that does not fail.
 */
export type ShownReason = 'asked' | 'smallest' | 'failing' | 'first';

/** Which draw an explanation shows, and what a command needs to show it or another. */
export interface ShownDraw {
  readonly reason: ShownReason;
  /** The dims fixed for the draw (asked for, or the smallest failing case): a rerun repeats them. */
  readonly fixed: ReadonlyMap<string, number>;
  /** How many trials the claim has. */
  readonly total: number;
  /** For the smallest failing case: the trial that failed first, and its dims. */
  readonly first: { readonly trial: number; readonly dims: Readonly<Record<string, number>> } | null;
}

/** One claim on one draw, laid open: inputs, both sides, which entries differ. */
export interface Explanation {
  readonly result: ClaimResult;
  readonly trial: number;
  readonly dims: ReadonlyMap<string, number>;
  /** Which draw this is, and why. */
  readonly shown: ShownDraw;
  /** The claim as mcheck read it, in plain Unicode: `∂(xᵀAx)/∂x = (A + Aᵀ)x`. */
  readonly readAs: string;
  /** The vars, `where` values and upstream the claim reads, at the draw. */
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

/**
 * The vars of the draw the claim reads, then the `where` values it reads (as far as they can be
 * computed: only those, so an unrelated one that fails on this draw hides nothing), then a
 * backprop claim's upstream array, which is in scope for the `where` values that read it.
 */
function inputsOf(identity: Identity, claim: Claim, record: TrialRecord): ExplainedInput[] {
  const reads = claimReads(identity, claim);
  const { draw, outcome: o } = record;
  const inputs: ExplainedInput[] = [...draw.vars]
    .filter(([name]) => reads.has(name))
    .map(([name, value]) => ({ name, role: 'var', value }));
  const upstream = o.type === 'compare' || o.type === 'shape' ? o.upstream : undefined;
  const vars = upstream === undefined ? draw.vars : new Map([...draw.vars, [upstream.name, upstream.value]]);
  const where = whereNeeded(identity.where, reads);
  const scope = attempt(null, () => scopeMaker({ where }, { dims: draw.dims, vars })([], null));
  const values: ReadonlyMap<string, Mat> = scope.ok ? scope.value : new Map();
  for (const w of where) {
    const value = values.get(w.name);
    if (value !== undefined) inputs.push({ name: w.name, role: 'where', value });
  }
  if (upstream !== undefined) inputs.push({ name: upstream.name, role: 'upstream', value: upstream.value });
  return inputs;
}

/** The check of a claim with the trials it ran, as {@link checkPlanned} returns it. */
type Checked = ReturnType<typeof checkPlanned>;

/** One draw of a check laid open: its inputs, both sides and the entries that differ. */
function layOpen(plan: ClaimPlan, { result }: Checked, record: TrialRecord | undefined, shown: ShownDraw): Explanation {
  const sides = kindOf(plan.claim).sides;
  const none = { analytic: null, numeric: null, differs: null, rowLabels: null };
  const readAs = claimUnicode(plan.identity, plan.claim);
  if (result.status === 'error' || record === undefined)
    return {
      result,
      trial: record?.trial ?? plan.trials[0]!,
      dims: new Map(),
      shown,
      readAs,
      inputs: [],
      sides,
      ...none,
    };
  const o = record.outcome;
  const both = o.type === 'compare' || o.type === 'shape';
  const differs =
    o.type === 'compare'
      ? entrywiseOutside(o.analytic, o.numeric, toleranceFor(plan.criterion, o.analytic, o.numeric))
      : null;
  const [analytic, numeric] = both ? [o.analytic, o.numeric] : [null, null];
  return {
    result,
    trial: record.trial,
    dims: record.draw.dims,
    shown,
    readAs,
    inputs: inputsOf(plan.identity, plan.claim, record),
    sides,
    analytic,
    numeric,
    differs,
    rowLabels: o.type === 'compare' ? (o.rowLabels ?? null) : null,
  };
}

/** One trial (`settings.trial`, default 1) checked on its own, at `settings.dims`, laid open. */
function replayed(
  identity: Identity,
  claim: Claim,
  settings: ClaimSettings,
  shown: Omit<ShownDraw, 'total'>,
): Explanation {
  const plan = planClaim(identity, claim, { ...settings, trial: settings.trial ?? 1 });
  const checked = checkPlanned(plan, settings.diagnose);
  return layOpen(plan, checked, checked.run?.records[0], { ...shown, total: plan.total });
}

/**
 * Runs one claim and lays open the draw that best shows it: the draw asked for (`settings.trial`
 * or `settings.dims`); else, on a failure, the smallest failing case the diagnosis found (a 2×2
 * counterexample can be checked by hand), or the failing trial when nothing smaller fails; else
 * trial 1. The verdict, hint and sides come from an ordinary check of the draw shown, so they
 * agree with the `mcheck check` command that replays it. A claim stopped by a limit shows only
 * its error.
 */
export function explainClaim(identity: Identity, claim: Claim, settings: ClaimSettings): Explanation {
  if (settings.trial !== null || settings.dims.size > 0)
    return replayed(identity, claim, settings, { reason: 'asked', fixed: settings.dims, first: null });
  const plan = planClaim(identity, claim, settings);
  const checked = checkPlanned(plan, settings.diagnose);
  const { result, run } = checked;
  const failure = result.status === 'fail' ? result.failure : null;
  if (failure?.shrunk != null && failure.trial !== null) {
    const fixed = new Map(Object.entries(failure.shrunk.dims));
    const first = { trial: failure.trial, dims: failure.dims };
    const at = { ...settings, trial: failure.shrunk.trial, dims: fixed };
    return replayed(identity, claim, at, { reason: 'smallest', fixed, first });
  }
  const reason = failure === null ? 'first' : 'failing';
  const shown: ShownDraw = { reason, fixed: new Map(), total: plan.total, first: null };
  // A pass shows trial 1; a failure (or an error) the trial that decided it.
  return layOpen(plan, checked, result.status === 'pass' ? run?.records[0] : (run?.failed ?? undefined), shown);
}
