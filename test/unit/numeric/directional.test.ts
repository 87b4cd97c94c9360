/**
 * Directional derivatives (fast mode's numeric side) against functions whose derivatives are
 * known in closed form: d/ds f(x + s·v) = ⟨∇f(x), v⟩.
 */
import { describe, expect, it } from 'vitest';
import { compileExpression } from '../../../src/expr/compile.js';
import { KinkTrace } from '../../../src/expr/kink-trace.js';
import type { Mat } from '../../../src/linalg/mat.js';
import { createRng } from '../../../src/numeric/rng.js';
import { drawSample } from '../../../src/numeric/samplers.js';
import { directionalDerivative, directionalNoise, directionalStep } from '../../../src/numeric/directional.js';
import { DEFAULT_STEP, type Objective } from '../../../src/numeric/finite-diff.js';

function objective(source: string, fixed: Record<string, Mat> = {}): Objective {
  const r = compileExpression(source, new Set(['v', ...Object.keys(fixed)]));
  if (!r.ok) throw new Error(r.message);
  return (v, trace) => r.evaluate(new Map([...Object.entries(fixed), ['v', v]]), trace);
}

function along(f: Objective, x: Mat, v: Mat): number {
  const base = new KinkTrace();
  f(x, base);
  const d = directionalDerivative(f, x, v, base);
  if (d === null) throw new Error('unexpected kink');
  return d.re[0]!;
}

const dot = (a: Mat, b: Mat): number => a.re.reduce((s, x, k) => s + x * b.re[k]!, 0);

describe('directionalDerivative', () => {
  const rng = createRng(['directional']);

  it('equals ⟨3x², v⟩ for sum(x.^3), to 1e-9 relative', () => {
    for (let t = 0; t < 20; t++) {
      const x = drawSample('normal', 7, 1, rng);
      const v = drawSample('uniform', 7, 1, rng);
      const grad: Mat = { ...x, re: x.re.map((xi) => 3 * xi * xi) };
      const exact = dot(grad, v);
      expect(Math.abs(along(objective('sum(v .^ 3)'), x, v) - exact)).toBeLessThan(1e-9 * Math.max(1, Math.abs(exact)));
    }
  });

  it('equals tr(inv(X) V) for log|det X| on a matrix, to 1e-9 relative', () => {
    for (let t = 0; t < 10; t++) {
      const x = drawSample('invertible', 5, 5, rng);
      const v = drawSample('uniform', 5, 5, rng);
      const exact = objective('trace(inv(X) * v)', { X: x })(v, new KinkTrace()).re[0]!;
      expect(Math.abs(along(objective('log(abs(det(v)))'), x, v) - exact)).toBeLessThan(
        1e-9 * Math.max(1, Math.abs(exact)),
      );
    }
  });

  it('steps past a nearby kink at a smaller step, is null only when every step crosses it', () => {
    const v: Mat = { rows: 2, cols: 1, re: Float64Array.of(1, 0.5), im: null };
    const f = objective('sum(relu(v))');
    // 1e-6 lies within the stencil at the first steps (2^-9 here) but not at the smallest.
    const near: Mat = { rows: 2, cols: 1, re: Float64Array.of(1e-6, 2), im: null };
    const nearTrace = new KinkTrace();
    f(near, nearTrace);
    expect(directionalDerivative(f, near, v, nearTrace)!.re[0]).toBeCloseTo(1.5, 9);
    const on: Mat = { rows: 2, cols: 1, re: Float64Array.of(1e-10, 2), im: null };
    const onTrace = new KinkTrace();
    f(on, onTrace);
    expect(directionalDerivative(f, on, v, onTrace)).toBeNull();
    const smooth = objective('sum(exp(v))');
    const smoothTrace = new KinkTrace();
    smooth(near, smoothTrace);
    const noise = directionalNoise(smooth, { x: near, v }, smoothTrace);
    expect(noise).not.toBeNull();
    expect(noise!).toBeLessThan(1e-8);
  });

  it('steps by the power of two of the largest entry, as full mode does per entry', () => {
    expect(directionalStep({ rows: 2, cols: 1, re: Float64Array.of(0.5, -0.25), im: null })).toBe(DEFAULT_STEP);
    expect(directionalStep({ rows: 2, cols: 1, re: Float64Array.of(0.5, -8), im: null })).toBe(8 * DEFAULT_STEP);
  });
});
