/**
 * centralPartials against functions whose derivatives are known in closed form, and the kink
 * detection that keeps non-smooth functions from producing meaningless differences.
 */
import { describe, expect, it } from 'vitest';
import { compileExpression } from '../../../src/expr/compile.js';
import { KinkTrace } from '../../../src/expr/kink-trace.js';
import { fromRows, toRows, type Mat } from '../../../src/linalg/mat.js';
import { createRng } from '../../../src/numeric/rng.js';
import { drawSample } from '../../../src/numeric/samplers.js';
import { DEFAULT_STEP, centralPartials, stepFor, type Objective } from '../../../src/numeric/finite-diff.js';
import { evaluate, randomMat, type Rows } from '../helpers.js';

/** An objective f(v) from an expression in `v` and fixed extra values. */
function objective(source: string, fixed: Record<string, Mat> = {}): Objective {
  const r = compileExpression(source, new Set(['v', ...Object.keys(fixed)]));
  if (!r.ok) throw new Error(r.message);
  return (v, trace) => r.evaluate(new Map([...Object.entries(fixed), ['v', v]]), trace);
}

/** The gradient of a scalar objective at x, laid out in x's shape; throws on a kink. */
function gradient(f: Objective, x: Mat): Rows {
  const base = new KinkTrace();
  f(x, base);
  const r = centralPartials(f, x, base);
  if (!r.ok) throw new Error(`unexpected kink at ${r.kinkAt}`);
  expect(r.partials).toHaveLength(x.rows * x.cols);
  return Array.from({ length: x.rows }, (_, i) =>
    Array.from({ length: x.cols }, (_, j) => {
      const p = r.partials[i * x.cols + j]!;
      expect([p.rows, p.cols]).toEqual([1, 1]);
      return p.re[0]!;
    }),
  );
}

/** |numeric − exact| ≤ rtol·max(1, max|exact|) entry by entry. */
function expectGradient(numeric: Rows, exact: Rows, rtol = 1e-9): void {
  const scale = Math.max(1, ...exact.flat().map(Math.abs));
  expect(numeric.length).toBe(exact.length);
  numeric.forEach((row, i) =>
    row.forEach((v, j) => {
      const err = Math.abs(v - exact[i]![j]!);
      if (!(err <= rtol * scale))
        throw new Error(`entry (${i + 1},${j + 1}): numeric ${v}, exact ${exact[i]![j]}, error ${err}`);
    }),
  );
}

