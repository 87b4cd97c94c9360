import type { Grid } from '../../check/result/evidence.js';
import { xmlEscape } from '../xml-escape.js';

/** How a heatmap colours a value: a sequential scale over [low, high], or a diverging one around 0. */
export type Scale =
  | { readonly type: 'sequential'; readonly low: number; readonly high: number }
  | { readonly type: 'diverging'; readonly limit: number };

/** What a heatmap shows: a grid, its scale, the text of each cell's hover and the cells to mark. */
export interface HeatmapSpec {
  readonly grid: Grid;
  readonly scale: Scale;
  /** The hover text of cell (i, j), 0-based. */
  readonly hover: (i: number, j: number, value: number) => string;
  /** Per cell, row-major: outlined as outside tolerance. Empty for none. */
  readonly marks: readonly boolean[];
  /** The picture's accessible name. */
  readonly label: string;
}

/** Colour stops of the sequential scale (viridis, dark to light): readable in light and dark pages. */
const SEQUENTIAL = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'];
/** Colour stops of the diverging scale: blue below zero, pale at zero, red above. */
const DIVERGING = ['#2166ac', '#67a9cf', '#f7f7f7', '#ef8a62', '#b2182b'];

const channel = (hex: string, k: number): number => parseInt(hex.slice(1 + 2 * k, 3 + 2 * k), 16);

/** The colour at t ∈ [0, 1] along evenly spaced stops. */
export function colourAt(stops: readonly string[], t: number): string {
  const x = Math.min(1, Math.max(0, t)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  const f = x - i;
  const mix = [0, 1, 2].map((k) => Math.round(channel(stops[i]!, k) * (1 - f) + channel(stops[i + 1]!, k) * f));
  return `#${mix.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** The fill of a value on a scale; grey for NaN, which no scale places. */
export function fillOf(value: number, scale: Scale): string {
  if (Number.isNaN(value)) return '#888888';
  if (scale.type === 'diverging') return colourAt(DIVERGING, scale.limit === 0 ? 0.5 : 0.5 + value / (2 * scale.limit));
  const span = scale.high - scale.low;
  return colourAt(SEQUENTIAL, span === 0 ? 0.5 : (value - scale.low) / span);
}

/** A CSS gradient of a scale, for its legend. */
export function gradientOf(scale: Scale): string {
  const stops = scale.type === 'diverging' ? DIVERGING : SEQUENTIAL;
  return `linear-gradient(to right, ${stops.join(', ')})`;
}

/** Side of a cell in pixels: a large grid in small cells, a 1 × 1 one not a giant square. */
const cellPixels = (grid: Grid): number => Math.max(5, Math.min(28, Math.floor(168 / Math.max(grid.rows, grid.cols))));

/**
 * A heatmap as inline SVG: one square per cell in a viewBox of cell units (so coordinates stay
 * short), a <title> per cell for its value on hover, marked cells outlined. No script needed.
 */
export function heatmapSvg(spec: HeatmapSpec): string {
  const { grid, scale, hover, marks } = spec;
  const px = cellPixels(grid);
  const cells: string[] = [];
  for (let i = 0; i < grid.rows; i++) {
    for (let j = 0; j < grid.cols; j++) {
      const k = i * grid.cols + j;
      const v = grid.values[k]!;
      const mark = marks[k] === true ? ' class="out"' : '';
      const title = xmlEscape(hover(i, j, v));
      // A path of the unit square: the shortest element that carries its own fill and title.
      cells.push(`<path d="M${j} ${i}h1v1h-1z" fill="${fillOf(v, scale)}"${mark}><title>${title}</title></path>`);
    }
  }
  const size = `width="${grid.cols * px}" height="${grid.rows * px}" viewBox="0 0 ${grid.cols} ${grid.rows}"`;
  return `<svg class="heatmap" role="img" aria-label="${xmlEscape(spec.label)}" ${size} shape-rendering="crispEdges">${cells.join('')}</svg>`;
}
