import type { RunReport } from '../../check/result/run-report.js';
import type { Reporter, ReporterContext } from '../reporter.js';
import { xmlEscape } from '../xml-escape.js';
import { gradebook } from './gradebook.js';
import { katexStyle } from './katex-style.js';
import { PAGE_SCRIPT } from './page-script.js';
import { PAGE_STYLE } from './page-style.js';
import { errorSection, resultSections } from './sections.js';
import { summaryBar } from './summary-bar.js';

/** The page's title: what was checked and how it went. */
function titleOf(report: RunReport): string {
  const { passed, failed, errors } = report.summary;
  const problems = failed + errors === 0 ? '' : `${failed} failed, ${errors} ${errors === 1 ? 'error' : 'errors'}, `;
  return `mcheck report: ${problems}${passed} passed`;
}

/**
 * The HTML report: one self-contained page (styles, fonts and script inline, nothing fetched) that
 * opens from a CI artifact. A summary bar, a gradebook when a class is graded, every claim with
 * its formula as mcheck read it, and for each failure heatmaps of both sides and their difference.
 */
export const htmlReporter: Reporter = (report: RunReport, ctx: ReporterContext): string => {
  const main = [gradebook(report), errorSection(report.errors), resultSections(report, ctx.replay)].join('');
  const body = `${summaryBar(report, ctx)}<main>${main}</main>`;
  return (
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${xmlEscape(titleOf(report))}</title>` +
    `<style>${katexStyle(body)}</style><style>${PAGE_STYLE}</style></head>` +
    `<body>${body}<script>${PAGE_SCRIPT}</script></body></html>\n`
  );
};