describe('centralPartials on known derivatives', () => {
  it('d/dx sum(exp(x)) = exp(x)', () => {
    const x = randomMat(6, 1, 'fd-exp');
    expectGradient(
      gradient(objective('sum(exp(v))'), x),
      toRows(x).map(([v]) => [Math.exp(v!)]),
    );
  });

  it('d/dx sum(sin(x)) = cos(x), also for a matrix argument', () => {
    const x = randomMat(3, 4, 'fd-sin');
    expectGradient(
      gradient(objective('sum(sin(v))'), x),
      toRows(x).map((r) => r.map(Math.cos)),
    );
  });

  it("d/dx x'Ax = (A + A')x for non-symmetric A", () => {
    const A = randomMat(5, 5, 'fd-quad-A');
    const x = randomMat(5, 1, 'fd-quad-x');
    const exact = toRows(evaluate("(A + A') * x", { A, x }));
    expectGradient(gradient(objective("v' * A * v", { A }), x), exact);
    // and not A x + A x (the symmetric-A shortcut): the comparison can fail
    const wrong = toRows(evaluate('2 * A * x', { A, x }));
    expect(() => expectGradient(gradient(objective("v' * A * v", { A }), x), wrong)).toThrow();
  });

  it("d/dX log|det X| = inv(X)'", () => {
    for (let s = 0; s < 5; s++) {
      const X = drawSample('invertible', 4, 4, createRng(['fd-logdet', s]));
      const exact = toRows(evaluate("inv(X)'", { X }));
      expectGradient(gradient(objective('log(abs(det(v)))'), X), exact);
    }
  });

  it("d/dX det X = det(X) inv(X)'", () => {
    for (let s = 0; s < 5; s++) {
      const X = drawSample('invertible', 3, 3, createRng(['fd-det', s]));
      const exact = toRows(evaluate("det(X) * inv(X)'", { X }));
      expectGradient(gradient(objective('det(v)'), X), exact);
    }
  });

  it('is exact (to rounding) on polynomials of degree ≤ 4: d/dx x⁴ = 4x³', () => {
    const x = fromRows([[1.3], [-0.7], [2.5]]);
    expectGradient(
      gradient(objective('sum(v .^ 4)'), x),
      toRows(x).map(([v]) => [4 * v! ** 3]),
      1e-11,
    );
  });

  it("gives one partial of f's shape per entry of x, row-major: ∂(Wx)/∂x_k = column k of W", () => {
    const W = randomMat(3, 4, 'fd-jac-W');
    const x = randomMat(4, 1, 'fd-jac-x');
    const f = objective('W * v', { W });
    const base = new KinkTrace();
    f(x, base);
    const r = centralPartials(f, x, base);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.partials).toHaveLength(4);
    const w = toRows(W);
    r.partials.forEach((p, k) => {
      expect([p.rows, p.cols]).toEqual([3, 1]);
      p.re.forEach((v, i) => expect(Math.abs(v - w[i]![k]!)).toBeLessThan(1e-10));
    });
  });

  it('orders the partials of a matrix argument row-major', () => {
    // f(X) = sum(C .* X) has gradient C; C's entries are distinct, so any reordering shows
    const C = fromRows([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const X = randomMat(2, 3, 'fd-order');
    expectGradient(
      gradient(objective('sum(C .* v)', { C }), X),
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      1e-12,
    );
  });

  it('does not modify x', () => {
    const x = randomMat(4, 1, 'fd-pure');
    const before = Array.from(x.re);
    gradient(objective('sum(exp(v))'), x);
    expect(Array.from(x.re)).toEqual(before);
  });
});

describe('kinks', () => {
  const relu = objective('sum(relu(v))');

  const partials = (f: Objective, x: Mat) => {
    const base = new KinkTrace();
    f(x, base);
    return centralPartials(f, x, base);
  };

  it('relu with an entry at 1e-5 (the first stencils straddle 0) is measured at a smaller step', () => {
    expectGradient(gradient(relu, fromRows([[0.5], [1e-5], [-1e-5]])), [[1], [1], [0]], 1e-9);
  });

  it('relu with an entry at 1e-9 (every step of the ladder straddles 0) is not ok, at that entry', () => {
    const r = partials(relu, fromRows([[0.5], [1e-9], [-0.7]]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.kinkAt).toBe(1);
  });

  it('relu with an entry exactly at 0 is not ok', () => {
    expect(partials(relu, fromRows([[0], [0.5]])).ok).toBe(false);
  });

  it('relu away from 0 is ok, with derivative 1 where positive and 0 where negative', () => {
    const x = fromRows([[0.5], [-0.7], [2]]);
    expectGradient(gradient(relu, x), [[1], [0], [1]], 1e-12);
  });

  it('abs, sign and comparisons at 0 are kinks too', () => {
    const x = fromRows([[-1e-9], [1]]);
    expect(partials(objective('sum(abs(v))'), x).ok).toBe(false);
    expect(partials(objective('sum(sign(v) .* v)'), x).ok).toBe(false);
    expect(partials(objective('sum((v > 0) .* v)'), x).ok).toBe(false);
    expect(partials(objective('sum(max(v, 0))'), x).ok).toBe(false);
  });

  it('a kink in a where-like inner expression is detected through the whole evaluation', () => {
    // relu(1 − v) has its kink at v = 1
    expect(partials(objective('sum(exp(relu(1 - v)))'), fromRows([[1 + 1e-9]])).ok).toBe(false);
    expect(partials(objective('sum(exp(relu(1 - v)))'), fromRows([[0.5]])).ok).toBe(true);
  });

  it('an argument that is identically 0 (a structural zero) is not a kink', () => {
    const x = randomMat(3, 1, 'fd-structural');
    expectGradient(gradient(objective('sum(relu(v - v)) + sum(v)'), x), [[1], [1], [1]], 1e-12);
  });
});

describe('stepFor', () => {
  const isPowerOfTwo = (h: number) => h > 0 && 2 ** Math.round(Math.log2(h)) === h;
  const binade = (v: number) => Math.floor(Math.log2(Math.abs(v)));
  const values = (() => {
    const rng = createRng(['step-values']);
    const xs = [0, 0.3, -0.3, 1, -1, 1.7, -3.25, 100.1, 1e6 + 0.5, -2.5e-7, 1e-300, 12345.678];
    for (let i = 0; i < 2000; i++) xs.push(rng.normal() * 10 ** rng.int(-3, 4));
    return xs;
  })();

  it('is a power of two', () => {
    for (const x of values) expect(isPowerOfTwo(stepFor(x)), `x = ${x}`).toBe(true);
  });

  it('is DEFAULT_STEP relative to max(1, |x|), rounded down to a power of two', () => {
    expect(stepFor(0)).toBe(DEFAULT_STEP);
    expect(stepFor(0.5)).toBe(DEFAULT_STEP);
    expect(stepFor(-1)).toBe(DEFAULT_STEP);
    expect(stepFor(1024)).toBe(DEFAULT_STEP * 1024);
    for (const x of values) {
      const target = DEFAULT_STEP * Math.max(1, Math.abs(x));
      const h = stepFor(x);
      expect(h, `x = ${x}`).toBeLessThanOrEqual(target);
      expect(h, `x = ${x}`).toBeGreaterThan(target / 2);
    }
  });

  it('is symmetric in the sign of x', () => {
    for (const x of values) expect(stepFor(-x)).toBe(stepFor(x));
  });

  it('makes x ± h and x ± 2h exact whenever they stay in the binade of x', () => {
    let checked = 0;
    for (const x of values) {
      if (x === 0) continue;
      const h = stepFor(x);
      for (const k of [-2, -1, 1, 2]) {
        const y = x + k * h;
        if (y === 0 || binade(y) !== binade(x)) continue;
        checked++;
        expect(y - x, `x = ${x}, k = ${k}`).toBe(k * h);
        expect(y - k * h, `x = ${x}, k = ${k}`).toBe(x);
      }
    }
    expect(checked).toBeGreaterThan(4000);
  });

  it('makes x ± h exact for the hand-picked values 0, 0.3, 1.7, −3.25, 100.1, 1e6 + 0.5', () => {
    for (const x of [0, 0.3, 1.7, -3.25, 100.1, 1e6 + 0.5]) {
      const h = stepFor(x);
      expect(x + h - x).toBe(h);
      expect(x - (x - h)).toBe(h);
    }
  });
});
