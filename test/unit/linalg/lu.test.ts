import { describe, expect, it } from 'vitest';
import { MathError, fromRows, toRows } from '../../../src/linalg/mat.js';
import { det, identity, inv, solve } from '../../../src/linalg/lu.js';
import { multiply, transpose } from '../../../src/linalg/products.js';
import { expectClose, expectRows, maxAbs, maxAbsDiff, randomMat, refEye, refMul, thrown } from '../helpers.js';

describe('det', () => {
  it('is ad − bc for a 2×2', () => {
    expect(
      det(
        fromRows([
          [3, 8],
          [4, 6],
        ]),
      ),
    ).toBe(3 * 6 - 8 * 4);
  });

  it('is the product of the diagonal for triangular matrices', () => {
    expect(
      det(
        fromRows([
          [2, 3, 1],
          [0, -4, 5],
          [0, 0, 0.5],
        ]),
      ),
    ).toBe(2 * -4 * 0.5);
    // lower triangular: pivoting reorders rows, so allow rounding
    expect(
      det(
        fromRows([
          [3, 0, 0],
          [1, 2, 0],
          [7, 8, -1],
        ]),
      ),
    ).toBeCloseTo(3 * 2 * -1, 13);
    expect(det(fromRows([[5]]))).toBe(5);
  });

  it('is the sign of a permutation for permutation matrices', () => {
    // one transposition: odd
    expect(
      det(
        fromRows([
          [0, 1, 0],
          [1, 0, 0],
          [0, 0, 1],
        ]),
      ),
    ).toBe(-1);
    // a 3-cycle: even
    expect(
      det(
        fromRows([
          [0, 1, 0],
          [0, 0, 1],
          [1, 0, 0],
        ]),
      ),
    ).toBe(1);
    // two disjoint transpositions: even
    expect(
      det(
        fromRows([
          [0, 1, 0, 0],
          [1, 0, 0, 0],
          [0, 0, 0, 1],
          [0, 0, 1, 0],
        ]),
      ),
    ).toBe(1);
    // a 4-cycle: odd
    expect(
      det(
        fromRows([
          [0, 1, 0, 0],
          [0, 0, 1, 0],
          [0, 0, 0, 1],
          [1, 0, 0, 0],
        ]),
      ),
    ).toBe(-1);
  });

  it('is exactly 0 for matrices with a repeated row or a zero column', () => {
    // ±0 are both exact zeros
    expect(
      Math.abs(
        det(
          fromRows([
            [1, 2],
            [2, 4],
          ]),
        ),
      ),
    ).toBe(0);
    expect(
      Math.abs(
        det(
          fromRows([
            [1, 2, 3],
            [1, 2, 3],
            [4, 5, 7],
          ]),
        ),
      ),
    ).toBe(0);
    expect(
      Math.abs(
        det(
          fromRows([
            [0, 1, 2],
            [0, 3, 4],
            [0, 5, 6],
          ]),
        ),
      ),
    ).toBe(0);
  });

  it('is multiplicative and invariant under transposition (random matrices)', () => {
    for (let n = 1; n <= 6; n++) {
      const a = randomMat(n, n, 'det-a', n),
        b = randomMat(n, n, 'det-b', n);
      const dab = det(multiply(a, b));
      expect(Math.abs(dab - det(a) * det(b))).toBeLessThan(1e-10 * Math.max(1, Math.abs(dab)));
      expect(Math.abs(det(transpose(a)) - det(a))).toBeLessThan(1e-12 * Math.max(1, Math.abs(det(a))));
    }
  });

  it('scales as c^n: det(2·I₃) = 8', () => {
    const twoI = fromRows([
      [2, 0, 0],
      [0, 2, 0],
      [0, 0, 2],
    ]);
    expect(det(twoI)).toBe(8);
  });

  it('refuses a non-square matrix with a MathError naming its shape', () => {
    const e = thrown(() =>
      det(
        fromRows([
          [1, 2, 3],
          [4, 5, 6],
        ]),
      ),
    );
    expect(e).toBeInstanceOf(MathError);
    expect(e.message).toContain('2×3');
  });
});

describe('inv and solve', () => {
  it('inverts a 2×2 by the adjugate formula', () => {
    // [[4, 7], [2, 6]]⁻¹ = (1/10)[[6, −7], [−2, 4]]
    expectClose(
      inv(
        fromRows([
          [4, 7],
          [2, 6],
        ]),
      ),
      [
        [0.6, -0.7],
        [-0.2, 0.4],
      ],
      1e-15,
      1e-15,
    );
  });

  it('inverts a permutation matrix to its transpose exactly', () => {
    const p = fromRows([
      [0, 1, 0],
      [0, 0, 1],
      [1, 0, 0],
    ]);
    expectRows(inv(p), toRows(transpose(p)));
  });

  it('gives A·inv(A) ≈ I and inv(A)·A ≈ I on random matrices', () => {
    for (let n = 1; n <= 7; n++) {
      const a = randomMat(n, n, 'inv', n);
      const ai = inv(a);
      const scale = maxAbs(toRows(a)) * maxAbs(toRows(ai));
      expect(maxAbsDiff(refMul(toRows(a), toRows(ai)), refEye(n))).toBeLessThan(1e-12 * scale * n);
      expect(maxAbsDiff(refMul(toRows(ai), toRows(a)), refEye(n))).toBeLessThan(1e-12 * scale * n);
    }
  });

  it('solve(A, B) satisfies A·X = B for several right-hand sides', () => {
    const a = randomMat(5, 5, 'solve-a');
    const b = randomMat(5, 3, 'solve-b');
    const x = solve(a, b);
    expect([x.rows, x.cols]).toEqual([5, 3]);
    expect(maxAbsDiff(refMul(toRows(a), toRows(x)), toRows(b))).toBeLessThan(1e-10);
  });

  it('solves a hand-checked system needing a row swap', () => {
    // 0·x + 1·y = 2, 1·x + 1·y = 5  →  x = 3, y = 2
    expectClose(
      solve(
        fromRows([
          [0, 1],
          [1, 1],
        ]),
        fromRows([[2], [5]]),
      ),
      [[3], [2]],
      0,
      1e-15,
    );
  });

  it('refuses to invert a singular matrix with a MathError', () => {
    const e = thrown(() =>
      inv(
        fromRows([
          [1, 2],
          [2, 4],
        ]),
      ),
    );
    expect(e).toBeInstanceOf(MathError);
    expect(e.message).toMatch(/singular/);
    expect(
      thrown(() =>
        inv(
          fromRows([
            [0, 0],
            [0, 0],
          ]),
        ),
      ),
    ).toBeInstanceOf(MathError);
    expect(
      thrown(() =>
        solve(
          fromRows([
            [1, 1],
            [1, 1],
          ]),
          fromRows([[1], [2]]),
        ),
      ),
    ).toBeInstanceOf(MathError);
  });

  it('refuses mismatched shapes with a MathError', () => {
    expect(
      thrown(() =>
        solve(
          fromRows([
            [1, 0],
            [0, 1],
          ]),
          fromRows([[1], [2], [3]]),
        ),
      ),
    ).toBeInstanceOf(MathError);
    expect(thrown(() => inv(fromRows([[1, 2, 3]])))).toBeInstanceOf(MathError);
  });

  it('identity builds I (and a rectangular identity)', () => {
    expectRows(identity(3), refEye(3));
    expectRows(identity(2, 3), [
      [1, 0, 0],
      [0, 1, 0],
    ]);
  });
});
