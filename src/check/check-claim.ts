import { withBudget } from '../budget.js';
import { withinLimits } from '../errors.js';
import type { Claim, Identity } from '../spec-file/identity.js';
import { diagnoseWithin } from './diagnose/diagnose.js';
import { type ClaimPlan, planClaim } from './plan/claim-plan.js';
import type { ClaimSettings } from './plan/claim-settings.js';
import type { ClaimResult } from './result/claim-result.js';
import { type TrialsRun, runTrials } from './trial/run-trials.js';

export { DEFAULT_TRIALS, MAX_RUN_TRIALS, type ClaimSettings } from './plan/claim-settings.js';

const record = (m: ReadonlyMap<string, number>): Record<string, number> => Object.fromEntries(m);

/** What every row of the plan's claim has, with the figures of `run` (none when it has none). */
function rowOf(plan: ClaimPlan, run: TrialsRun | null) {
  const { identity, claim } = plan;
  const completed = run === null ? 0 : run.records.length - (run.status === 'error' ? 1 : 0);
  return {
    id: identity.id,
    claim: claim.name,
    row: claim.row,
    kind: claim.kind,
    file: identity.file,
    line: claim.location.line,
    tolerance: plan.tolerance,
    trials: completed,
    maxAbsError: run?.maxAbsError ?? null,
    maxRelError: run?.maxRelError ?? null,
    notes: [...plan.notes, ...(run?.notes ?? [])],
  };
}

/** The row of a claim whose trials ran: a pass, a failure (diagnosed when asked) or an error. */
function resultOf(plan: ClaimPlan, run: TrialsRun, diagnose: boolean): ClaimResult {
  const row = rowOf(plan, run);
  const failed = run.failed;
  if (run.status === 'pass' || failed === null) return { ...row, status: 'pass' };
  const [message, trial, dims] = [run.message!, failed.trial, record(failed.draw.dims)];
  if (run.status === 'error') return { ...row, status: 'error', error: { message, trial, dims } };
  const diagnosis = diagnose ? diagnoseWithin(plan, run) : { hint: null, noise: null, shrunk: null };
  return { ...row, status: 'fail', failure: { message, trial, dims, worst: run.worst, ...diagnosis } };
}

/**
 * Checks a planned claim and returns its row with the trials it ran (null when a limit stopped
 * them), so that explain can show a trial without running it again. Stops at the first failing
 * trial, whose number and dims are kept so it can be replayed, then diagnoses the failure when
 * `diagnose`; never throws for anything a spec can do.
 */
export function checkPlanned(plan: ClaimPlan, diagnose: boolean): { result: ClaimResult; run: TrialsRun | null } {
  const run = withinLimits(() => withBudget(plan.limits, () => runTrials(plan)));
  if (!run.ok) {
    const error = { message: run.limit.message, trial: null, dims: null };
    return { result: { ...rowOf(plan, null), status: 'error', error }, run: null };
  }
  return { result: resultOf(plan, run.value, diagnose), run: run.value };
}

/** Checks one claim over its trials under a run's settings and returns its row. */
export function checkClaim(identity: Identity, claim: Claim, settings: ClaimSettings): ClaimResult {
  return checkPlanned(planClaim(identity, claim, settings), settings.diagnose).result;
}
