import { type Mat, zeros, isVector, requireReal } from './mat.js';

/**
 * Calls `each(j, at)` for every "column" softmax and logsumexp act on, where `at(k)` is the index
 * of its k-th entry in `a.re` and j its place in logsumexp's 1×n result: the whole of a vector,
 * a 1×n row as much as an n×1 column (one distribution, not n of one entry), otherwise each
 * column of a matrix.
 */
function forEachColumn(a: Mat, each: (columnIndex: number, at: (k: number) => number) => void): void {
  if (isVector(a)) {
    each(0, (k) => k);
    return;
  }
  for (let j = 0; j < a.cols; j++) each(j, (k) => k * a.cols + j);
}

function lengthOf(a: Mat): number {
  return isVector(a) ? a.rows * a.cols : a.rows;
}

/** Softmax of a vector, or of each column of a matrix (shifted by the maximum for stability). */
export function softmax(a: Mat): Mat {
  requireReal(a, 'softmax');
  const out = zeros(a.rows, a.cols);
  const n = lengthOf(a);
  forEachColumn(a, (_, at) => {
    let max = -Infinity;
    for (let k = 0; k < n; k++) max = Math.max(max, a.re[at(k)]!);
    let total = 0;
    for (let k = 0; k < n; k++) total += out.re[at(k)] = Math.exp(a.re[at(k)]! - max);
    for (let k = 0; k < n; k++) out.re[at(k)]! /= total;
  });
  return out;
}

/** log(sum(exp(z))) over a vector (→ 1×1), or over each column of a matrix (→ 1×n). */
export function logsumexp(a: Mat): Mat {
  requireReal(a, 'logsumexp');
  const out = zeros(1, isVector(a) ? 1 : a.cols);
  const n = lengthOf(a);
  forEachColumn(a, (j, at) => {
    let max = -Infinity;
    for (let k = 0; k < n; k++) max = Math.max(max, a.re[at(k)]!);
    if (max === Infinity || max === -Infinity) {
      out.re[j] = max; // the shift would compute ∞ − ∞; the limit is the extreme itself
      return;
    }
    let total = 0;
    for (let k = 0; k < n; k++) total += Math.exp(a.re[at(k)]! - max);
    out.re[j] = max + Math.log(total);
  });
  return out;
}

/** The 2-norm of a vector, the Frobenius norm of a matrix (the two agree on vectors). */
export function norm(a: Mat): number {
  let s = 0;
  for (let k = 0; k < a.re.length; k++) s += a.re[k]! ** 2 + (a.im?.[k] ?? 0) ** 2;
  return Math.sqrt(s);
}
