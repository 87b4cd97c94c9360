/**
 * The shape rules of the language, in the README's words (a test holds the README to them). The
 * arithmetic lives in linalg (`broadcastShape`, `multiply`), which cannot import from here; the
 * unit tests check that it follows the patterns below.
 */

/** A 1×1 is a number: `*` scales by it, `/` divides by it, and elementwise operations broadcast it. */
export const SCALAR_RULE = 'A 1×1 matrix is a scalar in every operation';

/** A pair of shapes an elementwise operation combines, either way round, and the shape it gives. */
export interface ShapePair {
  readonly left: string;
  readonly right: string;
  readonly result: string;
}

/** Which shapes elementwise operations (`+ - .* ./ .^`, comparisons, `and`, `or`, `max(a, b)`) combine. */
export const BROADCASTING: {
  readonly rule: string;
  readonly refusal: string;
  /** Every pair accepted; any other pair is a dimension mismatch. Letters stand for any size ≥ 1. */
  readonly accepted: readonly ShapePair[];
} = {
  rule: 'Elementwise operations take equal shapes, a 1×1 against anything, or a 1×n row or an m×1 column against an m×n matrix',
  refusal: "A column against a row (`x + x'`) is an error rather than a silent n×n matrix",
  accepted: [
    { left: 'm×n', right: 'm×n', result: 'm×n' },
    { left: '1×1', right: 'm×n', result: 'm×n' },
    { left: '1×n', right: 'm×n', result: 'm×n' },
    { left: 'm×1', right: 'm×n', result: 'm×n' },
  ],
};
