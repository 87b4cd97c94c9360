import type { Claim, OpenClaim } from '../spec-file/identity.js';
import { fnv1a } from '../util/fnv1a.js';
import { closest } from '../util/closest.js';

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

/** The words of claim names and rows (`dl/dW` gives dl and dW): what a misspelling may be close to. */
function wordsOf(texts: readonly string[]): string[] {
  return [...new Set(texts.flatMap((t) => t.split(/[/#\s]+/).filter((w) => w !== '')))];
}

/** The names among `names` closest to `wanted`, whole or by one of their words. */
function nearNames(wanted: string, names: readonly string[]): string[] {
  const whole = closest(wanted, names);
  if (whole.length > 0) return whole;
  const near = new Set(closest(wanted, wordsOf(names)));
  return names.filter((n) => wordsOf([n]).some((w) => near.has(w))).slice(0, 3);
}

/**
 * What a selection asks for that no claim has, said with the closest names: `--claim dw matched
 * no claim (did you mean dW?)`. Empty when every `--claim` and the `--grep` pattern match a claim.
 */
export function selectionMisses(claims: readonly (Claim | OpenClaim)[], s: Selection): string[] {
  const names = [...new Set(claims.flatMap((c) => (c.name === null ? [c.row] : [c.name])))];
  const misses = s.claims
    .filter((wanted) => !claims.some((c) => c.name === wanted || c.row === wanted))
    .map((wanted) => {
      const near = nearNames(wanted, names);
      return `--claim ${wanted} matched no claim${near.length > 0 ? ` (did you mean ${near.join(', ')}?)` : ''}`;
    });
  const grep = s.grep;
  if (grep !== null && claims.length > 0 && !claims.some((c) => grep.test(c.row))) {
    const near = closest(grep.source, wordsOf(claims.map((c) => c.row)));
    const sample = claims.slice(0, 3).map((c) => c.row);
    const offer = near.length > 0 ? `did you mean --grep ${near.join(', ')}?` : `rows look like ${sample.join(', ')}`;
    misses.push(`--grep ${grep.source} matched no claim row (${offer})`);
  }
  return misses;
}
