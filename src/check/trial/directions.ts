import { type Mat, zeros } from '../../linalg/mat.js';
import type { Rng } from '../../numeric/rng.js';
import type { SampleKind } from '../../numeric/samplers.js';
import { randomDirection } from './probe-trial.js';

/** How the directions of a var are shaped: its sample decides (symmetric vars move symmetrically). */
export type Structure = 'symmetric' | 'skew' | 'diagonal' | 'lower' | 'upper' | 'free';

/** The structure of the directions of a var drawn by `sample`. */
export function structureOf(sample: SampleKind): Structure {
  if (sample === 'symmetric' || sample === 'spd') return 'symmetric';
  if (sample === 'skew' || sample === 'diagonal' || sample === 'lower' || sample === 'upper') return sample;
  return 'free';
}

/** Whether entry (r, c) moves at all under the structure (the upper half follows the lower one). */
function moves(structure: Structure, r: number, c: number): boolean {
  switch (structure) {
    case 'diagonal':
      return r === c;
    case 'symmetric':
    case 'lower':
      return r >= c;
    case 'skew':
      return r > c;
    case 'upper':
      return r <= c;
    case 'free':
      return true;
  }
}

/** A direction and what it is, for messages: `E(2,1) + E(1,2)`, `a random direction`. */
export interface Direction {
  readonly value: Mat;
  readonly says: string;
}

/**
 * The coordinate directions of a rows×cols var with the structure: each entry (free), each
 * diagonal entry (diagonal), each entry on or below the diagonal with its mirror (symmetric), each
 * entry below it with its mirror negated (skew), each entry of the triangle (lower, upper).
 * Together they span every direction the var can move in, so a linear expect that agrees on all
 * of them agrees everywhere.
 */
export function coordinateDirections(rows: number, cols: number, structure: Structure): Direction[] {
  const out: Direction[] = [];
  for (let c = 0; c < cols; c++) {
    for (let r = 0; r < rows; r++) {
      if (!moves(structure, r, c)) continue;
      const mirrored = (structure === 'symmetric' || structure === 'skew') && r !== c;
      const value = zeros(rows, cols);
      value.re[r * cols + c] = 1;
      if (mirrored) value.re[c * cols + r] = structure === 'skew' ? -1 : 1;
      const join = structure === 'skew' ? ' - ' : ' + ';
      out.push({ value, says: mirrored ? `E(${r + 1},${c + 1})${join}E(${c + 1},${r + 1})` : `E(${r + 1},${c + 1})` });
    }
  }
  return out;
}

/** A random direction with the structure, its largest entry ±1. */
export function randomStructured(rows: number, cols: number, structure: Structure, rng: Rng): Mat {
  const v = randomDirection(rows, cols, rng);
  if (structure === 'free') return v;
  const out = zeros(rows, cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const [here, there] = [v.re[r * cols + c]!, v.re[c * cols + r]!];
      if (structure === 'symmetric') out.re[r * cols + c] = (here + there) / 2;
      else if (structure === 'skew') out.re[r * cols + c] = (here - there) / 2;
      else out.re[r * cols + c] = moves(structure, r, c) ? here : 0;
    }
  }
  return out;
}
