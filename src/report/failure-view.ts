import type { ClaimResult } from '../check/result/claim-result.js';
import { formatPlace } from './place.js';
import { type ReplayFlags, replayCommand, shrunkCommand } from './replay.js';

/**
 * What every reporter shows of a row that did not pass, built once from its failure (or error):
 * the reason, the noise at the worst entry, the hint, the smallest failing case with its rerun
 * command, the place in the spec and the rerun command of the failing draw. Reporters only lay it
 * out, so a failure reads the same in the terminal, JUnit, TAP and annotations.
 */
export interface FailureView {
  readonly status: 'fail' | 'error';
  readonly message: string;
  readonly noise: number | null;
  readonly hint: string | null;
  /** `m=2, n=3` and the command that reruns that case, or null. */
  readonly smallest: { readonly dims: string; readonly command: string } | null;
  /** `file:line` of the claim. */
  readonly place: string;
  /** The command that replays the failing draw; null for an error, which a replay cannot fix. */
  readonly rerun: string | null;
}

/** The view of a row that did not pass; null for a pass. */
export function failureView(r: ClaimResult, replay: ReplayFlags): FailureView | null {
  if (r.status === 'pass') return null;
  const place = formatPlace(r.file, r.line);
  if (r.status === 'error') {
    return { status: 'error', message: r.error.message, noise: null, hint: null, smallest: null, place, rerun: null };
  }
  const { failure } = r;
  const command = shrunkCommand(r, replay);
  const dims = Object.entries(failure.shrunk?.dims ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  return {
    status: 'fail',
    message: failure.message,
    noise: failure.noise,
    hint: failure.hint,
    smallest: command === null ? null : { dims, command },
    place,
    rerun: replayCommand(r, replay),
  };
}
