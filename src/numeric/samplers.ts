import { type Mat, zeros } from '../linalg/mat.js';
import { multiply, transpose } from '../linalg/products.js';
import type { Rng } from './rng.js';
import { orthonormalColumns, structured } from './structured-samples.js';

/** The sample kinds of the spec format, in the order the docs list them. */
export const SAMPLE_KINDS = [
  'normal',
  'uniform',
  'positive',
  'nonzero',
  'invertible',
  'symmetric',
  'spd',
  'orthogonal',
  'diagonal',
  'probability',
  'onehot',
  'orthonormal',
  'skew',
  'lower',
  'upper',
  'bernoulli',
] as const;

/** A sample kind, as named in specs. */
export type SampleKind = (typeof SAMPLE_KINDS)[number];

/** Kinds that only make sense for square matrices. */
export const SQUARE_KINDS: ReadonlySet<SampleKind> = new Set([
  'invertible',
  'symmetric',
  'spd',
  'orthogonal',
  'diagonal',
  'skew',
  'lower',
  'upper',
]);

/** Kinds whose structure a symmetric draw (a diagnosis) must not average away. */
export const STRUCTURED_KINDS: ReadonlySet<SampleKind> = new Set([
  'skew',
  'lower',
  'upper',
  'orthonormal',
  'bernoulli',
]);

/** Kinds that may give a `range` for their entries. */
export const RANGED_KINDS: ReadonlySet<SampleKind> = new Set(['uniform', 'positive']);

/**
 * Singular values of `invertible` draws and eigenvalues of `spd` draws lie in this range, so the
 * condition number is at most 4: inverses and determinants stay far from singular and finite
 * differences stay accurate.
 */
export const WELL_CONDITIONED_RANGE: readonly [number, number] = [0.5, 2];

/** `nonzero` entries have at least this magnitude, so a step never crosses a kink at 0. */
export const NONZERO_MIN = 0.1;

function fill(rows: number, cols: number, draw: () => number): Mat {
  const out = zeros(rows, cols);
  for (let k = 0; k < out.re.length; k++) out.re[k] = draw();
  return out;
}

function between(rng: Rng, [lo, hi]: readonly [number, number]): number {
  return lo + (hi - lo) * rng.uniform();
}

function nonzeroNormal(rng: Rng): number {
  for (;;) {
    const x = rng.normal();
    if (Math.abs(x) >= NONZERO_MIN) return x;
  }
}

/**
 * A Haar-random orthogonal matrix: Gram–Schmidt (run twice for accuracy) on a Gaussian matrix,
 * which equals QR with a positive diagonal of R.
 */
export function randomOrthogonal(n: number, rng: Rng): Mat {
  return orthonormalColumns(n, n, rng);
}

/** A symmetric matrix with N(0, 1) entries on and below the diagonal. */
function symmetricNormal(n: number, rng: Rng): Mat {
  const a = fill(n, n, () => rng.normal());
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) a.re[j * n + i] = a.re[i * n + j]!;
  return a;
}

/** A diagonal matrix of nonzero N(0, 1) entries. */
function diagonalNonzero(n: number, rng: Rng): Mat {
  const d = zeros(n, n);
  for (let i = 0; i < n; i++) d.re[i * n + i] = nonzeroNormal(rng);
  return d;
}

/** U · diag(d) · Vᵀ for given orthogonal U, V. */
function withSpectrum(u: Mat, d: readonly number[], v: Mat): Mat {
  const n = d.length;
  const ud = zeros(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) ud.re[i * n + j] = u.re[i * n + j]! * d[j]!;
  return multiply(ud, transpose(v));
}

function spectrum(n: number, rng: Rng, signed: boolean): number[] {
  return Array.from(
    { length: n },
    () => (signed && rng.uniform() < 0.5 ? -1 : 1) * between(rng, WELL_CONDITIONED_RANGE),
  );
}

/**
 * The groups of entries that `probability` and `onehot` draw one distribution or label for: the
 * whole of a vector (a row as much as a column), otherwise each column of a matrix (a batch).
 */
