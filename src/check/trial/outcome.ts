import { type Mat } from '../../linalg/mat.js';
import { firstNonFinite } from '../../numeric/closeness.js';
import { formatShape } from '../../linalg/mat.js';

/** Estimates the numerical noise of the reference at a 1-based (row, column) entry; null if it cannot. */
export type NoiseAt = (index: readonly [number, number]) => number | null;

/** A backprop claim's upstream array G and the name expect reads it by. */
export interface Upstream {
  readonly name: string;
  readonly value: Mat;
}

/** What one trial of one claim came to, before tolerances are applied. */
export type TrialOutcome =
  /** `probes`: the entries are projections on random directions (fast mode), one per probe. */
  | {
      readonly type: 'compare';
      readonly analytic: Mat;
      readonly numeric: Mat;
      readonly noise: NoiseAt;
      readonly probes: boolean;
      /** Where a 1-based entry is, in words (`along dX = E(2,1), entry (1,1) of f`); `at (i,j)` when absent. */
      readonly place?: (index: readonly [number, number]) => string;
      /** What each row is, where rows are not entries of one array (a differential's directions). */
      readonly rowLabels?: readonly string[];
      /** A backprop claim's random upstream array, kept so that explain can show it. */
      readonly upstream?: Upstream;
    }
  /** `expect` evaluated, but to the wrong shape: kept, because its transpose may be the answer. */
  | {
      readonly type: 'shape';
      readonly analytic: Mat;
      readonly numeric: Mat;
      readonly message: string;
      readonly upstream?: Upstream;
    }
  | { readonly type: 'fail'; readonly message: string }
  | { readonly type: 'error'; readonly message: string }
  | { readonly type: 'kink' }
  /** Redrawn too often: the finite differences could not resolve the tolerance on these draws. */
  | { readonly type: 'noisy'; readonly message: string };

/** The two sides of one trial, as they came out. `probes`: they are projections (fast mode). */
export interface Sides {
  readonly analytic: Mat;
  readonly numeric: Mat;
  readonly probes: boolean;
}

/** Names of the sides in messages: `expect is 3×2 but wrt X is 2×3`. */
export interface SideLabels {
  readonly analytic: string;
  readonly target: string;
  readonly numeric: string;
}

/** Shape check, then finiteness, then a comparison (of projections when `probes`). */
export function finish(sides: Sides, noise: NoiseAt, labels: SideLabels): TrialOutcome {
  const { analytic, numeric, probes } = sides;
  if (analytic.rows !== numeric.rows || analytic.cols !== numeric.cols) {
    return {
      type: 'shape',
      analytic,
      numeric,
      message: `${labels.analytic} is ${formatShape(analytic)} but ${labels.target} is ${numeric.rows}×${numeric.cols}`,
    };
  }
  const badNumeric = firstNonFinite(numeric);
  if (badNumeric !== null) {
    // f itself is not finite near the draw: a log, sqrt or power of entries drawn negative, usually.
    const why = labels.numeric.includes('numeric')
      ? '; f is not finite near the draw (log, sqrt or a power of a negative entry?): draw its var with sample: positive'
      : '';
    return {
      type: 'fail',
      message: `${labels.numeric} is NaN or infinite at (${badNumeric.join(',')}) on this draw${why}`,
    };
  }
  const badAnalytic = firstNonFinite(analytic);
  if (badAnalytic !== null) {
    return {
      type: 'fail',
      message: `${labels.analytic} is NaN or infinite at (${badAnalytic.join(',')}) on this draw`,
    };
  }
  return { type: 'compare', analytic, numeric, noise, probes };
}
