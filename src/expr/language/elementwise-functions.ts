import { type Mat, MathError, scalar, requireReal } from '../../linalg/mat.js';
import { mapReal, zipReal, modulus } from '../../linalg/elementwise.js';
import type { KinkTrace } from '../kink-trace.js';
import { erf } from '../../linalg/erf.js';
import { entrywise, type LanguageFunction } from './language-function.js';
import {
  type ComplexFn,
  complexExp,
  complexLog,
  complexSqrt,
  mapMaybeComplex,
} from '../../linalg/complex-entrywise.js';

/** The logistic function, without overflow at either end. */
const sigmoid = (x: number): number => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

/** log(1 + eˣ), without overflow for large x. */
const softplus = (x: number): number => (x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x)));

/** What relu, sign and abs record: they have a kink (or a jump) at 0. */
const SIGN_OF_ENTRY = 'the sign of each entry';

/** A function of one argument, applied to each entry, with a kink at 0: the signs go into the trace. */
function signKinked(name: string, f: (x: number) => number, summary: string): LanguageFunction {
  return {
    name,
    minArgs: 1,
    maxArgs: 1,
    summary,
    kink: SIGN_OF_ENTRY,
    complex: 'refuses',
    call: ([a], trace) => {
      trace?.record(a!);
      return mapReal(a!, name, f);
    },
  };
}

/** `abs`: the modulus of complex values (smooth away from 0, so nothing is recorded), else kinked at 0. */
const abs: LanguageFunction = {
  ...signKinked('abs', Math.abs, 'the absolute value of each entry, the modulus of a complex one'),
  complex: 'drops',
  call: ([a], trace) => {
    if (a!.im !== null) return modulus(a!);
    trace?.record(a!);
    return mapReal(a!, 'abs', Math.abs);
  },
};

/** A smooth function of each entry, for complex entries too (see {@link mapMaybeComplex}). */
function complexToo(
  name: string,
  [complex, real]: readonly [ComplexFn, (x: number) => number],
  summary: string,
): LanguageFunction {
  return { ...entrywise(name, real, summary), complex: 'keeps', call: ([a]) => mapMaybeComplex(a!, complex, real) };
}

const larger = (x: number, y: number): boolean => x > y;
const smaller = (x: number, y: number): boolean => x < y;

/** The largest (or smallest) entry of `a`, the first of equals; its position is the kink. */
function extremeEntry(a: Mat, name: 'max' | 'min', trace: KinkTrace | null): Mat {
  const better = name === 'max' ? larger : smaller;
  requireReal(a, name);
  if (a.re.length === 0) throw new MathError(`${name} of an empty matrix`);
  let best = 0;
  for (let k = 1; k < a.re.length; k++) if (better(a.re[k]!, a.re[best]!)) best = k;
  trace?.recordChoice(best);
  return scalar(a.re[best]!);
}

/**
 * `max(A)`: the largest entry (its position is the kink); `max(a, b)`: elementwise, the sign of
 * a − b is the kink. `min` likewise.
 */
function extremum(name: 'max' | 'min'): LanguageFunction {
  const pick = name === 'max' ? Math.max : Math.min;
  const word = name === 'max' ? 'largest' : 'smallest';
  return {
    name,
    minArgs: 1,
    maxArgs: 2,
    summary: `the ${word} entry of one argument; the ${word} of a and b entry by entry, of two`,
    kink: `which entry is the ${word} (one argument), the sign of a − b (two)`,
    complex: 'refuses',
    call: ([a, b], trace) => {
      if (b === undefined) return extremeEntry(a!, name, trace);
      trace?.record(zipReal(a!, b, name, (x, y) => x - y));
      return zipReal(a!, b, name, pick);
    },
  };
}

/** The functions of the README's "elementwise functions": each acts entry by entry (but max/min of one argument). */
export const ELEMENTWISE_FUNCTIONS: readonly LanguageFunction[] = [
  complexToo('exp', [complexExp, Math.exp], 'e to the power of each entry'),
  complexToo(
    'log',
    [complexLog, Math.log],
    'the natural logarithm of each entry (the principal one of a complex entry)',
  ),
  complexToo('sqrt', [complexSqrt, Math.sqrt], 'the square root of each entry (the principal one of a complex entry)'),
  abs,
  entrywise('sin', Math.sin, 'the sine of each entry'),
  entrywise('cos', Math.cos, 'the cosine of each entry'),
  entrywise('tan', Math.tan, 'the tangent of each entry'),
  entrywise('sinh', Math.sinh, 'the hyperbolic sine of each entry'),
  entrywise('cosh', Math.cosh, 'the hyperbolic cosine of each entry'),
  entrywise('tanh', Math.tanh, 'the hyperbolic tangent of each entry'),
  entrywise('sigmoid', sigmoid, 'the logistic function 1 / (1 + e^-x) of each entry'),
  signKinked('relu', (x) => (x > 0 || Number.isNaN(x) ? x : 0), 'max(x, 0) of each entry'),
  signKinked('sign', Math.sign, 'the sign (−1, 0 or 1) of each entry'),
  entrywise('square', (x) => x * x, 'the square of each entry'),
  entrywise('log1p', Math.log1p, 'log(1 + x) of each entry, accurate near 0'),
  entrywise('expm1', Math.expm1, 'e^x − 1 of each entry, accurate near 0'),
  entrywise('log2', Math.log2, 'the base-2 logarithm of each entry'),
  entrywise('log10', Math.log10, 'the base-10 logarithm of each entry'),
  entrywise('asin', Math.asin, 'the arcsine of each entry'),
  entrywise('acos', Math.acos, 'the arccosine of each entry'),
  entrywise('atan', Math.atan, 'the arctangent of each entry'),
  entrywise('asinh', Math.asinh, 'the inverse hyperbolic sine of each entry'),
  entrywise('acosh', Math.acosh, 'the inverse hyperbolic cosine of each entry'),
  entrywise('atanh', Math.atanh, 'the inverse hyperbolic tangent of each entry'),
  entrywise('softplus', softplus, 'log(1 + e^x) of each entry'),
  entrywise('erf', erf, 'the error function of each entry (exact GELU: x .* (1 + erf(x / sqrt(2))) / 2)'),
  extremum('max'),
  extremum('min'),
];
