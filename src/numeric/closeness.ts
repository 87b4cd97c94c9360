import { type Mat } from '../linalg/mat.js';

/**
 * Default relative tolerance. The finite differences are good to 1e-9 relative or better on the
 * identities this tool is for (1e-11 on most entries), so 1e-5 leaves four orders of margin and
 * more against false failures, while a formula wrong by one part in a thousand (1e-3) misses it
 * by a factor of 100. Draws where the differences are noisier are redrawn, not judged.
 */
export const DEFAULT_RTOL = 1e-5;

/**
 * Default absolute tolerance, for entries whose true value is 0 or tiny. Rounding in the finite
 * differences leaves about 3.4e-13·|f| in such entries (ε·1.5/h at h = 2⁻¹⁰), so 1e-8 holds for
 * |f| up to ~3·10⁴.
 */
export const DEFAULT_ATOL = 1e-8;

/** How close is close enough. */
export interface Tolerance {
  readonly rtol: number;
  readonly atol: number;
}

/** The closeness rule, entry by entry: |analytic − numeric| ≤ atol + rtol·|numeric|. */
export function isClose(absError: number, numericSize: number, tol: Tolerance): boolean {
  return absError <= tol.atol + tol.rtol * numericSize;
}

/** The entry that decided a comparison: the one furthest outside (or least inside) tolerance. */
export interface WorstEntry {
  /** 1-based (row, column), as printed. */
  readonly index: readonly [number, number];
  /** Real parts of the two sides there. */
  readonly analytic: number;
  readonly numeric: number;
  /** Imaginary parts of the two sides there, null for a real side. */
  readonly analyticIm: number | null;
  readonly numericIm: number | null;
  /** |analytic − numeric| there, the modulus for complex values. */
  readonly error: number;
}

/** The outcome of comparing two arrays of the same shape. */
export interface Comparison {
  readonly passed: boolean;
  readonly maxAbsError: number;
  /** Max of |a − n| / |n| over entries with |n| > atol (smaller entries are judged by atol alone). */
  readonly maxRelError: number;
  readonly worst: WorstEntry;
}

/** |analytic − numeric| and |numeric| at entry k: moduli, where the values are complex. */
function errorAt(analytic: Mat, numeric: Mat, k: number): { readonly abs: number; readonly size: number } {
  const dr = analytic.re[k]! - numeric.re[k]!;
  const di = (analytic.im?.[k] ?? 0) - (numeric.im?.[k] ?? 0);
  return { abs: Math.hypot(dr, di), size: Math.hypot(numeric.re[k]!, numeric.im?.[k] ?? 0) };
}

/** Whether entry k of the two arrays is close under `tol`: the rule {@link compareArrays} applies to each entry. */
export function isCloseAt(analytic: Mat, numeric: Mat, k: number, tol: Tolerance): boolean {
  const { abs, size } = errorAt(analytic, numeric, k);
  return isClose(abs, size, tol);
}

/**
 * Compares analytic to numeric entry by entry with {@link isClose}; |·| is the modulus for complex
 * values. Both must be finite (the caller checks) and of one shape.
 */
export function compareArrays(analytic: Mat, numeric: Mat, tol: Tolerance): Comparison {
  let maxAbs = 0,
    maxRel = 0,
    worstRatio = -1,
    worstK = 0,
    worstError = 0;
  let passed = true;
  for (let k = 0; k < numeric.re.length; k++) {
    const { abs, size } = errorAt(analytic, numeric, k);
    maxAbs = Math.max(maxAbs, abs);
    if (size > tol.atol) maxRel = Math.max(maxRel, abs / size);
    if (!isClose(abs, size, tol)) passed = false;
    const ratio = abs / (tol.atol + tol.rtol * size);
    if (ratio > worstRatio) {
      worstRatio = ratio;
      worstK = k;
      worstError = abs;
    }
  }
  const cols = numeric.cols;
  return {
    passed,
    maxAbsError: maxAbs,
    maxRelError: maxRel,
    worst: {
      index: [Math.floor(worstK / cols) + 1, (worstK % cols) + 1],
      analytic: analytic.re[worstK] ?? NaN,
      numeric: numeric.re[worstK] ?? NaN,
      analyticIm: analytic.im === null ? null : (analytic.im[worstK] ?? NaN),
      numericIm: numeric.im === null ? null : (numeric.im[worstK] ?? NaN),
      error: worstError,
    },
  };
}

/** |numeric| at the worst entry: the modulus where it is complex. */
export function numericSize(w: WorstEntry): number {
  return Math.hypot(w.numeric, w.numericIm ?? 0);
}

/** The 1-based (row, column) of the first NaN or infinite entry, or null. */
export function firstNonFinite(m: Mat): readonly [number, number] | null {
  for (let k = 0; k < m.re.length; k++) {
    if (!Number.isFinite(m.re[k]!) || (m.im !== null && !Number.isFinite(m.im[k]!))) {
      return [Math.floor(k / m.cols) + 1, (k % m.cols) + 1];
    }
  }
  return null;
}
