/**
 * The language module is the compiler's only list of what expressions may use: every listed
 * function and operator compiles exactly as listed, and nothing else does.
 */
import { describe, expect, it } from 'vitest';
import { compileExpression } from '../../../src/expr/compile.js';
import { KinkTrace } from '../../../src/expr/kink-trace.js';
import { parseExpression } from '../../../src/expr/parser.js';
import { PRELUDE } from '../../../src/expr/prelude.js';
import {
  BROADCASTING,
  CONSTANTS,
  ELEMENTWISE_FUNCTIONS,
  FUNCTIONS,
  JS_INTERNALS,
  MATRIX_FUNCTIONS,
  OPERATORS,
  PARSER_WORDS,
  RESERVED_NAMES,
  type LanguageFunction,
  type LanguageOperator,
} from '../../../src/expr/language/index.js';
import { MathError, fromRows, type Mat } from '../../../src/linalg/mat.js';
import { evaluate, randomMat, thrown } from '../helpers.js';

const NAMES = new Set(['A', 'B']);

function compiles(source: string, names: ReadonlySet<string> = NAMES): boolean {
  return compileExpression(source, names).ok;
}

/** A call of `fn` with `n` arguments that evaluates: sizes for the constructors, an axis for the reductions. */
function call(fn: LanguageFunction, n: number): string {
  if (fn.name === 'reshape' && n === 3) return 'reshape(A, 9, 1)';
  if (fn.name === 'sort' && n === 1) return 'sort(vec(A))';
  if (['chol', 'sqrtm', 'logm'].includes(fn.name) && n === 1) return `${fn.name}(A * A' + eye(3))`;
  const sizes = ['ones', 'zeros', 'eye', 'identity'].includes(fn.name);
  const axis = ['sum', 'mean', 'prod', 'var', 'std', 'softmax', 'logsumexp', 'norm'].includes(fn.name);
  const args = Array.from({ length: n }, (_, k) => (sizes ? String(2 + k) : axis && k > 0 ? '1' : 'A'));
  return `${fn.name}(${args.join(', ')})`;
}

/** Functions whose kink comes only with their optional argument: norm(x) is smooth, norm(x, 1) is not. */
const KINKED_BY_SECOND = new Set(['norm']);

/** An expression applying `op` to A (and B, or 2 for a power). */
function apply(op: LanguageOperator): string {
  if (op.arity === 2) return op.symbol === '^' ? 'A ^ 2' : `A ${op.symbol} B`;
  if (op.symbol === "'") return "A'";
  return op.symbol === 'not' ? 'not A' : `${op.symbol}A`;
}

/** Evaluates `source` on random 3×3 A and B with a kink trace; true when the trace recorded anything. */
function recordsKinks(source: string): boolean {
  const r = compileExpression(source, NAMES);
  if (!r.ok) throw new Error(r.message);
  const scope = new Map<string, Mat>([
    ['A', randomMat(3, 3, 'language', 'A')],
    ['B', randomMat(3, 3, 'language', 'B')],
  ]);
  const trace = new KinkTrace();
  r.evaluate(scope, trace);
  return !trace.samePieceAs(new KinkTrace());
}

describe('the list of functions', () => {
  it('names each function once, and the prelude holds exactly the list', () => {
    const names = FUNCTIONS.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...PRELUDE.keys()].sort()).toEqual([...names].sort());
    expect(FUNCTIONS).toEqual([...ELEMENTWISE_FUNCTIONS, ...MATRIX_FUNCTIONS]);
  });

  it('gives each function a sensible arity and a one-line summary', () => {
    for (const f of FUNCTIONS) {
      expect(f.minArgs, f.name).toBeGreaterThanOrEqual(1);
      expect(f.maxArgs, f.name).toBeGreaterThanOrEqual(f.minArgs);
      expect(f.summary, f.name).toMatch(/^\S.*\S$/);
      expect(f.summary, f.name).not.toContain('\n');
    }
  });

  for (const f of FUNCTIONS) {
    it(`${f.name} compiles with ${f.minArgs}..${f.maxArgs} arguments and no other number`, () => {
      for (let n = f.minArgs; n <= f.maxArgs; n++) expect(compiles(call(f, n)), call(f, n)).toBe(true);
      for (const n of [0, f.minArgs - 1, f.maxArgs + 1, f.maxArgs + 2].filter(
        (k) => (k >= 0 && k < f.minArgs) || k > f.maxArgs,
      )) {
        const r = compileExpression(call(f, n), NAMES);
        expect(r.ok, call(f, n)).toBe(false);
        if (!r.ok) expect(r.message).toContain(`${f.name}() takes`);
      }
    });

    it(`${f.name} records kinks exactly when the list says it is non-smooth`, () => {
      for (let n = f.minArgs; n <= f.maxArgs; n++) {
        const kinked = f.kink !== null && (n > 1 || !KINKED_BY_SECOND.has(f.name));
        expect(recordsKinks(call(f, n)), call(f, n)).toBe(kinked);
      }
    });
  }

  it('refuses names that are not listed, as functions and as values', () => {
    for (const name of ['foo', 'simplify', 'map', 'toString', 'hasOwnProperty', 'valueOf', 'evaluate', 'import']) {
      expect(FUNCTIONS.some((f) => f.name === name)).toBe(false);
      const r = compileExpression(`${name}(A)`, NAMES);
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(r.message).toMatch(new RegExp(`^unknown function ${name}\\(\\) \\(`));
    }
  });

  it('refuses a listed function used as a value', () => {
    for (const f of FUNCTIONS) {
      const r = compileExpression(`${f.name} + 1`, NAMES);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toBe(`${f.name} is a function: call it as ${f.name}(...)`);
    }
  });
});

