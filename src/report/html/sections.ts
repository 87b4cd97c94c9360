import type { ClaimResult } from '../../check/result/claim-result.js';
import type { RunReport, SpecError } from '../../check/result/run-report.js';
import { formatPlace } from '../place.js';
import type { ReplayFlags } from '../replay.js';
import { scoreLine } from '../reporter.js';
import { xmlEscape } from '../xml-escape.js';
import { claimCard, statusBadge } from './claim-card.js';
import { typeset } from './typeset.js';

/** Rows of one identity (of one submission), in report order. */
interface Group {
  readonly submission: string | null;
  readonly id: string;
  readonly rows: readonly { readonly result: ClaimResult; readonly index: number }[];
}

/** The anchor of the row at `index` of the report: what the gradebook links to. */
export const anchorOf = (index: number): string => `claim-${index + 1}`;

/** Consecutive rows of the same submission and identity, as the engine reports them. */
function groupsOf(results: readonly ClaimResult[]): Group[] {
  const groups: { submission: string | null; id: string; rows: Group['rows'][number][] }[] = [];
  results.forEach((result, index) => {
    const last = groups.at(-1);
    if (last !== undefined && last.id === result.id && last.submission === result.submission)
      last.rows.push({ result, index });
    else groups.push({ submission: result.submission, id: result.id, rows: [{ result, index }] });
  });
  return groups;
}

/** An identity: its title, source and the author's LaTeX, then its claims. */
function identitySection(group: Group, replay: ReplayFlags): string {
  const { about } = group.rows[0]!.result;
  const worst = group.rows.some((r) => r.result.status !== 'pass') ? 'has-problems' : 'all-passed';
  const title = about.title === null ? '' : ` <span class="title">${xmlEscape(about.title)}</span>`;
  const head = `<h2><code class="id">${xmlEscape(group.id)}</code>${title}</h2>`;
  const source = about.source === null ? '' : `<p class="source">source: ${xmlEscape(about.source)}</p>`;
  const latex =
    about.latex === null ? '' : `<div class="author" title="the spec's latex">${typeset(about.latex, true).html}</div>`;
  const claims = group.rows.map(({ result, index }) => claimCard(result, anchorOf(index), replay)).join('');
  return `<section class="identity ${worst}">${head}${source}${latex}${claims}</section>`;
}

/** A name usable in an id attribute: letters, digits, `-` and `_`, the rest as `-`. */
const slug = (name: string): string => name.replace(/[^\w-]/g, '-');

/** The anchor of a submission's part of the report. */
export const submissionAnchor = (name: string): string => `submission-${slug(name)}`;

/**
 * Every row, grouped by identity; when a class is graded, first by submission, each part under a
 * heading with its score.
 */
export function resultSections(report: RunReport, replay: ReplayFlags): string {
  const groups = groupsOf(report.results);
  const graded = report.results.some((r) => r.submission !== null);
  if (!graded) return groups.map((g) => identitySection(g, replay)).join('');
  const parts: string[] = [];
  for (const submission of [...new Set(groups.map((g) => g.submission))]) {
    const score = report.scores.find((s) => s.submission === submission);
    const heading = score === undefined ? (submission ?? 'worked examples') : scoreLine(score);
    const id = submission === null ? '' : ` id="${submissionAnchor(submission)}"`;
    const inner = groups.filter((g) => g.submission === submission).map((g) => identitySection(g, replay));
    parts.push(
      `<section class="submission"${id}><h2 class="submission-name">${xmlEscape(heading)}</h2>${inner.join('')}</section>`,
    );
  }
  return parts.join('');
}

/** The spec errors: what is wrong and where. */
export function errorSection(errors: readonly SpecError[]): string {
  if (errors.length === 0) return '';
  const items = errors.map(
    (e) =>
      `<li>${statusBadge('error')} ${xmlEscape(e.message)} <span class="place">at ${xmlEscape(formatPlace(e.file, e.line, e.column))}</span></li>`,
  );
  return `<section class="spec-errors"><h2>Spec errors</h2><ul>${items.join('')}</ul></section>`;
}
