import type { Evidence, Grid } from '../../check/result/evidence.js';
import { xmlEscape } from '../xml-escape.js';
import { type Scale, gradientOf, heatmapSvg } from './heatmap.js';

/** A value for a hover or a legend: six significant digits, NaN and infinities in words. */
export function formatValue(v: number, digits = 6): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'NaN' : v > 0 ? '∞' : '−∞';
  return Number(v.toPrecision(digits)).toString().replace('-', '−');
}

/** The entries a cell stands for: `(3, 2)`, or `rows 4–6, columns 1–3` when summarised. */
function cellName(e: Evidence, i: number, j: number): string {
  const [br, bc] = e.block;
  if (br === 1 && bc === 1) return `(${i + 1}, ${j + 1})`;
  const span = (start: number, size: number, end: number): string => {
    const last = Math.min(end, start + size);
    return last === start + 1 ? String(start + 1) : `${start + 1}–${last}`;
  };
  return `rows ${span(i * br, br, e.rows)}, columns ${span(j * bc, bc, e.cols)}`;
}

const finite = (g: Grid): number[] => g.values.filter(Number.isFinite);

/** One picture with its caption and the ends of its scale. */
function panel(title: string, svg: string, scale: Scale): string {
  const [low, high] = scale.type === 'diverging' ? [-scale.limit, scale.limit] : [scale.low, scale.high];
  const legend =
    `<span class="legend"><span>${formatValue(low, 3)}</span>` +
    `<span class="ramp" style="background:${gradientOf(scale)}" aria-hidden="true"></span>` +
    `<span>${formatValue(high, 3)}</span></span>`;
  return `<figure class="panel">${svg}<figcaption>${xmlEscape(title)}${legend}</figcaption></figure>`;
}

/** The hover text of a cell of one side. */
const hoverOf =
  (e: Evidence, side: string) =>
  (i: number, j: number, v: number): string => {
    const summary = e.block[0] * e.block[1] > 1 ? ' (largest in magnitude)' : '';
    return `${cellName(e, i, j)}: ${side} = ${formatValue(v)}${summary}`;
  };

/**
 * The three heatmaps of a failure at its failing draw: the claimed value and the reference on one
 * shared scale (so equal colours mean equal values), and their difference on a diverging scale
 * centred on zero, with the entries outside tolerance outlined. Large matrices are summarised in
 * blocks, and the figure says so.
 */
export function evidenceFigure(e: Evidence): string {
  const both = [...finite(e.analytic), ...finite(e.numeric)];
  const sides: Scale = { type: 'sequential', low: Math.min(0, ...both), high: Math.max(0, ...both) };
  const [a, n] = e.sides;
  const shape = `${e.rows}×${e.cols}`;
  const heat = (grid: Grid, side: string, scale: Scale, marks: readonly boolean[]) =>
    heatmapSvg({ grid, scale, hover: hoverOf(e, side), marks, label: `heatmap of ${side}, ${shape}` });
  const panels = [
    panel(a, heat(e.analytic, a, sides, e.outside), sides),
    panel(n, heat(e.numeric, n, sides, e.outside), sides),
  ];
  if (e.difference !== null) {
    const limit = Math.max(0, ...finite(e.difference).map(Math.abs));
    const scale: Scale = { type: 'diverging', limit };
    panels.push(panel(`${a} − ${n}`, heat(e.difference, `${a} − ${n}`, scale, e.outside), scale));
  }
  const notes = [
    e.block[0] * e.block[1] > 1
      ? `${shape}, summarised in blocks of ${e.block[0]}×${e.block[1]}: each cell shows the entry of largest magnitude`
      : shape,
    e.outside.some(Boolean) ? 'outlined: outside tolerance' : null,
    e.difference === null ? 'the shapes differ, so there is no difference to show' : null,
    e.complex ? 'real parts only' : null,
  ].filter((x) => x !== null);
  return `<div class="evidence">${panels.join('')}<p class="note">${xmlEscape(notes.join(' · '))}</p></div>`;
}
