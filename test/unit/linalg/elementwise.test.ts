import { describe, expect, it } from 'vitest';
import { MathError, fromRows, toRows } from '../../../src/linalg/mat.js';
import { arith, broadcastShape, mapReal, modulus, negate, zipReal } from '../../../src/linalg/elementwise.js';
import { expectRows, thrown } from '../helpers.js';

const complex = (re: number[], im: number[], rows = 1) => ({
  rows,
  cols: re.length / rows,
  re: Float64Array.from(re),
  im: Float64Array.from(im),
});

describe('broadcastShape', () => {
  const shape = (r: number, c: number) => fromRows(Array.from({ length: r }, () => new Array<number>(c).fill(0)));

  it('keeps equal shapes', () => {
    expect(broadcastShape(shape(2, 3), shape(2, 3), '+')).toEqual({ rows: 2, cols: 3 });
  });

  it('lets a 1×1 stand for any shape, on either side', () => {
    expect(broadcastShape(shape(1, 1), shape(4, 2), '+')).toEqual({ rows: 4, cols: 2 });
    expect(broadcastShape(shape(4, 2), shape(1, 1), '+')).toEqual({ rows: 4, cols: 2 });
  });

  it('broadcasts a 1×n row or an m×1 column against an m×n matrix', () => {
    expect(broadcastShape(shape(1, 3), shape(2, 3), '+')).toEqual({ rows: 2, cols: 3 });
    expect(broadcastShape(shape(2, 3), shape(2, 1), '+')).toEqual({ rows: 2, cols: 3 });
  });

  it("refuses a column against a row (x + x') naming both shapes", () => {
    const e = thrown(() => broadcastShape(shape(3, 1), shape(1, 3), '+'));
    expect(e).toBeInstanceOf(MathError);
    expect(e.message).toContain('3×1');
    expect(e.message).toContain('1×3');
  });

  it('refuses unrelated shapes', () => {
    expect(thrown(() => broadcastShape(shape(2, 3), shape(3, 2), '.*'))).toBeInstanceOf(MathError);
    expect(thrown(() => broadcastShape(shape(2, 3), shape(1, 2), '.*'))).toBeInstanceOf(MathError);
  });
});

describe('zipReal / mapReal', () => {
  it('applies a function entrywise with row broadcasting', () => {
    const a = fromRows([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const row = fromRows([[10, 20, 30]]);
    expectRows(
      zipReal(a, row, '+', (x, y) => x + y),
      [
        [11, 22, 33],
        [14, 25, 36],
      ],
    );
    expectRows(
      zipReal(row, a, '-', (x, y) => x - y),
      [
        [9, 18, 27],
        [6, 15, 24],
      ],
    );
  });

  it('applies a function entrywise with column broadcasting', () => {
    const a = fromRows([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const col = fromRows([[10], [100]]);
    expectRows(
      zipReal(a, col, '*', (x, y) => x * y),
      [
        [10, 20, 30],
        [400, 500, 600],
      ],
    );
  });

  it('refuses complex inputs', () => {
    const z = complex([1], [1]);
    expect(thrown(() => mapReal(z, 'exp', Math.exp))).toBeInstanceOf(MathError);
    expect(thrown(() => zipReal(z, fromRows([[1]]), '.^', Math.pow))).toBeInstanceOf(MathError);
  });

  it('mapReal does not modify its input', () => {
    const a = fromRows([[1, -2]]);
    mapReal(a, 'neg', (x) => -x);
    expect(toRows(a)).toEqual([[1, -2]]);
  });
});

describe('arith on complex values', () => {
  it('multiplies (1+2i)(3-i) = 5+5i and divides (5+5i)/(3-i) = 1+2i', () => {
    const p = arith(complex([1], [2]), complex([3], [-1]), 'mul', '.*');
    expect([p.re[0], p.im![0]]).toEqual([5, 5]);
    const q = arith(complex([5], [5]), complex([3], [-1]), 'div', './');
    expect(q.re[0]).toBeCloseTo(1, 14);
    expect(q.im![0]).toBeCloseTo(2, 14);
  });

  it('adds a real scalar to a complex vector', () => {
    const s = arith(complex([1, 2], [3, -4]), fromRows([[10]]), 'add', '+');
    expect(Array.from(s.re)).toEqual([11, 12]);
    expect(Array.from(s.im!)).toEqual([3, -4]);
  });

  it('negate flips real and imaginary parts; modulus is |z|', () => {
    const z = complex([3, -5], [4, 12]);
    const n = negate(z);
    expect(Array.from(n.re)).toEqual([-3, 5]);
    expect(Array.from(n.im!)).toEqual([-4, -12]);
    expect(Array.from(modulus(z).re)).toEqual([5, 13]);
    expect(modulus(z).im).toBeNull();
  });
});
