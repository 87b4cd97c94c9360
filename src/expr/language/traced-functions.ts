import { type Mat, zeros } from '../../linalg/mat.js';
import { sortVector } from '../../linalg/sort.js';
import { pNorm } from '../../linalg/norms.js';
import { symmetricEigen } from '../../linalg/symmetric-eigen.js';
import { svd } from '../../linalg/svd.js';
import { det } from '../../linalg/lu.js';
import { tiePattern } from '../../linalg/spectral-ties.js';
import type { KinkTrace } from '../kink-trace.js';

// The functions of the language that are not differentiable everywhere, each recording on the
// evaluation's KinkTrace the branch it took, so that a finite difference across a branch change
// is seen as a kink and taken again at a smaller step, or redrawn.

/** A column of numbers. */
function column(values: readonly number[]): Mat {
  const out = zeros(values.length, 1);
  values.forEach((v, i) => (out.re[i] = v));
  return out;
}

/** sort, its order recorded: a step that swaps two entries crosses a kink. */
export function tracedSort(a: Mat, trace: KinkTrace | null): Mat {
  const { sorted, order } = sortVector(a);
  if (trace !== null) for (const k of order) trace.recordChoice(k);
  return sorted;
}

/**
 * norm(x, p), the signs of x and the choice of a maximum recorded (the kinks of the 1- and
 * ∞-norms), and for the spectral norm whether its largest singular value is tied.
 */
export function tracedNorm(a: Mat, p: number, trace: KinkTrace | null): Mat {
  const { value, choice } = pNorm(a, p);
  if (trace === null) return value;
  if (p !== 2) trace.record(a);
  if (choice !== null) trace.recordChoice(choice);
  return value;
}

/** The eigenvalues of a symmetric matrix, ascending, which of them are tied recorded as kinks. */
export function tracedEigenvalues(s: Mat, trace: KinkTrace | null): Mat {
  const { values } = symmetricEigen(s, 'eigvalsh');
  if (trace !== null) for (const tie of tiePattern(values, false)) trace.recordChoice(tie);
  return column(values);
}

/**
 * The eigenvectors of a symmetric matrix, the entry that fixes each one's sign and the ties of
 * their eigenvalues (where eigenvectors are not defined) recorded as kinks.
 */
export function tracedEigenvectors(s: Mat, trace: KinkTrace | null): Mat {
  const { values, vectors, signRows } = symmetricEigen(s, 'eigvecsh');
  if (trace !== null) for (const choice of [...signRows, ...tiePattern(values, false)]) trace.recordChoice(choice);
  return vectors;
}

/**
 * The singular values, descending, which are tied and which are 0 recorded as kinks, and for a
 * square matrix the sign of its determinant: the smallest singular value of a square matrix is
 * |t| along a line through a singular one, which a step crosses without ever landing on 0.
 */
export function tracedSingularValues(a: Mat, trace: KinkTrace | null): Mat {
  const { sigma } = svd(a);
  if (trace !== null) {
    for (const tie of tiePattern(sigma, true)) trace.recordChoice(tie);
    if (a.rows === a.cols) trace.recordChoice(Math.sign(det(a)));
  }
  return column(sigma);
}
