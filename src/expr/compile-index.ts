import { type Mat, MathError, formatShape, zeros } from '../linalg/mat.js';
import { pollBudget } from '../budget.js';
import type { Evaluator, Scope } from './compile.js';
import { type AnyNode, Refusal } from './syntax.js';

/** An index expression: a whole number from the scope and the size of its dimension (`end`). */
type IndexValue = (scope: Scope, end: number) => number;

/** The 0-based positions one dimension of an index selects, given that dimension's size. */
type Selector = (scope: Scope, size: number, what: string) => number[];

const INTEGER_OPS: Readonly<Record<string, (a: number, b: number) => number>> = {
  add: (a, b) => a + b,
  subtract: (a, b) => a - b,
  multiply: (a, b) => a * b,
};

/**
 * An index value: whole numbers, declared names holding a whole number (dims symbols), `end` (the
 * size of the dimension), and + − * of them. Nothing else, so an index can only count.
 */
function compileIndexValue(node: AnyNode, declared: (name: string) => boolean): IndexValue {
  switch (node.type) {
    case 'ConstantNode':
      if (typeof node.value !== 'number') throw new Refusal('an index is a whole number, a dims symbol or end');
      return () => node.value as number;
    case 'ParenthesisNode':
      return compileIndexValue(node.content!, declared);
    case 'SymbolNode': {
      const name = node.name!;
      if (name === 'end') return (_, end) => end;
      if (!declared(name)) throw new Refusal(`undefined name "${name}" in an index`);
      return (scope) => {
        const v = scope.get(name)!;
        if (v.re.length !== 1 || v.im !== null)
          throw new MathError(`the index ${name} is ${formatShape(v)}, not a number`);
        return v.re[0]!;
      };
    }
    case 'OperatorNode': {
      const args = node.args!.map((a) => compileIndexValue(a, declared));
      if (node.fn === 'unaryMinus' && args.length === 1) return (s, e) => -args[0]!(s, e);
      const op = INTEGER_OPS[node.fn as string];
      if (op === undefined || args.length !== 2)
        throw new Refusal('an index takes only + - * of whole numbers, dims symbols and end');
      return (s, e) => op(args[0]!(s, e), args[1]!(s, e));
    }
    default:
      throw new Refusal('an index is a whole number, a dims symbol, end, or + - * of them');
  }
}

/** A whole number within 1..size, as a 0-based position; else the error naming index and size. */
function position(value: number, size: number, what: string): number {
  if (!Number.isInteger(value)) throw new MathError(`index ${value} of ${what} is not a whole number`);
  if (value < 1 || value > size) throw new MathError(`index ${value} is outside ${what} (1 to ${size})`);
  return value - 1;
}

/** One dimension of an index: a single value, or a range start:end or start:step:end (`:` is 1:end). */
function compileSelector(node: AnyNode, declared: (name: string) => boolean): Selector {
  if (node.type !== 'RangeNode') {
    const v = compileIndexValue(node, declared);
    return (scope, size, what) => [position(v(scope, size), size, what)];
  }
  const start = compileIndexValue(node.start!, declared);
  const end = compileIndexValue(node.end!, declared);
  const step = node.step ? compileIndexValue(node.step, declared) : () => 1;
  return (scope, size, what) => {
    const [a, b, s] = [start(scope, size), end(scope, size), step(scope, size)];
    if (!Number.isInteger(s) || s === 0)
      throw new MathError(`the step ${s} of a range in ${what} is not a nonzero whole number`);
    const out: number[] = [];
    for (let k = a; s > 0 ? k <= b : k >= b; k += s) out.push(position(k, size, what));
    if (out.length === 0) throw new MathError(`the range ${a}:${s === 1 ? '' : `${s}:`}${b} of ${what} is empty`);
    return out;
  };
}

/** The entries of `m` at the selected rows and columns. */
function pick(m: Mat, rows: readonly number[], cols: readonly number[]): Mat {
  const out = zeros(rows.length, cols.length, m.im !== null);
  rows.forEach((r, i) =>
    cols.forEach((c, j) => {
      out.re[i * cols.length + j] = m.re[r * m.cols + c]!;
      if (out.im !== null) out.im[i * cols.length + j] = m.im![r * m.cols + c]!;
    }),
  );
  return out;
}

/**
 * Read-only, 1-based indexing: `A[i, j]`, `A[2:n, :]`, `x[1:k]`, `A[1:2:end, 1]`. A vector takes one
 * index (and keeps its orientation), a matrix two. Property access (`x.foo`) is refused: the index
 * is a number, never a name.
 */
export function compileIndex(
  node: AnyNode,
  child: (n: AnyNode) => Evaluator,
  declared: (name: string) => boolean,
): Evaluator {
  const index = node.index!;
  if (index.dotNotation === true) throw new Refusal('property access (x.name) is not allowed in expressions');
  const dims = index.dimensions!;
  if (dims.length < 1 || dims.length > 2) throw new Refusal('an index has one (a vector) or two (a matrix) entries');
  const object = child(node.object!);
  const selectors = dims.map((d) => compileSelector(d, declared));
  return (scope, trace) => {
    const m = object(scope, trace);
    pollBudget(m.re.length);
    const what = `a ${formatShape(m)} value`;
    if (selectors.length === 2)
      return pick(
        m,
        selectors[0]!(scope, m.rows, `the rows of ${what}`),
        selectors[1]!(scope, m.cols, `the columns of ${what}`),
      );
    if (m.rows !== 1 && m.cols !== 1) throw new MathError(`${what} takes two indices, A[i, j]`);
    const at = selectors[0]!(scope, m.rows * m.cols, what);
    return m.rows === 1 ? pick(m, [0], at) : pick(m, at, [0]);
  };
}
