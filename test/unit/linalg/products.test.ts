import { describe, expect, it } from 'vitest';
import { MAX_ELEMENTS, MathError, fromRows, toRows } from '../../../src/linalg/mat.js';
import { filled } from '../../../src/linalg/structure.js';
import { kron, multiply, transpose } from '../../../src/linalg/products.js';
import { expectClose, expectRows, maxAbsDiff, randomMat, refMul, refTranspose, thrown } from '../helpers.js';

describe('multiply', () => {
  it('computes a hand-checked 2×3 · 3×2 product', () => {
    const a = fromRows([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const b = fromRows([
      [7, 8],
      [9, 10],
      [11, 12],
    ]);
    expectRows(multiply(a, b), [
      [58, 64],
      [139, 154],
    ]);
  });

  it('agrees with the textbook triple loop on random matrices', () => {
    const a = randomMat(4, 5, 'mul-a');
    const b = randomMat(5, 3, 'mul-b');
    expect(maxAbsDiff(toRows(multiply(a, b)), refMul(toRows(a), toRows(b)))).toBeLessThan(1e-12);
  });

  it('treats a 1×1 on either side as a scalar', () => {
    const a = fromRows([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expectRows(multiply(fromRows([[2]]), a), [
      [2, 4],
      [6, 8],
      [10, 12],
    ]);
    expectRows(multiply(a, fromRows([[-1]])), [
      [-1, -2],
      [-3, -4],
      [-5, -6],
    ]);
  });

  it("gives x'y as 1×1 and xy' as the outer product", () => {
    const x = fromRows([[1], [2], [3]]);
    const y = fromRows([[4], [5], [6]]);
    expectRows(multiply(transpose(x), y), [[32]]);
    expectRows(multiply(x, transpose(y)), [
      [4, 5, 6],
      [8, 10, 12],
      [12, 15, 18],
    ]);
  });

  it('refuses mismatched inner dimensions naming both shapes', () => {
    const a = fromRows([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    const e = thrown(() => multiply(a, a));
    expect(e).toBeInstanceOf(MathError);
    expect(e.message).toContain('3×2 * 3×2');
  });

  it('multiplies complex matrices: [1, i] · [i; 1] = 2i', () => {
    const a = { rows: 1, cols: 2, re: Float64Array.of(1, 0), im: Float64Array.of(0, 1) };
    const b = { rows: 2, cols: 1, re: Float64Array.of(0, 1), im: Float64Array.of(1, 0) };
    const p = multiply(a, b);
    expect([p.rows, p.cols]).toEqual([1, 1]);
    expect(p.re[0]).toBe(0);
    expect(p.im![0]).toBe(2);
  });

  it('is associative on random matrices (to rounding)', () => {
    const a = randomMat(3, 4, 'assoc-a'),
      b = randomMat(4, 2, 'assoc-b'),
      c = randomMat(2, 5, 'assoc-c');
    expect(maxAbsDiff(toRows(multiply(multiply(a, b), c)), toRows(multiply(a, multiply(b, c))))).toBeLessThan(1e-12);
  });
});

describe('transpose', () => {
  it('swaps rows and columns', () => {
    const a = fromRows([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expectRows(transpose(a), [
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
    expect(toRows(transpose(a))).toEqual(refTranspose(toRows(a)));
  });

  it('agrees with the textbook transpose across tile edges (70×45, 33×1, 1×65)', () => {
    for (const [r, c] of [
      [70, 45],
      [33, 1],
      [1, 65],
    ] as const) {
      const a = randomMat(r, c, 'tiles', r, c);
      expect(toRows(transpose(a))).toEqual(refTranspose(toRows(a)));
    }
  });

  it('conjugates by default and not when asked', () => {
    const z = { rows: 1, cols: 2, re: Float64Array.of(1, 2), im: Float64Array.of(3, -4) };
    expect(Array.from(transpose(z).im!)).toEqual([-3, 4]);
    expect(Array.from(transpose(z, false).im!)).toEqual([3, -4]);
    expect([transpose(z).rows, transpose(z).cols]).toEqual([2, 1]);
  });

  it("(AB)' = B'A' on random matrices", () => {
    const a = randomMat(3, 4, 'tr-a'),
      b = randomMat(4, 2, 'tr-b');
    expect(maxAbsDiff(toRows(transpose(multiply(a, b))), toRows(multiply(transpose(b), transpose(a))))).toBeLessThan(
      1e-12,
    );
  });
});

describe('kron', () => {
  it('computes a hand-checked product', () => {
    const a = fromRows([
      [1, 2],
      [3, 4],
    ]);
    const b = fromRows([
      [0, 5],
      [6, 7],
    ]);
    expectRows(kron(a, b), [
      [0, 5, 0, 10],
      [6, 7, 12, 14],
      [0, 15, 0, 20],
      [18, 21, 24, 28],
    ]);
  });

  it('has the defining block structure: block (i,j) is a_ij · B', () => {
    const a = randomMat(2, 3, 'kron-a'),
      b = randomMat(4, 5, 'kron-b');
    const k = kron(a, b);
    expect([k.rows, k.cols]).toEqual([8, 15]);
    const K = toRows(k),
      A = toRows(a),
      B = toRows(b);
    for (let i = 0; i < 2; i++)
      for (let j = 0; j < 3; j++) {
        for (let p = 0; p < 4; p++)
          for (let q = 0; q < 5; q++) {
            expect(K[i * 4 + p]![j * 5 + q]).toBe(A[i]![j]! * B[p]![q]!);
          }
      }
  });

  it('satisfies the mixed product rule (A⊗B)(C⊗D) = AC ⊗ BD', () => {
    const a = randomMat(2, 3, 'mp-a'),
      b = randomMat(2, 2, 'mp-b'),
      c = randomMat(3, 2, 'mp-c'),
      d = randomMat(2, 3, 'mp-d');
    const lhs = multiply(kron(a, b), kron(c, d));
    const rhs = kron(multiply(a, c), multiply(b, d));
    expectClose(lhs, toRows(rhs), 1e-12, 1e-12);
  });
});

describe('size limit of products', () => {
  // MAX_ELEMENTS: the default largest number of entries of a matrix, checked before every allocation.
  it('an outer product with more than MAX_ELEMENTS entries is a MathError', () => {
    const col = filled(2001, 1, 1);
    const row = filled(1, 2000, 1); // 2001 × 2000 = 4 002 000 > MAX_ELEMENTS = 1 000 000
    expect(2001 * 2000).toBeGreaterThan(MAX_ELEMENTS);
    const e = thrown(() => multiply(col, row));
    expect(e).toBeInstanceOf(MathError);
    expect(e.message).toContain('2001×2000');
  });

  it('a product within the limit is computed', () => {
    const p = multiply(filled(2000, 1, 1), filled(1, 2, 3));
    expect([p.rows, p.cols]).toEqual([2000, 2]);
    expect(p.re.every((v) => v === 3)).toBe(true);
  });
});
