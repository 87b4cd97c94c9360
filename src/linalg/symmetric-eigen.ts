import { type Mat, MathError, formatShape, requireReal, zeros } from './mat.js';

/** Sweeps of the cyclic Jacobi method before giving up: it converges quadratically, in a handful. */
const MAX_SWEEPS = 100;

/** (S + Sᵀ)/2 of a real square matrix, as a plain row-major array. */
function symmetricPartOf(s: Mat, what: string): Float64Array {
  requireReal(s, what);
  if (s.rows !== s.cols) throw new MathError(`${what} needs a square matrix, got ${formatShape(s)}`);
  const n = s.rows;
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] = (s.re[i * n + j]! + s.re[j * n + i]!) / 2;
  return a;
}

/** Rotates rows and columns p, q of `a` (and columns of `v`) to zero a[p][q]: one Jacobi step. */
function rotate(a: Float64Array, v: Float64Array, n: number, [p, q]: readonly [number, number]): void {
  const apq = a[p * n + q]!;
  if (apq === 0) return;
  const theta = (a[q * n + q]! - a[p * n + p]!) / (2 * apq);
  const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
  const c = 1 / Math.sqrt(t * t + 1);
  const s = t * c;
  for (let k = 0; k < n; k++) {
    const [akp, akq] = [a[k * n + p]!, a[k * n + q]!];
    a[k * n + p] = c * akp - s * akq;
    a[k * n + q] = s * akp + c * akq;
  }
  for (let k = 0; k < n; k++) {
    const [apk, aqk] = [a[p * n + k]!, a[q * n + k]!];
    a[p * n + k] = c * apk - s * aqk;
    a[q * n + k] = s * apk + c * aqk;
  }
  for (let k = 0; k < n; k++) {
    const [vkp, vkq] = [v[k * n + p]!, v[k * n + q]!];
    v[k * n + p] = c * vkp - s * vkq;
    v[k * n + q] = s * vkp + c * vkq;
  }
}

/** The sum of squares of the off-diagonal entries. */
function offDiagonal(a: Float64Array, n: number): number {
  let off = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) off += a[i * n + j]! ** 2;
  return off;
}

/** A symmetric eigendecomposition: eigenvalues ascending, orthonormal eigenvectors as columns in that order. */
export interface SymmetricEigen {
  readonly values: readonly number[];
  /** n×n, column k the eigenvector of values[k], its largest-magnitude entry positive. */
  readonly vectors: Mat;
  /** The row of each eigenvector's largest-magnitude entry (a change of it flips a sign: a kink). */
  readonly signRows: readonly number[];
}

/**
 * The eigendecomposition of the symmetric part (S + Sᵀ)/2 of S, by the cyclic Jacobi method,
 * accurate to a few units of rounding relative to ‖S‖. Acting on the symmetric part keeps it
 * defined at the entrywise steps of finite differences, which leave S symmetric only to rounding.
 */
export function symmetricEigen(s: Mat, what: string): SymmetricEigen {
  const n = s.rows;
  const a = symmetricPartOf(s, what);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  let scale = 0;
  for (const x of a) scale += x * x;
  for (let sweep = 0; sweep < MAX_SWEEPS && offDiagonal(a, n) > 1e-30 * scale; sweep++)
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) rotate(a, v, n, [p, q]);
  const order = Array.from({ length: n }, (_, k) => k).sort((x, y) => a[x * n + x]! - a[y * n + y]!);
  const vectors = zeros(n, n);
  const signRows: number[] = [];
  order.forEach((k, col) => {
    let big = 0;
    for (let i = 1; i < n; i++) if (Math.abs(v[i * n + k]!) > Math.abs(v[big * n + k]!)) big = i;
    const sign = v[big * n + k]! < 0 ? -1 : 1;
    for (let i = 0; i < n; i++) vectors.re[i * n + col] = sign * v[i * n + k]!;
    signRows.push(big);
  });
  return { values: order.map((k) => a[k * n + k]!), vectors, signRows };
}

/** V·diag(f(λ))·Vᵀ: a function of a symmetric matrix through its eigenvalues. */
export function spectralFunction(s: Mat, what: string, f: (lambda: number) => number): Mat {
  const { values, vectors: v } = symmetricEigen(s, what);
  const n = values.length;
  const fl = values.map((l) => {
    const y = f(l);
    if (!Number.isFinite(y))
      throw new MathError(`${what} needs a symmetric positive definite matrix; it has eigenvalue ${l}`);
    return y;
  });
  const out = zeros(n, n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let k = 0; k < n; k++) sum += v.re[i * n + k]! * fl[k]! * v.re[j * n + k]!;
      out.re[i * n + j] = sum;
    }
  return out;
}
