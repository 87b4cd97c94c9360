import { MathError } from '../errors.js';
import { allocate } from './alloc.js';
import { DEFAULT_MAX_ELEMENTS, checkElements } from './hooks.js';

/**
 * The one value type of the evaluator: a dense row-major matrix of float64, with an optional
 * imaginary part (only `eigvals` produces one). Scalars are 1×1 and column vectors n×1, so
 * every value has exactly two dimensions and "a 1×1 is a scalar" is a question of shape.
 */
export interface Mat {
  readonly rows: number;
  readonly cols: number;
  /** Real parts, row-major: entry (i, j) is `re[i * cols + j]`. */
  readonly re: Float64Array;
  /** Imaginary parts in the same layout, or null for a real matrix. */
  readonly im: Float64Array | null;
}

/**
 * Default largest number of entries of a matrix. Checked before every allocation so that
 * `ones(100000, 100000)` is a clear error instead of an out-of-memory abort, which Node.js
 * cannot catch; a run may raise it (`--limit elements=N`) through the size check it installs.
 */
export const MAX_ELEMENTS = DEFAULT_MAX_ELEMENTS;

export { MathError };

/** Formats a shape as `3×2`, the way the reports speak of shapes. */
export function formatShape(m: { rows: number; cols: number }): string {
  return `${m.rows}×${m.cols}`;
}

/** Throws a MathError unless rows×cols is a valid size allowed by the installed size check. */
export function checkSize(rows: number, cols: number, what = 'matrix'): void {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
    throw new MathError(`${what} size must be whole numbers ≥ 0, got ${rows}×${cols}`);
  }
  checkElements(rows, cols, what);
}

/** A new matrix of zeros (real unless `complex`). */
export function zeros(rows: number, cols: number, complex = false): Mat {
  checkSize(rows, cols);
  const n = rows * cols;
  return { rows, cols, re: allocate(n), im: complex ? allocate(n) : null };
}

/** A 1×1 real matrix. */
export function scalar(x: number): Mat {
  return { rows: 1, cols: 1, re: Float64Array.of(x), im: null };
}

/** A matrix from nested arrays of rows, e.g. `fromRows([[1, 2], [3, 4]])`. */
export function fromRows(rows: readonly (readonly number[])[]): Mat {
  const r = rows.length;
  const c = r === 0 ? 0 : rows[0]!.length;
  const out = zeros(r, c);
  rows.forEach((row, i) => {
    if (row.length !== c) throw new MathError(`ragged rows: ${row.length} != ${c}`);
    row.forEach((v, j) => (out.re[i * c + j] = v));
  });
  return out;
}

/** Nested arrays of rows (real parts only), for tests and JSON output. */
export function toRows(m: Mat): number[][] {
  return Array.from({ length: m.rows }, (_, i) => Array.from(m.re.subarray(i * m.cols, (i + 1) * m.cols)));
}

/** True for a 1×1 matrix, which acts as a scalar in every operation. */
export function isScalar(m: Mat): boolean {
  return m.rows === 1 && m.cols === 1;
}

/** True when m is n×1 or 1×n (a 1×1 counts). */
export function isVector(m: Mat): boolean {
  return m.rows === 1 || m.cols === 1;
}

/**
 * The real number held by a 1×1 matrix; a MathError naming `what` otherwise, or when the value
 * has a non-zero imaginary part.
 */
export function toNumber(m: Mat, what: string): number {
  if (!isScalar(m)) throw new MathError(`${what} must be a scalar, got ${formatShape(m)}`);
  if (m.im !== null && m.im[0] !== 0) throw new MathError(`${what} must be real`);
  return m.re[0]!;
}

/** A whole number ≥ 0 held by a 1×1 matrix (matrix sizes, powers). */
export function toCount(m: Mat, what: string): number {
  const x = toNumber(m, what);
  if (!Number.isInteger(x) || x < 0) throw new MathError(`${what} must be a whole number ≥ 0, got ${x}`);
  return x;
}

/** Throws a MathError when `m` is complex: for functions defined on real values only. */
export function requireReal(m: Mat, what: string): void {
  if (m.im !== null && m.im.some((v) => v !== 0)) {
    throw new MathError(`${what} is not defined for complex values`);
  }
}
