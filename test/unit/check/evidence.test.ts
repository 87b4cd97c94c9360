/**
 * The evidence a failure keeps for the report's heatmaps: both sides, their difference and the
 * entries outside tolerance, pooled into at most MAX_CELLS cells a side without losing a bad entry.
 */
import { describe, expect, it } from 'vitest';
import { fromRows, type Mat } from '../../../src/linalg/mat.js';
import { evidenceOf, MAX_CELLS } from '../../../src/check/result/evidence.js';

const TOL = { rtol: 1e-5, atol: 1e-8 };
const SIDES = ['expect', 'numeric'] as const;

/** An n × m matrix with entry (i, j) = f(i, j). */
function matrix(n: number, m: number, f: (i: number, j: number) => number): Mat {
  return fromRows(Array.from({ length: n }, (_, i) => Array.from({ length: m }, (_, j) => f(i, j))));
}

describe('evidenceOf', () => {
  it('keeps a small matrix whole, with the difference and the entries outside tolerance', () => {
    const numeric = fromRows([
      [1, 2],
      [3, 4],
    ]);
    const analytic = fromRows([
      [1, 2.5],
      [3, 4 + 1e-9],
    ]);
    const e = evidenceOf(analytic, numeric, TOL, SIDES);
    expect(e.block).toEqual([1, 1]);
    expect([e.rows, e.cols]).toEqual([2, 2]);
    expect(e.analytic.values).toEqual([1, 2.5, 3, 4 + 1e-9]);
    expect(e.numeric.values).toEqual([1, 2, 3, 4]);
    expect(e.difference!.values[1]).toBeCloseTo(0.5, 12);
    expect(e.outside).toEqual([false, true, false, false]);
    expect(e.complex).toBe(false);
  });

  it('summarises a large matrix in blocks, keeping the largest entry and the mark of a single bad one', () => {
    const n = 100;
    const numeric = matrix(n, n, (i, j) => Math.sin(i + 2 * j));
    // One entry of the 100 × 100 is wrong; pooling must neither drop it nor spread the mark.
    const analytic = matrix(n, n, (i, j) => Math.sin(i + 2 * j) + (i === 57 && j === 3 ? 10 : 0));
    const e = evidenceOf(analytic, numeric, TOL, SIDES);
    expect(e.block).toEqual([Math.ceil(n / MAX_CELLS), Math.ceil(n / MAX_CELLS)]);
    expect(e.difference!.rows).toBeLessThanOrEqual(MAX_CELLS);
    expect(e.difference!.cols).toBeLessThanOrEqual(MAX_CELLS);
    const cell = Math.floor(57 / e.block[0]) * e.difference!.cols + Math.floor(3 / e.block[1]);
    expect(e.outside.filter(Boolean)).toHaveLength(1);
    expect(e.outside[cell]).toBe(true);
    expect(e.difference!.values[cell]).toBeCloseTo(10, 12);
    expect(Math.max(...e.analytic.values)).toBeGreaterThan(10);
  });

  it('pools a block by magnitude with its sign', () => {
    const numeric = matrix(1, 2 * MAX_CELLS, (_, j) => (j === 41 ? -7 : 1));
    const e = evidenceOf(numeric, numeric, TOL, SIDES);
    expect(e.block).toEqual([1, 2]);
    expect(e.numeric.values[20]).toBe(-7);
    expect(e.outside.every((m) => !m)).toBe(true);
  });

  it('shows each side in its own shape, with no difference, when the shapes differ', () => {
    const e = evidenceOf(
      matrix(3, 1, () => 1),
      matrix(1, 3, () => 1),
      TOL,
      SIDES,
    );
    expect(e.difference).toBeNull();
    expect([e.analytic.rows, e.analytic.cols]).toEqual([3, 1]);
    expect([e.numeric.rows, e.numeric.cols]).toEqual([1, 3]);
  });
});
