import type { Explanation } from '../check/diagnose/explain.js';
import { type Mat, formatShape } from '../linalg/mat.js';
import { FIGURES, type Palette } from './figures.js';
import { formatError } from './format-number.js';
import { matrixLines, shownIndices, sideBySide, visibleWidth } from './matrix-text.js';
import { shownLine } from './shown-draw.js';
import { failureView } from './failure-view.js';
import type { ReplayFlags } from './replay.js';

function indent(lines: readonly string[], by = '    '): string[] {
  return lines.map((l) => (l === '' ? l : by + l));
}

function header(e: Explanation, p: Palette, seed: number): string {
  const r = e.result;
  const mark =
    r.status === 'pass' ? p.pass(FIGURES.pass) : r.status === 'fail' ? p.fail(FIGURES.fail) : p.error(FIGURES.error);
  const dims = [...e.dims].map(([k, v]) => `${k}=${v}`).join(', ');
  return `${mark} ${p.bold(r.row)}  ${p.dim(`${r.kind} ${FIGURES.dot} seed ${seed} ${FIGURES.dot} trial ${e.trial}${dims ? ` ${FIGURES.dot} ${dims}` : ''} ${FIGURES.dot} ${r.file}:${r.line}`)}`;
}

/** Terminal columns the two sides and their difference may take side by side; wider, it goes below. */
const WIDE = 120;

/** analytic − numeric, entry by entry (both have the same shape wherever entries are compared). */
function difference(a: Mat, b: Mat): Mat {
  const im =
    a.im === null && b.im === null ? null : Float64Array.from(a.re, (_, k) => (a.im?.[k] ?? 0) - (b.im?.[k] ?? 0));
  return { rows: a.rows, cols: a.cols, re: Float64Array.from(a.re, (x, k) => x - b.re[k]!), im };
}

/** The labels of the rows shown (a differential's directions), under a title line; or none. */
function labelLines(e: Explanation, p: Palette): string[] {
  const { rowLabels, analytic } = e;
  if (rowLabels === null || analytic === null) return [];
  return ['', ...shownIndices(analytic.rows).map((i) => (i === null ? '' : p.dim(rowLabels[i] ?? '')))];
}

/** The difference beside the two sides when the three fit in WIDE columns, else below them. */
function withDifference(both: string[], diff: string[], labels: string[]): string[] {
  const width = (lines: readonly string[]): number => Math.max(0, ...lines.map(visibleWidth));
  if (width(both) + width(diff) + 4 <= WIDE) return sideBySide(sideBySide(both, diff), labels);
  return [...sideBySide(both, labels), '', ...sideBySide(diff, labels)];
}

/**
 * The claimed side, the reference and, where they were compared, their difference, with the
 * entries outside tolerance marked by `*` (and coloured when colour is on) in all three.
 */
function sides(e: Explanation, p: Palette): string[] {
  if (e.analytic === null || e.numeric === null) return [];
  const marked = (k: number): boolean => e.differs?.[k] === true;
  const block = (title: string, m: Mat, digits?: number): string[] => [
    title,
    ...matrixLines(m, marked, p.fail, digits),
  ];
  const both = sideBySide(
    block(`${e.sides[0]} (${formatShape(e.analytic)})`, e.analytic),
    block(`${e.sides[1]} (${formatShape(e.numeric)})`, e.numeric),
  );
  // Row labels, where rows are directions: after the numeric side, one per row of the matrices.
  const labels = labelLines(e, p);
  if (e.differs === null) return sideBySide(both, labels);
  const lines = withDifference(
    both,
    block(`${e.sides[0]} − ${e.sides[1]}`, difference(e.analytic, e.numeric), 2),
    labels,
  );
  const outside = e.differs.filter((d) => d).length;
  if (outside > 0)
    lines.push(p.dim(`* marks entries that are not within tolerance: ${outside} of ${e.differs.length}`));
  return lines;
}

/** An input's name, with its role and shape: `X (3×2)`, `r (where, 3×1)`, `G (upstream, 1×1)`. */
function inputTitle(input: Explanation['inputs'][number], p: Palette): string {
  const role = input.role === 'var' ? '' : `${input.role}, `;
  return `  ${input.name}${p.dim(` (${role}${formatShape(input.value)})`)} =`;
}

/**
 * `mcheck explain`: for each claim, which draw is shown and why, the inputs the claim reads, the
 * analytic and the numeric value side by side with their difference and the entries outside
 * tolerance marked, then the verdict, its reason, the hint and the rerun command.
 */
export function formatExplanations(list: readonly Explanation[], p: Palette, replay: ReplayFlags): string {
  const out: string[] = [];
  for (const e of list) {
    const r = e.result;
    out.push(header(e, p, replay.seed), `  ${p.bold('read as:')} ${e.readAs}`);
    if (r.status !== 'error') out.push(p.dim(`  ${shownLine(e, replay.seed)}`));
    for (const input of e.inputs) out.push(inputTitle(input, p), ...indent(matrixLines(input.value)));
    out.push(...indent(sides(e, p), '  '));
    const errors = `max abs error ${formatError(r.maxAbsError)}, max rel error ${formatError(r.maxRelError)} over ${r.trials} trial${r.trials === 1 ? '' : 's'}`;
    // The rerun command repeats the dims of the draw shown: a shrunk case's, or those asked for.
    const f = failureView(r, { ...replay, dims: e.shown.fixed });
    out.push(
      f === null
        ? `  ${p.pass('pass')}: ${errors}`
        : `  ${f.status === 'fail' ? p.fail('fail') : p.error('error')}: ${f.message}`,
    );
    if (f?.hint != null) out.push(`  ${p.bold('hint:')} ${f.hint}`);
    if (f?.rerun != null) out.push(p.dim(`  rerun: ${f.rerun}`));
    out.push('');
  }
  return out.join('\n');
}
