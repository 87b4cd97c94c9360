import type { Mat } from '../linalg/mat.js';

/** One entry as printed: five significant digits, complex as `a+bi`. */
function entry(m: Mat, k: number): string {
  const num = (x: number): string => (Number.isInteger(x) ? String(x) : Number(x.toPrecision(5)).toString());
  const im = m.im?.[k] ?? 0;
  if (im === 0) return num(m.re[k]!);
  return `${num(m.re[k]!)}${im < 0 ? '-' : '+'}${num(Math.abs(im))}i`;
}

/**
 * A matrix as lines of right-aligned columns in brackets. `mark(k)` decides which entries get a
 * marker after them (`*`) and `paint` how a marked entry is coloured; the marker survives NO_COLOR.
 */
export function matrixLines(
  m: Mat,
  mark: (k: number) => boolean = () => false,
  paint: (s: string) => string = (s) => s,
): string[] {
  const cells = Array.from({ length: m.rows * m.cols }, (_, k) => entry(m, k));
  const width = Math.max(1, ...cells.map((c) => c.length));
  const lines: string[] = [];
  for (let i = 0; i < m.rows; i++) {
    const row = Array.from({ length: m.cols }, (_, j) => {
      const k = i * m.cols + j;
      const text = cells[k]!.padStart(width);
      return mark(k) ? `${paint(text)}*` : `${text} `;
    });
    lines.push(`[ ${row.join(' ')} ]`);
  }
  return lines;
}

/** Two blocks of lines side by side, the left one padded to a common width. */
export function sideBySide(left: readonly string[], right: readonly string[], gap = 4): string[] {
  // eslint-disable-next-line no-control-regex -- ANSI colour codes take no width on screen
  const visible = (s: string): number => s.replace(/\u001b\[[0-9;]*m/g, '').length;
  const width = Math.max(0, ...left.map(visible));
  const n = Math.max(left.length, right.length);
  return Array.from({ length: n }, (_, i) => {
    const l = left[i] ?? '';
    return `${l}${' '.repeat(width - visible(l) + gap)}${right[i] ?? ''}`.trimEnd();
  });
}
