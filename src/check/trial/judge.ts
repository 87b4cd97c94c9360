import { compareArrays, type Comparison, type Tolerance } from '../../numeric/closeness.js';
import type { Status } from '../result/claim-result.js';
import type { TrialOutcome } from './outcome.js';

/**
 * Safety factor of the noise test: a mismatch is trusted only where the estimated noise of the
 * finite differences is below a quarter of the tolerance at that entry.
 */
export const NOISE_MARGIN = 4;

/** A mismatch this many times the estimated noise is real, however noisy the draw. */
export const MISMATCH_OVER_NOISE = 10;

/** What one trial's outcome means at a tolerance: judged once, read by the check and the diagnosis. */
export interface Judgement {
  readonly status: Status;
  /** Why the trial did not pass; null on a pass. */
  readonly reason: string | null;
  /** The comparison, when both sides were compared. */
  readonly comparison: Comparison | null;
  /** Why the draw cannot decide the claim (it is then redrawn), or null. */
  readonly undecided: string | null;
}

const KINK_ADVICE =
  'a relu, abs, sign, max or comparison sits on its kink; keep its argument away from 0, e.g. with sample: nonzero';

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toPrecision(6);
}

/**
 * `mismatch 3.1e-1 at (2,1): expect 0.5, numeric 0.25` (rhs and lhs for an equal claim); in fast
 * mode `mismatch 3.1e-1 on probe 2 (a random direction v): expect projected on v ..., numeric ...`.
 */
function mismatch(c: Comparison, sides: readonly [string, string], probes: boolean): string {
  const [i, j] = c.worst.index;
  if (probes) {
    return `mismatch ${c.worst.error.toExponential(1)} on probe ${i} (a random direction v): expect projected on v ${fmt(c.worst.analytic)}, numeric derivative along v ${fmt(c.worst.numeric)}`;
  }
  return `mismatch ${c.worst.error.toExponential(1)} at (${i},${j}): ${sides[0]} ${fmt(c.worst.analytic)}, ${sides[1]} ${fmt(c.worst.numeric)}`;
}

/**
 * Why a failed comparison cannot decide the claim, or null when it can: the finite differences are
 * too noisy at the failing entry to resolve the tolerance there (an ill-conditioned draw), unless
 * the mismatch dwarfs the noise.
 */
function tooNoisy(outcome: TrialOutcome & { type: 'compare' }, c: Comparison, tolerance: Tolerance): string | null {
  const noise = outcome.noise(c.worst.index);
  const allowed = tolerance.atol + tolerance.rtol * Math.abs(c.worst.numeric);
  if (noise === null || noise * NOISE_MARGIN < allowed || c.worst.error > MISMATCH_OVER_NOISE * noise) return null;
  return `the finite differences are too noisy to decide (noise ~${noise.toExponential(0)} at (${c.worst.index.join(',')}), tolerance ${allowed.toExponential(0)}); the inputs may be ill-conditioned (try sample: invertible or spd) or f may vary too fast for the step`;
}

/**
 * Judges one outcome at a tolerance. `sides` names the two sides in a mismatch (`expect`,
 * `numeric`, or `rhs`, `lhs`). A kink, or a failure where the noise is too high to decide, leaves
 * the draw undecided: it proves nothing and is redrawn.
 */
export function judge(outcome: TrialOutcome, tolerance: Tolerance, sides: readonly [string, string]): Judgement {
  switch (outcome.type) {
    case 'error':
      return { status: 'error', reason: outcome.message, comparison: null, undecided: null };
    case 'fail':
    case 'shape':
    case 'noisy':
      return { status: 'fail', reason: outcome.message, comparison: null, undecided: null };
    case 'kink':
      return {
        status: 'fail',
        reason: 'inconclusive: the draw sits on a kink',
        comparison: null,
        undecided: KINK_ADVICE,
      };
    case 'compare': {
      const c = compareArrays(outcome.analytic, outcome.numeric, tolerance);
      if (c.passed) return { status: 'pass', reason: null, comparison: c, undecided: null };
      const reason = mismatch(c, sides, outcome.probes);
      return { status: 'fail', reason, comparison: c, undecided: tooNoisy(outcome, c, tolerance) };
    }
  }
}
