import { describeMode } from '../../check/plan/mode.js';
import type { RunReport } from '../../check/result/run-report.js';
import type { ReporterContext } from '../reporter.js';
import { xmlEscape } from '../xml-escape.js';
import { commandLine } from './claim-card.js';

/** A count with its word, as a segment of the bar: width by share, the number always in text. */
function segment(kind: 'pass' | 'fail' | 'error', count: number, total: number, word: string): string {
  if (count === 0) return '';
  const share = ((100 * count) / total).toFixed(2);
  return `<span class="segment ${kind}" style="width:${share}%" title="${count} ${word}"></span>`;
}

/**
 * The head of the report: the counts in words and as a bar, the seed, the mode and the command
 * that reruns the whole run; then the filter to failures only, which works without a script.
 */
export function summaryBar(report: RunReport, ctx: ReporterContext): string {
  const { passed, failed, errors } = report.summary;
  const total = Math.max(1, passed + failed + errors);
  const counts =
    `<p class="counts"><strong>${passed}</strong> passed, <strong>${failed}</strong> failed, ` +
    `<strong>${errors}</strong> ${errors === 1 ? 'error' : 'errors'}</p>`;
  const bar =
    `<div class="bar" aria-hidden="true">${segment('pass', passed, total, 'passed')}` +
    `${segment('fail', failed, total, 'failed')}${segment('error', errors, total, 'errors')}</div>`;
  const facts = `<p class="facts">mcheck ${xmlEscape(ctx.version)} · seed ${report.seed} · ${xmlEscape(describeMode(report.mode))} mode</p>`;
  const filter =
    `<p class="filter"><input type="checkbox" id="only-failures">` +
    ` <label for="only-failures">show only what did not pass</label></p>`;
  return `<header class="summary"><h1>mcheck report</h1>${counts}${bar}${facts}${commandLine('rerun the whole run:', ctx.rerun)}${filter}</header>`;
}
