import type { ClaimResult, RunReport } from '../check/result.js';
import { replayCommand, type ReplayFlags } from './replay.js';
import type { Reporter } from './reporter.js';

/** Escapes the message of a workflow command (GitHub's own rules: %, CR, LF). */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property of a workflow command: also `:` and `,`, which delimit properties. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(r: ClaimResult, replay: ReplayFlags): string {
  const lines = [
    r.message ?? '',
    r.hint !== null ? `hint: ${r.hint}` : '',
    r.status === 'fail' ? `rerun: ${replayCommand(r, replay)}` : '',
  ];
  const props = `file=${escapeProperty(r.file)},line=${r.line},title=${escapeProperty(r.row)}`;
  return `::error ${props}::${escapeData(lines.filter((l) => l !== '').join('\n'))}`;
}

/**
 * GitHub Actions workflow commands: an `::error` annotation at the line of each failing claim and
 * at the place of each spec error, so the failure shows on the spec in the pull request.
 */
export const githubReporter: Reporter = (report: RunReport, ctx) => {
  const out: string[] = [];
  for (const r of report.results) {
    if (r.status !== 'pass') out.push(annotation(r, ctx.replay));
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
