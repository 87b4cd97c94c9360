import { type Mat, zeros } from '../../linalg/mat.js';
import { storageOfVec } from '../../linalg/vec-order.js';
import type { Evaluator } from '../../expr/compile.js';
import type { Objective } from '../../numeric/finite-diff.js';
import type { Draw } from './draw.js';
import { type Replacements, type WhereValues, scopeMaker } from './scope.js';

/** One var's place in a packed vector: its shape and where its vec entries start. */
export interface PackedVar {
  readonly name: string;
  readonly rows: number;
  readonly cols: number;
  readonly offset: number;
}

/**
 * Several vars as one column z = [vec(V1); vec(V2); ...] (vec order, see vec-order.ts), so that a
 * claim of several vars (a differential, a mixed Hessian block) moves one vector, and the way back.
 */
export interface Packing {
  readonly vars: readonly PackedVar[];
  readonly length: number;
}

/** The packing of `names` (each once, in order) at the draw's shapes. */
export function packingOf(draw: Draw, names: readonly string[]): Packing {
  const vars: PackedVar[] = [];
  let offset = 0;
  for (const name of new Set(names)) {
    const m = draw.vars.get(name)!;
    vars.push({ name, rows: m.rows, cols: m.cols, offset });
    offset += m.re.length;
  }
  return { vars, length: offset };
}

/** z from one value per var (the draw's, or directions). */
export function pack(packing: Packing, values: ReadonlyMap<string, Mat>): Mat {
  const z = zeros(packing.length, 1);
  for (const v of packing.vars) {
    const m = values.get(v.name)!;
    for (let i = 0; i < v.rows * v.cols; i++) z.re[v.offset + i] = m.re[storageOfVec(v.rows, v.cols, i)]!;
  }
  return z;
}

/** The way back: each var's value in z, in its own shape. */
export function unpack(packing: Packing, z: Mat): Replacements {
  return packing.vars.map((v) => {
    const m = zeros(v.rows, v.cols);
    for (let i = 0; i < v.rows * v.cols; i++) m.re[storageOfVec(v.rows, v.cols, i)] = z.re[v.offset + i]!;
    return [v.name, m] as const;
  });
}

/** What a packed objective is built from: the `where` values f needs, f, the draw, the packing. */
export interface PackedParts {
  readonly identity: WhereValues;
  readonly f: Evaluator;
  readonly draw: Draw;
  readonly packing: Packing;
}

/** f as a function of z, the packed vars; the other vars held at the draw, `where` recomputed. */
export function packedObjective({ identity, f, draw, packing }: PackedParts): Objective {
  const scopes = scopeMaker(identity, draw);
  return (z, trace) => f(scopes(unpack(packing, z), trace), trace);
}
