import { type Mat } from '../linalg/mat.js';
import { firstNonFinite } from '../numeric/closeness.js';
import { isDomainError } from '../budget.js';
import { shapeMismatch } from './draw.js';

/** Estimates the numerical noise of the reference at a 1-based (row, column) entry; null if it cannot. */
export type NoiseAt = (index: readonly [number, number]) => number | null;

/** What one trial of one claim came to, before tolerances are applied. */
export type TrialOutcome =
  /** `probes`: the entries are projections on random directions (fast mode), one per probe. */
  | {
      readonly type: 'compare';
      readonly analytic: Mat;
      readonly numeric: Mat;
      readonly noise: NoiseAt;
      readonly probes: boolean;
    }
  /** `expect` evaluated, but to the wrong shape: kept, because its transpose may be the answer. */
  | { readonly type: 'shape'; readonly analytic: Mat; readonly numeric: Mat; readonly message: string }
  | { readonly type: 'fail'; readonly message: string }
  | { readonly type: 'error'; readonly message: string }
  | { readonly type: 'kink' }
  /** Redrawn too often: the finite differences could not resolve the tolerance on these draws. */
  | { readonly type: 'noisy'; readonly message: string };

/** Evaluation problems become messages; anything else is a bug and propagates. */
export type Attempt = { readonly ok: true; readonly value: Mat } | { readonly ok: false; readonly message: string };

export function attempt(label: string, run: () => Mat): Attempt {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    if (isDomainError(error)) return { ok: false, message: `${label}: ${error.message}` };
    throw error;
  }
}

/** Shape check, then finiteness, then a comparison (of projections when `probes`). */
export function finish(
  analytic: Mat,
  numeric: Mat,
  noise: NoiseAt,
  labels: { readonly analytic: string; readonly target: string; readonly numeric: string },
  probes = false,
): TrialOutcome {
  if (analytic.rows !== numeric.rows || analytic.cols !== numeric.cols) {
    return {
      type: 'shape',
      analytic,
      numeric,
      message: shapeMismatch(labels.analytic, analytic, numeric.rows, numeric.cols, labels.target),
    };
  }
  const badNumeric = firstNonFinite(numeric);
  if (badNumeric !== null) {
    return { type: 'fail', message: `${labels.numeric} is NaN or infinite at (${badNumeric.join(',')}) on this draw` };
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
