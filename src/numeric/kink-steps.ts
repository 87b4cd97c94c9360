import type { Mat } from '../linalg/mat.js';

/**
 * Where the stencil at step h straddles a kink (a relu, abs or comparison changing branch between
 * x − 2h and x + 2h), it is tried again at h/16, h/256, h/4096 and h/65536 in turn. The chance that
 * some kink lies within the stencil shrinks in proportion to the step, so a layer-sized relu with
 * dozens of kinked entries at h has almost none left two levels down; the rounding error grows
 * only as 1/h (at h/65536, about 1.5e-8·|f| for |x| ≤ 1), far below the default tolerance on a
 * piecewise-smooth f, whose truncation error also shrinks with the step. Only when every step
 * straddles a kink (an argument exactly at its kink) is the whole draw redrawn.
 */
export const KINK_STEP_DIVISORS: readonly number[] = [1, 16, 256, 4096, 65536];

/** A stencil's value and the step it was taken at. */
export interface OnePiece {
  readonly value: Mat;
  readonly step: number;
}

/**
 * The stencil at the first step of the ladder above that keeps every evaluation on one smooth
 * piece of f: `at(step)` is the stencil at that step, null when it straddles a kink. Null when
 * every step does. Deterministic, so the noise estimate of an entry can find its step again.
 */
export function onOnePiece(at: (step: number) => Mat | null, h: number): OnePiece | null {
  for (const divisor of KINK_STEP_DIVISORS) {
    const step = h / divisor;
    const value = at(step);
    if (value !== null) return { value, step };
  }
  return null;
}
