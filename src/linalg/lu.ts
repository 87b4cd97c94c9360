import { type Mat, MathError, formatShape, zeros, requireReal } from './mat.js';

/** An LU factorisation with partial pivoting: PA = LU packed in one array, as in LAPACK. */
interface Lu {
  readonly n: number;
  readonly lu: Float64Array;
  readonly perm: Int32Array;
  /** +1 or −1: the sign of the row permutation. */
  readonly sign: number;
  /** True when a pivot is exactly zero. */
  readonly singular: boolean;
}

function requireSquare(a: Mat, op: string): void {
  requireReal(a, op);
  if (a.rows !== a.cols) throw new MathError(`${op} needs a square matrix, got ${formatShape(a)}`);
}

/** Doolittle LU with partial pivoting of a square real matrix. */
function factor(a: Mat): Lu {
  const n = a.rows;
  const lu = Float64Array.from(a.re);
  const perm = Int32Array.from({ length: n }, (_, i) => i);
  let sign = 1;
  let singular = false;
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(lu[i * n + k]!) > Math.abs(lu[p * n + k]!)) p = i;
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const t = lu[k * n + j]!;
        lu[k * n + j] = lu[p * n + j]!;
        lu[p * n + j] = t;
      }
      const t = perm[k]!; perm[k] = perm[p]!; perm[p] = t;
      sign = -sign;
    }
    const pivot = lu[k * n + k]!;
    if (pivot === 0) { singular = true; continue; }
    for (let i = k + 1; i < n; i++) {
      const l = (lu[i * n + k]! /= pivot);
      if (l === 0) continue;
      for (let j = k + 1; j < n; j++) lu[i * n + j]! -= l * lu[k * n + j]!;
    }
  }
  return { n, lu, perm, sign, singular };
}

/** The determinant, from the LU pivots. */
export function det(a: Mat): number {
  requireSquare(a, 'det');
  if (a.rows === 0) return 1;
  const { n, lu, sign } = factor(a);
  let d = sign;
  for (let k = 0; k < n; k++) d *= lu[k * n + k]!;
  return d;
}

/** Solves A X = B for X (B with A.rows rows), refusing a singular A. */
export function solve(a: Mat, b: Mat, op = 'solve'): Mat {
  requireSquare(a, op);
  requireReal(b, op);
  if (b.rows !== a.rows) {
    throw new MathError(`dimension mismatch in ${op}: ${formatShape(a)} and ${formatShape(b)}`);
  }
  const f = factor(a);
  if (f.singular) throw new MathError(`${op}: the matrix is singular`);
  const { n, lu, perm } = f;
  const m = b.cols;
  const x = zeros(n, m);
  for (let i = 0; i < n; i++) x.re.set(b.re.subarray(perm[i]! * m, perm[i]! * m + m), i * m);
  for (let c = 0; c < m; c++) {
    for (let i = 0; i < n; i++) {
      let s = x.re[i * m + c]!;
      for (let k = 0; k < i; k++) s -= lu[i * n + k]! * x.re[k * m + c]!;
      x.re[i * m + c] = s;
    }
    for (let i = n - 1; i >= 0; i--) {
      let s = x.re[i * m + c]!;
      for (let k = i + 1; k < n; k++) s -= lu[i * n + k]! * x.re[k * m + c]!;
      x.re[i * m + c] = s / lu[i * n + i]!;
    }
  }
  return x;
}

/** The identity matrix, n×n (or rows×cols with ones on the main diagonal). */
export function identity(rows: number, cols = rows): Mat {
  const out = zeros(rows, cols);
  for (let i = 0; i < Math.min(rows, cols); i++) out.re[i * cols + i] = 1;
  return out;
}

/** The inverse of a square real matrix; a singular one is a MathError. */
export function inv(a: Mat): Mat {
  requireSquare(a, 'inv');
  return solve(a, identity(a.rows), 'inv');
}