describe('the list of operators', () => {
  it('lists each operator once per arity, under the name the parser gives it', () => {
    const keys = OPERATORS.map((o) => `${o.arity}:${o.fn}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const op of OPERATORS) {
      const tree = parseExpression(apply(op)) as unknown as { type: string; fn: string; args: unknown[] };
      expect(tree.type, op.fn).toBe('OperatorNode');
      expect([tree.fn, tree.args.length], op.fn).toEqual([op.fn, op.arity]);
    }
  });

  for (const op of OPERATORS) {
    it(`${op.symbol} (${op.fn}) compiles, and records kinks exactly when the list says so`, () => {
      expect(recordsKinks(apply(op))).toBe(op.kink !== null);
    });
  }

  it('refuses the operators mathjs has and the list does not', () => {
    for (const source of ['A!', 'A mod B', 'A % B', 'A xor B', 'A & B', 'A | B', '~A', 'A << B', 'A ?? B', 'A to B']) {
      expect(compiles(source), source).toBe(false);
    }
  });
});

/** Shapes r×c with r, c in 1..3. */
const SHAPES = [1, 2, 3].flatMap((rows) => [1, 2, 3].map((cols) => ({ rows, cols })));

/** The result shape when `a` against `b` matches the pattern pair (letters bind sizes), else null. */
function match(pattern: (typeof BROADCASTING.accepted)[number], a: Mat, b: Mat): string | null {
  const bound = new Map<string, number>();
  const fits = (p: string, size: number): boolean => {
    if (/^\d+$/.test(p)) return Number(p) === size;
    if (bound.has(p)) return bound.get(p) === size;
    bound.set(p, size);
    return true;
  };
  const [lr, lc] = pattern.left.split('×') as [string, string];
  const [rr, rc] = pattern.right.split('×') as [string, string];
  if (!(fits(lr, a.rows) && fits(lc, a.cols) && fits(rr, b.rows) && fits(rc, b.cols))) return null;
  return pattern.result
    .split('×')
    .map((p) => (/^\d+$/.test(p) ? p : String(bound.get(p))))
    .join('×');
}

function expectedShape(a: Mat, b: Mat): string | null {
  for (const pattern of BROADCASTING.accepted) {
    const shape = match(pattern, a, b) ?? match(pattern, b, a);
    if (shape !== null) return shape;
  }
  return null;
}

describe('the broadcasting rule', () => {
  const filled = ({ rows, cols }: { rows: number; cols: number }): Mat =>
    fromRows(Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => 1 + i + 2 * j)));

  for (const op of OPERATORS.filter((o) => o.broadcasts)) {
    it(`${op.symbol} combines exactly the shape pairs the rule accepts`, () => {
      expect(op.arity).toBe(2);
      for (const sa of SHAPES) {
        for (const sb of SHAPES) {
          const a = filled(sa),
            b = filled(sb);
          const want = expectedShape(a, b);
          const source = `A ${op.symbol} B`;
          if (want === null) {
            const e = thrown(() => evaluate(source, { A: a, B: b }));
            expect(e, `${sa.rows}×${sa.cols} ${op.symbol} ${sb.rows}×${sb.cols}`).toBeInstanceOf(MathError);
            expect(e.message).toContain('dimension mismatch');
          } else {
            const m = evaluate(source, { A: a, B: b });
            expect(`${m.rows}×${m.cols}`, `${sa.rows}×${sa.cols} ${op.symbol} ${sb.rows}×${sb.cols}`).toBe(want);
          }
        }
      }
    });
  }

  it('refuses a column against a row, as the rule says', () => {
    expect(BROADCASTING.refusal).toMatch(/column against a row/);
    expect(expectedShape(filled({ rows: 3, cols: 1 }), filled({ rows: 1, cols: 3 }))).toBeNull();
    expect(thrown(() => evaluate("x + x'", { x: [[1], [2], [3]] }))).toBeInstanceOf(MathError);
  });

  it('lets max and min of two arguments broadcast like the operators', () => {
    const m = evaluate('max(A, r)', {
      A: [
        [1, 5],
        [3, 2],
      ],
      r: [[2, 4]],
    });
    expect([m.rows, m.cols]).toEqual([2, 2]);
  });
});

describe('constants and reserved names', () => {
  it('evaluates each constant to its value, unless a declared name shadows it', () => {
    for (const c of CONSTANTS) {
      expect(evaluate(c.name).re[0]).toBe(c.value);
      expect(evaluate(c.name, { [c.name]: 7 }).re[0]).toBe(7);
    }
  });

  it('reserves the parser words and the JavaScript internals, and no function name', () => {
    expect([...RESERVED_NAMES].sort()).toEqual([...PARSER_WORDS, ...JS_INTERNALS].sort());
    for (const f of FUNCTIONS) expect(RESERVED_NAMES.has(f.name)).toBe(false);
    for (const c of CONSTANTS) expect(RESERVED_NAMES.has(c.name)).toBe(false);
  });

  it('never resolves a reserved name that is not declared', () => {
    for (const name of RESERVED_NAMES) {
      // `NaN` and `Infinity` are number literals, the only reserved words that are values by themselves.
      if (name === 'NaN' || name === 'Infinity') continue;
      for (const source of [name, `A + ${name}`]) expect(compiles(source), source).toBe(false);
    }
    for (const name of JS_INTERNALS) expect(compiles(`${name}(A)`), name).toBe(false);
  });
});
