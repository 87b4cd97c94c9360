/**
 * compileExpression turns into "cannot parse" only what the parser throws on input it cannot
 * read; anything else the parser throws is a bug and propagates.
 */
import { describe, expect, it, vi } from 'vitest';
import { compileExpression } from '../../../src/expr/compile.js';

/** What the parser below throws instead of parsing; null to parse for real. */
const injected = vi.hoisted(() => ({ error: null as unknown }));

vi.mock('../../../src/expr/parser.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/expr/parser.js')>();
  return {
    parseExpression: (source: string) => {
      if (injected.error !== null) throw injected.error;
      return real.parseExpression(source);
    },
  };
});

function compileThrowing(error: unknown): ReturnType<typeof compileExpression> {
  injected.error = error;
  try {
    return compileExpression('x', new Set(['x']));
  } finally {
    injected.error = null;
  }
}

describe('parse failures', () => {
  it('refuses a syntax error with its message and position', () => {
    const r = compileExpression('x +', new Set(['x']));
    expect(r).toEqual({ ok: false, message: 'cannot parse "x +": Unexpected end of expression (char 4)' });
  });

  it('refuses any SyntaxError the parser throws', () => {
    expect(compileThrowing(new SyntaxError('Value expected (char 3)'))).toEqual({
      ok: false,
      message: 'cannot parse "x": Value expected (char 3)',
    });
  });

  it('refuses nesting too deep for the parser once the length limit is raised, without a RangeError', () => {
    for (const source of ['-'.repeat(200_000) + 'x', 'x' + '^x'.repeat(100_000)]) {
      const r = compileExpression(source, new Set(['x']), 1_000_000);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/^cannot parse ".*": Maximum call stack size exceeded$/);
    }
  });

  it('lets every other error of the parser propagate: it is a bug, not a spec error', () => {
    for (const error of [
      new TypeError('x.f is not a function'),
      new Error('boom'),
      new RangeError('Invalid array length'),
    ]) {
      expect(() => compileThrowing(error)).toThrow(error);
    }
  });
});
