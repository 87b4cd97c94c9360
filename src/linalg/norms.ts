import { type Mat, MathError, isVector, scalar } from './mat.js';
import { norm } from './softmax.js';
import { svd } from './svd.js';
import { tiePattern } from './spectral-ties.js';

/** |entry| of a real or complex matrix, at storage index k. */
const modulus = (a: Mat, k: number): number => Math.hypot(a.re[k]!, a.im?.[k] ?? 0);

/** The largest of `values` and where it is (a change of the maximiser is a kink). */
function largest(values: readonly number[]): PNorm {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return { value: scalar(values[best] ?? 0), choice: best };
}

/**
 * A p-norm and, for p = Infinity and induced norms, which entry, column or row gave it; for the
 * spectral norm, 1 where the two largest singular values are tied.
 */
export interface PNorm {
  readonly value: Mat;
  readonly choice: number | null;
}

/** The sums of |entries| of each column (`by` 'column') or each row. */
function absSums(a: Mat, by: 'column' | 'row'): number[] {
  const sums = new Array<number>(by === 'column' ? a.cols : a.rows).fill(0);
  for (let i = 0; i < a.rows; i++)
    for (let j = 0; j < a.cols; j++) sums[by === 'column' ? j : i]! += modulus(a, i * a.cols + j);
  return sums;
}

/**
 * norm(x, p): for a vector (one row or one column) the p-norm, p = 1, 2 or Infinity; for a matrix
 * the induced norm: the largest column sum (1), the largest row sum (Infinity). The language
 * records the signs of the entries (kinked at 0) and the choice of a maximum as kinks.
 */
export function pNorm(a: Mat, p: number): PNorm {
  if (p !== 1 && p !== 2 && p !== Infinity) throw new MathError(`norm(x, p) takes p = 1, 2 or Infinity, got ${p}`);
  if (p === 2) {
    if (isVector(a)) return { value: scalar(norm(a)), choice: null };
    // The spectral norm σ₁ is kinked where σ₁ = σ₂: whether they are tied is its "choice".
    const { sigma } = svd(a);
    return { value: scalar(sigma[0] ?? 0), choice: tiePattern(sigma.slice(0, 2), false)[0] ?? null };
  }
  if (isVector(a)) {
    const abs = Array.from(a.re, (_, k) => modulus(a, k));
    return p === 1 ? { value: scalar(abs.reduce((s, x) => s + x, 0)), choice: null } : largest(abs);
  }
  return largest(absSums(a, p === 1 ? 'column' : 'row'));
}
