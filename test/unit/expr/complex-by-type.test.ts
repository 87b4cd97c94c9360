import { describe, expect, it } from 'vitest';
import { compileExpression } from '../../../src/expr/compile.js';
import { FUNCTIONS, OPERATORS } from '../../../src/expr/language/index.js';
import type { Mat } from '../../../src/linalg/mat.js';

const complexMat = (rows: number, cols: number): Mat => ({
  rows,
  cols,
  re: Float64Array.from({ length: rows * cols }, (_, k) => 0.3 + 0.1 * k),
  im: Float64Array.from({ length: rows * cols }, (_, k) => 0.2 - 0.05 * k),
});
const realMat = (rows: number, cols: number): Mat => ({
  rows,
  cols,
  re: Float64Array.from({ length: rows * cols }, (_, k) => 0.7 + 0.2 * k),
  im: null,
});

const size = (n: number): Mat => ({ rows: 1, cols: 1, re: Float64Array.of(n), im: null });

/** What a call does with a complex first argument: refuses it, or gives a complex or a real value. */
function behaviour(call: () => Mat): 'refuses' | 'complex' | 'real' {
  try {
    return call().im === null ? 'real' : 'complex';
  } catch {
    return 'refuses';
  }
}

describe('complex values by type', () => {
  it("each function's declared rule is what it does with a complex argument", () => {
    for (const f of FUNCTIONS) {
      // sort takes a vector; reshape's sizes are numbers.
      const first = f.name === 'sort' ? complexMat(2, 1) : complexMat(2, 2);
      const rest =
        f.name === 'reshape' ? [size(4), size(1)] : Array.from({ length: f.minArgs - 1 }, () => realMat(2, 2));
      const args = [first, ...rest];
      const does = behaviour(() => f.call(args, null));
      const expected = { refuses: 'refuses', keeps: 'complex', first: 'complex', drops: 'real', makes: 'refuses' };
      // eigvals takes real matrices only and makes complex values: its rule is about its result.
      expect(does, f.name).toBe(expected[f.complex]);
    }
  });

  it("each operator's declared rule is what it does with a complex first argument", () => {
    for (const o of OPERATORS) {
      const does = behaviour(() =>
        o.arity === 1 ? o.apply(complexMat(1, 1)) : o.apply(complexMat(1, 1), realMat(1, 1), null),
      );
      expect(does, o.fn).toBe(o.complex === 'refuses' ? 'refuses' : 'complex');
    }
  });

  it('refuses a real-only function of eigenvalues when the spec is loaded, whatever the draw', () => {
    const names = new Set(['A']);
    const refused = compileExpression('sum(sin(eigvals(A)))', names);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toMatch(/sin\(\) cannot take a value that may be complex/);
    expect(compileExpression('eigvals(A) > 0', names).ok).toBe(false);
    expect(compileExpression('eigvals(A) .^ eigvals(A)', names).ok).toBe(false);
  });

  it('follows complex values through functions that keep them, and stops at those that drop them', () => {
    const names = new Set(['A', 'E']);
    const typeOf = (source: string, complex = new Set<string>()) => {
      const r = compileExpression(source, names, 2000, { complex, dims: new Set() });
      return r.ok ? r.complex : r.message;
    };
    expect(typeOf('sum(exp(eigvals(A)) .^ 2)')).toBe(true);
    expect(typeOf('sin(abs(eigvals(A)))')).toBe(false);
    expect(typeOf('sin(real(E))', new Set(['E']))).toBe(false);
    expect(typeOf('sin(E)', new Set(['E']))).toMatch(/cannot take a value that may be complex/);
    expect(typeOf('sin(E)')).toBe(false);
  });
});
