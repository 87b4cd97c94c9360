import type { Mat } from '../linalg/mat.js';

/**
 * The sign pattern of every argument that a non-smooth operation (each function and operator
 * whose `kink` the language lists: relu, abs, sign, max, min, comparisons) saw during one evaluation. Two evaluations with the same pattern lie on the same
 * smooth piece of the function; a finite difference between evaluations whose patterns differ
 * straddles a kink, and its value says nothing about the derivative.
 */
export class KinkTrace {
  private readonly signs: number[] = [];

  /** Records the signs of every entry of `m` (real parts). */
  record(m: Mat): void {
    for (let k = 0; k < m.re.length; k++) this.signs.push(Math.sign(m.re[k]!));
  }

  /** Records which of several candidates a selection (the largest entry, say) picked. */
  recordChoice(index: number): void {
    this.signs.push(2 + index);
  }

  /** True when both evaluations took the same branches everywhere. */
  samePieceAs(other: KinkTrace): boolean {
    if (this.signs.length !== other.signs.length) return false;
    // Object.is: a NaN argument (a domain error upstream) is the same piece as NaN, not a kink.
    for (let k = 0; k < this.signs.length; k++) if (!Object.is(this.signs[k], other.signs[k])) return false;
    return true;
  }
}
