import { KinkTrace } from '../expr/kink-trace.js';
import { isDomainError } from '../budget.js';
import { KINK_STEP_DIVISORS } from './kink-steps.js';

/**
 * Relative step of second differences. The cross stencil below is second order (truncation
 * ~h²·|f⁽⁴⁾|, rounding ~ε·|f|/h²); one Richardson step, from h and h/2, cancels the h² term, so the
 * error is ~h⁴·|f⁽⁶⁾| + 6ε·|f|/h², smallest near h = ε^(1/6) ≈ 2.5e-3; 2⁻⁹ (2e-3) is the power of
 * two there. Rounding then costs ~3e-10·|f| and truncation ~2e-11·|f⁽⁶⁾|, some 10⁴ times below the
 * default rtol for a well-scaled f; where they are not, the noise estimate says so.
 */
export const SECOND_STEP = 2 ** -9;

/**
 * f moved by s along one direction and by t along another (two entries of its vars, or two random
 * directions), as a number, recording the kinks it passes through.
 */
export type Surface = (s: number, t: number, trace: KinkTrace) => number;

/** The corners of the cross stencil and their signs. */
const CROSS: readonly (readonly [number, number, number])[] = [
  [1, 1, 1],
  [1, -1, -1],
  [-1, 1, -1],
  [-1, -1, 1],
];

/**
 * (g(h,k) − g(h,−k) − g(−h,k) + g(−h,−k)) / 4hk, the mixed second derivative ∂²g/∂s∂t at 0 to
 * second order (for s and t along one entry, the second derivative along it, with steps 2h).
 * Null when an evaluation takes other branches of a non-smooth function than `baseTrace`.
 */
function cross(g: Surface, h: number, k: number, baseTrace: KinkTrace | null): number | null {
  let acc = 0;
  for (let c = 0; c < CROSS.length; c++) {
    const [a, b, sign] = CROSS[c]!;
    const trace = new KinkTrace();
    const value = g(a * h, b * k, trace);
    if (baseTrace !== null && !trace.samePieceAs(baseTrace)) return null;
    acc += sign * value;
  }
  return acc / (4 * h * k);
}

/** The cross stencil at (h, k) and (h/2, k/2), extrapolated: (4·D(h/2) − D(h)) / 3, fourth order. */
export function mixedAt(g: Surface, h: number, k: number, baseTrace: KinkTrace | null): number | null {
  const coarse = cross(g, h, k, baseTrace);
  if (coarse === null) return null;
  const fine = cross(g, h / 2, k / 2, baseTrace);
  return fine === null ? null : (4 * fine - coarse) / 3;
}

/** The extrapolated stencil on one smooth piece: at the first step of the kink ladder that stays on it. */
export function mixedOnPiece(
  g: Surface,
  steps: readonly [number, number],
  baseTrace: KinkTrace,
): { readonly value: number; readonly divisor: number } | null {
  for (const divisor of KINK_STEP_DIVISORS) {
    const value = mixedAt(g, steps[0] / divisor, steps[1] / divisor, baseTrace);
    if (value !== null) return { value, divisor };
  }
  return null;
}

/**
 * The noise rule of first-order differences, for the extrapolated mixed stencil: at the steps it was
 * taken at, the larger change to a quarter of them (truncation 256 times smaller, rounding 16 times
 * larger) and to twice them, plus the rounding floor 8ε·|f|/(hk). Infinite when a kink lies within
 * the stencil; null when f leaves its domain at the wider steps.
 */
export function mixedNoise(
  g: Surface,
  steps: readonly [number, number],
  baseTrace: KinkTrace,
  f0: number,
): number | null {
  try {
    const divisor = mixedOnPiece(g, steps, baseTrace)?.divisor ?? 1;
    const [h, k] = [steps[0] / divisor, steps[1] / divisor];
    const base = mixedAt(g, h, k, baseTrace);
    const fine = mixedAt(g, h / 4, k / 4, baseTrace);
    if (base === null || fine === null) return Infinity;
    const wide = mixedAt(g, 2 * h, 2 * k, baseTrace);
    const change = (x: number | null): number => (x === null ? 0 : Math.abs(x - base));
    return Math.max(change(fine), change(wide)) + (8 * Number.EPSILON * Math.abs(f0)) / (h * k);
  } catch (error) {
    if (isDomainError(error)) return null;
    throw error;
  }
}
