import { type Mat, MathError, scalar, toCount, toNumber, requireReal, formatShape, zeros } from '../linalg/mat.js';
import { mapReal, zipReal, modulus, arith } from '../linalg/elementwise.js';
import { transpose, kron, multiply } from '../linalg/products.js';
import { det, inv, identity, solve } from '../linalg/lu.js';
import { sum, mean, prod, toAxis, type Axis } from '../linalg/reduce.js';
import { diag, vec, filled, trace } from '../linalg/structure.js';
import { softmax, logsumexp, norm } from '../linalg/softmax.js';
import { eigvals } from '../linalg/eigvals.js';
import type { KinkTrace } from './kink-trace.js';

/** A function callable from expressions: its arity and its implementation. */
export interface PreludeFunction {
  readonly minArgs: number;
  readonly maxArgs: number;
  readonly call: (args: readonly Mat[], trace: KinkTrace | null) => Mat;
}

const sigmoid = (x: number): number => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

/** Smooth elementwise functions of one argument. */
const SMOOTH: Record<string, (x: number) => number> = {
  exp: Math.exp,
  log: Math.log,
  sqrt: Math.sqrt,
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  sinh: Math.sinh,
  cosh: Math.cosh,
  tanh: Math.tanh,
  sigmoid,
  // Beyond the contract's list, for specs that reach for them.
  square: (x) => x * x,
  log1p: Math.log1p,
  expm1: Math.expm1,
  log2: Math.log2,
  log10: Math.log10,
  asin: Math.asin,
  acos: Math.acos,
  atan: Math.atan,
  asinh: Math.asinh,
  acosh: Math.acosh,
  atanh: Math.atanh,
  softplus: (x) => (x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x))),
};

/** Elementwise functions with a kink at 0: their argument's signs go into the kink trace. */
const KINKED: Record<string, (x: number) => number> = {
  relu: (x) => (x > 0 || Number.isNaN(x) ? x : 0),
  sign: Math.sign,
  abs: Math.abs,
};

function unary(f: (x: number) => number, name: string): PreludeFunction {
  return { minArgs: 1, maxArgs: 1, call: ([a]) => mapReal(a!, name, f) };
}

function kinked(f: (x: number) => number, name: string): PreludeFunction {
  return {
    minArgs: 1,
    maxArgs: 1,
    call: ([a], trace) => {
      if (name === 'abs' && a!.im !== null) return modulus(a!);
      trace?.record(a!);
      return mapReal(a!, name, f);
    },
  };
}

/**
 * `max(A)`: the largest entry (its position is the kink); `max(a, b)`: elementwise, the sign of
 * a − b is the kink. `min` likewise.
 */
function extremum(name: 'max' | 'min'): PreludeFunction {
  const pick = name === 'max' ? Math.max : Math.min;
  const better = name === 'max' ? (x: number, y: number) => x > y : (x: number, y: number) => x < y;
  return {
    minArgs: 1,
    maxArgs: 2,
    call: ([a, b], trace) => {
      if (b === undefined) {
        requireReal(a!, name);
        if (a!.re.length === 0) throw new MathError(`${name} of an empty matrix`);
        let best = 0;
        for (let k = 1; k < a!.re.length; k++) if (better(a!.re[k]!, a!.re[best]!)) best = k;
        trace?.recordChoice(best);
        return scalar(a!.re[best]!);
      }
      trace?.record(zipReal(a!, b, name, (x, y) => x - y));
      return zipReal(a!, b, name, pick);
    },
  };
}

function axisOf(args: readonly Mat[], fn: string): Axis {
  return args.length < 2 ? 'all' : toAxis(toNumber(args[1]!, `${fn}'s dimension`), fn);
}

/** `ones(m, n)` and `zeros(m, n)`: two sizes, so that a column is written `ones(n, 1)`. */
function constantMatrix(value: number, name: string): PreludeFunction {
  return {
    minArgs: 2,
    maxArgs: 2,
    call: ([m, n]) => filled(toCount(m!, `${name}'s rows`), toCount(n!, `${name}'s columns`), value),
  };
}

