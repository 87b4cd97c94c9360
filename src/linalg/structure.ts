import { type Mat, MathError, formatShape, zeros, isVector, requireReal } from './mat.js';

/**
 * `diag` both ways, as in MATLAB: a vector (n×1 or 1×n) becomes the n×n diagonal matrix, any
 * other matrix gives its main diagonal as a column.
 */
export function diag(a: Mat): Mat {
  requireReal(a, 'diag');
  if (isVector(a)) {
    const n = a.rows * a.cols;
    const out = zeros(n, n);
    for (let k = 0; k < n; k++) out.re[k * n + k] = a.re[k]!;
    return out;
  }
  const n = Math.min(a.rows, a.cols);
  const out = zeros(n, 1);
  for (let k = 0; k < n; k++) out.re[k] = a.re[k * a.cols + k]!;
  return out;
}

/** The columns of `a` stacked into one column vector. */
export function vec(a: Mat): Mat {
  const out = zeros(a.rows * a.cols, 1, a.im !== null);
  for (let j = 0; j < a.cols; j++) {
    for (let i = 0; i < a.rows; i++) {
      out.re[j * a.rows + i] = a.re[i * a.cols + j]!;
      if (a.im !== null) out.im![j * a.rows + i] = a.im[i * a.cols + j]!;
    }
  }
  return out;
}

/** A matrix filled with one value. */
export function filled(rows: number, cols: number, value: number): Mat {
  const out = zeros(rows, cols);
  out.re.fill(value);
  return out;
}

/** The trace of a square matrix (real or complex). */
export function trace(a: Mat): Mat {
  if (a.rows !== a.cols) throw new MathError(`trace needs a square matrix, got ${formatShape(a)}`);
  const out = zeros(1, 1, a.im !== null);
  for (let k = 0; k < a.rows; k++) {
    out.re[0]! += a.re[k * a.cols + k]!;
    if (a.im !== null) out.im![0]! += a.im[k * a.cols + k]!;
  }
  return out;
}

/** Horizontal concatenation `[a, b, …]`: equal numbers of rows. */
export function hcat(parts: readonly Mat[]): Mat {
  const rows = parts[0]!.rows;
  const cols = parts.reduce((s, p) => s + p.cols, 0);
  for (const p of parts) {
    requireReal(p, '[ , ]');
    if (p.rows !== rows) throw new MathError(`dimension mismatch in [a, b]: ${p.rows} rows != ${rows} rows`);
  }
  const out = zeros(rows, cols);
  let offset = 0;
  for (const p of parts) {
    for (let i = 0; i < rows; i++) out.re.set(p.re.subarray(i * p.cols, (i + 1) * p.cols), i * cols + offset);
    offset += p.cols;
  }
  return out;
}

/** Vertical concatenation `[a; b; …]`: equal numbers of columns. */
export function vcat(parts: readonly Mat[]): Mat {
  const cols = parts[0]!.cols;
  for (const p of parts) {
    requireReal(p, '[ ; ]');
    if (p.cols !== cols) throw new MathError(`dimension mismatch in [a; b]: ${p.cols} columns != ${cols} columns`);
  }
  const out = zeros(
    parts.reduce((s, p) => s + p.rows, 0),
    cols,
  );
  let offset = 0;
  for (const p of parts) {
    out.re.set(p.re, offset);
    offset += p.re.length;
  }
  return out;
}
