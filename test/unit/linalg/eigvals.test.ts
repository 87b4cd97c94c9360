import { describe, expect, it } from 'vitest';
import { MathError, fromRows, toRows, type Mat } from '../../../src/linalg/mat.js';
import { eigvals } from '../../../src/linalg/eigvals.js';
import { det, inv } from '../../../src/linalg/lu.js';
import { randomMat, refMul, thrown } from '../helpers.js';

/** Eigenvalues as [re, im] pairs sorted by real then imaginary part. */
function pairs(m: Mat): [number, number][] {
  expect(m.cols).toBe(1);
  return Array.from(m.re, (re, k) => [re, m.im?.[k] ?? 0] as [number, number]).sort(
    (a, b) => a[0] - b[0] || a[1] - b[1],
  );
}

describe('eigvals', () => {
  it('gives ±i for the rotation by 90°', () => {
    const ev = pairs(
      eigvals(
        fromRows([
          [0, -1],
          [1, 0],
        ]),
      ),
    );
    expect(ev).toHaveLength(2);
    expect(Math.abs(ev[0]![0])).toBeLessThan(1e-14);
    expect(Math.abs(ev[1]![0])).toBeLessThan(1e-14);
    expect(ev[0]![1]).toBeCloseTo(-1, 14);
    expect(ev[1]![1]).toBeCloseTo(1, 14);
  });

  it('gives the diagonal of a triangular matrix (real, no imaginary part)', () => {
    const m = eigvals(
      fromRows([
        [2, 5, -1],
        [0, -3, 4],
        [0, 0, 0.5],
      ]),
    );
    const ev = pairs(m);
    [-3, 0.5, 2].forEach((want, k) => {
      expect(ev[k]![0]).toBeCloseTo(want, 12);
      expect(Math.abs(ev[k]![1])).toBeLessThan(1e-12);
    });
  });

  it('gives a ± b for [[a, b], [b, a]]', () => {
    const ev = pairs(
      eigvals(
        fromRows([
          [1.5, 2],
          [2, 1.5],
        ]),
      ),
    );
    expect(ev[0]![0]).toBeCloseTo(-0.5, 13);
    expect(ev[1]![0]).toBeCloseTo(3.5, 13);
  });

  it('gives complex eigenvalues of a real matrix in conjugate pairs', () => {
    const a = randomMat(5, 5, 'eig-conj');
    const ev = eigvals(a);
    const list = Array.from(ev.re, (re, k) => [re, ev.im?.[k] ?? 0] as const);
    for (const [re, im] of list) {
      if (Math.abs(im) < 1e-12) continue;
      const partner = list.some(([r2, i2]) => Math.abs(r2 - re) < 1e-9 && Math.abs(i2 + im) < 1e-9);
      expect(partner).toBe(true);
    }
  });

  it('refuses non-square and non-finite input with a MathError', () => {
    expect(
      thrown(() =>
        eigvals(
          fromRows([
            [1, 2, 3],
            [4, 5, 6],
          ]),
        ),
      ),
    ).toBeInstanceOf(MathError);
    expect(
      thrown(() =>
        eigvals(
          fromRows([
            [1, NaN],
            [0, 1],
          ]),
        ),
      ),
    ).toBeInstanceOf(MathError);
  });
});

