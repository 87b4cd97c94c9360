import { describe, expect, it } from 'vitest';
import { fromRows } from '../../../src/linalg/mat.js';
import { compareArrays, firstNonFinite, isClose } from '../../../src/numeric/closeness.js';

const next = (x: number) => x + Math.abs(x) * Number.EPSILON; // the next double above x (x a power of two here)

describe('isClose: |a − n| ≤ atol + rtol·|n|', () => {
  // binary fractions, so atol + rtol·|n| is computed exactly: 0.25 + 0.5 · 1.5 = 1
  const tol = { rtol: 0.5, atol: 0.25 };

  it('holds exactly at the boundary and fails just beyond it', () => {
    expect(isClose(1, 1.5, tol)).toBe(true);
    expect(isClose(next(1), 1.5, tol)).toBe(false);
  });

  it('is atol alone when the numeric value is 0', () => {
    expect(isClose(0.25, 0, tol)).toBe(true);
    expect(isClose(next(0.25), 0, tol)).toBe(false);
  });

  it('is rtol alone when atol = 0', () => {
    const rel = { rtol: 2 ** -10, atol: 0 };
    expect(isClose(2 ** -10 * 8, 8, rel)).toBe(true);
    expect(isClose(next(2 ** -7), 8, rel)).toBe(false);
    expect(isClose(0, 0, rel)).toBe(true);
  });

  it('grows with the size of the numeric value', () => {
    expect(isClose(1, 100, { rtol: 0.01, atol: 0 })).toBe(true);
    expect(isClose(1, 50, { rtol: 0.01, atol: 0 })).toBe(false);
  });

  it('is false for a NaN error', () => {
    expect(isClose(NaN, 1, tol)).toBe(false);
  });
});

describe('compareArrays', () => {
  it('passes equal arrays with zero errors', () => {
    const a = fromRows([
      [1, 2],
      [3, 4],
    ]);
    const c = compareArrays(a, a, { rtol: 1e-5, atol: 1e-8 });
    expect(c.passed).toBe(true);
    expect(c.maxAbsError).toBe(0);
    expect(c.maxRelError).toBe(0);
  });

  it('reports max abs and max rel errors and the worst entry relative to tolerance, 1-based', () => {
    // (1,2): |100.5 − 100| = 0.5, allowed 1.0 → ratio 0.5; (2,3): |2.5 − 2| = 0.5, allowed 0.02 → ratio 25
    const numeric = fromRows([
      [1, 100, 3],
      [4, 5, 2],
    ]);
    const analytic = fromRows([
      [1, 100.5, 3],
      [4, 5, 2.5],
    ]);
    const c = compareArrays(analytic, numeric, { rtol: 0.01, atol: 0 });
    expect(c.passed).toBe(false);
    expect(c.maxAbsError).toBe(0.5);
    expect(c.maxRelError).toBe(0.25); // 0.5 / 2
    expect(c.worst.index).toEqual([2, 3]);
    expect(c.worst.analytic).toBe(2.5);
    expect(c.worst.numeric).toBe(2);
  });

  it('picks the worst entry by tolerance ratio, not by absolute error', () => {
    // (1,1): error 0.5, allowed 1e-3 · 1000 = 1 → ratio 0.5; (2,1): error 0.125, allowed 5e-4 → ratio 250
    const numeric = fromRows([
      [1000, 1],
      [0.5, 1],
    ]);
    const analytic = fromRows([
      [1000.5, 1],
      [0.625, 1],
    ]);
    const c = compareArrays(analytic, numeric, { rtol: 1e-3, atol: 0 });
    expect(c.maxAbsError).toBe(0.5);
    expect(c.worst.index).toEqual([2, 1]);
  });

  it('passes an array whose every entry is within tolerance, and fails it when one is not', () => {
    const numeric = fromRows([[1], [2], [4]]);
    const within = fromRows([[1 + 1e-6], [2 - 1e-5], [4 + 3e-5]]);
    expect(compareArrays(within, numeric, { rtol: 1e-5, atol: 1e-8 }).passed).toBe(true);
    const outside = fromRows([[1 + 1e-6], [2 - 1e-5], [4 + 5e-5]]);
    const c = compareArrays(outside, numeric, { rtol: 1e-5, atol: 1e-8 });
    expect(c.passed).toBe(false);
    expect(c.worst.index).toEqual([3, 1]);
  });

  it('leaves entries with |numeric| ≤ atol out of the relative error', () => {
    const numeric = fromRows([[0, 10]]);
    const analytic = fromRows([[1e-9, 10.001]]);
    const c = compareArrays(analytic, numeric, { rtol: 1e-3, atol: 1e-8 });
    expect(c.passed).toBe(true);
    expect(c.maxRelError).toBeCloseTo(1e-4, 12);
    expect(c.maxAbsError).toBeCloseTo(1e-3, 12);
  });

  it('uses the modulus for complex values', () => {
    // analytic 3 + 4i against numeric 0: |error| = 5
    const analytic = { rows: 1, cols: 1, re: Float64Array.of(3), im: Float64Array.of(4) };
    const c = compareArrays(analytic, fromRows([[0]]), { rtol: 0, atol: 5 });
    expect(c.maxAbsError).toBe(5);
    expect(c.passed).toBe(true);
    expect(compareArrays(analytic, fromRows([[0]]), { rtol: 0, atol: 4.999 }).passed).toBe(false);
  });

  it('accepts a complex value whose imaginary part is within tolerance of a real one', () => {
    const analytic = { rows: 1, cols: 1, re: Float64Array.of(2), im: Float64Array.of(1e-12) };
    expect(compareArrays(analytic, fromRows([[2]]), { rtol: 1e-5, atol: 1e-8 }).passed).toBe(true);
    const far = { rows: 1, cols: 1, re: Float64Array.of(2), im: Float64Array.of(1e-3) };
    expect(compareArrays(far, fromRows([[2]]), { rtol: 1e-5, atol: 1e-8 }).passed).toBe(false);
  });

  it('uses the modulus of a complex numeric value for the relative part', () => {
    // numeric 6 + 8i (|n| = 10), error 1: allowed 0.1 · 10 = 1
    const numeric = { rows: 1, cols: 1, re: Float64Array.of(6), im: Float64Array.of(8) };
    const analytic = { rows: 1, cols: 1, re: Float64Array.of(7), im: Float64Array.of(8) };
    const c = compareArrays(analytic, numeric, { rtol: 0.125, atol: 0 });
    expect(c.passed).toBe(true);
    expect(c.maxRelError).toBe(0.1);
    expect(compareArrays(analytic, numeric, { rtol: 0.0625, atol: 0 }).passed).toBe(false);
  });
});

describe('firstNonFinite', () => {
  it('finds the first NaN or infinity, 1-based, row-major', () => {
    expect(
      firstNonFinite(
        fromRows([
          [1, 2],
          [3, 4],
        ]),
      ),
    ).toBeNull();
    expect(
      firstNonFinite(
        fromRows([
          [1, 2, 3],
          [4, NaN, Infinity],
        ]),
      ),
    ).toEqual([2, 2]);
    expect(firstNonFinite(fromRows([[1, -Infinity]]))).toEqual([1, 2]);
    const z = { rows: 1, cols: 2, re: Float64Array.of(1, 2), im: Float64Array.of(0, NaN) };
    expect(firstNonFinite(z)).toEqual([1, 2]);
  });
});
