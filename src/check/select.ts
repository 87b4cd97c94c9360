import type { Claim, OpenClaim } from '../spec-file/identity.js';
import { fnv1a } from '../util/fnv1a.js';

/** Which claims of a run to check. Every field is given; empty or null selects everything. */
export interface Selection {
  /** Claims whose name or row equals one of these. */
  readonly claims: readonly string[];
  /** Claims whose row matches this pattern. */
  readonly grep: RegExp | null;
  /** This shard of the run: `index` from 1 to `count`. */
  readonly shard: { readonly index: number; readonly count: number } | null;
}

/** Selects everything. */
export const ALL: Selection = { claims: [], grep: null, shard: null };

// FNV-1a is stable across machines and runs, so a claim stays in its shard whatever else the run holds.
/**
 * True when `key` (a claim's row, or a file for its spec errors) belongs to the shard. The
 * shards of a run are disjoint and together are the whole run.
 */
export function inShard(key: string, shard: Selection['shard']): boolean {
  return shard === null || fnv1a(key) % shard.count === shard.index - 1;
}

/** True when the claim is selected. */
export function isSelected(claim: Claim | OpenClaim, s: Selection): boolean {
  if (s.claims.length > 0 && !s.claims.some((c) => c === claim.name || c === claim.row)) return false;
  if (s.grep !== null && !s.grep.test(claim.row)) return false;
  return inShard(claim.row, s.shard);
}
