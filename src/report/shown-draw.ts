import type { Explanation } from '../check/diagnose/explain.js';
import type { ClaimResult } from '../check/result/claim-result.js';
import { shellQuote } from './replay.js';

/** Dims as `m=2, n=3` (or `m=2,n=3` for a flag). */
function dimsText(dims: ReadonlyMap<string, number> | Readonly<Record<string, number>>, sep = ', '): string {
  const entries = dims instanceof Map ? [...dims.entries()] : Object.entries(dims);
  return entries.map(([k, v]) => `${k}=${v}`).join(sep);
}

/** Which draw `mcheck explain` shows: a trial, at fixed dims or not; none asked for is the default. */
interface Asked {
  readonly trial: number | null;
  readonly dims: ReadonlyMap<string, number> | Readonly<Record<string, number>>;
}

/** The `mcheck explain` command that shows the claim of `r` on the draw asked for. */
function explainCommand(r: ClaimResult, seed: number, asked: Asked): string {
  const dims = dimsText(asked.dims, ',');
  const words = ['mcheck', 'explain', ...r.sources, '--claim', r.claim ?? r.row, '--seed', String(seed)];
  if (asked.trial !== null) words.push('--trial', String(asked.trial));
  if (dims !== '') words.push('--dims', dims);
  return words.map(shellQuote).join(' ');
}

/** Another trial to look at than `trial`: the next, else the first; null when there is only one. */
function otherTrial(trial: number, total: number): number | null {
  return trial < total ? trial + 1 : trial > 1 ? 1 : null;
}

/** `; another draw: mcheck explain ... --trial K`, or nothing when the claim has one trial. */
function another(e: Explanation, seed: number): string {
  const trial = otherTrial(e.trial, e.shown.total);
  return trial === null ? '' : `; another draw: ${explainCommand(e.result, seed, { trial, dims: e.shown.fixed })}`;
}

/**
 * What an explanation says of the draw it shows, and why that one: the smallest failing case
 * (with the command that shows the failure as the run first met it), the failing trial, trial 1
 * of a pass, or the draw asked for (with the command of the default); and how to see another.
 */
export function shownLine(e: Explanation, seed: number): string {
  const { shown } = e;
  const at = dimsText(e.dims);
  const total = `${e.trial} of ${shown.total}`;
  switch (shown.reason) {
    case 'smallest': {
      const first = shown.first!;
      const command = explainCommand(e.result, seed, { trial: first.trial, dims: {} });
      return `showing the smallest failing case: ${at}, trial ${e.trial}; the run first failed on trial ${first.trial}, at ${dimsText(first.dims)}: ${command}`;
    }
    case 'failing':
      return `showing trial ${total}, the first that fails${at === '' ? '' : ` (at ${at}; no smaller failing dims found)`}${another(e, seed)}`;
    case 'first':
      return `showing trial ${total}; all ${shown.total} pass${another(e, seed)}`;
    case 'asked': {
      const command = explainCommand(e.result, seed, { trial: null, dims: {} });
      return `showing trial ${e.trial}${at === '' ? '' : ` at ${at}`}, as asked; without --trial and --dims, explain shows the smallest failing case: ${command}`;
    }
  }
}
