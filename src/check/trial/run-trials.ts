import type { WorstEntry } from '../../numeric/closeness.js';
import { spentEvaluations } from '../../budget.js';
import { createRng } from '../../numeric/rng.js';
import { kindOf } from '../kinds/kinds.js';
import type { ClaimPlan } from '../plan/claim-plan.js';
import type { Status } from '../result/claim-result.js';
import type { Rng } from '../../numeric/rng.js';
import { type Draw, type DrawOptions, drawInputs } from './draw.js';
import { revealingDims } from './revealing-dims.js';
import { type Judgement, judge } from './judge.js';
import type { TrialOutcome } from './outcome.js';

/**
 * How many times a trial is redrawn when its draw cannot decide the claim: the finite
 * differences straddle a kink (a relu, abs or comparison changing branch within the stencil), or
 * are too noisy at the failing entry. Each redraw is independent, so six misses in a row mean the
 * spec keeps its inputs there, which is worth saying.
 */
export const MAX_REDRAWS = 5;

/** The trial whose dims avoid degenerate cases (see {@link revealingDims}). */
export const REVEALING_TRIAL = 1;

/** The plan's draw options with the revealing dims under its own overrides (replays, shrinking). */
function revealing(plan: ClaimPlan, rng: Rng): DrawOptions {
  const dims = revealingDims(plan.identity.dims, rng);
  for (const [name, value] of plan.draw.dims) dims.set(name, value);
  return { ...plan.draw, dims };
}

/** One trial, with the draw it ran on and its judgement. */
export interface TrialRecord {
  readonly trial: number;
  readonly draw: Draw;
  readonly outcome: TrialOutcome;
  readonly judgement: Judgement;
}

/** The trials of one claim and what they add up to. */
export interface TrialsRun {
  readonly status: Status;
  readonly message: string | null;
  readonly maxAbsError: number | null;
  readonly maxRelError: number | null;
  readonly worst: WorstEntry | null;
  /** Every trial run, in order; the last one is the failing one on a failure. */
  readonly records: readonly TrialRecord[];
  readonly failed: TrialRecord | null;
  /** The notes of the trials' judgements, each once. */
  readonly notes: readonly string[];
}

/**
 * The trial, redrawn while its draw cannot decide the claim (a kink, or noise above tolerance),
 * at most MAX_REDRAWS times; then it is inconclusive, a failure that says why. Its draw
 * depends only on seed, id, row, trial and redraw; the first trial's dims are never degenerate
 * where the ranges allow.
 */
export function runOneTrial(plan: ClaimPlan, trial: number): TrialRecord {
  const { identity, claim } = plan;
  const kind = kindOf(claim);
  let record: TrialRecord | null = null;
  for (let redraw = 0; redraw <= MAX_REDRAWS; redraw++) {
    const rng = createRng([plan.seed, identity.id, claim.row, trial, redraw]);
    const draw = drawInputs(identity, rng, trial === REVEALING_TRIAL ? revealing(plan, rng) : plan.draw);
    const ctx = {
      identity,
      draw,
      rng,
      mode: plan.draw.mode,
      workers: plan.workers,
      tick: plan.progress?.tick ?? null,
      criterion: plan.criterion,
    };
    const outcome = kind.trial(claim, ctx);
    record = { trial, draw, outcome, judgement: judge(outcome, plan.criterion, kind.sides) };
    if (record.judgement.undecided === null) return record;
  }
  const message = `inconclusive: ${MAX_REDRAWS + 1} draws in a row could not decide: ${record!.judgement.undecided}`;
  const outcome: TrialOutcome = { type: 'noisy', message };
  return { ...record!, outcome, judgement: judge(outcome, plan.criterion, kind.sides) };
}

/** Largest errors and the worst entry so far, folded over the trials' comparisons. */
interface Errors {
  maxAbs: number | null;
  maxRel: number | null;
  worst: WorstEntry | null;
}

function fold(errors: Errors, j: Judgement, failedBefore: boolean): void {
  const c = j.comparison;
  if (c === null) return;
  errors.maxAbs = Math.max(errors.maxAbs ?? 0, c.maxAbsError);
  errors.maxRel = Math.max(errors.maxRel ?? 0, c.maxRelError);
  if (!failedBefore && (!c.passed || errors.worst === null)) errors.worst = c.worst;
}

/**
 * Folds trial records into a verdict: the first trial that does not pass decides it, and the
 * errors of every trial compared count in the figures.
 */
export function foldTrials(plan: ClaimPlan, records: readonly TrialRecord[]): TrialsRun {
  const errors: Errors = { maxAbs: null, maxRel: null, worst: null };
  let failed: TrialRecord | null = null;
  for (const record of records) {
    fold(errors, record.judgement, failed !== null);
    if (record.judgement.reason !== null && failed === null) failed = record;
  }
  const message = failed === null ? null : `${failed.judgement.reason} (trial ${failed.trial} of ${plan.total})`;
  return {
    status: failed?.judgement.status ?? 'pass',
    message,
    maxAbsError: errors.maxAbs,
    maxRelError: errors.maxRel,
    worst: errors.worst,
    records,
    failed,
    notes: [...new Set(records.flatMap((r) => (r.judgement.note === null ? [] : [r.judgement.note])))],
  };
}

/**
 * Runs the plan's trials and folds them into a verdict. With `stopAtFailure` it stops at the
 * first trial that does not pass (a check); without, it runs them all (a diagnosis). Each record
 * is pushed to `records` as it is made, so a caller stopped by a limit knows how far it got.
 */
export function runTrials(plan: ClaimPlan, stopAtFailure = true, records: TrialRecord[] = []): TrialsRun {
  for (const [index, t] of plan.trials.entries()) {
    plan.progress?.trial(index + 1, plan.trials.length, spentEvaluations());
    const record = runOneTrial(plan, t);
    records.push(record);
    if (stopAtFailure && record.judgement.reason !== null) break;
  }
  return foldTrials(plan, records);
}
