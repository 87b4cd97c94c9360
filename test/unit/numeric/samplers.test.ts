/**
 * Each sample kind of the spec format, checked for its defining property over many seeds and sizes.
 */
import { describe, expect, it } from 'vitest';
import { toRows, fromRows, type Mat } from '../../../src/linalg/mat.js';
import { eigvals } from '../../../src/linalg/eigvals.js';
import { inv } from '../../../src/linalg/lu.js';
import { createRng } from '../../../src/numeric/rng.js';
import { drawSample, drawShaped, SAMPLE_KINDS, type SampleKind } from '../../../src/numeric/samplers.js';
import { maxAbsDiff, refEye, refMul, refTranspose } from '../helpers.js';

const SEEDS = 40;
const SIZES = [1, 2, 3, 4, 5, 6];

/** Every (size, seed) draw of a square kind. */
function* squareDraws(kind: SampleKind): Generator<[Mat, number]> {
  for (const n of SIZES)
    for (let s = 0; s < SEEDS; s++) yield [drawSample(kind, n, n, createRng(['sampler', kind, n, s])), n];
}

/** Every draw of an elementwise kind, in a few shapes (column, row, matrix). */
function* anyShapeDraws(kind: SampleKind): Generator<Mat> {
  for (const [r, c] of [
    [5, 1],
    [1, 4],
    [3, 4],
  ] as const) {
    for (let s = 0; s < SEEDS; s++) yield drawSample(kind, r, c, createRng(['sampler', kind, r, c, s]));
  }
}

const asymmetry = (m: Mat) => maxAbsDiff(toRows(m), refTranspose(toRows(m)));

/** Real eigenvalues of a symmetric matrix, sorted. */
function symmetricEigenvalues(rows: number[][]): number[] {
  const ev = eigvals(fromRows(rows));
  for (let k = 0; k < ev.rows; k++) expect(Math.abs(ev.im?.[k] ?? 0)).toBeLessThan(1e-9);
  return Array.from(ev.re).sort((a, b) => a - b);
}

describe('shapes', () => {
  it('every kind gives the requested shape, real-valued and finite', () => {
    for (const kind of SAMPLE_KINDS) {
      const m = drawSample(kind, 4, 4, createRng(['shape', kind]));
      expect([m.rows, m.cols]).toEqual([4, 4]);
      expect(m.im).toBeNull();
      expect(m.re.every(Number.isFinite)).toBe(true);
    }
  });
});

describe('normal', () => {
  it('is not symmetric (n ≥ 2), so a missing transpose cannot pass by accident', () => {
    for (const [m, n] of squareDraws('normal')) if (n >= 2) expect(asymmetry(m)).toBeGreaterThan(1e-3);
  });

  it('has mean ≈ 0 and variance ≈ 1 over many entries', () => {
    const m = drawSample('normal', 100, 100, createRng(['normal-big']));
    const xs = Array.from(m.re);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.05);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });
});

describe('invertible', () => {
  it('is not symmetric (n ≥ 2)', () => {
    for (const [m, n] of squareDraws('invertible')) if (n >= 2) expect(asymmetry(m)).toBeGreaterThan(1e-3);
  });

  it("has condition number ≤ 4, from the eigenvalues of A'A (σ²)", () => {
    for (const [m] of squareDraws('invertible')) {
      const a = toRows(m);
      const s2 = symmetricEigenvalues(refMul(refTranspose(a), a));
      expect(s2[0]!).toBeGreaterThan(0);
      const cond = Math.sqrt(s2[s2.length - 1]! / s2[0]!);
      expect(cond).toBeLessThanOrEqual(4 * (1 + 1e-9));
    }
  });

  it("has ‖A‖₂·‖A⁻¹‖₂ ≤ 4, from the largest eigenvalues of A'A and inv(A)'inv(A)", () => {
    for (const [m] of squareDraws('invertible')) {
      const a = toRows(m);
      const ai = toRows(inv(m));
      const normA = Math.sqrt(Math.max(...symmetricEigenvalues(refMul(refTranspose(a), a))));
      const normInv = Math.sqrt(Math.max(...symmetricEigenvalues(refMul(refTranspose(ai), ai))));
      expect(normA * normInv).toBeLessThanOrEqual(4 * (1 + 1e-9));
    }
  });
});

describe('spd', () => {
  it('is exactly symmetric', () => {
    for (const [m] of squareDraws('spd')) expect(asymmetry(m)).toBe(0);
  });

  it('has all eigenvalues > 0', () => {
    for (const [m] of squareDraws('spd')) {
      const ev = symmetricEigenvalues(toRows(m));
      expect(ev[0]!).toBeGreaterThan(0);
    }
  });

  it("has x'Ax > 0 for random x", () => {
    const rng = createRng(['spd-quad']);
    for (const [m, n] of squareDraws('spd')) {
      const x = Array.from({ length: n }, () => [rng.normal()]);
      const q = refMul(refMul(refTranspose(x), toRows(m)), x)[0]![0]!;
      expect(q).toBeGreaterThan(0);
    }
  });
});

