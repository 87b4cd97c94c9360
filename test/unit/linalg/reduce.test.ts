import { describe, expect, it } from 'vitest';
import { MathError, fromRows } from '../../../src/linalg/mat.js';
import { mean, prod, sum, toAxis } from '../../../src/linalg/reduce.js';
import { expectClose, expectRows, thrown } from '../helpers.js';

const A = fromRows([
  [1, 2, 3],
  [4, 5, 6],
]);

describe('sum', () => {
  it('sums everything into a 1×1 by default', () => {
    expectRows(sum(A), [[21]]);
  });
  it('axis 1 reduces over rows and keeps a 1×n row', () => {
    expectRows(sum(A, 1), [[5, 7, 9]]);
  });
  it('axis 2 reduces over columns and keeps an m×1 column', () => {
    expectRows(sum(A, 2), [[6], [15]]);
  });
  it('sums complex entries componentwise', () => {
    const z = { rows: 2, cols: 1, re: Float64Array.of(1, 2), im: Float64Array.of(3, -5) };
    const s = sum(z);
    expect([s.re[0], s.im![0]]).toEqual([3, -2]);
  });
});

describe('prod', () => {
  it('multiplies everything, or along an axis', () => {
    expectRows(prod(A), [[720]]);
    expectRows(prod(A, 1), [[4, 10, 18]]);
    expectRows(prod(A, 2), [[6], [120]]);
  });
  it('multiplies complex entries: i · i = −1', () => {
    const z = { rows: 2, cols: 1, re: Float64Array.of(0, 0), im: Float64Array.of(1, 1) };
    const p = prod(z);
    expect(p.re[0]).toBe(-1);
    expect(p.im![0]).toBe(0);
  });
});

describe('mean', () => {
  it('averages everything, down columns (1×n) or along rows (m×1)', () => {
    expectRows(mean(A), [[3.5]]);
    expectRows(mean(A, 1), [[2.5, 3.5, 4.5]]);
    expectRows(mean(A, 2), [[2], [5]]);
  });
  it('equals sum / count on an irregular matrix', () => {
    const b = fromRows([
      [0.1, -2],
      [7, 3.3],
      [1, 1],
    ]);
    expectClose(mean(b, 1), [[(0.1 + 7 + 1) / 3, (-2 + 3.3 + 1) / 3]], 1e-15, 0);
  });
  it('refuses an empty matrix', () => {
    expect(thrown(() => mean(fromRows([])))).toBeInstanceOf(MathError);
  });
});

describe('toAxis', () => {
  it('accepts 1 and 2 only', () => {
    expect(toAxis(1, 'sum')).toBe(1);
    expect(toAxis(2, 'sum')).toBe(2);
    for (const bad of [0, 3, 1.5, -1]) {
      const e = thrown(() => toAxis(bad, 'sum'));
      expect(e).toBeInstanceOf(MathError);
      expect(e.message).toContain('sum');
    }
  });
});
