import { type Mat, MathError, formatShape, requireReal, zeros } from './mat.js';
import { multiply } from './products.js';

/**
 * The Cholesky factor of the symmetric part of S: lower triangular L with a positive diagonal and
 * L·Lᵀ = (S + Sᵀ)/2. A matrix that is not positive definite is refused, naming the pivot.
 */
export function cholesky(s: Mat): Mat {
  requireReal(s, 'chol');
  if (s.rows !== s.cols) throw new MathError(`chol needs a square matrix, got ${formatShape(s)}`);
  const n = s.rows;
  const l = zeros(n, n);
  const at = (i: number, j: number): number => (s.re[i * n + j]! + s.re[j * n + i]!) / 2;
  for (let j = 0; j < n; j++) {
    let d = at(j, j);
    for (let k = 0; k < j; k++) d -= l.re[j * n + k]! ** 2;
    if (!(d > 0)) throw new MathError(`chol needs a symmetric positive definite matrix; pivot ${j + 1} is ${d}`);
    const ljj = Math.sqrt(d);
    l.re[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let x = at(i, j);
      for (let k = 0; k < j; k++) x -= l.re[i * n + k]! * l.re[j * n + k]!;
      l.re[i * n + j] = x / ljj;
    }
  }
  return l;
}

/**
 * The matrix exponential by scaling and squaring: A/2ˢ with ‖A/2ˢ‖₁ ≤ 1/2, its Taylor series to
 * degree 18 (the remainder below 1e-21 relative), then s squarings.
 */
export function expm(a: Mat): Mat {
  requireReal(a, 'expm');
  if (a.rows !== a.cols) throw new MathError(`expm needs a square matrix, got ${formatShape(a)}`);
  const n = a.rows;
  let norm = 0;
  for (let j = 0; j < n; j++) {
    let col = 0;
    for (let i = 0; i < n; i++) col += Math.abs(a.re[i * n + j]!);
    norm = Math.max(norm, col);
  }
  if (!Number.isFinite(norm)) throw new MathError('expm of a matrix with NaN or infinite entries');
  const s = Math.max(0, Math.ceil(Math.log2(norm / 0.5)));
  const scaled = { ...a, re: a.re.map((x) => x / 2 ** s) };
  let term = zeros(n, n);
  for (let i = 0; i < n; i++) term.re[i * n + i] = 1;
  let sum: Mat = { ...term, re: Float64Array.from(term.re) };
  for (let k = 1; k <= 18; k++) {
    term = multiply(term, scaled);
    term = { ...term, re: term.re.map((x) => x / k) };
    sum = { ...sum, re: sum.re.map((x, i) => x + term.re[i]!) };
  }
  for (let i = 0; i < s; i++) sum = multiply(sum, sum);
  return sum;
}
