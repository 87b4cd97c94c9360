/**
 * compileExpression is the sandbox: anything beyond formulas over the declared names is refused
 * at compile time with a message, never with an exception.
 */
import { describe, expect, it } from 'vitest';
import { compileExpression, MAX_EXPRESSION_LENGTH } from '../../../src/expr/compile.js';
import { MathError } from '../../../src/linalg/mat.js';
import { thrown } from '../helpers.js';

const NAMES = new Set(['x', 'X', 'A']);

function refused(source: string, names: ReadonlySet<string> = NAMES): string {
  let r;
  try {
    r = compileExpression(source, names);
  } catch (error) {
    throw new Error(`compileExpression threw instead of refusing: ${String(error)}`);
  }
  if (r.ok) throw new Error(`expected ${JSON.stringify(source.slice(0, 60))} to be refused, but it compiled`);
  expect(typeof r.message).toBe('string');
  expect(r.message.length).toBeGreaterThan(0);
  return r.message;
}

describe('refused constructs', () => {
  const cases: [string, string][] = [
    ['assignment', 'x = 1'],
    ['function definition', 'f(x) = x'],
    ['property access on a function', 'cos.constructor'],
    ['method call on a matrix', 'x.resize([3,3])'],
    ['string index', 'x["constructor"]'],
    ['object literal', '{a: 1}'],
    ['double-quoted string', '"abc"'],
    ['import', 'import("fs")'],
    ['config', 'config(x)'],
    ['evaluate', 'evaluate("1")'],
    ['parse', 'parse("1")'],
    ['createUnit', 'createUnit("foo")'],
    ['mathjs function not in the prelude', 'simplify(x)'],
    ['another mathjs function', 'derivative(x, x)'],
    ['range', '1:3'],
    ['statement list', 'x; x'],
    ['chained comparison', '0 < x < 1'],
    ['factorial', 'x!'],
    ['mod operator', 'x mod 2'],
    ['unit', '5 cm'],
    ['boolean literal', 'true'],
    ['empty brackets', '[]'],
  ];
  for (const [what, source] of cases) {
    it(`refuses ${what}: ${source}`, () => {
      refused(source);
    });
  }

  it('admits read-only indexing by numbers, never by names or strings', () => {
    expect(compileExpression('x[1]', new Set(['x'])).ok).toBe(true);
    expect(compileExpression('x[1:end]', new Set(['x'])).ok).toBe(true);
    refused('x[y]');
    refused('x["constructor"]');
    refused('x[1] = 2');
    refused('x[sin(1)]');
  });

  it('admits the conditional, and only as an entrywise choice of computed values', () => {
    const r = compileExpression('x > 0 ? 1 : 0', new Set(['x']));
    expect(r.ok).toBe(true);
    refused('x > 0 ? import("fs") : 0');
    refused('x > 0 ? x.constructor : 0');
  });

  it('says why for assignments and property access', () => {
    expect(refused('x = 1')).toMatch(/assign/i);
    expect(refused('cos.constructor')).toMatch(/property|access/i);
    expect(refused('X[y, 2]')).toMatch(/index/i);
  });
});

describe('names and calls', () => {
  it('refuses an unknown name, naming it', () => {
    expect(refused('x + zz')).toContain('zz');
  });

  it('refuses names that are not in the declared set even if the scope would hold them', () => {
    refused('y', new Set(['x']));
  });

  it('refuses an unknown function, naming it, with the closest names and where the list is', () => {
    expect(refused('foo(x)')).toContain('foo');
    expect(refused('sigmod(x)')).toBe(
      'unknown function sigmod() (did you mean sigmoid()? mcheck functions lists them all)',
    );
    expect(refused('tranpose(x)')).toMatch(/did you mean transpose\(\)/);
    expect(refused('quuxify(x)')).toBe('unknown function quuxify() (mcheck functions lists them all)');
  });

  it('refuses a bare function name', () => {
    expect(refused('det')).toContain('det');
    refused('det + 1');
  });

  it('refuses the wrong number of arguments', () => {
    const m = refused('det(X, X)');
    expect(m).toContain('det');
    expect(m).toMatch(/1 argument/);
    refused('ones(3)');
    refused('sum(X, 1, 2)');
    refused('kron(X)');
  });

  it('refuses JavaScript internals as names or functions', () => {
    refused('constructor');
    refused('__proto__');
    refused('toString(x)');
    refused('hasOwnProperty(x)');
  });

  it('reports exactly the declared names an expression uses', () => {
    const r = compileExpression("x' * A * x + pi", NAMES);
    expect(r.ok).toBe(true);
    if (r.ok) expect([...r.names].sort()).toEqual(['A', 'x']);
  });
});

describe('size and depth limits', () => {
  it('refuses an empty expression', () => {
    refused('');
    refused('   ');
  });

  it('refuses an expression longer than the limit', () => {
    // flat (a long row literal), so only the length can be the reason
    const long = '[' + 'x, '.repeat(700) + 'x]';
    expect(long.length).toBeGreaterThan(MAX_EXPRESSION_LENGTH);
    expect(refused(long)).toMatch(/longer/);
  });

  it('refuses 500 nested parentheses without a RangeError', () => {
    refused('('.repeat(500) + 'x' + ')'.repeat(500));
  });

  it('refuses 500 nested function calls without a RangeError', () => {
    refused('exp('.repeat(400) + 'x' + ')'.repeat(400));
  });

  it('refuses deep nesting without brackets (unary minus, powers, transposes) without a RangeError', () => {
    refused('-'.repeat(1990) + 'x');
    refused('x' + '^x'.repeat(990));
    refused('x' + "'".repeat(1990));
  });

  it('accepts moderate nesting', () => {
    const r = compileExpression('('.repeat(20) + 'x' + ')'.repeat(20), NAMES);
    expect(r.ok).toBe(true);
  });
});

describe('evaluation-time limits', () => {
  it('ones(100000, 100000) compiles, and evaluating it is a MathError about the size', () => {
    const r = compileExpression('ones(100000, 100000)', new Set());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // 10^10 entries (80 GB) could not be allocated: a MathError shows the size was checked first.
    const e = thrown(() => r.evaluate(new Map(), null));
    expect(e).toBeInstanceOf(MathError);
    expect(e.message).toMatch(/limit/);
  });

  it('eye, zeros and kron refuse huge sizes the same way', () => {
    for (const src of ['eye(100000)', 'zeros(100000, 100000)', 'kron(ones(3000, 3000), ones(3000, 3000))']) {
      const r = compileExpression(src, new Set());
      expect(r.ok).toBe(true);
      if (r.ok) expect(thrown(() => r.evaluate(new Map(), null))).toBeInstanceOf(MathError);
    }
  });

  // 1.6e13 entries: without the size check the typed-array allocation throws a RangeError,
  // which is not a MathError and would escape checkClaim.
  it('outer(ones(4000000, 1), ones(4000000, 1)) is a MathError, not a RangeError', () => {
    const r = compileExpression('outer(ones(4000000, 1), ones(4000000, 1))', new Set());
    expect(r.ok).toBe(true);
    if (r.ok) expect(thrown(() => r.evaluate(new Map(), null))).toBeInstanceOf(MathError);
  });

  it('a name missing from the scope at evaluation time is a MathError, not a crash', () => {
    const r = compileExpression('x + 1', NAMES);
    expect(r.ok).toBe(true);
    if (r.ok) expect(thrown(() => r.evaluate(new Map(), null))).toBeInstanceOf(MathError);
  });
});
