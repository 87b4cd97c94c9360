import type { ClaimResult } from '../check/result/claim-result.js';

/** A failed row: the only kind a replay is printed for. */
type FailedRow = Extract<ClaimResult, { status: 'fail' }>;

/** Quotes a shell word when it needs it (POSIX single quotes). */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** What of the run a replay must repeat: the seed, tolerance and trials flags, fixed dims. */
export interface ReplayFlags {
  readonly seed: number;
  readonly extra: readonly string[];
  readonly dims: ReadonlyMap<string, number>;
}

function dimsFlag(dims: Readonly<Record<string, number>> | ReadonlyMap<string, number>): string[] {
  const entries = dims instanceof Map ? [...dims.entries()] : Object.entries(dims);
  return entries.length === 0 ? [] : ['--dims', entries.map(([k, v]) => `${k}=${v}`).join(',')];
}

function command(result: FailedRow, flags: ReplayFlags, trial: number, dims: string[]): string {
  const words = [
    'mcheck',
    'check',
    ...result.sources,
    '--claim',
    result.claim ?? result.row,
    '--seed',
    String(flags.seed),
    '--trial',
    String(trial),
    ...dims,
    ...flags.extra,
  ];
  return words.map(shellQuote).join(' ');
}

/**
 * The command that reruns exactly this claim on exactly the failing draw: same file, seed, trial,
 * dims, trials and tolerances. Draws depend only on seed, id, row and trial, so it fails the same way.
 * Null when nothing was drawn (a question claim with no answer).
 */
export function replayCommand(result: FailedRow, flags: ReplayFlags): string | null {
  const { trial } = result.failure;
  return trial === null ? null : command(result, flags, trial, dimsFlag(flags.dims));
}

/** `mcheck WORDS --seed N OPTIONS`: the whole run again (`all --dir specs`, `check a.yaml`), drawn the same. */
export function rerunOf(words: readonly string[], flags: ReplayFlags): string {
  const all = ['mcheck', ...words, '--seed', String(flags.seed), ...flags.extra, ...dimsFlag(flags.dims)];
  return all.map(shellQuote).join(' ');
}

/** The command that reruns the smallest failing case found by shrinking, or null. */
export function shrunkCommand(result: FailedRow, flags: ReplayFlags): string | null {
  const { shrunk } = result.failure;
  return shrunk === null ? null : command(result, flags, shrunk.trial, dimsFlag(shrunk.dims));
}
