import { compareArrays, type Comparison, numericSize, type Tolerance } from '../../numeric/closeness.js';
import type { Status } from '../result/claim-result.js';
import type { TrialOutcome } from './outcome.js';
import type { Mat } from '../../linalg/mat.js';

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
  /** How the verdict was reached, when it is not the usual way (values below atol), or null. */
  readonly note: string | null;
}

/** The names of the two sides in a mismatch: `expect`, `numeric`, or `rhs`, `lhs`. */
type Sides = readonly [string, string];

type CompareOutcome = TrialOutcome & { type: 'compare' };

const KINK_ADVICE =
  'a relu, abs, sign, max or comparison sits on its kink (or sort, eigvalsh, eigvecsh or svdvals on a tie); ' +
  'keep its argument away from 0, e.g. with sample: nonzero, and repeated values apart';

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toPrecision(6);
}

/** A value as printed in a mismatch: `0.5`, or `0.5 - 1.25i` where it is complex. */
function value(re: number, im: number | null): string {
  if (im === null || im === 0) return fmt(re);
  return `${fmt(re)} ${im < 0 ? '-' : '+'} ${fmt(Math.abs(im))}i`;
}

/**
 * `mismatch 3.1e-1 at (2,1): expect 0.5, numeric 0.25` (rhs and lhs for an equal claim); in fast
 * mode `mismatch 3.1e-1 on probe 2 (a random direction v): expect projected on v ..., numeric ...`.
 */
function mismatch(c: Comparison, sides: Sides, outcome: CompareOutcome): string {
  const probes = outcome.probes;
  const w = c.worst;
  const [i, j] = w.index;
  if (probes) {
    return `mismatch ${c.worst.error.toExponential(1)} on probe ${i} (a random direction v; the probe furthest outside tolerance): expect projected on v ${value(w.analytic, w.analyticIm)}, numeric derivative along v ${value(w.numeric, w.numericIm)}`;
  }
  const at = outcome.place?.(w.index) ?? `at (${i},${j})`;
  return `mismatch ${c.worst.error.toExponential(1)} ${at}, the entry furthest outside tolerance: ${sides[0]} ${value(w.analytic, w.analyticIm)}, ${sides[1]} ${value(w.numeric, w.numericIm)}`;
}

/**
 * Noise above this fraction of the largest numeric value means the draw as a whole is too close
 * to a singularity for finite differences (X + A nearly singular, say), not just rounding at an
 * entry that happens to be zero.
 */
export const UNRELIABLE_NOISE = 1e-6;

/**
 * Why a failed comparison cannot decide the claim, or null when it can: the finite differences are
 * too noisy at the failing entry to resolve the tolerance there (an ill-conditioned draw), unless
 * the mismatch dwarfs the noise; or the noise exceeds the numeric value itself on a draw where it
 * is far above rounding, so the numeric value means nothing, however large the mismatch (near a
 * singularity the estimate of the noise misses as the value does, at every step).
 */
function tooNoisy(outcome: CompareOutcome, c: Comparison, tolerance: Tolerance): string | null {
  const noise = outcome.noise(c.worst.index);
  if (noise === null) return null;
  const at = `noise ~${noise.toExponential(0)} at (${c.worst.index.join(',')})`;
  if (noise > numericSize(c.worst) && noise > UNRELIABLE_NOISE * largest(outcome.numeric)) {
    return `the finite differences are unreliable on this draw (${at}, above the numeric value there, ${numericSize(c.worst).toExponential(0)}): the inputs may be close to a singularity (as X + A near a singular matrix), or f may vary too fast for the step`;
  }
  const allowed = tolerance.atol + tolerance.rtol * numericSize(c.worst);
  if (noise * NOISE_MARGIN < allowed || c.worst.error > MISMATCH_OVER_NOISE * noise) return null;
  return `the finite differences are too noisy to decide (${at}, tolerance ${allowed.toExponential(0)}); the inputs may be ill-conditioned (try sample: invertible or spd) or f may vary too fast for the step`;
}

/** The largest |entry| of m. */
function largest(m: Mat): number {
  let out = 0;
  for (let k = 0; k < m.re.length; k++) out = Math.max(out, Math.hypot(m.re[k]!, m.im?.[k] ?? 0));
  return out;
}

