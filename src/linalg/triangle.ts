import { type Mat, MathError, formatShape, zeros } from './mat.js';
import { storageOfVec } from './vec-order.js';

/** The lower (`keep` 'lower') or upper triangle of a matrix, the diagonal included; zeros elsewhere. */
export function triangle(a: Mat, keep: 'lower' | 'upper'): Mat {
  const out = zeros(a.rows, a.cols, a.im !== null);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) {
      if (keep === 'lower' ? j > i : j < i) continue;
      const k = i * a.cols + j;
      out.re[k] = a.re[k]!;
      if (out.im !== null) out.im[k] = a.im![k]!;
    }
  }
  return out;
}

/** The same entries in vec order (columns stacked) as an m×n matrix: reshape(A, m, n). */
export function reshape(a: Mat, rows: number, cols: number): Mat {
  if (rows * cols !== a.rows * a.cols) {
    throw new MathError(
      `reshape: ${formatShape(a)} has ${a.rows * a.cols} entries, not ${rows}×${cols} = ${rows * cols}`,
    );
  }
  const out = zeros(rows, cols, a.im !== null);
  for (let v = 0; v < rows * cols; v++) {
    const from = storageOfVec(a.rows, a.cols, v);
    const to = storageOfVec(rows, cols, v);
    out.re[to] = a.re[from]!;
    if (out.im !== null) out.im[to] = a.im![from]!;
  }
  return out;
}
