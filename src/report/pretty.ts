import { describeMode } from '../check/plan/mode.js';
import { type ClaimResult, labelOf } from '../check/result/claim-result.js';
import type { RunReport, SpecError } from '../check/result/run-report.js';
import { FIGURES } from './figures.js';
import { formatPlace } from './place.js';
import { formatError, plural } from './format-number.js';
import { failureView } from './failure-view.js';
import { type Reporter, type ReporterContext, scoreLine, summaryLine } from './reporter.js';

const MAX_ROW_WIDTH = 48;

function resultLines(r: ClaimResult, width: number, ctx: ReporterContext): string[] {
  const { palette: p } = ctx;
  const mark =
    r.status === 'pass' ? p.pass(FIGURES.pass) : r.status === 'fail' ? p.fail(FIGURES.fail) : p.error(FIGURES.error);
  const label = labelOf(r);
  const name = r.status === 'pass' ? label : r.status === 'fail' ? p.fail(label) : p.error(label);
  const pad = ' '.repeat(Math.max(1, width - label.length + 2));
  const numbers = p.dim(
    `abs ${formatError(r.maxAbsError).padEnd(7)}  rel ${formatError(r.maxRelError).padEnd(7)}  ${plural(r.trials, 'trial')}`,
  );
  const lines = [` ${mark} ${name}${pad}${numbers}`];
  for (const note of r.notes) lines.push(p.dim(`     note: ${note}`));
  const f = failureView(r, ctx.replay);
  if (f === null) return lines;
  const noise = f.noise === null ? '' : p.dim(`; noise ${f.noise === 0 ? '0' : `~${f.noise.toExponential(0)}`}`);
  lines.push(`     ${f.message}${noise}`);
  if (f.hint !== null) lines.push(`     ${p.bold('hint:')} ${f.hint}`);
  if (f.smallest !== null) lines.push(p.dim(`     smallest failing case: ${f.smallest.dims}: ${f.smallest.command}`));
  lines.push(p.dim(`     at ${f.place}`));
  if (f.rerun !== null) lines.push(p.dim(`     rerun: ${f.rerun}`));
  return lines;
}

function errorLine(e: SpecError, ctx: ReporterContext): string {
  const { palette: p } = ctx;
  return ` ${p.fail(FIGURES.issue)} ${e.message} ${p.dim(`${FIGURES.arrow} at ${formatPlace(e.file, e.line, e.column)}`)}`;
}

/**
 * The terminal report: a header with the seed, one row per claim (failures with their reason,
 * place and a rerun command), spec errors in the form `✖ message → at file:line:column`, and
 * the summary line last.
 */
export const prettyReporter: Reporter = (report: RunReport, ctx: ReporterContext) => {
  const { palette: p } = ctx;
  const width = Math.min(MAX_ROW_WIDTH, Math.max(0, ...report.results.map((r) => labelOf(r).length)));
  const files = new Set([...report.results.flatMap((r) => r.sources), ...report.errors.map((e) => e.file)]).size;
  const out = [
    p.dim(
      `mcheck ${ctx.version} ${FIGURES.dot} seed ${report.seed} ${FIGURES.dot} ${describeMode(report.mode)} mode ${FIGURES.dot} ${plural(files, 'file')}${ctx.folder === null ? '' : ` in ${ctx.folder}`}`,
    ),
    '',
  ];
  for (const r of report.results) out.push(...resultLines(r, width, ctx));
  if (report.errors.length > 0) {
    if (report.results.length > 0) out.push('');
    for (const e of report.errors) out.push(errorLine(e, ctx));
  }
  const { failed, errors } = report.summary;
  const colour = errors > 0 ? p.error : failed > 0 ? p.fail : p.pass;
  out.push('', colour(summaryLine(report)));
  const names = Math.max(0, ...report.scores.map((s) => (s.submission ?? 'score').length));
  for (const score of report.scores) out.push(scoreLine(score, names));
  return out.join('\n') + '\n';
};
