import { type Mat, MathError, zeros } from './mat.js';

/** Which entries a reduction runs over: all of them, down each column (1) or along each row (2). */
export type Axis = 'all' | 1 | 2;

type Step = (accRe: number, accIm: number, re: number, im: number) => [number, number];

const SUM: Step = (ar, ai, r, i) => [ar + r, ai + i];
const PROD: Step = (ar, ai, r, i) => [ar * r - ai * i, ar * i + ai * r];

/**
 * Reduces `a` with `step` from `start` over `axis`, keeping dimensions as MATLAB does:
 * axis 1 gives a 1×n row, axis 2 an m×1 column, 'all' a 1×1. Works on complex values.
 */
function reduce(a: Mat, axis: Axis, step: Step, start: number): Mat {
  const rows = axis === 1 || axis === 'all' ? 1 : a.rows;
  const cols = axis === 2 || axis === 'all' ? 1 : a.cols;
  const out = zeros(rows, cols, a.im !== null);
  out.re.fill(start);
  if (a.im === null) return reduceReal(a, out, step === SUM);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) {
      const k = i * a.cols + j;
      const o = (rows === 1 ? 0 : i) * cols + (cols === 1 ? 0 : j);
      const [r, m] = step(out.re[o]!, out.im?.[o] ?? 0, a.re[k]!, a.im?.[k] ?? 0);
      out.re[o] = r;
      if (out.im !== null) out.im[o] = m;
    }
  }
  return out;
}

/**
 * The real case of {@link reduce}, which every backprop loss takes: the same additions or
 * multiplications in the same order (an imaginary part of 0 changes nothing), without the
 * complex step's call and pair per entry.
 */
function reduceReal(a: Mat, out: Mat, add: boolean): Mat {
  const { rows, cols } = out;
  const o = out.re,
    x = a.re;
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) {
      const k = (rows === 1 ? 0 : i) * cols + (cols === 1 ? 0 : j);
      o[k] = add ? o[k]! + x[i * a.cols + j]! : o[k]! * x[i * a.cols + j]!;
    }
  }
  return out;
}

/** Sum over all entries, or over axis 1 (→ 1×n) or 2 (→ m×1). */
export function sum(a: Mat, axis: Axis = 'all'): Mat {
  return reduce(a, axis, SUM, 0);
}

/** Product over all entries, or over an axis. */
export function prod(a: Mat, axis: Axis = 'all'): Mat {
  return reduce(a, axis, PROD, 1);
}

/** Mean over all entries, or over an axis (dims kept). */
export function mean(a: Mat, axis: Axis = 'all'): Mat {
  const count = axis === 'all' ? a.rows * a.cols : axis === 1 ? a.rows : a.cols;
  if (count === 0) throw new MathError('mean of an empty matrix');
  const s = sum(a, axis);
  for (let k = 0; k < s.re.length; k++) {
    s.re[k]! /= count;
    if (s.im !== null) s.im[k]! /= count;
  }
  return s;
}

/** Reads the axis argument of sum/mean/prod: 1 or 2, as in MATLAB. */
export function toAxis(x: number, fn: string): Axis {
  if (x === 1 || x === 2) return x;
  throw new MathError(`${fn}: the dimension must be 1 (down columns) or 2 (along rows), got ${x}`);
}
