import { compareArrays, type Comparison, type Tolerance, type WorstEntry } from '../numeric/closeness.js';
import { createRng } from '../numeric/rng.js';
import type { Claim, Identity } from '../spec-file/identity.js';
import { type Draw, type DrawOptions, drawInputs } from './draw.js';
import { runTrial, type TrialOutcome } from './trial.js';
import type { Status } from './result.js';

/**
 * How many times a trial is redrawn when its draw cannot decide the claim: the finite
 * differences straddle a kink (a relu, abs or comparison changing branch within the stencil), or
 * are too noisy at the failing entry. Each redraw is independent, so six misses in a row mean the
 * spec keeps its inputs there, which is worth saying.
 */
export const MAX_REDRAWS = 5;

/** One trial, with the draw it ran on. */
export interface TrialRecord {
  readonly trial: number;
  readonly dims: ReadonlyMap<string, number>;
  readonly draw: Draw;
  readonly outcome: TrialOutcome;
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
}

/**
 * Safety factor of the noise test: a mismatch is trusted only where the estimated noise of the
 * finite differences is below a quarter of the tolerance at that entry.
 */
export const NOISE_MARGIN = 4;

/** A mismatch this many times the estimated noise is real, however noisy the draw. */
export const MISMATCH_OVER_NOISE = 10;

/**
 * Why a draw cannot decide the claim, or null when it can: it sits on a kink, or it failed at an
 * entry where the finite differences are too noisy to resolve the tolerance (an ill-conditioned
 * draw). Either way the draw proves nothing and is redrawn.
 */
function undecided(outcome: TrialOutcome, tolerance: Tolerance): string | null {
  if (outcome.type === 'kink') {
    return 'a relu, abs, sign, max or comparison sits on its kink; keep its argument away from 0, e.g. with sample: nonzero';
  }
  if (outcome.type !== 'compare') return null;
  const c = compareArrays(outcome.analytic, outcome.numeric, tolerance);
  if (c.passed) return null;
  const noise = outcome.noise(c.worst.index);
  const allowed = tolerance.atol + tolerance.rtol * Math.abs(c.worst.numeric);
  const mismatch = c.worst.error;
  // Decided when the differences resolve the tolerance, or when the mismatch dwarfs the noise.
  if (noise === null || noise * NOISE_MARGIN < allowed || mismatch > MISMATCH_OVER_NOISE * noise) return null;
  return `the finite differences are too noisy to decide (noise ~${noise.toExponential(0)} at (${c.worst.index.join(',')}), tolerance ${allowed.toExponential(0)}); the inputs may be ill-conditioned (try sample: invertible or spd) or f may vary too fast for the step`;
}

/**
 * The trial, redrawn while its draw cannot decide the claim (a kink, or noise above tolerance),
 * at most MAX_REDRAWS times; then it is inconclusive, a failure that says why. Its draw
 * depends only on seed, id, row, trial and redraw.
 */
export function runOneTrial(
  identity: Identity,
  claim: Claim,
  seed: number,
  trial: number,
  options: DrawOptions,
  tolerance: Tolerance,
): TrialRecord {
  let record: TrialRecord | null = null;
  let reason: string | null = null;
  for (let redraw = 0; redraw <= MAX_REDRAWS; redraw++) {
    const rng = createRng([seed, identity.id, claim.row, trial, redraw]);
    const draw = drawInputs(identity, rng, options);
    record = { trial, dims: draw.dims, draw, outcome: runTrial(identity, claim, draw, rng, options.mode) };
    reason = undecided(record.outcome, tolerance);
    if (reason === null) return record;
  }
  const message = `inconclusive: ${MAX_REDRAWS + 1} draws in a row could not decide: ${reason}`;
  return { ...record!, outcome: { type: 'noisy', message } };
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toPrecision(6);
}

/**
 * `mismatch 3.1e-1 at (2,1): expect 0.5, numeric 0.25` (rhs and lhs for an equal claim); in fast
 * mode `mismatch 3.1e-1 on probe 2 of 3: expect projected 0.5, numeric 0.25`.
 */
function mismatch(c: Comparison, equal: boolean, probes: boolean): string {
  const [i, j] = c.worst.index;
  if (probes) {
    return `mismatch ${c.worst.error.toExponential(1)} on probe ${i} (a random direction v): expect projected on v ${fmt(c.worst.analytic)}, numeric derivative along v ${fmt(c.worst.numeric)}`;
  }
  const [a, n] = equal ? ['rhs', 'lhs'] : ['expect', 'numeric'];
  return `mismatch ${c.worst.error.toExponential(1)} at (${i},${j}): ${a} ${fmt(c.worst.analytic)}, ${n} ${fmt(c.worst.numeric)}`;
}

/** Why a trial failed, or null when it passed; the comparison when there was one. */
function judge(
  outcome: TrialOutcome,
  tolerance: Tolerance,
  equal: boolean,
): { reason: string | null; status: Status; c: Comparison | null } {
  switch (outcome.type) {
    case 'error':
      return { reason: outcome.message, status: 'error', c: null };
    case 'fail':
    case 'shape':
      return { reason: outcome.message, status: 'fail', c: null };
    case 'kink':
      return { reason: 'inconclusive: the draw sits on a kink', status: 'fail', c: null };
    case 'noisy':
      return { reason: outcome.message, status: 'fail', c: null };
    case 'compare': {
      const c = compareArrays(outcome.analytic, outcome.numeric, tolerance);
      return { reason: c.passed ? null : mismatch(c, equal, outcome.probes), status: c.passed ? 'pass' : 'fail', c };
    }
  }
}

/**
 * Runs the given trials of a claim and folds them into a verdict. With `stopAtFailure` it stops
 * at the first trial that does not pass (a check); without, it runs them all (a diagnosis).
 */
export function runTrials(
  identity: Identity,
  claim: Claim,
  seed: number,
  trials: readonly number[],
  total: number,
  tolerance: Tolerance,
  options: DrawOptions,
  stopAtFailure = true,
): TrialsRun {
  const records: TrialRecord[] = [];
  let maxAbs: number | null = null,
    maxRel: number | null = null,
    worst: WorstEntry | null = null;
  let failure: { record: TrialRecord; status: Status; message: string } | null = null;
  for (const t of trials) {
    const record = runOneTrial(identity, claim, seed, t, options, tolerance);
    records.push(record);
    const { reason, status, c } = judge(record.outcome, tolerance, claim.kind === 'equal');
    if (c !== null) {
      maxAbs = Math.max(maxAbs ?? 0, c.maxAbsError);
      maxRel = Math.max(maxRel ?? 0, c.maxRelError);
      if (failure === null && (!c.passed || worst === null)) worst = c.worst;
    }
    if (reason !== null && failure === null) {
      failure = { record, status, message: `${reason} (trial ${t} of ${total})` };
      if (stopAtFailure) break;
    }
  }
  return {
    status: failure?.status ?? 'pass',
    message: failure?.message ?? null,
    maxAbsError: maxAbs,
    maxRelError: maxRel,
    worst,
    records,
    failed: failure?.record ?? null,
  };
}
