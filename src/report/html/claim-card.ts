import type { ClaimResult } from '../../check/result/claim-result.js';
import { failureView } from '../failure-view.js';
import { FIGURES } from '../figures.js';
import { formatPoints } from '../reporter.js';
import { formatError, plural } from '../format-number.js';
import { formatPlace } from '../place.js';
import type { ReplayFlags } from '../replay.js';
import { xmlEscape } from '../xml-escape.js';
import { evidenceFigure } from './evidence-figure.js';
import { typeset } from './typeset.js';

/** A row's status in words, for people and screen readers alike; colour only repeats it. */
export const STATUS_WORDS = { pass: 'passed', fail: 'failed', error: 'error' } as const;

/** The status of a row as a badge: a mark (hidden from screen readers) and the word. */
export function statusBadge(status: ClaimResult['status']): string {
  return `<span class="status ${status}"><span aria-hidden="true">${FIGURES[status]}</span> ${STATUS_WORDS[status]}</span>`;
}

/** A command to copy: as code, with a copy button that the page's script shows where it runs. */
export function commandLine(label: string, command: string): string {
  const text = xmlEscape(command);
  return `<p class="command"><span class="what">${xmlEscape(label)}</span> <code>${text}</code> <button type="button" class="copy" data-copy="${text}" hidden>copy</button></p>`;
}

/** The formula as mcheck read it, typeset; a hidden claim shows none, since it would give the answer. */
function formula(r: ClaimResult): string {
  if (r.latex === null)
    return `<p class="formula none">${r.hidden ? 'hidden claim: only its name, status and points are shown' : 'no formula: the claim has no answer'}</p>`;
  return `<div class="formula" title="as mcheck read it">${typeset(r.latex, true).html}</div>`;
}

/** A tolerance as people write it: 1e-5, not 0.00001. */
const formatTolerance = (x: number): string => (x !== 0 && Math.abs(x) < 1e-3 ? x.toExponential() : String(x));

/** The errors measured against the tolerance they were judged by. */
function figures(r: ClaimResult): string {
  const { rtol, atol } = r.tolerance;
  const measured =
    r.maxAbsError === null
      ? 'nothing compared'
      : `max abs error ${formatError(r.maxAbsError)}, max rel error ${formatError(r.maxRelError)}`;
  const rule = `tolerance |a − n| ≤ ${formatTolerance(atol)} + ${formatTolerance(rtol)}·|n|`;
  return `<p class="figures">${measured} · ${xmlEscape(rule)} · ${plural(r.trials, 'trial')}</p>`;
}

/** What a failed or errored row says beyond its figures: reason, hint, smallest case, rerun, pictures. */
function failureParts(r: ClaimResult, replay: ReplayFlags): string[] {
  const f = failureView(r, replay);
  if (f === null) return [];
  const at = f.dims === null ? '' : ` (failed at ${f.dims})`;
  const noise = f.noise === null ? '' : `; finite-difference noise ~${f.noise.toExponential(0)}`;
  const parts = [`<p class="message">${xmlEscape(f.message + at + noise)}</p>`];
  if (f.hint !== null) parts.push(`<p class="hint"><strong>hint:</strong> ${xmlEscape(f.hint)}</p>`);
  if (f.smallest !== null) parts.push(commandLine(`smallest failing case, ${f.smallest.dims}:`, f.smallest.command));
  if (f.rerun !== null) parts.push(commandLine('rerun:', f.rerun));
  const evidence = r.status === 'fail' ? r.failure.evidence : null;
  if (evidence !== null) parts.push(evidenceFigure(evidence));
  return parts;
}

/** One claim: its name, status, place, formula, figures and, when it did not pass, why. */
export function claimCard(r: ClaimResult, anchor: string, replay: ReplayFlags): string {
  const points = r.graded
    ? ` <span class="points">${formatPoints(r.points)}/${formatPoints(r.maxPoints)} points</span>`
    : '';
  const head =
    `<h3>${statusBadge(r.status)} <span class="name">${xmlEscape(r.claim ?? r.row)}</span>${points}</h3>` +
    `<p class="place">${xmlEscape(formatPlace(r.file, r.line))}</p>`;
  const notes = r.notes.map((n) => `<p class="note">note: ${xmlEscape(n)}</p>`);
  const body = [formula(r), figures(r), ...notes, ...failureParts(r, replay)];
  return `<article class="claim ${r.status}" id="${anchor}">${head}${body.join('')}</article>`;
}
