import { sizeAt } from '../../spec-file/size-expression.js';
import type { Mat } from '../../linalg/mat.js';
import type { Identity, ShapeEntry } from '../../spec-file/identity.js';
import { STRUCTURED_KINDS, drawShaped, symmetricPart, type SampleKind } from '../../numeric/samplers.js';
import type { Rng } from '../../numeric/rng.js';
import { type CheckMode, FULL_MODE } from '../plan/mode.js';

/** One random draw of an identity: its dims and vars (the scope before `where`). */
export interface Draw {
  readonly dims: ReadonlyMap<string, number>;
  readonly vars: ReadonlyMap<string, Mat>;
}

/** Rows and columns of a shape: [] is 1×1, [n] is n×1 (a column), [m, n] is m×n. */
export function resolveShape(shape: readonly ShapeEntry[], dims: ReadonlyMap<string, number>): [number, number] {
  const size = (e: ShapeEntry): number => sizeAt(e, dims);
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
    const symmetric = options.symmetric && v.square && !STRUCTURED_KINDS.has(v.sample);
    const kind = symmetric ? (SYMMETRIC_KIND[v.sample] ?? v.sample) : v.sample;
    const value = drawShaped(kind, { rows, cols, vector: v.vector, range: v.range }, rng);
    vars.set(v.name, symmetric ? symmetricPart(value) : value);
  }
  return { dims, vars };
}
