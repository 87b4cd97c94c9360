import { describe, expect, it } from 'vitest';
import { compileExpression } from '../../../src/expr/compile.js';
import { scalar } from '../../../src/linalg/mat.js';
import { MathError } from '../../../src/errors.js';
import { randomMat } from '../helpers.js';

// A shape error names the operands, their shapes in numbers and in dims symbols, and a transpose that fits.

const DIMS = { d: 3, h: 5, N: 4 };
const VARS = { W1: randomMat(5, 3, 'W1'), x: randomMat(3, 1, 'x'), b: randomMat(5, 1, 'b'), X: randomMat(3, 4, 'X') };

/** The message of the MathError that evaluating `source` throws on the draw above. */
function mismatch(source: string, dims: readonly string[] = Object.keys(DIMS)): string {
  const names = new Set([...Object.keys(DIMS), ...Object.keys(VARS)]);
  const compiled = compileExpression(source, names, 1000, { complex: new Set(), dims: new Set(dims) });
  if (!compiled.ok) throw new Error(compiled.message);
  const scope = new Map([...Object.entries(DIMS).map(([k, v]) => [k, scalar(v)] as const), ...Object.entries(VARS)]);
  try {
    compiled.evaluate(scope, null);
  } catch (error) {
    if (error instanceof MathError) return error.message;
    throw error;
  }
  throw new Error(`${source} evaluated without a shape error`);
}

describe('shape errors with names', () => {
  it.each([
    [
      "W1' * x",
      "dimension mismatch in W1' * x: W1' is 3×5 (d×h), x is 3×1 (d×1): inner dimensions 5 != 3; W1 * x would fit",
    ],
    [
      'W1 * W1',
      "W1 is 5×3 (h×d), W1 is 5×3 (h×d): inner dimensions 3 != 5; W1 .* W1 is the product of each entry; W1' * W1 would fit for the matrix product",
    ],
    ["W1 * x + b'", "W1 * x is 5×1 (h×1), b' is 1×5 (1×h)"],
    ["W1 * x + b'", 'W1 * x + b would fit'],
    ['(W1 + 1) * b', "(W1 + 1)' * b would fit"],
    ['X .* W1', 'X is 3×4 (d×N), W1 is 5×3 (h×d)'],
  ])('%s', (source, says) => {
    expect(mismatch(source)).toContain(says);
  });

  it('says "h or N" where two dims have the size, and numbers where no dims symbol is known', () => {
    expect(mismatch('W1 * W1', ['h', 'N', 'd'])).toContain('W1 is 5×3 (h×d)');
    const both = mismatch('W1 * b', []);
    expect(both).toContain('W1 is 5×3, b is 5×1: inner dimensions 3 != 5');
  });

  it('says ./ for a division by a vector, and exp for e^x', () => {
    expect(mismatch('1 / x')).toContain('for each entry write 1 ./ x');
    expect(mismatch('e ^ x')).toContain('e^x is exp(x)');
  });

  it('offers no transpose when none fits', () => {
    expect(mismatch('X * b')).not.toContain('would fit');
  });
});
