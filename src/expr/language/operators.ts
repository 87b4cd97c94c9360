import { type Mat, MathError, isScalar, toNumber, formatShape } from '../../linalg/mat.js';
import { arith, negate, zipReal, mapReal } from '../../linalg/elementwise.js';
import { multiply, transpose } from '../../linalg/products.js';
import { inv, identity } from '../../linalg/lu.js';
import type { KinkTrace } from '../kink-trace.js';
import type { ComplexRule } from './language-function.js';
import { complexPowEntries } from '../../linalg/complex-entrywise.js';

/** How a binary operator is evaluated; comparisons record their kinks in `trace`. */
export type Binary = (a: Mat, b: Mat, trace: KinkTrace | null) => Mat;
/** How a unary operator is evaluated. */
export type Unary = (a: Mat) => Mat;

interface OperatorFacts {
  /** mathjs's name for it in the parsed tree (`OperatorNode.fn`). */
  readonly fn: string;
  /** How it is written in an expression. */
  readonly symbol: string;
  readonly summary: string;
  /** What it records in the kink trace, or null when it is smooth. */
  readonly kink: string | null;
  /** True when it acts entry by entry with the broadcasting rule (see shape-rules.ts). */
  readonly broadcasts: boolean;
  /** What it does with complex values, decided at load time (see {@link ComplexRule}). */
  readonly complex: ComplexRule;
}

/** One operator an expression may use: the compiler takes it from here by `fn` and arity. */
export type LanguageOperator =
  | (OperatorFacts & { readonly arity: 1; readonly apply: Unary })
  | (OperatorFacts & { readonly arity: 2; readonly apply: Binary });

/** `A / B`: division by a scalar, otherwise A·B⁻¹ (MATLAB's right division). */
function divide(a: Mat, b: Mat): Mat {
  return isScalar(b) ? arith(a, b, 'div', '/') : multiply(a, inv(b));
}

/** `A ^ k`: a scalar power, or an integer power of a square matrix; `.^` is the elementwise one. */
function power(a: Mat, b: Mat): Mat {
  if (isScalar(a) && isScalar(b)) return elementPower(a, b, '^');
  const k = toNumber(b, 'the exponent of a matrix power (use .^ for elementwise powers)');
  if (a.rows !== a.cols || !Number.isInteger(k)) {
    throw new MathError(
      `^ of a ${formatShape(a)} matrix needs a square matrix and a whole exponent; use .^ for elementwise powers`,
    );
  }
  let base = k < 0 ? inv(a) : a;
  let result = identity(a.rows);
  for (let e = Math.abs(k); e > 0; e >>= 1) {
    if (e & 1) result = multiply(result, base);
    if (e > 1) base = multiply(base, base);
  }
  return result;
}

/** `a .^ b`: real, or a complex base to a real exponent. */
function elementPower(a: Mat, b: Mat, op: string): Mat {
  return a.im === null ? zipReal(a, b, op, Math.pow) : complexPowEntries(a, b, op);
}

/** What a comparison records: it jumps where a − b changes sign. */
const SIGN_OF_DIFFERENCE = 'the sign of a − b';

/** A comparison giving 0/1 entries; the sign of a − b is recorded as a kink. */
function comparison(fn: string, symbol: string, test: (x: number, y: number) => boolean): LanguageOperator {
  const apply: Binary = (a, b, trace) => {
    trace?.record(zipReal(a, b, symbol, (x, y) => x - y));
    return zipReal(a, b, symbol, (x, y) => (test(x, y) ? 1 : 0));
  };
  const summary = `1 where a ${symbol} b holds, else 0, entry by entry`;
  return { fn, symbol, arity: 2, summary, kink: SIGN_OF_DIFFERENCE, broadcasts: true, complex: 'refuses', apply };
}

/** A smooth binary operator. */
function binary(
  fn: string,
  symbol: string,
  facts: { summary: string; broadcasts: boolean; complex: ComplexRule },
  apply: Binary,
): LanguageOperator {
  return { fn, symbol, arity: 2, kink: null, ...facts, apply };
}

