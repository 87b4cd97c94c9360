import type { Mat } from '../linalg/mat.js';
import type { KinkTrace } from '../expr/kink-trace.js';
import { type Objective, partialAt, scratchCopy } from '../numeric/finite-diff.js';
import { LimitExceeded, isDomainError } from '../budget.js';
import { type EntryFailure, NEXT, STOP, lowerStop } from './partials-task.js';

/** The partial along entry k into `values`, or why there is none. Bugs propagate. */
function entry(objective: Objective, probe: Mat, k: number, baseTrace: KinkTrace, values: Float64Array, length: number): EntryFailure | null {
  try {
    const d = partialAt(objective, probe, k, baseTrace);
    if (d === null) return { index: k, kind: 'kink', message: 'a kink within the stencil', limit: null };
    values.set(d.re, k * length);
    return null;
  } catch (error) {
    if (error instanceof LimitExceeded) return { index: k, kind: 'limit', message: error.message, limit: error.limit };
    if (isDomainError(error)) return { index: k, kind: 'error', message: error.message, limit: null };
    throw error;
  }
}

/**
 * One thread's share of a claim's partial derivatives: takes `chunk` entries at a time from the
 * shared counter and writes each partial into `values` at k·length, until the entries run out or
 * reach STOP, which a failure lowers to its own entry. Every entry below the final STOP is
 * computed by some thread. Returns the failures found (at most one per thread) and how many
 * partials this thread computed.
 */
export function computeShare(
  objective: Objective, x0: Mat, baseTrace: KinkTrace, control: Int32Array, values: Float64Array,
  length: number, entries: number, chunk: number,
): { failures: EntryFailure[]; computed: number } {
  const probe = scratchCopy(x0);
  let computed = 0;
  for (;;) {
    const from = Atomics.add(control, NEXT, chunk);
    if (from >= Math.min(entries, Atomics.load(control, STOP))) return { failures: [], computed };
    for (let k = from; k < Math.min(entries, from + chunk); k++) {
      if (k >= Atomics.load(control, STOP)) break;
      const failure = entry(objective, probe, k, baseTrace, values, length);
      if (failure !== null) {
        // A limit stops everyone; any other failure stops the entries after it.
        lowerStop(control, failure.kind === 'limit' ? 0 : k);
        return { failures: [failure], computed };
      }
      computed++;
    }
  }
}