function groups({ rows, cols, vector }: SampleShape): number[][] {
  if (vector) return [Array.from({ length: rows * cols }, (_, k) => k)];
  return Array.from({ length: cols }, (_, j) => Array.from({ length: rows }, (_, i) => i * cols + j));
}

/** Positive entries summing to one in each group. */
function probability(shape: SampleShape, rng: Rng): Mat {
  const out = fill(shape.rows, shape.cols, () => between(rng, [0.5, 2]));
  for (const group of groups(shape)) {
    const total = group.reduce((s, k) => s + out.re[k]!, 0);
    for (const k of group) out.re[k]! /= total;
  }
  return out;
}

/** A single 1 in each group, at a random place. */
function onehot(shape: SampleShape, rng: Rng): Mat {
  const out = zeros(shape.rows, shape.cols);
  for (const group of groups(shape)) out.re[group[rng.int(0, group.length - 1)]!] = 1;
  return out;
}

/**
 * The size of a draw, and whether its declared shape is a vector (one entry, or a literal 1):
 * `probability` and `onehot` draw one vector, or each column of a matrix, even a matrix that has
 * one row on this draw (a C×N batch with C = 1 is N columns, not a row).
 */
export interface SampleShape {
  readonly rows: number;
  readonly cols: number;
  readonly vector: boolean;
  /** The interval of `uniform` and `positive` entries when the spec gives one, else null. */
  readonly range?: readonly [number, number] | null;
}

/** Draws a rows×cols matrix of the given kind; a 1-row or 1-column one counts as a vector. */
export function drawSample(kind: SampleKind, rows: number, cols: number, rng: Rng): Mat {
  return drawShaped(kind, { rows, cols, vector: rows === 1 || cols === 1 }, rng);
}

/**
 * Draws a matrix of the given kind and shape. Square kinds assume rows = cols (the spec loader
 * guarantees it). `normal` and `invertible` draws are non-symmetric, so a missing transpose
 * cannot pass by accident.
 */
export function drawShaped(kind: SampleKind, shape: SampleShape, rng: Rng): Mat {
  const { rows, cols } = shape;
  switch (kind) {
    case 'normal':
      return fill(rows, cols, () => rng.normal());
    case 'uniform':
      return fill(rows, cols, () => between(rng, shape.range ?? [-1, 1]));
    case 'positive':
      return fill(rows, cols, () => between(rng, shape.range ?? [0.5, 2]));
    case 'nonzero':
      return fill(rows, cols, () => nonzeroNormal(rng));
    case 'invertible':
      return withSpectrum(randomOrthogonal(rows, rng), spectrum(rows, rng, true), randomOrthogonal(rows, rng));
    case 'symmetric':
      return symmetricNormal(rows, rng);
    case 'spd': {
      const q = randomOrthogonal(rows, rng);
      return symmetricPart(withSpectrum(q, spectrum(rows, rng, false), q));
    }
    case 'orthogonal':
      return randomOrthogonal(rows, rng);
    case 'diagonal':
      return diagonalNonzero(rows, rng);
    case 'probability':
      return probability(shape, rng);
    case 'onehot':
      return onehot(shape, rng);
    case 'orthonormal':
      return orthonormalColumns(rows, cols, rng);
    case 'skew':
    case 'lower':
    case 'upper':
      return structured(kind, rows, rng);
    case 'bernoulli':
      return fill(rows, cols, () => (rng.uniform() < 0.5 ? 0 : 1));
  }
}

/**
 * (A + Aᵀ)/2, exactly symmetric. Rounding in Q·D·Qᵀ leaves it symmetric only to ~1e-16, and
 * averaging keeps entries of positive or bounded draws in their ranges.
 */
export function symmetricPart(a: Mat): Mat {
  const n = a.rows;
  const out = zeros(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const m = (a.re[i * n + j]! + a.re[j * n + i]!) / 2;
      out.re[i * n + j] = m;
      out.re[j * n + i] = m;
    }
  }
  return out;
}
