import { type Mat, zeros, formatShape } from '../linalg/mat.js';
import { arith } from '../linalg/elementwise.js';
import { sum } from '../linalg/reduce.js';
import type { KinkTrace } from '../expr/kink-trace.js';
import type { Objective } from '../numeric/finite-diff.js';
import { directionalDerivative, directionalNoise } from '../numeric/directional.js';
import { drawSample } from '../numeric/samplers.js';
import type { Rng } from '../numeric/rng.js';
import type { Expression, Identity } from '../spec-file/identity.js';
import { isDomainError } from '../budget.js';
import { type Draw, scopeOf } from './draw.js';
import { type TrialOutcome, attempt, finish } from './outcome.js';

/** Everything one fast-mode trial of a derivative claim needs. */
export interface ProbeTask {
  readonly identity: Identity;
  readonly draw: Draw;
  /** f (or, for backprop, the loss sum(G .* f)) as a function of wrt. */
  readonly objective: Objective;
  readonly baseTrace: KinkTrace;
  /** f at the draw: its shape sets the shape of a jacobian's u. */
  readonly f0: Mat;
  readonly expect: Expression;
  readonly wrt: string;
  readonly upstream: { readonly name: string; readonly value: Mat } | null;
  readonly layout: 'gradient' | 'denominator' | 'numerator';
  readonly probes: number;
  readonly rng: Rng;
}

/** A direction with N(0, 1) entries, scaled so that its largest entry is ±1 (the step then bounds every move). */
function randomDirection(rows: number, cols: number, rng: Rng): Mat {
  const v = drawSample('normal', rows, cols, rng);
  let largest = 0;
  for (const x of v.re) largest = Math.max(largest, Math.abs(x));
  for (let k = 0; k < v.re.length; k++) v.re[k]! /= largest;
  return v;
}

/** The shape expect must have: wrt's for a gradient, len(wrt)×len(f) or its transpose for a jacobian. */
function expectedShape(task: ProbeTask, x0: Mat): [number, number] {
  if (task.layout === 'gradient') return [x0.rows, x0.cols];
  const [n, m] = [x0.re.length, task.f0.re.length];
  return task.layout === 'denominator' ? [n, m] : [m, n];
}

/**
 * ⟨expect, v⟩ for a gradient; v'·E·u for a denominator-layout jacobian E (its (i, j) entry is
 * ∂f_j/∂x_i) and u'·E·v for a numerator-layout one. Real and imaginary parts are kept apart.
 */
function project(e: Mat, v: Mat, u: Mat | null, layout: ProbeTask['layout']): [number, number] {
  let re = 0,
    im = 0;
  for (let i = 0; i < e.rows; i++) {
    for (let j = 0; j < e.cols; j++) {
      const k = i * e.cols + j;
      const w = u === null ? v.re[k]! : layout === 'denominator' ? v.re[i]! * u.re[j]! : u.re[i]! * v.re[j]!;
      re += w * e.re[k]!;
      if (e.im !== null) im += w * e.im[k]!;
    }
  }
  return [re, im];
}

/** The numeric side: one directional derivative per probe, or why there is none. */
function measure(objective: Objective, x0: Mat, directions: readonly Mat[], baseTrace: KinkTrace): Mat | TrialOutcome {
  const values: Mat[] = [];
  for (const v of directions) {
    let d: Mat | null;
    try {
      d = directionalDerivative(objective, x0, v, baseTrace);
    } catch (error) {
      if (isDomainError(error)) return { type: 'error', message: `f near the draw: ${error.message}` };
      throw error;
    }
    if (d === null) return { type: 'kink' };
    values.push(d);
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
export function probeTrial(task: ProbeTask): TrialOutcome {
  const { draw, rng, layout } = task;
  const x0 = draw.vars.get(task.wrt)!;
  const u = layout === 'gradient' ? null : drawSample('normal', task.f0.rows, task.f0.cols, rng);
  const objective: Objective =
    u === null ? task.objective : (x, trace) => sum(arith(u, task.objective(x, trace), 'mul', '.*'));
  const directions = Array.from({ length: task.probes }, () => randomDirection(x0.rows, x0.cols, rng));
  const numeric = measure(objective, x0, directions, task.baseTrace);
  if (!('rows' in numeric)) return numeric;
  const expect = attempt('expect', () => {
    const scope = scopeOf(task.identity, draw, null);
    if (task.upstream !== null) scope.set(task.upstream.name, task.upstream.value);
    return task.expect.evaluate(scope, null);
  });
  if (!expect.ok) return { type: 'fail', message: expect.message };
  const [rows, cols] = expectedShape(task, x0);
  if (expect.value.rows !== rows || expect.value.cols !== cols) {
    const target = layout === 'gradient' ? `wrt ${task.wrt}` : `the ${layout}-layout jacobian`;
    return { type: 'fail', message: `expect is ${formatShape(expect.value)} but ${target} is ${rows}×${cols}` };
  }
  const analytic = zeros(task.probes, 1, expect.value.im !== null);
  directions.forEach((v, p) => {
    const [re, im] = project(expect.value, v, u, layout);
    analytic.re[p] = re;
    if (analytic.im !== null) analytic.im[p] = im;
  });
  const noise = ([p]: readonly [number, number]): number | null =>
    directionalNoise(objective, x0, directions[p - 1]!, 0);
  return finish(
    analytic,
    numeric,
    noise,
    { analytic: 'expect', target: 'the probes', numeric: 'the directional derivative' },
    true,
  );
}
