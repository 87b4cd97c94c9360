import { type ClaimResult, labelOf } from '../check/result/claim-result.js';
import type { RunReport } from '../check/result/run-report.js';
import { failureView } from './failure-view.js';
import { formatPlace } from './place.js';
import { type Reporter, type ReporterContext, scoreLine, summaryLine } from './reporter.js';

/** What a student reads of a row: the reason, hint, place and rerun command; a hidden claim's status only. */
function testOutput(r: ClaimResult, ctx: ReporterContext): string {
  if (r.hidden) return `hidden check: ${r.status === 'pass' ? 'passed' : 'not passed'}`;
  const f = failureView(r, ctx.replay);
  const notes = r.notes.map((n) => `note: ${n}`);
  if (f === null) return ['passed', ...notes].join('\n');
  const lines = [f.message, ...notes];
  if (f.hint !== null) lines.push(`hint: ${f.hint}`);
  lines.push(`at ${f.place}`);
  if (f.rerun !== null) lines.push(`rerun: ${f.rerun}`);
  return lines.join('\n');
}

/** One Gradescope test per row. */
function test(r: ClaimResult, ctx: ReporterContext) {
  return {
    name: labelOf(r),
    score: r.points,
    max_score: r.maxPoints,
    status: r.status === 'pass' ? 'passed' : 'failed',
    output: testOutput(r, ctx),
    visibility: 'visible',
  };
}

/**
 * Gradescope's autograder results (`/autograder/results/results.json`): the score (the points of
 * the passing question claims, or of every passing claim in a run without questions), one test
 * per claim with its points, and the spec errors and summary in the top-level output. A hidden
 * claim shows its name, status and points only. The run's stdout stays hidden from students.
 */
export const gradescopeReporter: Reporter = (report: RunReport, ctx) => {
  const graded = report.results.some((r) => r.graded);
  const counted = report.results.filter((r) => r.graded || !graded);
  const errors = report.errors.map((e) => `error: ${e.message} (at ${formatPlace(e.file, e.line, e.column)})`);
  const body = {
    score: counted.reduce((s, r) => s + r.points, 0),
    output: [summaryLine(report), ...report.scores.map(scoreLine), ...errors].join('\n'),
    stdout_visibility: 'hidden',
    tests: report.results.map((r) => test(r, ctx)),
  };
  return JSON.stringify(body, null, 2) + '\n';
};
