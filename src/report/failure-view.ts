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
  /** The dims of the failing draw, `m=4, n=6`; null for an error, or a spec without dims. */
  readonly dims: string | null;
  /** `m=2, n=3` and the command that reruns that case, or null. */
  readonly smallest: { readonly dims: string; readonly command: string } | null;
  /** `file:line` of the claim. */
  readonly place: string;
  /** The command that replays the failing draw; null for an error, which a replay cannot fix. */
  readonly rerun: string | null;
}

/** Dims as `m=2, n=3`, in the spec's order. */
function formatDims(dims: Readonly<Record<string, number>>): string {
  return Object.entries(dims)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
}

/** The view of a row that did not pass; null for a pass. */
export function failureView(r: ClaimResult, replay: ReplayFlags): FailureView | null {
  if (r.status === 'pass') return null;
  const place = formatPlace(r.file, r.line);
  if (r.status === 'error') {
    const error = { message: r.error.message, noise: null, hint: null, dims: null, smallest: null };
    return { status: 'error', ...error, place, rerun: null };
  }
  const { failure } = r;
  const command = shrunkCommand(r, replay);
  const drawn = formatDims(failure.dims);
  return {
    status: 'fail',
    message: failure.message,
    noise: failure.noise,
    hint: failure.hint,
    dims: drawn === '' ? null : drawn,
    smallest: command === null ? null : { dims: formatDims(failure.shrunk?.dims ?? {}), command },
    place,
    rerun: replayCommand(r, replay),
  };
}
