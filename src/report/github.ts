import { type ClaimResult, labelOf } from '../check/result/claim-result.js';
import type { RunReport } from '../check/result/run-report.js';
import { type FailureView, failureView } from './failure-view.js';
import type { Reporter } from './reporter.js';

/** Escapes the message of a workflow command (GitHub's own rules: %, CR, LF). */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property of a workflow command: also `:` and `,`, which delimit properties. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(r: ClaimResult, f: FailureView): string {
  const lines = [f.message, f.hint !== null ? `hint: ${f.hint}` : '', f.rerun !== null ? `rerun: ${f.rerun}` : ''];
  const props = `file=${escapeProperty(r.file)},line=${r.line},title=${escapeProperty(labelOf(r))}`;
  return `::error ${props}::${escapeData(lines.filter((l) => l !== '').join('\n'))}`;
}

/**
 * GitHub Actions workflow commands: an `::error` annotation at the line of each failing claim and
 * at the place of each spec error, so the failure shows on the spec in the pull request.
 */
export const githubReporter: Reporter = (report: RunReport, ctx) => {
  const out: string[] = [];
  for (const r of report.results) {
    const f = failureView(r, ctx.replay);
    if (f !== null) out.push(annotation(r, f));
    const props = `file=${escapeProperty(r.file)},line=${r.line},title=${escapeProperty(labelOf(r))}`;
    for (const note of r.notes) out.push(`::notice ${props}::${escapeData(note)}`);
  }
  for (const e of report.errors) {
    const place =
      e.line === null
        ? `file=${escapeProperty(e.file)}`
        : `file=${escapeProperty(e.file)},line=${e.line},col=${e.column}`;
    out.push(`::error ${place},title=spec error::${escapeData(e.message)}`);
  }
  return out.length === 0 ? '' : out.join('\n') + '\n';
};
