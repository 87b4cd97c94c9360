import { type Mat, zeros } from '../../linalg/mat.js';
import type { Convention } from '../../spec-file/identity.js';

/**
 * A gradient's convention for a square wrt, as an operator T on the entrywise gradient G:
 * `independent` G; `symmetric` (G + Gᵀ)/2, the gradient on symmetric matrices under the Frobenius
 * inner product; `distinct` G + Gᵀ − diag(diag(G)), which counts x_ij and x_ji as one variable.
 * T is self-adjoint (⟨T(G), V⟩ = ⟨G, T(V)⟩), so in fast mode ⟨expect, v⟩ is checked against the
 * derivative along T(v).
 */
export function applyConvention(g: Mat, convention: Convention): Mat {
  if (convention === 'independent' || g.rows !== g.cols) return g;
  const n = g.rows;
  const out = zeros(n, n, g.im !== null);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const [a, b] = [i * n + j, j * n + i];
      const both = (x: ArrayLike<number>): number =>
        convention === 'symmetric' ? (x[a]! + x[b]!) / 2 : i === j ? x[a]! : x[a]! + x[b]!;
      out.re[a] = both(g.re);
      if (out.im !== null && g.im !== null) out.im[a] = both(g.im);
    }
  }
  return out;
}

/** The entries of G that entry (i, j) of T(G) reads: itself, and its mirror unless independent. */
export function conventionSources(convention: Convention, [i, j]: readonly [number, number]): [number, number][] {
  return convention === 'independent' || i === j
    ? [[i, j]]
    : [
        [i, j],
        [j, i],
      ];
}
