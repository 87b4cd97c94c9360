/**
 * Small helpers shared by the unit tests. Reference computations here are written independently
 * of src/ (plain nested arrays, textbook formulas) so that tests compare the implementation with
 * mathematics rather than with itself.
 */
import { expect } from 'vitest';
import { compileExpression } from '../../src/expr/compile.js';
import { type Mat, fromRows, toRows } from '../../src/linalg/mat.js';
import { createRng } from '../../src/numeric/rng.js';
import { drawSample } from '../../src/numeric/samplers.js';

export type Rows = number[][];

/** A scope value: a Mat, nested rows, or a number (becomes 1×1). */
export type ScopeValue = Mat | Rows | number;

function toMat(v: ScopeValue): Mat {
  if (typeof v === 'number') return fromRows([[v]]);
  if (Array.isArray(v)) return fromRows(v);
  return v;
}

/** Compiles `source` with exactly the names of `scope`, failing the test if it is refused. */
export function compiled(source: string, names: Iterable<string>) {
  const r = compileExpression(source, new Set(names));
  if (!r.ok) throw new Error(`expected ${JSON.stringify(source)} to compile, got: ${r.message}`);
  return r;
}

/** Compiles and evaluates `source` over `scope`. */
export function evaluate(source: string, scope: Record<string, ScopeValue> = {}): Mat {
  const r = compiled(source, Object.keys(scope));
  const map = new Map(Object.entries(scope).map(([k, v]) => [k, toMat(v)] as const));
  return r.evaluate(map, null);
}

/** Runs `fn`, which must throw; returns the error for further assertions. */
export function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw, but nothing was thrown');
}

/** Nested rows with −0 replaced by 0 (the two are the same number for every test here). */
export function plainRows(m: Mat | Rows): Rows {
  const rows = Array.isArray(m) ? m : toRows(m);
  return rows.map((row) => row.map((v) => (v === 0 ? 0 : v)));
}

/** Asserts shape and exact entries (−0 counts as 0). */
export function expectRows(m: Mat, rows: Rows): void {
  expect([m.rows, m.cols]).toEqual([rows.length, rows[0]?.length ?? 0]);
  expect(plainRows(m)).toEqual(plainRows(rows));
}

/** Asserts shape and entries within |a − b| ≤ atol + rtol·|b|. */
export function expectClose(m: Mat, rows: Rows, rtol = 1e-12, atol = 1e-12): void {
  expect([m.rows, m.cols]).toEqual([rows.length, rows[0]?.length ?? 0]);
  const got = toRows(m);
  for (let i = 0; i < rows.length; i++) {
    for (let j = 0; j < rows[i]!.length; j++) {
      const want = rows[i]![j]!;
      const diff = Math.abs(got[i]![j]! - want);
      if (!(diff <= atol + rtol * Math.abs(want))) {
        throw new Error(`entry (${i + 1},${j + 1}): got ${got[i]![j]}, want ${want} (diff ${diff})`);
      }
    }
  }
}

/** A random N(0,1) matrix from a seeded stream (not a test subject here, just data). */
export function randomMat(rows: number, cols: number, ...seed: (string | number)[]): Mat {
  return drawSample('normal', rows, cols, createRng(['unit-test-data', ...seed]));
}

// ---- independent reference linear algebra on nested arrays ----

export function refMul(a: Rows, b: Rows): Rows {
  const n = b[0]!.length;
  return a.map((row) => Array.from({ length: n }, (_, j) => row.reduce((s, v, k) => s + v * b[k]![j]!, 0)));
}

export function refTranspose(a: Rows): Rows {
  return a[0]!.map((_, j) => a.map((row) => row[j]!));
}

export function refEye(n: number): Rows {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

/** Largest |a_ij − b_ij|. */
export function maxAbsDiff(a: Rows, b: Rows): number {
  let m = 0;
  a.forEach((row, i) => row.forEach((v, j) => (m = Math.max(m, Math.abs(v - b[i]![j]!)))));
  return m;
}

/** Largest |a_ij|. */
export function maxAbs(a: Rows): number {
  return a.reduce((m, row) => row.reduce((mm, v) => Math.max(mm, Math.abs(v)), m), 0);
}
