import type { Identity } from '../../spec-file/identity.js';
import type { ClaimPlan } from '../plan/claim-plan.js';
import { runTrials } from '../trial/run-trials.js';

/** Most dims assignments tried when shrinking; the smallest come first. */
export const MAX_SHRINK_CANDIDATES = 40;

/** A smaller failing case: the dims and the trial that fail there. */
export interface Shrunk {
  readonly dims: ReadonlyMap<string, number>;
  readonly trial: number;
}

const total = (xs: Iterable<number>): number => [...xs].reduce((s, x) => s + x, 0);

/** Every assignment of the dims within their ranges, smallest total first, at most `limit`. */
function candidates(identity: Identity, limit: number): Map<string, number>[] {
  let all: number[][] = [[]];
  for (const d of identity.dims) {
    const next: number[][] = [];
    for (const prefix of all) for (let v = d.min; v <= d.max && next.length < limit * 8; v++) next.push([...prefix, v]);
    all = next;
  }
  all.sort((a, b) => total(a) - total(b) || a.join(',').localeCompare(b.join(',')));
  return all.slice(0, limit).map((xs) => new Map(identity.dims.map((d, i) => [d.name, xs[i]!] as const)));
}

/**
 * The smallest dims (by their sum) at which the claim still fails, trying each assignment on the
 * plan's trials in turn; null when it fails only at sizes no smaller than `failing`, or when
 * the spec has no ranged dims.
 */
export function shrinkDims(plan: ClaimPlan, failing: ReadonlyMap<string, number>): Shrunk | null {
  const { identity } = plan;
  if (!identity.dims.some((d) => d.min < d.max)) return null;
  const size = total(failing.values());
  for (const dims of candidates(identity, MAX_SHRINK_CANDIDATES)) {
    if (total(dims.values()) >= size) return null;
    const run = runTrials({ ...plan, draw: { ...plan.draw, dims } });
    if (run.status === 'fail' && run.failed !== null) return { dims, trial: run.failed.trial };
  }
  return null;
}
