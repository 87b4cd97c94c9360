import { type Mat, MathError, formatShape, scalar } from '../linalg/mat.js';
import type { Identity, ShapeEntry } from '../spec-file/identity.js';
import type { KinkTrace } from '../expr/kink-trace.js';
import type { Evaluator } from '../expr/compile.js';
import { drawSample, symmetricPart, type SampleKind } from '../numeric/samplers.js';
import { isDomainError } from '../budget.js';
import type { Rng } from '../numeric/rng.js';
import { type CheckMode, FULL_MODE } from './mode.js';

/** One random draw of an identity: its dims and vars (the scope before `where`). */
export interface Draw {
  readonly dims: ReadonlyMap<string, number>;
  readonly vars: ReadonlyMap<string, Mat>;
}

/** Rows and columns of a shape: [] is 1×1, [n] is n×1 (a column), [m, n] is m×n. */
export function resolveShape(shape: readonly ShapeEntry[], dims: ReadonlyMap<string, number>): [number, number] {
  const size = (e: ShapeEntry): number => (typeof e === 'number' ? e : dims.get(e)!);
  if (shape.length === 0) return [1, 1];
  if (shape.length === 1) return [size(shape[0]!), 1];
  return [size(shape[0]!), size(shape[1]!)];
}

/** How a claim's trials are drawn and measured: changed for replays, diagnoses and fast mode. */
export interface DrawOptions {
  /** Dims values that replace the drawn ones (`--dims m=2,n=3`, shrinking). */
  readonly dims: ReadonlyMap<string, number>;
  /** Draw every square var symmetric (diagnosis: does the claim hold only for symmetric inputs?). */
  readonly symmetric: boolean;
  /** How the reference of a derivative claim is measured: every entry, or random projections. */
  readonly mode: CheckMode;
}

/** Draws as the spec says, and checks every entry. */
export const AS_SPECIFIED: DrawOptions = { dims: new Map(), symmetric: false, mode: FULL_MODE };

/** The symmetric counterpart of a sample kind, used by `symmetric` draws. */
const SYMMETRIC_KIND: Partial<Record<SampleKind, SampleKind>> = { normal: 'symmetric', invertible: 'spd' };

/**
 * Draws the dims, then every var in declaration order, from one generator. Dims are always drawn,
 * even when overridden, so the vars come from the same place in the stream either way.
 */
export function drawInputs(identity: Identity, rng: Rng, options: DrawOptions = AS_SPECIFIED): Draw {
  const dims = new Map<string, number>();
  for (const d of identity.dims) {
    const drawn = rng.int(d.min, d.max);
    dims.set(d.name, options.dims.get(d.name) ?? drawn);
  }
  const vars = new Map<string, Mat>();
  for (const v of identity.vars) {
    const [rows, cols] = resolveShape(v.shape, dims);
    const square = rows === cols && rows > 1;
    const kind = options.symmetric && square ? (SYMMETRIC_KIND[v.sample] ?? v.sample) : v.sample;
    const value = drawSample(kind, rows, cols, rng);
    vars.set(v.name, options.symmetric && square ? symmetricPart(value) : value);
  }
  return { dims, vars };
}

/**
 * The full scope of a draw: dims (as numbers), vars, with `replace` overriding one var, then the
 * `where` values computed in order from them.
 */
export function scopeOf(
  identity: Identity,
  draw: Draw,
  trace: KinkTrace | null,
  replace: { readonly name: string; readonly value: Mat } | null = null,
): Map<string, Mat> {
  return scopeMaker(identity, draw)(replace?.name ?? null, replace?.value ?? null, trace);
}

/** The `where` values of an identity, in order: all a scope needs beyond the draw. */
export interface WhereValues {
  readonly where: readonly { readonly name: string; readonly expr: { readonly evaluate: Evaluator } }[];
}

/** Builds the scope of one draw with one var replaced; see {@link scopeMaker}. */
export type ScopeMaker = (name: string | null, value: Mat | null, trace: KinkTrace | null) => Map<string, Mat>;

/**
 * The scopes of one draw, for the thousands of finite-difference evaluations of a trial: dims and
 * vars are entered once, and each call sets the replaced var and recomputes the `where` values
 * in order, so a `where` value always follows the perturbed var. Every call returns the same
 * map, changed: it is good until the next call.
 */
export function scopeMaker(identity: WhereValues, draw: Draw): ScopeMaker {
  const scope = new Map<string, Mat>();
  for (const [name, value] of draw.dims) scope.set(name, scalar(value));
  for (const [name, value] of draw.vars) scope.set(name, value);
  let replaced: string | null = null;
  return (name, value, trace) => {
    if (replaced !== null) scope.set(replaced, draw.vars.get(replaced)!);
    replaced = name;
    if (name !== null) scope.set(name, value!);
    for (const w of identity.where) {
      try {
        scope.set(w.name, w.expr.evaluate(scope, trace));
      } catch (error) {
        if (isDomainError(error)) throw new MathError(`where ${w.name}: ${error.message}`);
        throw error;
      }
    }
    return scope;
  };
}

/** `expect is 3×2 but wrt X is 2×3`, the reason for the most common homework mistake. */
export function shapeMismatch(what: string, got: Mat, wantRows: number, wantCols: number, target: string): string {
  return `${what} is ${formatShape(got)} but ${target} is ${wantRows}×${wantCols}`;
}
