import { type Mat, MathError, requireReal, zeros } from './mat.js';
import { transpose } from './products.js';

/** A thin SVD A = U·diag(σ)·Vᵀ: σ descending, U m×r and V n×r with orthonormal columns (r = min(m, n)). */
export interface Svd {
  readonly u: Mat;
  readonly sigma: readonly number[];
  readonly v: Mat;
}

/** Rotates column pairs of w (m×n) and v (n×n) until the columns of w are orthogonal. */
function orthogonalize(w: Float64Array, v: Float64Array, [m, n]: readonly [number, number]): void {
  for (let sweep = 0; sweep < 100; sweep++) {
    let rotated = false;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        let [alpha, beta, gamma] = [0, 0, 0];
        for (let i = 0; i < m; i++) {
          alpha += w[i * n + p]! ** 2;
          beta += w[i * n + q]! ** 2;
          gamma += w[i * n + p]! * w[i * n + q]!;
        }
        if (Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta) || gamma === 0) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (const [arr, rows] of [
          [w, m],
          [v, n],
        ] as const)
          for (let i = 0; i < rows; i++) {
            const [xp, xq] = [arr[i * n + p]!, arr[i * n + q]!];
            arr[i * n + p] = c * xp - s * xq;
            arr[i * n + q] = s * xp + c * xq;
          }
      }
    if (!rotated) break;
  }
}

/**
 * The one-sided Jacobi SVD (Hestenes): columns of a copy of A are rotated pairwise until they
 * are orthogonal; their norms are the singular values. Unlike the eigenvalues of AᵀA it keeps small
 * singular values to full relative accuracy. A wide A is decomposed through its transpose.
 */
export function svd(a: Mat): Svd {
  requireReal(a, 'svd');
  if (a.rows < a.cols) {
    const t = svd(transpose(a, false));
    return { u: t.v, sigma: t.sigma, v: t.u };
  }
  const [m, n] = [a.rows, a.cols];
  const w = Float64Array.from(a.re);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  orthogonalize(w, v, [m, n]);
  const norms = Array.from({ length: n }, (_, j) =>
    Math.sqrt(Array.from({ length: m }, (_, i) => w[i * n + j]! ** 2).reduce((x, y) => x + y, 0)),
  );
  const order = norms.map((_, j) => j).sort((x, y) => norms[y]! - norms[x]!);
  const u = zeros(m, n);
  const vv = zeros(n, n);
  order.forEach((j, col) => {
    for (let i = 0; i < m; i++) u.re[i * n + col] = norms[j]! > 0 ? w[i * n + j]! / norms[j]! : 0;
    for (let i = 0; i < n; i++) vv.re[i * n + col] = v[i * n + j]!;
  });
  if (order.some((j) => !Number.isFinite(norms[j]!)))
    throw new MathError('svd of a matrix with NaN or infinite entries');
  return { u, sigma: order.map((j) => norms[j]!), v: vv };
}

/** The Moore–Penrose pseudo-inverse V·diag(1/σ)·Uᵀ, singular values below max(m, n)·ε·σ₁ counted as 0. */
export function pinv(a: Mat): Mat {
  const { u, sigma, v } = svd(a);
  const cutoff = Math.max(a.rows, a.cols) * Number.EPSILON * (sigma[0] ?? 0);
  const out = zeros(a.cols, a.rows);
  const r = sigma.length;
  for (let i = 0; i < a.cols; i++)
    for (let j = 0; j < a.rows; j++) {
      let sum = 0;
      for (let k = 0; k < r; k++) if (sigma[k]! > cutoff) sum += (v.re[i * r + k]! * u.re[j * r + k]!) / sigma[k]!;
      out.re[i * a.rows + j] = sum;
    }
  return out;
}
