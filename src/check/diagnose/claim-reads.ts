import type { Claim, Identity } from '../../spec-file/identity.js';
import { kindOf } from '../kinds/kinds.js';
import { whereNeeded } from '../trial/scope.js';

/** The vars a claim differentiates by: none for an `equal` claim. */
function wrtOf(claim: Claim): readonly string[] {
  if (claim.kind === 'equal') return [];
  return typeof claim.wrt === 'string' ? [claim.wrt] : claim.wrt;
}

/**
 * Every declared name a claim depends on: what its expressions read, the vars it differentiates
 * by, and, transitively, what the `where` values among those read. Explain shows only these
 * inputs: in a spec with a dozen vars, the two a claim reads are the ones worth looking at.
 */
export function claimReads(identity: Identity, claim: Claim): ReadonlySet<string> {
  const names = new Set<string>(wrtOf(claim));
  for (const expression of kindOf(claim).expressions(claim)) for (const name of expression.names) names.add(name);
  for (const w of whereNeeded(identity.where, names)) {
    names.add(w.name);
    for (const name of w.expr.names) names.add(name);
  }
  return names;
}
