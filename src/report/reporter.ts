import type { RunReport, Score } from '../check/result/run-report.js';
import type { Palette } from './figures.js';
import type { ReplayFlags } from './replay.js';

/** What a reporter may use besides the report. */
export interface ReporterContext {
  readonly palette: Palette;
  readonly replay: ReplayFlags;
  readonly version: string;
  /** The folder a `mcheck all` run checks (the header names it), or null. */
  readonly folder: string | null;
  /** The command that reruns the whole run as it was drawn: its words, the seed and the options that matter. */
  readonly rerun: string;
}

/** Formats a whole report as text; pure. */
export type Reporter = (report: RunReport, ctx: ReporterContext) => string;

/** The summary line: `N passed, M failed`, then `, K errors` when there are any. */
export function summaryLine(report: RunReport): string {
  const { passed, failed, errors, limited } = report.summary;
  const stopped = limited > 0 ? ` (${limited} stopped by a limit)` : '';
  return `${passed} passed, ${failed} failed${errors > 0 ? `, ${errors} error${errors === 1 ? '' : 's'}${stopped}` : ''}`;
}

/** Points as reports print them: at most three decimals. */
export const formatPoints = (x: number): string => String(Math.round(x * 1000) / 1000);

/** A score: `alice 7/9 points` for a submission of a graded class, `score 7/9 points` for a run. */
export function scoreLine(score: Score, width = 0): string {
  return `${(score.submission ?? 'score').padEnd(width)} ${formatPoints(score.points)}/${formatPoints(score.maxPoints)} points`;
}
