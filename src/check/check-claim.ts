import { withBudget } from '../budget.js';
import { type LimitExceeded, withinLimits } from '../errors.js';
import type { Claim, Identity } from '../spec-file/identity.js';
import { diagnoseWithin } from './diagnose/diagnose.js';
import { type ClaimPlan, planClaim } from './plan/claim-plan.js';
import type { ClaimSettings } from './plan/claim-settings.js';
import type { ClaimProgress } from './plan/claim-progress.js';
import { type ClaimResult, rowIdentity } from './result/claim-result.js';
import { type Evidence, evidenceOf } from './result/evidence.js';
import { kindOf } from './kinds/kinds.js';
import { toleranceFor } from './trial/judge.js';
import { type TrialRecord, type TrialsRun, foldTrials, runTrials } from './trial/run-trials.js';

export { DEFAULT_TRIALS, MAX_RUN_TRIALS, type ClaimSettings } from './plan/claim-settings.js';

const record = (m: ReadonlyMap<string, number>): Record<string, number> => Object.fromEntries(m);

/** Both sides of the failing trial, for the report's pictures; null when it compared nothing. */
function evidenceOfRecord(plan: ClaimPlan, failed: TrialRecord): Evidence | null {
  const o = failed.outcome;
  if (o.type !== 'compare' && o.type !== 'shape') return null;
  return evidenceOf(
    o.analytic,
    o.numeric,
    toleranceFor(plan.criterion, o.analytic, o.numeric),
    kindOf(plan.claim).sides,
  );
}

/** What every row of the plan's claim has, with the figures of the trials in `run`. */
function rowOf(plan: ClaimPlan, run: TrialsRun) {
  const { identity, claim } = plan;
  const completed = run.records.length - (run.status === 'error' ? 1 : 0);
  return {
    ...rowIdentity(identity, claim),
    tolerance: plan.tolerance,
    trials: completed,
    maxAbsError: run.maxAbsError,
    maxRelError: run.maxRelError,
    notes: [...plan.notes, ...run.notes],
  };
}

/** The row of a claim whose trials ran: a pass, a failure (diagnosed when asked) or an error. */
function resultOf(plan: ClaimPlan, run: TrialsRun, diagnose: boolean): ClaimResult {
  const row = rowOf(plan, run);
  const failed = run.failed;
  if (run.status === 'pass' || failed === null) return { ...row, status: 'pass', points: row.maxPoints };
  const [message, trial, dims] = [run.message!, failed.trial, record(failed.draw.dims)];
  if (run.status === 'error') return { ...row, status: 'error', error: { message, trial, dims, limit: null } };
  // The diagnosis reruns trials of its own, which a live display would count as the claim's.
  const diagnosis = diagnose
    ? diagnoseWithin({ ...plan, progress: null }, run)
    : { hint: null, noise: null, shrunk: null };
  const evidence = evidenceOfRecord(plan, failed);
  return { ...row, status: 'fail', failure: { message, trial, dims, worst: run.worst, evidence, ...diagnosis } };
}

/**
 * What stopped the claim, how far it got and the ways out: for time and evaluations, fast mode
 * (a few directions per trial instead of every entry) or a larger limit.
 */
function limitMessage(plan: ClaimPlan, limit: LimitExceeded, trialsDone: number): string {
  const progress = ` It had finished ${trialsDone} of ${plan.trials.length} trials.`;
  if (limit.limit !== 'timeoutMs' && limit.limit !== 'evaluations') return limit.message;
  const fast =
    plan.draw.mode.name === 'full'
      ? ' --mode fast checks a few random directions per trial instead of every entry;'
      : '';
  const more =
    limit.limit === 'timeoutMs'
      ? ` --timeout ${(2 * plan.limits.timeoutMs) / 1000} gives it twice the time`
      : ` --limit evaluations=${2 * plan.limits.evaluations} allows twice the evaluations`;
  return `${limit.message}.${progress} Ways out:${fast}${more}.`;
}

/**
 * Checks a planned claim and returns its row with the trials it ran (null when a limit stopped
 * them), so that explain can show a trial without running it again. Stops at the first failing
 * trial, whose number and dims are kept so it can be replayed, then diagnoses the failure when
 * `diagnose`; never throws for anything a spec can do.
 */
export function checkPlanned(plan: ClaimPlan, diagnose: boolean): { result: ClaimResult; run: TrialsRun | null } {
  const done: TrialRecord[] = [];
  const run = withinLimits(() => withBudget(plan.limits, () => runTrials(plan, true, done)));
  if (!run.ok) {
    const { limit } = run.limit;
    const error = { message: limitMessage(plan, run.limit, done.length), trial: null, dims: null, limit };
    return { result: { ...rowOf(plan, foldTrials(plan, done)), status: 'error', error }, run: null };
  }
  return { result: resultOf(plan, run.value, diagnose), run: run.value };
}

/** Checks one claim over its trials under a run's settings and returns its row; `progress` hears how far it got. */
export function checkClaim(
  identity: Identity,
  claim: Claim,
  settings: ClaimSettings,
  progress: ClaimProgress | null = null,
): ClaimResult {
  return checkPlanned({ ...planClaim(identity, claim, settings), progress }, settings.diagnose).result;
}