/** A unary operator (all are smooth). */
function unary(fn: string, symbol: string, summary: string, apply: Unary): LanguageOperator {
  const complex = fn === 'not' ? 'refuses' : 'keeps';
  return { fn, symbol, arity: 1, summary, kink: null, broadcasts: false, complex, apply };
}

/** Every operator an expression may use; any other (`!`, `mod`, `xor`, bitwise ones...) is refused. */
export const OPERATORS: readonly LanguageOperator[] = [
  binary('add', '+', { summary: 'a + b, entry by entry', broadcasts: true, complex: 'keeps' }, (a, b) =>
    arith(a, b, 'add', '+'),
  ),
  binary('subtract', '-', { summary: 'a − b, entry by entry', broadcasts: true, complex: 'keeps' }, (a, b) =>
    arith(a, b, 'sub', '-'),
  ),
  binary(
    'multiply',
    '*',
    { summary: 'the matrix product; a 1×1 on either side scales', broadcasts: false, complex: 'keeps' },
    (a, b) => multiply(a, b),
  ),
  binary(
    'divide',
    '/',
    { summary: 'division by a scalar, otherwise a * inv(b)', broadcasts: false, complex: 'first' },
    divide,
  ),
  binary(
    'pow',
    '^',
    { summary: 'a scalar power, or a whole power of a square matrix', broadcasts: false, complex: 'first' },
    power,
  ),
  binary('dotMultiply', '.*', { summary: 'a times b, entry by entry', broadcasts: true, complex: 'keeps' }, (a, b) =>
    arith(a, b, 'mul', '.*'),
  ),
  binary('dotDivide', './', { summary: 'a divided by b, entry by entry', broadcasts: true, complex: 'keeps' }, (a, b) =>
    arith(a, b, 'div', './'),
  ),
  binary('dotPow', '.^', { summary: 'a to the power b, entry by entry', broadcasts: true, complex: 'first' }, (a, b) =>
    elementPower(a, b, '.^'),
  ),
  comparison('larger', '>', (x, y) => x > y),
  comparison('smaller', '<', (x, y) => x < y),
  comparison('largerEq', '>=', (x, y) => x >= y),
  comparison('smallerEq', '<=', (x, y) => x <= y),
  comparison('equal', '==', (x, y) => x === y),
  comparison('unequal', '!=', (x, y) => x !== y),
  binary('and', 'and', { summary: '1 where both are non-zero, else 0', broadcasts: true, complex: 'refuses' }, (a, b) =>
    zipReal(a, b, 'and', (x, y) => (x !== 0 && y !== 0 ? 1 : 0)),
  ),
  binary('or', 'or', { summary: '1 where either is non-zero, else 0', broadcasts: true, complex: 'refuses' }, (a, b) =>
    zipReal(a, b, 'or', (x, y) => (x !== 0 || y !== 0 ? 1 : 0)),
  ),
  unary('unaryMinus', '-', 'the negation', negate),
  unary('unaryPlus', '+', 'the value itself', (a) => a),
  unary('ctranspose', "'", 'the transpose, conjugating complex entries', (a) => transpose(a, true)),
  unary('not', 'not', '1 where the entry is 0, else 0', (a) => mapReal(a, 'not', (x) => (x === 0 ? 1 : 0))),
];

/** The unary operators by `fn`, for the compiler. */
export const UNARY_OPERATORS: ReadonlyMap<string, Unary> = new Map(
  OPERATORS.flatMap((o) => (o.arity === 1 ? [[o.fn, o.apply] as const] : [])),
);

/** The binary operators by `fn`, for the compiler. */
export const BINARY_OPERATORS: ReadonlyMap<string, Binary> = new Map(
  OPERATORS.flatMap((o) => (o.arity === 2 ? [[o.fn, o.apply] as const] : [])),
);