/**
 * A comparison where every value lies below atol: atol alone would pass any formula of the right
 * shape (a sign error included), so the values are compared at their own scale, as if f had been
 * rescaled to values of order one: atol shrinks by the largest value. Where the finite
 * differences cannot resolve even that (the two sides differ by less than the noise), the claim
 * passes only when expect is itself zero within the noise; otherwise the draw cannot decide.
 */
function judgeBelowAtol(outcome: CompareOutcome, tolerance: Tolerance, scale: number, sides: Sides): Judgement {
  const scaled = { rtol: tolerance.rtol, atol: tolerance.atol * scale };
  const note = `every value lies below atol ${tolerance.atol.toExponential(0)}: compared at their own scale`;
  const c = compareArrays(outcome.analytic, outcome.numeric, scaled);
  if (c.passed) return { status: 'pass', reason: null, comparison: c, undecided: null, note };
  const reason = mismatch(c, sides, outcome);
  const noisy = tooNoisy(outcome, c, scaled);
  if (noisy === null) return { status: 'fail', reason, comparison: c, undecided: null, note };
  const noise = outcome.noise(c.worst.index) ?? 0;
  if (largest(outcome.analytic) <= MISMATCH_OVER_NOISE * noise) {
    return { status: 'pass', reason: null, comparison: c, undecided: null, note };
  }
  const undecided = `${note}, and the finite differences cannot resolve them (noise ~${noise.toExponential(0)}); rescale f so that its derivative is of order one, or if values this small count as zero, set atol explicitly`;
  return { status: 'fail', reason, comparison: c, undecided, note };
}

/** What a trial is judged by: the tolerance, and whether its atol was chosen or is the default. */
export interface Criterion {
  readonly tolerance: Tolerance;
  /**
   * The atol was set by the spec, the config or a flag: it is honoured even where every value
   * lies below it (with a note), because whoever set it said such values count as zero. The
   * default atol never decides a claim on its own.
   */
  readonly atolChosen: boolean;
}

/**
 * The tolerance two arrays are compared at: the criterion's, with atol scaled down by the
 * largest value where every value lies below the default atol (see {@link judgeBelowAtol}). The
 * hints compare their near misses at the same tolerance as the verdict.
 */
export function toleranceFor(criterion: Criterion, a: Mat, b: Mat): Tolerance {
  const { tolerance } = criterion;
  const scale = Math.max(largest(a), largest(b));
  const below = scale > 0 && scale < tolerance.atol && !criterion.atolChosen;
  return below ? { rtol: tolerance.rtol, atol: tolerance.atol * scale } : tolerance;
}

/**
 * Judges one outcome by a criterion. `sides` names the two sides in a mismatch (`expect`,
 * `numeric`, or `rhs`, `lhs`). A kink, or a failure where the noise is too high to decide, leaves
 * the draw undecided: it proves nothing and is redrawn.
 */
export function judge(outcome: TrialOutcome, criterion: Criterion, sides: Sides): Judgement {
  const { tolerance } = criterion;
  const plain = { comparison: null, undecided: null, note: null };
  switch (outcome.type) {
    case 'error':
      return { ...plain, status: 'error', reason: outcome.message };
    case 'fail':
    case 'shape':
    case 'noisy':
      return { ...plain, status: 'fail', reason: outcome.message };
    case 'kink':
      return { ...plain, status: 'fail', reason: 'inconclusive: the draw sits on a kink', undecided: KINK_ADVICE };
    case 'compare': {
      const scale = Math.max(largest(outcome.analytic), largest(outcome.numeric));
      const below = scale > 0 && scale < tolerance.atol;
      if (below && !criterion.atolChosen) return judgeBelowAtol(outcome, tolerance, scale, sides);
      const c = compareArrays(outcome.analytic, outcome.numeric, tolerance);
      const note = below
        ? `every value lies below the chosen atol ${tolerance.atol.toExponential(0)}: atol alone passed it`
        : null;
      if (c.passed) return { ...plain, status: 'pass', reason: null, comparison: c, note };
      const reason = mismatch(c, sides, outcome);
      return { ...plain, status: 'fail', reason, comparison: c, undecided: tooNoisy(outcome, c, tolerance) };
    }
  }
}
