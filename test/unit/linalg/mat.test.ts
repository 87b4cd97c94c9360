import { describe, expect, it } from 'vitest';
import {
  MAX_ELEMENTS,
  MathError,
  checkSize,
  formatShape,
  fromRows,
  isScalar,
  isVector,
  scalar,
  toCount,
  toNumber,
  toRows,
  zeros,
} from '../../../src/linalg/mat.js';
import { thrown } from '../helpers.js';

describe('Mat basics', () => {
  it('fromRows lays entries out row-major and toRows reads them back', () => {
    const m = fromRows([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect([m.rows, m.cols]).toEqual([2, 3]);
    expect(Array.from(m.re)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(m.im).toBeNull();
    expect(toRows(m)).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });

  it('fromRows refuses ragged rows with a MathError', () => {
    expect(thrown(() => fromRows([[1, 2], [3]]))).toBeInstanceOf(MathError);
  });

  it('formats shapes as rows×cols', () => {
    expect(formatShape({ rows: 3, cols: 2 })).toBe('3×2');
  });

  it('classifies scalars and vectors by shape', () => {
    expect(isScalar(scalar(5))).toBe(true);
    expect(isScalar(zeros(1, 2))).toBe(false);
    expect(isVector(zeros(3, 1))).toBe(true);
    expect(isVector(zeros(1, 3))).toBe(true);
    expect(isVector(zeros(2, 2))).toBe(false);
  });

  it('toNumber reads a 1×1 and refuses other shapes or complex values', () => {
    expect(toNumber(scalar(2.5), 'x')).toBe(2.5);
    const e = thrown(() => toNumber(zeros(2, 1), 'the size'));
    expect(e).toBeInstanceOf(MathError);
    expect(e.message).toContain('the size');
    expect(e.message).toContain('2×1');
    const z = { rows: 1, cols: 1, re: Float64Array.of(1), im: Float64Array.of(1) };
    expect(thrown(() => toNumber(z, 'x'))).toBeInstanceOf(MathError);
  });

  it('toCount accepts whole numbers ≥ 0 only', () => {
    expect(toCount(scalar(3), 'n')).toBe(3);
    expect(toCount(scalar(0), 'n')).toBe(0);
    expect(thrown(() => toCount(scalar(2.5), 'n'))).toBeInstanceOf(MathError);
    expect(thrown(() => toCount(scalar(-1), 'n'))).toBeInstanceOf(MathError);
  });
});

describe('size limit', () => {
  it('accepts exactly MAX_ELEMENTS entries and refuses one more row', () => {
    expect(() => checkSize(MAX_ELEMENTS, 1)).not.toThrow();
    const e = thrown(() => checkSize(MAX_ELEMENTS + 1, 1));
    expect(e).toBeInstanceOf(MathError);
    expect(e.message).toContain(String(MAX_ELEMENTS));
  });

  it('zeros refuses a huge matrix with a MathError before allocating', () => {
    // 1e10 float64 entries would be 80 GB: getting a MathError back at all shows nothing was allocated.
    const e = thrown(() => zeros(100_000, 100_000));
    expect(e).toBeInstanceOf(MathError);
    expect(e.message).toContain('100000×100000');
  });

  it('refuses negative and fractional sizes', () => {
    expect(thrown(() => zeros(-1, 2))).toBeInstanceOf(MathError);
    expect(thrown(() => zeros(1.5, 2))).toBeInstanceOf(MathError);
  });
});
