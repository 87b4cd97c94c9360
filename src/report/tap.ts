import { labelOf } from '../check/result/claim-result.js';
import { describeMode } from '../check/plan/mode.js';
import type { RunReport } from '../check/result/run-report.js';
import { failureView } from './failure-view.js';
import { formatPlace } from './place.js';
import { type Reporter, summaryLine } from './reporter.js';

/** A YAML-safe one-line value for a TAP diagnostic block. */
const yamlString = (s: string): string => JSON.stringify(s);

/**
 * TAP version 13: one test point per claim and per spec error, with a YAML diagnostic block
 * (message, hint, place, rerun) under each failure.
 */
export const tapReporter: Reporter = (report: RunReport, ctx) => {
  const out = [
    'TAP version 13',
    `1..${report.results.length + report.errors.length}`,
    `# mcheck seed ${report.seed}, ${describeMode(report.mode)} mode`,
  ];
  let n = 0;
  for (const r of report.results) {
    n++;
    const label = labelOf(r).replace(/#/g, '\\#');
    const f = failureView(r, ctx.replay);
    const notes = r.notes.map((note) => `# note: ${note}`);
    if (f === null) {
      out.push(`ok ${n} - ${label}`, ...notes);
      continue;
    }
    out.push(`not ok ${n} - ${label}`, '  ---', `  message: ${yamlString(f.message)}`, `  severity: ${f.status}`);
    if (f.hint !== null) out.push(`  hint: ${yamlString(f.hint)}`);
    out.push(`  at: ${yamlString(f.place)}`);
    if (f.rerun !== null) out.push(`  rerun: ${yamlString(f.rerun)}`);
    out.push('  ...', ...notes);
  }
  for (const e of report.errors) {
    n++;
    const at = formatPlace(e.file, e.line, e.column);
    out.push(
      `not ok ${n} - spec error in ${e.file.replace(/#/g, '\\#')}`,
      '  ---',
      `  message: ${yamlString(e.message)}`,
      `  at: ${yamlString(at)}`,
      '  ...',
    );
  }
  out.push(`# ${summaryLine(report)}`);
  return out.join('\n') + '\n';
};
