import { type Mat, zeros } from '../linalg/mat.js';
import type { Rng } from './rng.js';

/** |diagonal| of triangular samples: as the spectra of well-conditioned samples, so solves stay accurate. */
const DIAGONAL_RANGE: readonly [number, number] = [0.5, 2];

/**
 * An m×n matrix (m ≥ n) with orthonormal columns, uniformly random: the first n columns of a
 * Haar-random orthogonal matrix, by the same Gram–Schmidt.
 */
export function orthonormalColumns(m: number, n: number, rng: Rng): Mat {
  const q = zeros(m, n);
  for (let k = 0; k < q.re.length; k++) q.re[k] = rng.normal();
  for (let j = 0; j < n; j++) {
    for (let pass = 0; pass < 2; pass++) {
      for (let p = 0; p < j; p++) {
        let dot = 0;
        for (let i = 0; i < m; i++) dot += q.re[i * n + p]! * q.re[i * n + j]!;
        for (let i = 0; i < m; i++) q.re[i * n + j]! -= dot * q.re[i * n + p]!;
      }
    }
    let norm = 0;
    for (let i = 0; i < m; i++) norm += q.re[i * n + j]! ** 2;
    norm = Math.sqrt(norm);
    for (let i = 0; i < m; i++) q.re[i * n + j]! /= norm;
  }
  return q;
}

/** A square skew-symmetric (A' = −A) or triangular matrix; triangles have |diagonal| in [0.5, 2]. */
export function structured(kind: 'skew' | 'lower' | 'upper', n: number, rng: Rng): Mat {
  const a = zeros(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (kind === 'skew' && j < i) {
        const x = rng.normal();
        a.re[i * n + j] = x;
        a.re[j * n + i] = -x;
      } else if (kind !== 'skew' && i === j) {
        a.re[i * n + i] =
          (rng.uniform() < 0.5 ? -1 : 1) *
          (DIAGONAL_RANGE[0] + (DIAGONAL_RANGE[1] - DIAGONAL_RANGE[0]) * rng.uniform());
      } else if ((kind === 'lower' && j < i) || (kind === 'upper' && j > i)) a.re[i * n + j] = rng.normal();
    }
  }
  return a;
}
