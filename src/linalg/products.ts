import { type Mat, MathError, formatShape, zeros, isScalar, checkSize } from './mat.js';
import { allocate } from './alloc.js';
import { arith } from './elementwise.js';

/** Transpose; `conjugate` also negates imaginary parts (the `'` operator on complex values). */
export function transpose(a: Mat, conjugate = true): Mat {
  const out = zeros(a.cols, a.rows, a.im !== null);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) {
      out.re[j * a.rows + i] = a.re[i * a.cols + j]!;
      if (a.im !== null) out.im![j * a.rows + i] = (conjugate ? -1 : 1) * a.im[i * a.cols + j]!;
    }
  }
  return out;
}

/** The sizes of a product: m×k times k×n. */
interface ProductShape {
  readonly m: number;
  readonly k: number;
  readonly n: number;
}

/** Real matrix product of row-major arrays, i-k-j order so the inner loop runs along rows. */
function matmulReal(a: Float64Array, b: Float64Array, shape: ProductShape): Float64Array {
  const { m, k, n } = shape;
  const out = allocate(m * n);
  for (let i = 0; i < m; i++) {
    const oi = i * n;
    for (let p = 0; p < k; p++) {
      const aip = a[i * k + p]!;
      if (aip === 0) continue;
      const bp = p * n;
      for (let j = 0; j < n; j++) out[oi + j] += aip * b[bp + j]!;
    }
  }
  return out;
}

/**
 * The `*` operator: a 1×1 on either side scales the other (MATLAB's rule), otherwise the matrix
 * product, whose inner dimensions must agree.
 */
export function multiply(a: Mat, b: Mat): Mat {
  if (isScalar(a) || isScalar(b)) return arith(a, b, 'mul', '*');
  if (a.cols !== b.rows) {
    throw new MathError(
      `dimension mismatch in *: ${formatShape(a)} * ${formatShape(b)} (inner dimensions ${a.cols} != ${b.rows})`,
    );
  }
  const m = a.rows,
    k = a.cols,
    n = b.cols;
  checkSize(m, n, 'the product');
  const shape: ProductShape = { m, k, n };
  const re = matmulReal(a.re, b.re, shape);
  if (a.im === null && b.im === null) return { rows: m, cols: n, re, im: null };
  const zero = new Float64Array(0);
  const ai = a.im ?? zero,
    bi = b.im ?? zero;
  const rr = re;
  const ii = a.im && b.im ? matmulReal(ai, bi, shape) : allocate(m * n);
  const ri = b.im ? matmulReal(a.re, bi, shape) : allocate(m * n);
  const ir = a.im ? matmulReal(ai, b.re, shape) : allocate(m * n);
  const outRe = allocate(m * n);
  const outIm = allocate(m * n);
  for (let t = 0; t < m * n; t++) {
    outRe[t] = rr[t]! - ii[t]!;
    outIm[t] = ri[t]! + ir[t]!;
  }
  return { rows: m, cols: n, re: outRe, im: outIm };
}

/** Kronecker product of real matrices. */
export function kron(a: Mat, b: Mat): Mat {
  const rows = a.rows * b.rows;
  const cols = a.cols * b.cols;
  const out = zeros(rows, cols);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) {
      const s = a.re[i * a.cols + j]!;
      for (let p = 0; p < b.rows; p++) {
        for (let q = 0; q < b.cols; q++) {
          out.re[(i * b.rows + p) * cols + j * b.cols + q] = s * b.re[p * b.cols + q]!;
        }
      }
    }
  }
  return out;
}
