import type { Mat } from '../linalg/mat.js';

/** One entry as printed: `digits` significant digits, complex as `a+bi`. */
function entry(m: Mat, k: number, digits: number): string {
  const num = (x: number): string => (Number.isInteger(x) ? String(x) : Number(x.toPrecision(digits)).toString());
  const im = m.im?.[k] ?? 0;
  if (im === 0) return num(m.re[k]!);
  return `${num(m.re[k]!)}${im < 0 ? '-' : '+'}${num(Math.abs(im))}i`;
}

/** Rows a matrix shows in full; a taller one shows its first ones, a gap and its last. */
export const MAX_ROWS = 12;

/** Columns a matrix shows in full (fewer than rows: the sides are printed side by side). */
export const MAX_COLS = 8;

/**
 * The indices of `n` rows (or columns) that are printed, null standing for the gap: all of them
 * up to `max`, else the first `max` − 2 and the last. A 50×50 Hessian printed whole is a screen
 * of digits no one reads; its corner and its edges still show the pattern of an error.
 */
export function shownIndices(n: number, max = MAX_ROWS): (number | null)[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  return [...Array.from({ length: max - 2 }, (_, i) => i), null, n - 1];
}

/**
 * A matrix as lines of right-aligned columns in brackets, summarised past MAX_ROWS rows or
 * MAX_COLS columns (see {@link shownIndices}). `mark(k)` decides which entries get a marker
 * after them (`*`) and `paint` how a marked entry is coloured; the marker survives NO_COLOR.
 * Entries have five significant digits unless `digits` says otherwise.
 */
export function matrixLines(
  m: Mat,
  mark: (k: number) => boolean = () => false,
  paint: (s: string) => string = (s) => s,
  digits = 5,
): string[] {
  const [rows, cols] = [shownIndices(m.rows), shownIndices(m.cols, MAX_COLS)];
  const cells = new Map<number, string>();
  for (const i of rows)
    for (const j of cols) if (i !== null && j !== null) cells.set(i * m.cols + j, entry(m, i * m.cols + j, digits));
  const width = Math.max(1, ...[...cells.values()].map((c) => c.length));
  return rows.map((i) => {
    const row = cols.map((j) => {
      if (i === null || j === null) return `${(i === null ? '⋮' : '…').padStart(width)} `;
      const k = i * m.cols + j;
      const text = cells.get(k)!.padStart(width);
      return mark(k) ? `${paint(text)}*` : `${text} `;
    });
    return `[ ${row.join(' ')} ]`;
  });
}

/** The width a line takes on screen: ANSI colour codes take none. */
export function visibleWidth(line: string): number {
  // eslint-disable-next-line no-control-regex -- ANSI colour codes take no width on screen
  return line.replace(/\u001b\[[0-9;]*m/g, '').length;
}

/** Two blocks of lines side by side, the left one padded to a common width. */
export function sideBySide(left: readonly string[], right: readonly string[], gap = 4): string[] {
  const width = Math.max(0, ...left.map(visibleWidth));
  const n = Math.max(left.length, right.length);
  return Array.from({ length: n }, (_, i) => {
    const l = left[i] ?? '';
    return `${l}${' '.repeat(width - visibleWidth(l) + gap)}${right[i] ?? ''}`.trimEnd();
  });
}
