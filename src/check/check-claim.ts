import { compareArrays, type Comparison, type Tolerance, type WorstEntry } from '../numeric/closeness.js';
import { createRng } from '../numeric/rng.js';
import type { Claim, Identity } from '../spec/identity.js';
import { drawInputs } from './draw.js';
import { runTrial, type TrialOutcome } from './trial.js';
import type { ClaimResult, Status } from './result.js';

/** Trials per claim when neither the spec nor the run says: five independent draws (and dims). */
export const DEFAULT_TRIALS = 5;

/**
 * How many times a trial is redrawn when its finite differences straddle a kink (a relu, abs or
 * comparison changing branch within the stencil). Each redraw is an independent draw, so five
 * misses in a row mean the spec keeps its inputs on the kink, which is worth saying.
 */
export const MAX_KINK_REDRAWS = 5;

/** What a run passes down to each claim. */
export interface ClaimSettings {
  readonly seed: number;
  /** Overrides the spec's `trials` when not null. */
  readonly trials: number | null;
  /** The run's tolerance; a spec's own `tolerance` takes precedence. */
  readonly tolerance: Tolerance;
}

/** The trial, redrawn while it lands on a kink. Its draw depends only on seed, id, row, trial. */
function trialWithRedraws(identity: Identity, claim: Claim, seed: number, trial: number): TrialOutcome {
  let outcome: TrialOutcome = { type: 'kink' };
  for (let redraw = 0; redraw <= MAX_KINK_REDRAWS && outcome.type === 'kink'; redraw++) {
    const rng = createRng([seed, identity.id, claim.row, trial, redraw]);
    outcome = runTrial(identity, claim, drawInputs(identity, rng), rng);
  }
  return outcome;
}

function mismatch(c: Comparison, trial: number, trials: number): string {
  const [i, j] = c.worst.index;
  return `mismatch at (${i},${j}): expect ${fmt(c.worst.analytic)}, numeric ${fmt(c.worst.numeric)} (trial ${trial} of ${trials})`;
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toPrecision(6);
}

/**
 * Checks one claim over its trials and returns its row. Stops at the first failing trial, whose
 * number is kept so it can be replayed; never throws for anything a spec can do.
 */
export function checkClaim(identity: Identity, claim: Claim, settings: ClaimSettings): ClaimResult {
  const trials = settings.trials ?? identity.trials ?? DEFAULT_TRIALS;
  const tolerance: Tolerance = {
    rtol: identity.tolerance.rtol ?? settings.tolerance.rtol,
    atol: identity.tolerance.atol ?? settings.tolerance.atol,
  };
  let maxAbs: number | null = null;
  let maxRel: number | null = null;
  let worst: WorstEntry | null = null;
  const row = (status: Status, done: number, message: string | null, failedTrial: number | null): ClaimResult => ({
    id: identity.id, claim: claim.name, row: claim.row, kind: claim.kind, file: identity.file,
    line: claim.location.line, status, maxAbsError: maxAbs, maxRelError: maxRel, trials: done,
    message, failedTrial, worst, tolerance,
  });
  for (let t = 1; t <= trials; t++) {
    const outcome = trialWithRedraws(identity, claim, settings.seed, t);
    if (outcome.type === 'error') return row('error', t - 1, outcome.message, t);
    if (outcome.type === 'fail') return row('fail', t, `${outcome.message} (trial ${t} of ${trials})`, t);
    if (outcome.type === 'kink') {
      return row('fail', t, `inconclusive: ${MAX_KINK_REDRAWS + 1} draws in a row put a relu, abs, sign or comparison on its kink (trial ${t}); keep its argument away from 0, e.g. with sample: nonzero`, t);
    }
    const c = compareArrays(outcome.analytic, outcome.numeric, tolerance);
    maxAbs = Math.max(maxAbs ?? 0, c.maxAbsError);
    maxRel = Math.max(maxRel ?? 0, c.maxRelError);
    if (!c.passed || worst === null) worst = c.worst;
    if (!c.passed) return row('fail', t, mismatch(c, t, trials), t);
  }
  return row('pass', trials, null, null);
}