describe('orthogonal', () => {
  it("has Q'Q = I and QQ' = I to 1e-12", () => {
    for (const [m, n] of squareDraws('orthogonal')) {
      const q = toRows(m);
      expect(maxAbsDiff(refMul(refTranspose(q), q), refEye(n))).toBeLessThan(1e-12);
      expect(maxAbsDiff(refMul(q, refTranspose(q)), refEye(n))).toBeLessThan(1e-12);
    }
  });

  it('stays orthogonal to 1e-12 for larger sizes (10, 25, 40)', () => {
    for (const n of [10, 25, 40]) {
      for (let s = 0; s < 5; s++) {
        const q = toRows(drawSample('orthogonal', n, n, createRng(['orthogonal-large', n, s])));
        expect(maxAbsDiff(refMul(refTranspose(q), q), refEye(n))).toBeLessThan(1e-12);
      }
    }
  });

  it('is not just ±I (it is random)', () => {
    for (const [m, n] of squareDraws('orthogonal'))
      if (n >= 2)
        expect(
          maxAbsDiff(
            toRows(m).map((r) => r.map(Math.abs)),
            refEye(n),
          ),
        ).toBeGreaterThan(1e-3);
  });
});

describe('symmetric', () => {
  it('is exactly symmetric, and not diagonal', () => {
    for (const [m, n] of squareDraws('symmetric')) {
      expect(asymmetry(m)).toBe(0);
      if (n >= 2) expect(toRows(m).some((row, i) => row.some((v, j) => i !== j && v !== 0))).toBe(true);
    }
  });
});

describe('diagonal', () => {
  it('is zero off the diagonal and non-zero on it', () => {
    for (const [m] of squareDraws('diagonal')) {
      toRows(m).forEach((row, i) =>
        row.forEach((v, j) => {
          if (i !== j) expect(v).toBe(0);
          else expect(v).not.toBe(0);
        }),
      );
    }
  });
});

describe('elementwise kinds', () => {
  it('positive entries lie in [0.5, 2]', () => {
    for (const m of anyShapeDraws('positive')) for (const v of m.re) expect(v >= 0.5 && v <= 2).toBe(true);
  });

  it('nonzero entries have |x| ≥ 0.1 and both signs occur', () => {
    let neg = 0,
      pos = 0;
    for (const m of anyShapeDraws('nonzero'))
      for (const v of m.re) {
        expect(Math.abs(v)).toBeGreaterThanOrEqual(0.1);
        if (v < 0) neg++;
        else pos++;
      }
    expect(neg).toBeGreaterThan(0);
    expect(pos).toBeGreaterThan(0);
  });

  it('uniform entries lie in [-1, 1] and spread over the interval', () => {
    let lo = 1,
      hi = -1;
    for (const m of anyShapeDraws('uniform'))
      for (const v of m.re) {
        expect(v >= -1 && v <= 1).toBe(true);
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    expect(lo).toBeLessThan(-0.9);
    expect(hi).toBeGreaterThan(0.9);
  });
});

/** The groups that hold one distribution or label each: a whole vector (row or column), else each column. */
function groupsOf(m: Mat): number[][] {
  const rows = toRows(m);
  if (m.rows === 1 || m.cols === 1) return [Array.from(m.re)];
  return Array.from({ length: m.cols }, (_, j) => rows.map((row) => row[j]!));
}

describe('probability', () => {
  it('has positive entries summing to 1 over a vector (row or column) and over each column of a matrix', () => {
    for (const m of anyShapeDraws('probability')) {
      for (const v of m.re) expect(v).toBeGreaterThan(0);
      for (const group of groupsOf(m)) {
        const total = group.reduce((s, v) => s + v, 0);
        expect(Math.abs(total - 1)).toBeLessThan(1e-14);
      }
    }
  });
});

describe('onehot', () => {
  it('has exactly one 1 per vector (row or column) or per column of a matrix, and zeros elsewhere', () => {
    for (const m of anyShapeDraws('onehot')) {
      for (const group of groupsOf(m)) {
        expect(group.filter((v) => v === 1)).toHaveLength(1);
        expect(group.filter((v) => v !== 0 && v !== 1)).toHaveLength(0);
      }
    }
  });

  it('puts the 1 at every index over many seeds', () => {
    const hits = new Set<number>();
    for (let s = 0; s < 200; s++) {
      const m = drawSample('onehot', 5, 1, createRng(['onehot-index', s]));
      hits.add(m.re.indexOf(1));
    }
    expect([...hits].sort()).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('reproducibility', () => {
  it('the same seed gives the same draw for every kind; another seed a different one', () => {
    for (const kind of SAMPLE_KINDS) {
      const a = drawSample(kind, 4, 4, createRng(['repro', kind, 1]));
      const b = drawSample(kind, 4, 4, createRng(['repro', kind, 1]));
      expect(Array.from(b.re)).toEqual(Array.from(a.re));
      if (kind === 'onehot') continue; // a 4×4 onehot has only 4⁴ outcomes; checked below
      const c = drawSample(kind, 4, 4, createRng(['repro', kind, 2]));
      expect(Array.from(c.re)).not.toEqual(Array.from(a.re));
    }
    const one = (s: number) => Array.from(drawSample('onehot', 50, 3, createRng(['repro-onehot', s])).re);
    expect(one(2)).not.toEqual(one(1));
  });
});

describe('declared shapes keep their meaning', () => {
  it('draws each column of a matrix declared [C, N], even when C is 1 on this draw', () => {
    const rng = createRng(['one-row-batch']);
    const matrix = { rows: 1, cols: 4, vector: false };
    expect(toRows(drawShaped('probability', matrix, rng))).toEqual([[1, 1, 1, 1]]);
    expect(toRows(drawShaped('onehot', matrix, rng))).toEqual([[1, 1, 1, 1]]);
  });

  it('draws one vector where the shape declares one: [1, n] sums to one across', () => {
    const row = drawShaped('probability', { rows: 1, cols: 4, vector: true }, createRng(['row']));
    expect(row.re.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    expect(Math.max(...row.re)).toBeLessThan(1);
  });
});