describe('eigvals on matrices with known spectra', () => {
  it('gives the n-th roots of unity for the cyclic permutation of size n', () => {
    for (let n = 2; n <= 9; n++) {
      const rows = Array.from({ length: n }, (_, i) =>
        Array.from({ length: n }, (_, j) => (j === (i + 1) % n ? 1 : 0)),
      );
      const got = pairs(eigvals(fromRows(rows)));
      const want = Array.from(
        { length: n },
        (_, k) => [Math.cos((2 * Math.PI * k) / n), Math.sin((2 * Math.PI * k) / n)] as [number, number],
      );
      // match each wanted root with a distinct computed one
      const used = new Set<number>();
      for (const [wr, wi] of want) {
        const idx = got.findIndex(([r, i], k) => !used.has(k) && Math.hypot(r - wr, i - wi) < 1e-10);
        expect(idx, `root ${wr}+${wi}i of unity, n = ${n}`).toBeGreaterThanOrEqual(0);
        used.add(idx);
      }
    }
  });

  it('gives the roots 1, 2, 3, 4 of the companion matrix of (x−1)(x−2)(x−3)(x−4)', () => {
    // x⁴ − 10x³ + 35x² − 50x + 24
    const c = fromRows([
      [0, 0, 0, -24],
      [1, 0, 0, 50],
      [0, 1, 0, -35],
      [0, 0, 1, 10],
    ]);
    const got = pairs(eigvals(c));
    [1, 2, 3, 4].forEach((want, k) => {
      expect(Math.abs(got[k]![0] - want)).toBeLessThan(1e-10);
      expect(Math.abs(got[k]![1])).toBeLessThan(1e-10);
    });
  });

  it('gives cos θ ± i sin θ for a rotation by θ', () => {
    const t = 0.7;
    const got = pairs(
      eigvals(
        fromRows([
          [Math.cos(t), -Math.sin(t)],
          [Math.sin(t), Math.cos(t)],
        ]),
      ),
    );
    expect(got[0]![0]).toBeCloseTo(Math.cos(t), 14);
    expect(got[1]![0]).toBeCloseTo(Math.cos(t), 14);
    expect(got[0]![1]).toBeCloseTo(-Math.sin(t), 14);
    expect(got[1]![1]).toBeCloseTo(Math.sin(t), 14);
  });

  it('handles degenerate cases: 1×1, zero matrix, identity, a Jordan block', () => {
    expect(pairs(eigvals(fromRows([[7]])))).toEqual([[7, 0]]);
    expect(
      pairs(
        eigvals(
          fromRows([
            [0, 0],
            [0, 0],
          ]),
        ),
      ).map(([r, i]) => Math.abs(r) + Math.abs(i)),
    ).toEqual([0, 0]);
    const eye = pairs(
      eigvals(
        fromRows([
          [1, 0, 0],
          [0, 1, 0],
          [0, 0, 1],
        ]),
      ),
    );
    eye.forEach(([r, i]) => {
      expect(r).toBeCloseTo(1, 14);
      expect(i).toBe(0);
    });
    const j = pairs(
      eigvals(
        fromRows([
          [2, 1],
          [0, 2],
        ]),
      ),
    );
    j.forEach(([r, i]) => {
      expect(r).toBeCloseTo(2, 12);
      expect(Math.abs(i)).toBeLessThan(1e-12);
    });
  });

  it('handles a badly scaled 2×2: [[1, 1e8], [1e-8, 1]] has eigenvalues 0 and 2', () => {
    const got = pairs(
      eigvals(
        fromRows([
          [1, 1e8],
          [1e-8, 1],
        ]),
      ),
    );
    expect(Math.abs(got[0]![0])).toBeLessThan(1e-7);
    expect(got[1]![0]).toBeCloseTo(2, 7);
  });

  it('recovers D from S·D·S⁻¹ for random S', () => {
    const d = [-2.5, -1, 0.5, 1.5, 3];
    const S = toRows(randomMat(5, 5, 'similar'));
    const D = d.map((v, i) => d.map((_, j) => (i === j ? v : 0)));
    const a = fromRows(refMul(refMul(S, D), toRows(inv(fromRows(S)))));
    const got = pairs(eigvals(a));
    d.forEach((want, k) => {
      expect(Math.abs(got[k]![0] - want)).toBeLessThan(1e-9);
      expect(Math.abs(got[k]![1])).toBeLessThan(1e-9);
    });
  });

  it('has real eigenvalues for symmetric matrices, with Σλ² = ‖A‖²_F', () => {
    for (let n = 1; n <= 8; n++) {
      const r = toRows(randomMat(n, n, 'sym-eig', n));
      const sym = r.map((row, i) => row.map((v, j) => (v + r[j]![i]!) / 2));
      const ev = eigvals(fromRows(sym));
      let sq = 0,
        fro = 0;
      for (let k = 0; k < n; k++) {
        expect(Math.abs(ev.im?.[k] ?? 0)).toBeLessThan(1e-10);
        sq += ev.re[k]! ** 2;
      }
      sym.forEach((row) => row.forEach((v) => (fro += v * v)));
      expect(Math.abs(sq - fro)).toBeLessThan(1e-10 * Math.max(1, fro));
    }
  });

  it('converges with product = det and sum = trace on 200 random matrices of sizes 1 to 10', () => {
    for (let n = 1; n <= 10; n++) {
      for (let s = 0; s < 20; s++) {
        const a = randomMat(n, n, 'eig-stress', n, s);
        const ev = eigvals(a);
        let pr = 1,
          pi = 0,
          sr = 0,
          si = 0;
        for (let k = 0; k < n; k++) {
          const re = ev.re[k]!,
            im = ev.im?.[k] ?? 0;
          [pr, pi] = [pr * re - pi * im, pr * im + pi * re];
          sr += re;
          si += im;
        }
        let tr = 0;
        for (let k = 0; k < n; k++) tr += a.re[k * n + k]!;
        const d = det(a);
        expect(Math.hypot(pr - d, pi)).toBeLessThan(1e-9 * Math.max(1, Math.abs(d)));
        expect(Math.hypot(sr - tr, si)).toBeLessThan(1e-9 * Math.max(1, Math.abs(tr)));
      }
    }
  });
});
