import { type Mat, zeros, isVector, requireReal } from './mat.js';

/**
 * Calls `each(j, at)` for every "column" softmax and logsumexp act on, where `at(k)` is the index
 * of its k-th entry in `a.re` and j its place in logsumexp's 1×n result: the whole of a vector,
 * a 1×n row as much as an n×1 column (one distribution, not n of one entry), otherwise each
 * column of a matrix.
 */
function forEachColumn(a: Mat, each: (columnIndex: number, at: (k: number) => number) => void, axis: Along): void {
  if (axis === 'vector' && isVector(a)) {
    each(0, (k) => k);
    return;
  }
  if (axis === 2) for (let i = 0; i < a.rows; i++) each(i, (k) => i * a.cols + k);
  else for (let j = 0; j < a.cols; j++) each(j, (k) => k * a.cols + j);
}

/**
 * What softmax and logsumexp run along: `vector` (no axis: a whole vector, else each column),
 * 1 (each column, always) or 2 (each row, always).
 */
export type Along = 'vector' | 1 | 2;

function lengthOf(a: Mat, axis: Along): number {
  if (axis === 'vector' && isVector(a)) return a.rows * a.cols;
  return axis === 2 ? a.cols : a.rows;
}

/** Softmax of a vector, or of each column of a matrix (shifted by the maximum for stability). */
export function softmax(a: Mat, axis: Along = 'vector'): Mat {
  requireReal(a, 'softmax');
  const out = zeros(a.rows, a.cols);
  const n = lengthOf(a, axis);
  forEachColumn(
    a,
    (_, at) => {
      let max = -Infinity;
      for (let k = 0; k < n; k++) max = Math.max(max, a.re[at(k)]!);
      let total = 0;
      for (let k = 0; k < n; k++) total += out.re[at(k)] = Math.exp(a.re[at(k)]! - max);
      for (let k = 0; k < n; k++) out.re[at(k)]! /= total;
    },
    axis,
  );
  return out;
}

/**
 * log(sum(exp(z))) over a vector (→ 1×1), or over each column of a matrix (→ 1×n); with axis 1 over
 * each column (→ 1×n), with axis 2 over each row (→ m×1), dims kept like `sum`.
 */
export function logsumexp(a: Mat, axis: Along = 'vector'): Mat {
  requireReal(a, 'logsumexp');
  const out = axis === 2 ? zeros(a.rows, 1) : zeros(1, axis === 'vector' && isVector(a) ? 1 : a.cols);
  const n = lengthOf(a, axis);
  forEachColumn(
    a,
    (j, at) => {
      let max = -Infinity;
      for (let k = 0; k < n; k++) max = Math.max(max, a.re[at(k)]!);
      if (max === Infinity || max === -Infinity) {
        out.re[j] = max; // the shift would compute ∞ − ∞; the limit is the extreme itself
        return;
      }
      let total = 0;
      for (let k = 0; k < n; k++) total += Math.exp(a.re[at(k)]! - max);
      out.re[j] = max + Math.log(total);
    },
    axis,
  );
  return out;
}

/** The 2-norm of a vector, the Frobenius norm of a matrix (the two agree on vectors). */
export function norm(a: Mat): number {
  let s = 0;
  for (let k = 0; k < a.re.length; k++) s += a.re[k]! ** 2 + (a.im?.[k] ?? 0) ** 2;
  return Math.sqrt(s);
}
