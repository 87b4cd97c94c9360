import type { Mat } from '../../linalg/mat.js';
import { partialAt, scratchCopy } from '../../numeric/finite-diff.js';
import { LimitExceeded, isDomainError, spentEvaluations } from '../../budget.js';
import {
  type EntryFailure,
  type PartialsJob,
  COMPLETED,
  EVALUATED,
  NEXT,
  SLOTS_PER_WORKER,
  STOP,
  WORKER_SLOTS,
  lowerStop,
} from './partials-task.js';

/** The arrays a share writes into: partials, and which entries are done. */
export interface Shared {
  readonly control: Int32Array;
  readonly values: Float64Array;
  readonly done: Uint8Array;
  /** Entries of f: the length of each partial. */
  readonly length: number;
}

/** The partial along entry k into `values` (then marks it done), or why there is none. Bugs propagate. */
export function computeEntry(job: PartialsJob, probe: Mat, k: number, shared: Shared): EntryFailure | null {
  try {
    const d = partialAt(job.objective, { probe, k }, job.baseTrace, job.stencil);
    if (d === null) return { index: k, kind: 'kink', message: 'a kink within the stencil', limit: null };
    if (d.im !== null) return { index: k, kind: 'complex', message: 'a complex partial', limit: null };
    shared.values.set(d.re, k * shared.length);
    Atomics.store(shared.done, k, 1);
    return null;
  } catch (error) {
    if (error instanceof LimitExceeded) return { index: k, kind: 'limit', message: error.message, limit: error.limit };
    if (isDomainError(error)) return { index: k, kind: 'error', message: error.message, limit: null };
    throw error;
  }
}

/** The shared arrays of a run over n entries of `length` values, with entry 0 already done. */
export function shareOf(n: number, first: Mat, workers: number): Shared {
  const length = first.re.length;
  const control = new Int32Array(new SharedArrayBuffer(4 * (WORKER_SLOTS + SLOTS_PER_WORKER * workers)));
  control[NEXT] = 1;
  control[STOP] = n;
  control[COMPLETED] = 1;
  const share: Shared = {
    control,
    values: new Float64Array(new SharedArrayBuffer(8 * n * length)),
    done: new Uint8Array(new SharedArrayBuffer(n)),
    length,
  };
  share.values.set(first.re, 0);
  share.done[0] = 1;
  return share;
}

/**
 * One thread's share of a claim's partial derivatives: takes `chunk` entries at a time from the
 * shared counter and writes each partial into `values` at k·length, until the entries run out or
 * reach STOP, which a failure lowers to its own entry (a limit, to 0). Returns the failures found (at most one per thread) and how many
 * partials this thread computed. `afterChunk` (the main thread's progress display) is called after each chunk.
 */
export function computeShare(
  job: PartialsJob,
  shared: Shared,
  work: { readonly entries: number; readonly chunk: number },
  afterChunk: (() => void) | null = null,
): { failures: EntryFailure[]; computed: number } {
  const { entries, chunk } = work;
  const { control } = shared;
  const probe = scratchCopy(job.x0);
  let computed = 0;
  for (;;) {
    const from = Atomics.add(control, NEXT, chunk);
    if (from >= Math.min(entries, Atomics.load(control, STOP))) return { failures: [], computed };
    const [computedBefore, evaluatedBefore] = [computed, spentEvaluations()];
    for (let k = from; k < Math.min(entries, from + chunk); k++) {
      if (k >= Atomics.load(control, STOP)) break;
      const failure = computeEntry(job, probe, k, shared);
      if (failure !== null) {
        // A limit stops everyone; any other failure stops the entries after it.
        lowerStop(control, failure.kind === 'limit' ? 0 : k);
        return { failures: [failure], computed };
      }
      computed++;
    }
    // Every thread's count, for the main thread's progress display: two additions a chunk.
    Atomics.add(control, COMPLETED, computed - computedBefore);
    Atomics.add(control, EVALUATED, spentEvaluations() - evaluatedBefore);
    if (afterChunk !== null) afterChunk();
  }
}
