import type { ClaimResult } from '../check/result.js';

/** Quotes a shell word when it needs it (POSIX single quotes). */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Flags of the run that a replay must repeat to reproduce a result (tolerances, trials). */
export interface ReplayFlags {
  readonly seed: number;
  readonly extra: readonly string[];
}

/**
 * The command that reruns exactly this claim with the same draws: same file, same seed, same
 * trials and tolerances. Draws depend only on seed, id, row and trial, so it fails the same way.
 */
export function replayCommand(result: ClaimResult, flags: ReplayFlags): string {
  const words = ['mcheck', 'check', result.file, '--claim', result.claim ?? result.row, '--seed', String(flags.seed), ...flags.extra];
  return words.map(shellQuote).join(' ');
}
