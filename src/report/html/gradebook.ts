import { type ClaimResult, labelOf } from '../../check/result/claim-result.js';
import type { RunReport } from '../../check/result/run-report.js';
import { formatPoints } from '../reporter.js';
import { xmlEscape } from '../xml-escape.js';
import { STATUS_WORDS } from './claim-card.js';
import { anchorOf, submissionAnchor } from './sections.js';

/** A cell of the gradebook: the claim's points, its status in words, a link to its detail. */
function cell(r: ClaimResult | undefined, index: number): string {
  if (r === undefined) return '<td class="missing">—</td>';
  const word = STATUS_WORDS[r.status];
  return `<td class="${r.status}"><a href="#${anchorOf(index)}" aria-label="${xmlEscape(`${labelOf(r)}: ${word}, ${formatPoints(r.points)} of ${formatPoints(r.maxPoints)} points`)}">${formatPoints(r.points)}/${formatPoints(r.maxPoints)} <span class="word">${word}</span></a></td>`;
}

/**
 * The class at a glance: one row per submission, one column per graded claim, points and totals.
 * Each cell links to that claim's detail and each name to the submission's part of the report;
 * the Score and Submission headers sort the table where the page's script runs.
 */
export function gradebook(report: RunReport): string {
  const graded = report.results.map((r, index) => ({ r, index })).filter(({ r }) => r.graded && r.submission !== null);
  if (graded.length === 0) return '';
  const rows = [...new Set(graded.map(({ r }) => r.row))];
  const bodies = report.scores
    .filter((s) => s.submission !== null)
    .map((s) => {
      const name = s.submission!;
      const mine = new Map(
        graded.filter(({ r }) => r.submission === name).map(({ r, index }) => [r.row, { r, index }]),
      );
      const cells = rows.map((row) => cell(mine.get(row)?.r, mine.get(row)?.index ?? -1));
      const share = s.maxPoints === 0 ? 0 : s.points / s.maxPoints;
      return (
        `<tr data-name="${xmlEscape(name)}" data-score="${share}"><th scope="row"><a href="#${submissionAnchor(name)}">${xmlEscape(name)}</a></th>` +
        `<td class="total">${formatPoints(s.points)}/${formatPoints(s.maxPoints)}</td>${cells.join('')}</tr>`
      );
    });
  const sortable = (key: string, label: string): string =>
    `<th scope="col" aria-sort="none"><button type="button" class="sort" data-key="${key}">${label}</button></th>`;
  const passedOf = (row: string): string => {
    const of = graded.filter(({ r }) => r.row === row);
    return `<td>${of.filter(({ r }) => r.status === 'pass').length}/${of.length} passed</td>`;
  };
  const foot = `<tfoot><tr><th scope="row">class</th><td></td>${rows.map(passedOf).join('')}</tr></tfoot>`;
  const heads = rows.map((row) => `<th scope="col"><code>${xmlEscape(row)}</code></th>`).join('');
  return (
    `<section class="gradebook"><h2>Gradebook</h2><div class="scroll"><table>` +
    `<thead><tr>${sortable('name', 'Submission')}${sortable('score', 'Score')}${heads}</tr></thead>` +
    `<tbody>${bodies.join('')}</tbody>${foot}</table></div></section>`
  );
}
