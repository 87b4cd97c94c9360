import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../../src/numeric/rng.js';

const take = (rng: Rng, n: number, f: (r: Rng) => number = (r) => r.uniform()) =>
  Array.from({ length: n }, () => f(rng));

describe('createRng: reproducibility', () => {
  it('gives identical streams for identical parts', () => {
    const a = createRng([42, 'det-gradient', 'det-gradient/adjugate form', 3, 0]);
    const b = createRng([42, 'det-gradient', 'det-gradient/adjugate form', 3, 0]);
    expect(take(a, 50)).toEqual(take(b, 50));
    expect(take(a, 50, (r) => r.normal())).toEqual(take(b, 50, (r) => r.normal()));
    expect(take(a, 50, (r) => r.int(-3, 9))).toEqual(take(b, 50, (r) => r.int(-3, 9)));
  });

  it('treats a number part and its decimal string alike (parts are joined as text)', () => {
    expect(take(createRng([7, 'x']), 10)).toEqual(take(createRng(['7', 'x']), 10));
  });

  it('gives different streams when any part differs', () => {
    const base = take(createRng([1, 'id', 'row', 1]), 20);
    for (const parts of [
      [2, 'id', 'row', 1],
      [1, 'id2', 'row', 1],
      [1, 'id', 'row2', 1],
      [1, 'id', 'row', 2],
      [1, 'id', 'row', 1, 0],
    ]) {
      expect(take(createRng(parts), 20)).not.toEqual(base);
    }
  });

  it('separates parts: ["ab", "c"] and ["a", "bc"] differ', () => {
    expect(take(createRng(['ab', 'c']), 10)).not.toEqual(take(createRng(['a', 'bc']), 10));
  });

  it('does not depend on other generators being used in between', () => {
    const alone = take(createRng(['s', 1]), 30);
    const other = createRng(['s', 2]);
    take(other, 1000);
    const after = createRng(['s', 1]);
    take(other, 5);
    expect(take(after, 30)).toEqual(alone);
  });
});

describe('uniform', () => {
  it('stays in [0, 1) with mean ≈ 1/2 and variance ≈ 1/12', () => {
    const xs = take(createRng(['uniform']), 20000);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    // standard errors: 0.002 for the mean, 0.0005 for the variance
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.003);
  });

  it('does not repeat values over a long stream', () => {
    const xs = take(createRng(['distinct']), 20000);
    expect(new Set(xs).size).toBe(xs.length);
  });
});

describe('normal', () => {
  it('has mean ≈ 0, variance ≈ 1, and symmetric tails over 20000 draws', () => {
    const xs = take(createRng(['normal-moments']), 20000, (r) => r.normal());
    expect(xs.every(Number.isFinite)).toBe(true);
    const n = xs.length;
    const mean = xs.reduce((s, x) => s + x, 0) / n;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / n;
    // standard errors: 0.007 for the mean, 0.01 for the variance
    expect(Math.abs(mean)).toBeLessThan(0.05);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
    // P(|Z| > 1.96) = 0.05, P(Z > 0) = 0.5
    const outside = xs.filter((x) => Math.abs(x) > 1.96).length / n;
    expect(Math.abs(outside - 0.05)).toBeLessThan(0.01);
    const positive = xs.filter((x) => x > 0).length / n;
    expect(Math.abs(positive - 0.5)).toBeLessThan(0.02);
  });

  it('differs across seeds', () => {
    expect(take(createRng([1]), 5, (r) => r.normal())).not.toEqual(take(createRng([2]), 5, (r) => r.normal()));
  });
});

describe('int(lo, hi)', () => {
  it('covers both ends and never leaves [lo, hi]', () => {
    const rng = createRng(['int']);
    const seen = new Map<number, number>();
    for (let i = 0; i < 20000; i++) {
      const k = rng.int(2, 6);
      expect(Number.isInteger(k)).toBe(true);
      expect(k).toBeGreaterThanOrEqual(2);
      expect(k).toBeLessThanOrEqual(6);
      seen.set(k, (seen.get(k) ?? 0) + 1);
    }
    expect([...seen.keys()].sort()).toEqual([2, 3, 4, 5, 6]);
    // each of 5 values ≈ 4000 times (standard deviation ≈ 57)
    for (const count of seen.values()) expect(Math.abs(count - 4000)).toBeLessThan(400);
  });

  it('works for negative ranges and a single value', () => {
    const rng = createRng(['int-neg']);
    const xs = take(rng, 2000, (r) => r.int(-2, 0));
    expect(new Set(xs)).toEqual(new Set([-2, -1, 0]));
    expect(take(rng, 100, (r) => r.int(3, 3)).every((x) => x === 3)).toBe(true);
  });
});