function fixed(n: number, call: (args: readonly Mat[]) => Mat): PreludeFunction {
  return { minArgs: n, maxArgs: n, call };
}

function realPart(a: Mat, imag: boolean): Mat {
  const out = zeros(a.rows, a.cols);
  if (!imag) out.re.set(a.re);
  else if (a.im !== null) out.re.set(a.im);
  return out;
}

function dot(a: Mat, b: Mat): Mat {
  if (a.rows !== b.rows || a.cols !== b.cols) {
    throw new MathError(`dot needs equal shapes, got ${formatShape(a)} and ${formatShape(b)}`);
  }
  return sum(arith(a, b, 'mul', 'dot'));
}

/** Every function an expression may call, by name. Nothing else is callable. */
export const PRELUDE: ReadonlyMap<string, PreludeFunction> = new Map<string, PreludeFunction>([
  ...Object.entries(SMOOTH).map(([name, f]) => [name, unary(f, name)] as const),
  ...Object.entries(KINKED).map(([name, f]) => [name, kinked(f, name)] as const),
  ['max', extremum('max')],
  ['min', extremum('min')],
  ['transpose', fixed(1, ([a]) => transpose(a!, false))],
  ['ctranspose', fixed(1, ([a]) => transpose(a!, true))],
  ['inv', fixed(1, ([a]) => inv(a!))],
  ['det', fixed(1, ([a]) => scalar(det(a!)))],
  ['trace', fixed(1, ([a]) => trace(a!))],
  ['sum', { minArgs: 1, maxArgs: 2, call: (args) => sum(args[0]!, axisOf(args, 'sum')) }],
  ['mean', { minArgs: 1, maxArgs: 2, call: (args) => mean(args[0]!, axisOf(args, 'mean')) }],
  ['prod', { minArgs: 1, maxArgs: 2, call: (args) => prod(args[0]!, axisOf(args, 'prod')) }],
  ['diag', fixed(1, ([a]) => diag(a!))],
  ['eye', { minArgs: 1, maxArgs: 2, call: (args) => eye(args) }],
  ['identity', { minArgs: 1, maxArgs: 2, call: (args) => eye(args) }],
  ['ones', constantMatrix(1, 'ones')],
  ['zeros', constantMatrix(0, 'zeros')],
  ['outer', fixed(2, ([a, b]) => multiply(a!, transpose(b!)))],
  ['vec', fixed(1, ([a]) => vec(a!))],
  ['kron', fixed(2, ([a, b]) => (requireReal(a!, 'kron'), requireReal(b!, 'kron'), kron(a!, b!)))],
  ['eigvals', fixed(1, ([a]) => eigvals(a!))],
  ['softmax', fixed(1, ([a]) => softmax(a!))],
  ['logsumexp', fixed(1, ([a]) => logsumexp(a!))],
  ['norm', fixed(1, ([a]) => scalar(norm(a!)))],
  ['dot', fixed(2, ([a, b]) => dot(a!, b!))],
  ['solve', fixed(2, ([a, b]) => solve(a!, b!))],
  ['real', fixed(1, ([a]) => realPart(a!, false))],
  ['imag', fixed(1, ([a]) => realPart(a!, true))],
  ['conj', fixed(1, ([a]) => transpose(transpose(a!, true), false))],
]);

function eye(args: readonly Mat[]): Mat {
  const rows = toCount(args[0]!, "eye's size");
  const cols = args.length > 1 ? toCount(args[1]!, "eye's columns") : rows;
  const out = identity(rows, cols);
  return out;
}

/** Named constants. Declared names (vars, where, dims) shadow them, so a var may be called `e`. */
export const CONSTANTS: ReadonlyMap<string, Mat> = new Map([
  ['pi', scalar(Math.PI)],
  ['e', scalar(Math.E)],
]);
