import { type Mat, zeros } from '../linalg/mat.js';
import { KinkTrace } from '../expr/kink-trace.js';
import { STENCIL, accumulate, noiseOf, stepFor, type Objective } from './finite-diff.js';

/**
 * The step along a direction v with max |v| = 1: the step of the largest entry of x, so that no
 * entry moves by less than its own rounding allows (the full mode's rule, applied to the
 * direction as a whole).
 */
export function directionalStep(x: Mat): number {
  let largest = 0;
  for (const value of x.re) largest = Math.max(largest, Math.abs(value));
  return stepFor(largest);
}

/** x + s·v, a new array (x stays as it is). */
function along(x: Mat, v: Mat, s: number): Mat {
  const out = zeros(x.rows, x.cols);
  for (let k = 0; k < x.re.length; k++) out.re[k] = x.re[k]! + s * v.re[k]!;
  return out;
}

/**
 * The fourth-order stencil of f along v with step t, or null when an evaluation takes other
 * branches of a non-smooth function than `baseTrace` (a kink within the stencil).
 */
function stencilAlong(f: Objective, x: Mat, v: Mat, t: number, baseTrace: KinkTrace | null): Mat | null {
  let acc: Mat | null = null;
  for (let s = 0; s < STENCIL.length; s++) {
    const offset = STENCIL[s]![0],
      weight = STENCIL[s]![1];
    const trace = new KinkTrace();
    const value = f(along(x, v, offset * t), trace);
    if (baseTrace !== null && !trace.samePieceAs(baseTrace)) return null;
    acc = accumulate(acc, value, weight / t);
  }
  return acc;
}

/**
 * The directional derivative of f at x along v, d/ds f(x + s·v) at s = 0, by the same fourth-order
 * central stencil as the partial derivatives of full mode; null on a kink. One probe costs four
 * evaluations of f, whatever the size of x.
 */
export function directionalDerivative(f: Objective, x: Mat, v: Mat, baseTrace: KinkTrace): Mat | null {
  return stencilAlong(f, x, v, directionalStep(x), baseTrace);
}

/**
 * An estimate of the error of {@link directionalDerivative} in output entry `out`, as for the
 * partial derivatives: the larger change from step t to t/16 and to 2t, plus the rounding floor
 * at t/16; null when f leaves its domain at the wider step.
 */
export function directionalNoise(f: Objective, x: Mat, v: Mat, out: number): number | null {
  return noiseOf(
    (step) => stencilAlong(f, x, v, step, null)!,
    directionalStep(x),
    () => f(x, new KinkTrace()),
    out,
  );
}
