import type { Mat } from '../../linalg/mat.js';
import { isCloseAt, type Tolerance } from '../../numeric/closeness.js';
import type { Convention } from '../../spec-file/identity.js';
import { conventionSources } from '../kinds/convention.js';
import { type Layout, type Shapes, coordinateOf } from '../kinds/layout.js';

/**
 * How far inside the tolerance a first-pass estimate must land for its entry to stand on it:
 * within 1/64 of the tolerance. The second-order first pass errs by about 1e-11 relative on
 * well-scaled problems, so a correct claim lands some 10⁵ inside and keeps its margin; an entry
 * it leaves closer than this (a wrong expect, or an f the first pass resolves less well) is
 * taken again with the fourth-order stencil, and the verdict rests on that.
 */
export const FIRST_PASS_MARGIN = 64;

/** Where an assembled derivative's entries come from: its layout, convention and the shapes of x and f. */
export interface Assembly {
  readonly layout: Layout;
  readonly convention: Convention;
  readonly shapes: Shapes;
}

/**
 * The entries of wrt (0-based, ascending) whose partials must be taken again: those feeding an
 * entry of the assembled first-pass `numeric` that is not within 1/{@link FIRST_PASS_MARGIN} of
 * `tolerance` of `analytic`. Both arrays have the assembled shape.
 */
export function undecidedEntries(analytic: Mat, numeric: Mat, tolerance: Tolerance, assembly: Assembly): number[] {
  const strict = { rtol: tolerance.rtol / FIRST_PASS_MARGIN, atol: tolerance.atol / FIRST_PASS_MARGIN };
  const entries = new Set<number>();
  for (let i = 0; i < numeric.rows; i++) {
    for (let j = 0; j < numeric.cols; j++) {
      if (isCloseAt(analytic, numeric, i * numeric.cols + j, strict)) continue;
      for (const source of conventionSources(assembly.convention, [i, j]))
        entries.add(coordinateOf(assembly.layout, source, assembly.shapes)[0]);
    }
  }
  return [...entries].sort((a, b) => a - b);
}
