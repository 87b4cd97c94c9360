import type { Claim, Expression, WhereSpec } from './identity.js';

/**
 * The upstream names of the spec's backprop claims, as written, before any claim is checked: a
 * `where` value may read them (it is then computed per claim, where that upstream exists).
 */
export function upstreamNamesOf(claims: readonly unknown[], declared: ReadonlySet<string>): Set<string> {
  const names = new Set<string>();
  for (const c of claims) {
    const { kind, upstream } = (c ?? {}) as { kind?: unknown; upstream?: unknown };
    if (kind === 'backprop' && typeof upstream === 'string' && !declared.has(upstream)) names.add(upstream);
  }
  return names;
}

/** For each `where` value, the upstream names it reads, directly or through earlier ones. */
function upstreamsOfWhere(where: readonly WhereSpec[], upstreams: ReadonlySet<string>): Map<string, Set<string>> {
  const reads = new Map<string, Set<string>>();
  for (const w of where) {
    const mine = new Set<string>();
    for (const n of w.expr.names) {
      if (upstreams.has(n)) mine.add(n);
      for (const u of reads.get(n) ?? []) mine.add(u);
    }
    reads.set(w.name, mine);
  }
  return reads;
}

/** One expression of a claim reading an upstream it has no value of: where, and through which `where`. */
export interface UpstreamMisread {
  readonly slot: 'f' | 'expect' | 'lhs' | 'rhs';
  readonly upstream: string;
  readonly via: string;
}

/** A claim's expressions by the key they are written under. */
function slotsOf(claim: Claim): readonly (readonly ['f' | 'expect' | 'lhs' | 'rhs', Expression])[] {
  return claim.kind === 'equal'
    ? [
        ['lhs', claim.lhs],
        ['rhs', claim.rhs],
      ]
    : [
        ['f', claim.f],
        ['expect', claim.expect],
      ];
}

/**
 * The reads of an upstream through a `where` value that no value would exist for: only the
 * expect of a backprop claim has its upstream G (f is what G weighs, so f cannot read it).
 */
export function upstreamMisreads(
  claim: Claim,
  where: readonly WhereSpec[],
  upstreams: ReadonlySet<string>,
): UpstreamMisread[] {
  if (upstreams.size === 0) return [];
  const reads = upstreamsOfWhere(where, upstreams);
  const out: UpstreamMisread[] = [];
  for (const [slot, expr] of slotsOf(claim)) {
    const own = claim.kind === 'backprop' && slot === 'expect' ? claim.upstream : null;
    for (const via of expr.names)
      for (const upstream of reads.get(via) ?? []) if (upstream !== own) out.push({ slot, upstream, via });
  }
  return out;
}
