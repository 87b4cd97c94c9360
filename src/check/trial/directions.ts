import { type Mat, zeros } from '../../linalg/mat.js';
import type { Rng } from '../../numeric/rng.js';
import type { SampleKind } from '../../numeric/samplers.js';
import { randomDirection } from './probe-trial.js';

/** How the directions of a var are shaped: its sample decides (symmetric vars move symmetrically). */
export type Structure = 'symmetric' | 'diagonal' | 'free';

/** The structure of the directions of a var drawn by `sample`. */
export function structureOf(sample: SampleKind): Structure {
  if (sample === 'symmetric' || sample === 'spd') return 'symmetric';
  return sample === 'diagonal' ? 'diagonal' : 'free';
}

/** A direction and what it is, for messages: `E(2,1) + E(1,2)`, `a random direction`. */
export interface Direction {
  readonly value: Mat;
  readonly says: string;
}

/**
 * The coordinate directions of a rows×cols var with the structure: each entry (free), each
 * diagonal entry (diagonal), each entry on or below the diagonal with its mirror (symmetric).
 * Together they span every direction the var can move in, so a linear expect that agrees on all
 * of them agrees everywhere.
 */
export function coordinateDirections(rows: number, cols: number, structure: Structure): Direction[] {
  const out: Direction[] = [];
  for (let c = 0; c < cols; c++) {
    for (let r = 0; r < rows; r++) {
      if (structure === 'diagonal' && r !== c) continue;
      if (structure === 'symmetric' && r < c) continue;
      const value = zeros(rows, cols);
      const mirrored = structure === 'symmetric' && r !== c;
      value.re[r * cols + c] = 1;
      if (mirrored) value.re[c * cols + r] = 1;
      out.push({ value, says: mirrored ? `E(${r + 1},${c + 1}) + E(${c + 1},${r + 1})` : `E(${r + 1},${c + 1})` });
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
      if (structure === 'diagonal') out.re[r * cols + c] = r === c ? v.re[r * cols + c]! : 0;
      else out.re[r * cols + c] = (v.re[r * cols + c]! + v.re[c * cols + r]!) / 2;
    }
  }
  return out;
}
