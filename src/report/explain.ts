import type { Explanation } from '../check/diagnose/explain.js';
import { formatShape } from '../linalg/mat.js';
import { FIGURES, type Palette } from './figures.js';
import { formatError } from './format-number.js';
import { matrixLines, sideBySide } from './matrix-text.js';
import { failureView } from './failure-view.js';
import type { ReplayFlags } from './replay.js';

function indent(lines: readonly string[], by = '    '): string[] {
  return lines.map((l) => by + l);
}

function header(e: Explanation, p: Palette, seed: number): string {
  const r = e.result;
  const mark =
    r.status === 'pass' ? p.pass(FIGURES.pass) : r.status === 'fail' ? p.fail(FIGURES.fail) : p.error(FIGURES.error);
  const dims = [...e.dims].map(([k, v]) => `${k}=${v}`).join(', ');
  return `${mark} ${p.bold(r.row)}  ${p.dim(`${r.kind} ${FIGURES.dot} seed ${seed} ${FIGURES.dot} trial ${e.trial}${dims ? ` ${FIGURES.dot} ${dims}` : ''} ${FIGURES.dot} ${r.file}:${r.line}`)}`;
}

function sides(e: Explanation, p: Palette): string[] {
  if (e.analytic === null || e.numeric === null) return [];
  const left = `${e.sides[0]} (${formatShape(e.analytic)})`;
  const right = `${e.sides[1]} (${formatShape(e.numeric)})`;
  const marked = (k: number): boolean => e.differs?.[k] === true;
  const a = matrixLines(e.analytic, marked, p.fail);
  const n = matrixLines(e.numeric, marked, p.fail);
  // Row labels, where rows are directions: after the numeric side, one per row of the matrices.
  const labels = e.rowLabels === null ? [] : ['', ...e.rowLabels.map((l) => p.dim(l))];
  const lines = sideBySide(sideBySide([left, ...a], [right, ...n]), labels);
  if (e.differs?.some((d) => d)) lines.push(p.dim('* marks entries that are not within tolerance'));
  return lines;
}

/**
 * `mcheck explain`: for each claim, the draw's inputs, the analytic and the numeric value side by
 * side with differing entries marked, then the verdict, its reason, the hint and the rerun command.
 */
export function formatExplanations(list: readonly Explanation[], p: Palette, replay: ReplayFlags): string {
  const out: string[] = [];
  for (const e of list) {
    const r = e.result;
    out.push(header(e, p, replay.seed));
    for (const input of e.inputs) {
      out.push(
        `  ${input.name}${input.role === 'where' ? p.dim(' (where)') : ''} =`,
        ...indent(matrixLines(input.value)),
      );
    }
    out.push(...indent(sides(e, p), '  '));
    const errors = `max abs error ${formatError(r.maxAbsError)}, max rel error ${formatError(r.maxRelError)}`;
    const f = failureView(r, replay);
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
