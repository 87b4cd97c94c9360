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
  const f = failureView(r, ctx.replay);
  // Trials come in drawn sizes: a failed row says at which the failing one was drawn.
  const at = f === null || f.dims === null ? '' : ` ${FIGURES.dot} failed at ${f.dims}`;
  const numbers = p.dim(
    `abs ${formatError(r.maxAbsError).padEnd(7)}  rel ${formatError(r.maxRelError).padEnd(7)}  ${plural(r.trials, 'trial')}${at}`,
  );
  const lines = [` ${mark} ${name}${pad}${numbers}`];
  for (const note of r.notes) lines.push(p.dim(`     note: ${note}`));
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

/** Lines as text, each ended. */
const text = (lines: readonly string[]): string => lines.map((line) => `${line}\n`).join('');

/** How the rows of a report are laid out (the width of their names) and how many files it covers. */
export interface PrettyLayout {
  readonly width: number;
  readonly files: number;
}

/**
 * The layout of a report of these rows and spec errors: of its results, or, before a run, of the
 * rows its outline names, so that rows printed as they come line up as the whole report would.
 */
export function prettyLayout(
  rows: readonly Pick<ClaimResult, 'row' | 'submission' | 'sources'>[],
  errors: readonly Pick<SpecError, 'file'>[],
): PrettyLayout {
  const width = Math.min(MAX_ROW_WIDTH, Math.max(0, ...rows.map((r) => labelOf(r).length)));
  const files = new Set([...rows.flatMap((r) => r.sources), ...errors.map((e) => e.file)]).size;
  return { width, files };
}

/** The header with the seed, the mode and the files, and the blank line under it. */
export function prettyHead(report: Pick<RunReport, 'seed' | 'mode'>, files: number, ctx: ReporterContext): string {
  const where = ctx.folder === null ? '' : ` in ${ctx.folder}`;
  const { dot } = FIGURES;
  const head = `mcheck ${ctx.version} ${dot} seed ${report.seed} ${dot} ${describeMode(report.mode)} mode ${dot} ${plural(files, 'file')}${where}`;
  return text([ctx.palette.dim(head), '']);
}

/** One row, with its notes and, when it did not pass, its failure; names padded to `width`. */
export function prettyRow(r: ClaimResult, width: number, ctx: ReporterContext): string {
  return text(resultLines(r, width, ctx));
}

/** What follows the rows: the spec errors, the summary line, the scores. */
export function prettyTail(report: RunReport, ctx: ReporterContext): string {
  const { palette: p } = ctx;
  const out: string[] = [];
  if (report.errors.length > 0) {
    if (report.results.length > 0) out.push('');
    for (const e of report.errors) out.push(errorLine(e, ctx));
  }
  const { failed, errors } = report.summary;
  const colour = errors > 0 ? p.error : failed > 0 ? p.fail : p.pass;
  out.push('', colour(summaryLine(report)));
  const names = Math.max(0, ...report.scores.map((s) => (s.submission ?? 'score').length));
  for (const score of report.scores) out.push(scoreLine(score, names));
  return text(out);
}

/**
 * The terminal report: a header with the seed, one row per claim (failures with their reason,
 * place and a rerun command), spec errors in the form `✖ message → at file:line:column`, and
 * the summary line last. The CLI prints the same parts as the run goes (see live-rows.ts).
 */
export const prettyReporter: Reporter = (report: RunReport, ctx: ReporterContext) => {
  const { width, files } = prettyLayout(report.results, report.errors);
  const rows = report.results.map((r) => prettyRow(r, width, ctx)).join('');
  return prettyHead(report, files, ctx) + rows + prettyTail(report, ctx);
};
