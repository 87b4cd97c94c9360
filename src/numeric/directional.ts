import { type Mat, zeros } from '../linalg/mat.js';
import { KinkTrace } from '../expr/kink-trace.js';
import { centralStencil, noiseOf, stepFor, type Objective } from './finite-diff.js';
import { type OnePiece, onOnePiece } from './kink-steps.js';

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

/** The stencil of f along v with step t (see {@link centralStencil}). */
function stencilAlong(
  f: Objective,
  line: { readonly x: Mat; readonly v: Mat },
  t: number,
  baseTrace: KinkTrace | null,
): Mat | null {
  return centralStencil((s, trace) => f(along(line.x, line.v, s), trace), t, baseTrace);
}

/** The stencil along v on one smooth piece of f (see {@link onOnePiece}). */
function alongOnPiece(f: Objective, line: { readonly x: Mat; readonly v: Mat }, baseTrace: KinkTrace): OnePiece | null {
  return onOnePiece((step) => stencilAlong(f, line, step, baseTrace), directionalStep(line.x));
}

/**
 * The directional derivative of f at x along v, d/ds f(x + s·v) at s = 0, by the same fourth-order
 * central stencil as the partial derivatives of full mode, at a smaller step where it straddles a
 * kink; null when every step does. One probe costs four evaluations of f, whatever the size of x.
 */
export function directionalDerivative(f: Objective, x: Mat, v: Mat, baseTrace: KinkTrace): Mat | null {
  return alongOnPiece(f, { x, v }, baseTrace)?.value ?? null;
}

/**
 * An estimate of the error of {@link directionalDerivative} in output entry `out`, as for the
 * partial derivatives: at the step the derivative was taken at, the larger change from it to a
 * 16th of it and to twice it, plus the rounding floor, in output entry `out` (stored order); null
 * when f leaves its domain.
 */
export function directionalNoise(
  f: Objective,
  line: { readonly x: Mat; readonly v: Mat },
  baseTrace: KinkTrace,
  out = 0,
): number | null {
  const step = alongOnPiece(f, line, baseTrace)?.step ?? directionalStep(line.x);
  return noiseOf(
    (s) => stencilAlong(f, line, s, baseTrace),
    step,
    () => f(line.x, new KinkTrace()),
    out,
  );
}
