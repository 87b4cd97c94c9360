import { type Mat, MathError, isScalar, toNumber, formatShape } from '../linalg/mat.js';
import { arith, negate, zipReal, mapReal } from '../linalg/elementwise.js';
import { multiply, transpose } from '../linalg/products.js';
import { inv, identity } from '../linalg/lu.js';
import type { KinkTrace } from './kink-trace.js';

type Binary = (a: Mat, b: Mat, trace: KinkTrace | null) => Mat;
type Unary = (a: Mat) => Mat;

/** `A / B`: division by a scalar, otherwise A·B⁻¹ (MATLAB's right division). */
function divide(a: Mat, b: Mat): Mat {
  return isScalar(b) ? arith(a, b, 'div', '/') : multiply(a, inv(b));
}

/** `A ^ k`: a scalar power, or an integer power of a square matrix; `.^` is the elementwise one. */
function power(a: Mat, b: Mat): Mat {
  if (isScalar(a) && isScalar(b)) return zipReal(a, b, '^', Math.pow);
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

/** A comparison giving 0/1 entries; the sign of a − b is recorded as a kink. */
function comparison(op: string, test: (x: number, y: number) => boolean): Binary {
  return (a, b, trace) => {
    trace?.record(zipReal(a, b, op, (x, y) => x - y));
    return zipReal(a, b, op, (x, y) => (test(x, y) ? 1 : 0));
  };
}

/** The binary operators, by mathjs's function name for them. */
export const BINARY: ReadonlyMap<string, Binary> = new Map<string, Binary>([
  ['add', (a, b) => arith(a, b, 'add', '+')],
  ['subtract', (a, b) => arith(a, b, 'sub', '-')],
  ['multiply', (a, b) => multiply(a, b)],
  ['divide', (a, b) => divide(a, b)],
  ['pow', (a, b) => power(a, b)],
  ['dotMultiply', (a, b) => arith(a, b, 'mul', '.*')],
  ['dotDivide', (a, b) => arith(a, b, 'div', './')],
  ['dotPow', (a, b) => zipReal(a, b, '.^', Math.pow)],
  ['larger', comparison('>', (x, y) => x > y)],
  ['smaller', comparison('<', (x, y) => x < y)],
  ['largerEq', comparison('>=', (x, y) => x >= y)],
  ['smallerEq', comparison('<=', (x, y) => x <= y)],
  ['equal', comparison('==', (x, y) => x === y)],
  ['unequal', comparison('!=', (x, y) => x !== y)],
  ['and', (a, b) => zipReal(a, b, 'and', (x, y) => (x !== 0 && y !== 0 ? 1 : 0))],
  ['or', (a, b) => zipReal(a, b, 'or', (x, y) => (x !== 0 || y !== 0 ? 1 : 0))],
]);

/** The unary operators, by mathjs's function name for them. `'` transposes (conjugating). */
export const UNARY: ReadonlyMap<string, Unary> = new Map<string, Unary>([
  ['unaryMinus', negate],
  ['unaryPlus', (a) => a],
  ['ctranspose', (a) => transpose(a, true)],
  ['transpose', (a) => transpose(a, false)],
  ['not', (a) => mapReal(a, 'not', (x) => (x === 0 ? 1 : 0))],
]);
