import { describeMode } from '../check/plan/mode.js';
import { type ClaimResult, labelOf } from '../check/result/claim-result.js';
import type { RunReport, SpecError } from '../check/result/run-report.js';
import { type FailureView, failureView } from './failure-view.js';
import { formatPlace } from './place.js';
import type { Reporter, ReporterContext } from './reporter.js';
import { xmlEscape } from './xml-escape.js';

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

/** The text of a failure: the reason, the hint, the smallest case and the replay command. */
function failureText(f: FailureView): string {
  return [
    f.message,
    f.hint !== null ? `hint: ${f.hint}` : null,
    f.smallest !== null ? `smallest failing case: ${f.smallest.command}` : null,
    `at ${f.place}`,
    f.rerun !== null ? `rerun: ${f.rerun}` : null,
  ]
    .filter((l) => l !== null)
    .join('\n');
}

function testcase(r: ClaimResult, ms: number, ctx: ReporterContext): string {
  const attrs = `classname="${xmlEscape(r.id)}" name="${xmlEscape(labelOf(r))}" file="${xmlEscape(r.file)}" line="${r.line}" time="${seconds(ms)}"`;
  const f = failureView(r, ctx.replay);
  // Notes (a spec's own tolerance, values compared at their own scale) go to the case's output.
  const notes =
    r.notes.length === 0
      ? ''
      : `\n      <system-out>${xmlEscape(r.notes.map((n) => `note: ${n}`).join('\n'))}</system-out>`;
  if (f === null) return notes === '' ? `    <testcase ${attrs}/>` : `    <testcase ${attrs}>${notes}\n    </testcase>`;
  const tag = f.status === 'fail' ? 'failure' : 'error';
  const body = xmlEscape(failureText(f));
  return `    <testcase ${attrs}>\n      <${tag} message="${xmlEscape(f.message)}" type="${r.kind}">${body}</${tag}>${notes}\n    </testcase>`;
}

function specErrorCase(e: SpecError): string {
  const at = formatPlace(e.file, e.line, e.column);
  return (
    `    <testcase classname="${xmlEscape(e.file)}" name="${xmlEscape(`spec error at ${at}`)}" file="${xmlEscape(e.file)}"${e.line === null ? '' : ` line="${e.line}"`} time="0.000">\n` +
    `      <error message="${xmlEscape(e.message)}" type="${xmlEscape(e.code)}">${xmlEscape(`${e.message}\nat ${at}`)}</error>\n    </testcase>`
  );
}

/**
 * JUnit XML, as CI test-report viewers read it: one testsuite per spec file, one testcase per claim
 * (classname the identity id), a failure carrying the reason, hint and replay command; a spec error
 * is a testcase with an error in its file's suite.
 */
export const junitReporter: Reporter = (report: RunReport, ctx) => {
  const files = [...new Set([...report.results.map((r) => r.file), ...report.errors.map((e) => e.file)])];
  // The run's seed and mode, so that a CI artifact says how to rerun it and what was checked.
  const properties = `    <properties>\n      <property name="seed" value="${report.seed}"/>\n      <property name="mode" value="${xmlEscape(describeMode(report.mode))}"/>\n    </properties>`;
  const suites = files.map((file) => {
    const results = report.results.filter((r) => r.file === file);
    const errors = report.errors.filter((e) => e.file === file);
    const failures = results.filter((r) => r.status === 'fail').length;
    const errored = results.filter((r) => r.status === 'error').length + errors.length;
    const time = results.reduce((s, r) => s + (report.durationsMs[labelOf(r)] ?? 0), 0);
    const cases = [
      ...results.map((r) => testcase(r, report.durationsMs[labelOf(r)] ?? 0, ctx)),
      ...errors.map(specErrorCase),
    ];
    return `  <testsuite name="${xmlEscape(file)}" tests="${cases.length}" failures="${failures}" errors="${errored}" skipped="0" time="${seconds(time)}">\n${properties}\n${cases.join('\n')}\n  </testsuite>`;
  });
  const { failed, errors } = report.summary;
  const total = report.results.length + report.errors.length;
  const time = Object.values(report.durationsMs).reduce((s, ms) => s + ms, 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="mcheck" tests="${total}" failures="${failed}" errors="${errors}" time="${seconds(time)}">\n${suites.join('\n')}\n</testsuites>\n`;
};
