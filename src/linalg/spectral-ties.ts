/**
 * Below this fraction of the largest magnitude, two sorted eigenvalues (or singular values) count
 * as one repeated value, and a singular value counts as 0. Jacobi's rounding leaves exact ties
 * apart by a few units of n·ε (about 1e-13 at n = 48); the smallest finite-difference step splits
 * a tie by about 1e-8 (2^-10/65536 relative): the threshold sits between the two.
 */
export const TIE_FRACTION = 1e-11;

/**
 * Which neighbours of an ascending or descending list of eigenvalues or singular values are tied
 * (1) or apart (0), and, for singular values, which of them are 0. A sorted spectrum is not
 * differentiable where a tie splits (the values then trade places, like sort's entries) nor a
 * singular value at 0 (|t| at t = 0); two evaluations with the same pattern lie on one smooth
 * piece. A tie kept by every step (the zero eigenvalues of x·xᵀ as x moves) stays a tie, and is
 * no kink.
 */
export function tiePattern(values: readonly number[], withZero: boolean): number[] {
  const scale = values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const tied = (gap: number): number => (gap <= TIE_FRACTION * scale ? 1 : 0);
  const pattern: number[] = [];
  for (let k = 1; k < values.length; k++) pattern.push(tied(Math.abs(values[k]! - values[k - 1]!)));
  if (withZero) for (const v of values) pattern.push(tied(Math.abs(v)));
  return pattern;
}
