import { type Mat, MathError, formatShape, zeros, requireReal } from './mat.js';
import { copyOf } from './alloc.js';

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
  const lu = copyOf(a.re);
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  let sign = 1;
  let singular = false;
  for (let k = 0; k < n; k++) {
    const p = pivotRow(lu, n, k);
    if (p !== k) {
      swapRows(lu, n, k, p);
      const t = perm[k]!;
      perm[k] = perm[p]!;
      perm[p] = t;
      sign = -sign;
    }
    if (lu[k * n + k] === 0) {
      singular = true;
      continue;
    }
    let i = k + 1;
    for (; i + 1 < n; i += 2) eliminatePair(lu, n, k, i);
    if (i < n) eliminate(lu, n, k, i);
  }
  return { n, lu, perm, sign, singular };
}

/** The row at or below k with the largest entry in column k (the first such row on ties). */
function pivotRow(lu: Float64Array, n: number, k: number): number {
  let p = k;
  let best = Math.abs(lu[k * n + k]!);
  for (let i = k + 1; i < n; i++) {
    const v = Math.abs(lu[i * n + k]!);
    if (v > best) {
      best = v;
      p = i;
    }
  }
  return p;
}

function swapRows(lu: Float64Array, n: number, k: number, p: number): void {
  for (let j = 0; j < n; j++) {
    const t = lu[k * n + j]!;
    lu[k * n + j] = lu[p * n + j]!;
    lu[p * n + j] = t;
  }
}

/**
 * Row i minus l times row k, right of column k, with l = lu[i][k] / lu[k][k] (the pivot, not
 * zero) stored in its place. This loop is where the time of det, inv and solve goes.
 */
function eliminate(lu: Float64Array, n: number, k: number, i: number): void {
  const ri = i * n,
    rk = k * n;
  const l = lu[ri + k]! / lu[rk + k]!;
  lu[ri + k] = l;
  if (l === 0) return;
  for (let j = k + 1; j < n; j++) lu[ri + j]! -= l * lu[rk + j]!;
}

/**
 * {@link eliminate} for rows i and i + 1 at once: each entry of the pivot row is loaded once for
 * both. Every entry still gets the same operations in the same order, so the results are the
 * same to the bit; measured 1.1 to 1.3 times faster than one row at a time at n = 64 and 128.
 */
function eliminatePair(lu: Float64Array, n: number, k: number, i: number): void {
  const ra = i * n,
    rb = ra + n,
    rk = k * n;
  const pivot = lu[rk + k]!;
  const la = lu[ra + k]! / pivot;
  const lb = lu[rb + k]! / pivot;
  lu[ra + k] = la;
  lu[rb + k] = lb;
  if (la === 0 || lb === 0) {
    // A zero multiplier leaves its row as it is (0 · inf would not).
    if (la !== 0) for (let j = k + 1; j < n; j++) lu[ra + j]! -= la * lu[rk + j]!;
    if (lb !== 0) for (let j = k + 1; j < n; j++) lu[rb + j]! -= lb * lu[rk + j]!;
    return;
  }
  let j = k + 1;
  for (; j + 1 < n; j += 2) {
    const u0 = lu[rk + j]!,
      u1 = lu[rk + j + 1]!;
    lu[ra + j]! -= la * u0;
    lu[ra + j + 1]! -= la * u1;
    lu[rb + j]! -= lb * u0;
    lu[rb + j + 1]! -= lb * u1;
  }
  if (j < n) {
    const u = lu[rk + j]!;
    lu[ra + j]! -= la * u;
    lu[rb + j]! -= lb * u;
  }
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

/**
 * log|det A|, from the logarithms of the LU pivots rather than the determinant itself, which
 * overflows or underflows long before its logarithm does (det(0.1·I) at n = 400 is 1e-400).
 */
export function logdet(a: Mat): number {
  requireSquare(a, 'logdet');
  if (a.rows === 0) return 0;
  const { n, lu } = factor(a);
  let s = 0;
  for (let k = 0; k < n; k++) s += Math.log(Math.abs(lu[k * n + k]!));
  return s;
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
