import type { Mat } from '../../linalg/mat.js';
import { isCloseAt, type Tolerance } from '../../numeric/closeness.js';

/** A matrix for a picture: at most {@link MAX_CELLS} cells a side, row-major. */
export interface Grid {
  readonly rows: number;
  readonly cols: number;
  readonly values: readonly number[];
}

/**
 * The two sides of a failing comparison at the failing draw, for heatmaps: the claimed value, the
 * reference and their difference, with the entries outside tolerance marked. A large matrix is
 * summarised, not dropped: each cell then stands for a block and holds its entry of largest
 * magnitude (with its sign), and is marked when any entry of the block is outside tolerance.
 */
export interface Evidence {
  /** The sides' names: `expect` and `numeric`, `rhs` and `lhs`. */
  readonly sides: readonly [string, string];
  /** The shape of the values compared, before any summary. */
  readonly rows: number;
  readonly cols: number;
  /** The size of the block each cell stands for (1 × 1 when nothing is summarised). */
  readonly block: readonly [number, number];
  readonly analytic: Grid;
  readonly numeric: Grid;
  /** analytic − numeric; null when the shapes differ. */
  readonly difference: Grid | null;
  /** Per cell of the difference: some entry of it is outside tolerance. Empty when the shapes differ. */
  readonly outside: readonly boolean[];
  /** The values had imaginary parts, which the pictures leave out. */
  readonly complex: boolean;
}

/** The most cells a heatmap side has: enough to see a pattern, small enough for a report. */
export const MAX_CELLS = 24;

/** Per entry: true where the two sides are not close under `tolerance`, by the verdict's own rule. */
export function entrywiseOutside(analytic: Mat, numeric: Mat, tolerance: Tolerance): boolean[] {
  return Array.from(numeric.re, (_, k) => !isCloseAt(analytic, numeric, k, tolerance));
}

/** Rows (or columns) per cell, so that `size` entries fit in {@link MAX_CELLS} cells. */
const blockOf = (size: number): number => Math.max(1, Math.ceil(size / MAX_CELLS));

/** `values` (rows × cols, row-major) in cells of `block`: each cell its entry of largest magnitude. */
function pooled(values: ArrayLike<number>, shape: readonly [number, number], block: readonly [number, number]): Grid {
  const [rows, cols] = [Math.ceil(shape[0] / block[0]), Math.ceil(shape[1] / block[1])];
  const out = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < shape[0]; i++) {
    for (let j = 0; j < shape[1]; j++) {
      const cell = Math.floor(i / block[0]) * cols + Math.floor(j / block[1]);
      const v = values[i * shape[1] + j]!;
      if (Math.abs(v) > Math.abs(out[cell]!) || Number.isNaN(v)) out[cell] = v;
    }
  }
  return { rows, cols, values: out };
}

/** Per cell: some entry of its block is marked. */
function pooledMarks(
  marks: readonly boolean[],
  shape: readonly [number, number],
  block: readonly [number, number],
): boolean[] {
  const grid = pooled(
    marks.map((m) => (m ? 1 : 0)),
    shape,
    block,
  );
  return grid.values.map((v) => v !== 0);
}

/** The evidence of a failing comparison; `tolerance` is the one the verdict used. */
export function evidenceOf(
  analytic: Mat,
  numeric: Mat,
  tolerance: Tolerance,
  sides: readonly [string, string],
): Evidence {
  const shape: [number, number] = [numeric.rows, numeric.cols];
  const block: [number, number] = [blockOf(shape[0]), blockOf(shape[1])];
  // Each side in its own blocks: the same as the difference's when the shapes agree.
  const own = (m: Mat): Grid => pooled(m.re, [m.rows, m.cols], [blockOf(m.rows), blockOf(m.cols)]);
  const same = analytic.rows === numeric.rows && analytic.cols === numeric.cols;
  const difference = same ? Array.from(numeric.re, (n, k) => analytic.re[k]! - n) : null;
  return {
    sides,
    rows: shape[0],
    cols: shape[1],
    block,
    analytic: own(analytic),
    numeric: own(numeric),
    difference: difference === null ? null : pooled(difference, shape, block),
    outside: same ? pooledMarks(entrywiseOutside(analytic, numeric, tolerance), shape, block) : [],
    complex: analytic.im !== null || numeric.im !== null,
  };
}
