/**
 * The second-order first pass of full mode: accurate enough that a correct claim stands on it by a
 * wide margin, and the rule that sends every entry it cannot decide to the fourth-order stencil.
 */
import { describe, expect, it } from 'vitest';
import { compileExpression } from '../../../src/expr/compile.js';
import { KinkTrace } from '../../../src/expr/kink-trace.js';
import { fromRows, type Mat } from '../../../src/linalg/mat.js';
import { partialAt, scratchCopy, type Objective, type StencilName } from '../../../src/numeric/finite-diff.js';
import { createRng } from '../../../src/numeric/rng.js';
import { drawSample } from '../../../src/numeric/samplers.js';
import { FIRST_PASS_MARGIN, undecidedEntries } from '../../../src/check/trial/first-pass.js';

function objective(source: string): Objective {
  const r = compileExpression(source, new Set(['v']));
  if (!r.ok) throw new Error(r.message);
  return (v, trace) => r.evaluate(new Map([['v', v]]), trace);
}

/** The largest error, relative to max(1, |exact|), of the partials of f at x by one stencil. */
function worstError(f: Objective, x: Mat, exact: (x: Mat, k: number) => number, name: StencilName): number {
  const base = new KinkTrace();
  f(x, base);
  const probe = scratchCopy(x);
  let worst = 0;
  for (let k = 0; k < x.re.length; k++) {
    const d = partialAt(f, { probe, k }, base, name)!;
    const e = exact(x, k);
    worst = Math.max(worst, Math.abs(d.re[0]! - e) / Math.max(1, Math.abs(e)));
  }
  return worst;
}

describe('the two-point first pass', () => {
  const rng = createRng(['first-pass']);
  const x = drawSample('normal', 6, 1, rng);
  const cases: [string, string, (x: Mat, k: number) => number][] = [
    ['sum(exp(v))', 'exp', (v, k) => Math.exp(v.re[k]!)],
    ['sum(sin(v) .* v)', 'x sin x', (v, k) => Math.sin(v.re[k]!) + v.re[k]! * Math.cos(v.re[k]!)],
    ["(v' * v)^2", 'squared norm squared', (v, k) => 4 * [...v.re].reduce((a, b) => a + b * b, 0) * v.re[k]!],
  ];

  it.each(cases)('%s (%s): within 1e-9 relative, some 10⁴ inside the default rtol', (source, _, exact) => {
    const two = worstError(objective(source), x, exact, 'two-point');
    const four = worstError(objective(source), x, exact, 'fourth-order');
    expect(two).toBeLessThan(1e-9);
    expect(four).toBeLessThan(1e-10);
    // It is the less exact of the two, which is why it only decides entries by a wide margin.
    expect(two).toBeGreaterThan(0);
  });
});

describe('undecidedEntries', () => {
  const tol = { rtol: 1e-5, atol: 1e-8 };
  const gradient = { layout: 'gradient', convention: 'independent', shapes: { x: [2, 2], f: [1, 1] } } as const;

  it('leaves nothing to redo when every entry lands well inside the tolerance', () => {
    const n = fromRows([
      [1, 2],
      [3, 4],
    ]);
    const a = fromRows([
      [1 + 1e-12, 2],
      [3, 4 - 1e-11],
    ]);
    expect(undecidedEntries(a, n, tol, gradient)).toEqual([]);
  });

  it('redoes an entry off by 1e-3, and one inside the tolerance but not by the margin', () => {
    const n = fromRows([
      [1, 2],
      [3, 4],
    ]);
    const inside = 3 * (tol.rtol / 4); // passes the verdict's rule, not the first pass's
    expect(inside).toBeGreaterThan((3 * tol.rtol) / FIRST_PASS_MARGIN);
    const a = fromRows([
      [1.001, 2],
      [3 + inside, 4],
    ]);
    expect(undecidedEntries(a, n, tol, gradient)).toEqual([0, 2]);
  });

  it('redoes a NaN, and both mirrors of an entry under the symmetric convention', () => {
    const n = fromRows([
      [1, 2],
      [2, 4],
    ]);
    const a = fromRows([
      [1, 2],
      [2.5, Number.NaN],
    ]);
    expect(undecidedEntries(a, n, tol, { ...gradient, convention: 'symmetric' })).toEqual([1, 2, 3]);
  });
});
