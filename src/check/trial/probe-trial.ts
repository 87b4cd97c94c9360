import { type Mat, zeros, formatShape } from '../../linalg/mat.js';
import { arith } from '../../linalg/elementwise.js';
import { sum } from '../../linalg/reduce.js';
import type { KinkTrace } from '../../expr/kink-trace.js';
import type { Objective } from '../../numeric/finite-diff.js';
import { directionalDerivative, directionalNoise } from '../../numeric/directional.js';
import { drawSample } from '../../numeric/samplers.js';
import type { Rng } from '../../numeric/rng.js';
import { attempt } from '../../errors.js';
import { project, referenceName, referenceShape } from '../kinds/layout.js';
import { applyConvention } from '../kinds/convention.js';
import { type DerivativeTask, evaluateExpect } from './derivative-task.js';
import { type TrialOutcome, finish } from './outcome.js';

/** A direction with N(0, 1) entries, scaled so that its largest entry is ±1 (the step then bounds every move). */
export function randomDirection(rows: number, cols: number, rng: Rng): Mat {
  const v = drawSample('normal', rows, cols, rng);
  let largest = 0;
  for (const x of v.re) largest = Math.max(largest, Math.abs(x));
  for (let k = 0; k < v.re.length; k++) v.re[k]! /= largest;
  return v;
}

/** The numeric side: one directional derivative per probe, or why there is none. */
function measure(objective: Objective, x0: Mat, directions: readonly Mat[], baseTrace: KinkTrace): Mat | TrialOutcome {
  const values: Mat[] = [];
  for (const v of directions) {
    const d = attempt('f near the draw', () => directionalDerivative(objective, x0, v, baseTrace));
    if (!d.ok) return { type: 'error', message: d.message };
    if (d.value === null) return { type: 'kink' };
    values.push(d.value);
  }
  const out = zeros(
    directions.length,
    1,
    values.some((d) => d.im !== null),
  );
  values.forEach((d, p) => {
    out.re[p] = d.re[0]!;
    if (out.im !== null) out.im[p] = d.im?.[0] ?? 0;
  });
  return out;
}

/**
 * One fast-mode trial: k random directions v (and, for a jacobian, a random u of f's shape, which
 * makes f the scalar u'f), the directional derivative along each by central differences, and
 * expect projected on the same directions. Four evaluations of f per probe, whatever the size of
 * wrt; an expect of the wrong shape fails before any projection.
 */
export function probeTrial(task: DerivativeTask, probes: number, rng: Rng): TrialOutcome {
  const { draw, layout } = task;
  const x0 = draw.vars.get(task.wrt)!;
  const u = layout === 'gradient' ? null : drawSample('normal', task.f0.rows, task.f0.cols, rng);
  const objective: Objective =
    u === null ? task.objective : (x, trace) => sum(arith(u, task.objective(x, trace), 'mul', '.*'));
  const directions = Array.from({ length: probes }, () => randomDirection(x0.rows, x0.cols, rng));
  // Under a convention, ⟨expect, v⟩ is the derivative along T(v) (see convention.ts).
  const along = directions.map((v) => applyConvention(v, task.convention));
  const numeric = measure(objective, x0, along, task.baseTrace);
  if (!('rows' in numeric)) return numeric;
  const expect = evaluateExpect(task);
  if (!expect.ok) return { type: 'fail', message: expect.message };
  const [rows, cols] = referenceShape(layout, x0, task.f0);
  if (expect.value.rows !== rows || expect.value.cols !== cols) {
    const target = referenceName(layout, task.wrt, false);
    return { type: 'fail', message: `expect is ${formatShape(expect.value)} but ${target} is ${rows}×${cols}` };
  }
  const analytic = zeros(probes, 1, expect.value.im !== null);
  directions.forEach((v, p) => {
    const [re, im] = project(layout, expect.value, { v, u });
    analytic.re[p] = re;
    if (analytic.im !== null) analytic.im[p] = im;
  });
  const noise = ([p]: readonly [number, number]): number | null =>
    directionalNoise(objective, { x: x0, v: along[p - 1]! }, task.baseTrace);
  const labels = { analytic: 'expect', target: 'the probes', numeric: 'the directional derivative' };
  return finish({ analytic, numeric, probes: true }, noise, labels);
}
