import type { Tolerance } from '../numeric/closeness.js';
import { LimitExceeded, withBudget } from '../budget.js';
import type { Limits } from '../limits.js';
import type { Claim, Identity } from '../spec-file/identity.js';
import type { DrawOptions } from './draw.js';
import { findHint } from './hints.js';
import { shrinkDims } from './shrink.js';
import { runTrials, type TrialsRun } from './run-trials.js';
import type { ClaimResult } from './result.js';
import type { CheckMode } from './mode.js';

/** Trials per claim when neither the spec nor the run says: five independent draws (and dims). */
export const DEFAULT_TRIALS = 5;

/** Most trials a run may ask for (flag or config): a million draws of a small claim take minutes. */
export const MAX_RUN_TRIALS = 100_000;

/** What a run passes down to each claim. */
export interface ClaimSettings {
  readonly seed: number;
  /** Overrides the spec's `trials` when not null. */
  readonly trials: number | null;
  /** The run's tolerance; a spec's own `tolerance` takes precedence. */
  readonly tolerance: Tolerance;
  /** Run only this (1-based) trial, to replay a failure; null runs them all. */
  readonly trial: number | null;
  /** Dims values that replace the drawn ones. */
  readonly dims: ReadonlyMap<string, number>;
  /** On a failure, look for a hint, estimate the noise and shrink the dims. */
  readonly diagnose: boolean;
  /** Time, evaluation and size limits of each claim. */
  readonly limits: Limits;
  /** Full (every entry) or fast (random projections) derivative checks. */
  readonly mode: CheckMode;
}

const record = (m: ReadonlyMap<string, number>): Record<string, number> => Object.fromEntries(m);

/** The diagnosis of a failure: hint, noise at the worst entry, smaller failing dims. */
function diagnose(
  identity: Identity,
  claim: Claim,
  settings: ClaimSettings,
  run: TrialsRun,
  plan: Plan,
): Pick<ClaimResult, 'hint' | 'noise' | 'shrunk'> {
  const { seed } = settings;
  const outcome = run.failed!.outcome;
  const noise = outcome.type === 'compare' && run.worst !== null ? outcome.noise(run.worst.index) : null;
  const hint = findHint({
    identity,
    claim,
    seed,
    trials: plan.trials,
    total: plan.total,
    tolerance: plan.tolerance,
    options: plan.options,
  });
  const shrunk =
    settings.dims.size > 0
      ? null
      : shrinkDims(identity, claim, seed, plan.trials, plan.total, plan.tolerance, plan.options, run.failed!.dims);
  return { hint, noise, shrunk: shrunk && { dims: record(shrunk.dims), trial: shrunk.trial } };
}

const NO_DIAGNOSIS = { hint: null, noise: null, shrunk: null } as const;

/** The diagnosis under its own budget: running out of it leaves the failure undiagnosed, not wrong. */
function diagnoseWithin(
  identity: Identity,
  claim: Claim,
  settings: ClaimSettings,
  run: TrialsRun,
  plan: Plan,
): Pick<ClaimResult, 'hint' | 'noise' | 'shrunk'> {
  try {
    return withBudget(settings.limits, () => diagnose(identity, claim, settings, run, plan));
  } catch (error) {
    if (error instanceof LimitExceeded) return NO_DIAGNOSIS;
    throw error;
  }
}

/** The row of a claim stopped by a limit: an error that names the limit. */
function limitResult(identity: Identity, claim: Claim, plan: Plan, error: LimitExceeded): ClaimResult {
  return {
    id: identity.id,
    claim: claim.name,
    row: claim.row,
    kind: claim.kind,
    file: identity.file,
    line: claim.location.line,
    status: 'error',
    maxAbsError: null,
    maxRelError: null,
    trials: 0,
    message: error.message,
    failedTrial: null,
    worst: null,
    tolerance: plan.tolerance,
    failedDims: null,
    ...NO_DIAGNOSIS,
  };
}

/** Which trials run, out of how many, at which tolerance, drawn how. */
interface Plan {
  readonly trials: readonly number[];
  readonly total: number;
  readonly tolerance: Tolerance;
  readonly options: DrawOptions;
}

function planOf(identity: Identity, settings: ClaimSettings): Plan {
  const total = settings.trials ?? identity.trials ?? DEFAULT_TRIALS;
  return {
    trials: settings.trial !== null ? [settings.trial] : Array.from({ length: total }, (_, i) => i + 1),
    total: Math.max(total, settings.trial ?? 0),
    tolerance: {
      rtol: identity.tolerance.rtol ?? settings.tolerance.rtol,
      atol: identity.tolerance.atol ?? settings.tolerance.atol,
    },
    options: { dims: settings.dims, symmetric: false, mode: settings.mode },
  };
}

/**
 * Checks one claim over its trials and returns its row. Stops at the first failing trial, whose
 * number and dims are kept so it can be replayed, then diagnoses the failure; never throws for
 * anything a spec can do.
 */
export function checkClaim(identity: Identity, claim: Claim, settings: ClaimSettings): ClaimResult {
  const plan = planOf(identity, settings);
  let run: TrialsRun;
  try {
    run = withBudget(settings.limits, () =>
      runTrials(identity, claim, settings.seed, plan.trials, plan.total, plan.tolerance, plan.options),
    );
  } catch (error) {
    if (error instanceof LimitExceeded) return limitResult(identity, claim, plan, error);
    throw error;
  }
  const diagnosis =
    run.status === 'fail' && settings.diagnose ? diagnoseWithin(identity, claim, settings, run, plan) : NO_DIAGNOSIS;
  return {
    id: identity.id,
    claim: claim.name,
    row: claim.row,
    kind: claim.kind,
    file: identity.file,
    line: claim.location.line,
    status: run.status,
    maxAbsError: run.maxAbsError,
    maxRelError: run.maxRelError,
    trials: run.records.length - (run.status === 'error' ? 1 : 0),
    message: run.message,
    failedTrial: run.failed?.trial ?? null,
    worst: run.worst,
    tolerance: plan.tolerance,
    failedDims: run.failed ? record(run.failed.dims) : null,
    ...diagnosis,
  };
}
