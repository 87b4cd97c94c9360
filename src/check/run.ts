import type { Identity } from '../spec/identity.js';
import { checkClaim, type ClaimSettings } from './check-claim.js';
import { type ClaimResult, type RunReport, type SpecError, summarize } from './result.js';

/** Options of a run, all given. */
export interface RunSettings extends ClaimSettings {
  /** Only claims whose name or row equals one of these, when not empty. */
  readonly claims: readonly string[];
}

/**
 * Checks every claim of every identity and gathers the rows and the spec errors into a report.
 * Each claim draws from its own generator, so the report does not depend on which other
 * identities are in the run or in what order.
 */
export function runIdentities(
  identities: readonly Identity[],
  specErrors: readonly SpecError[],
  settings: RunSettings,
): RunReport {
  const results: ClaimResult[] = [];
  for (const identity of identities) {
    for (const claim of identity.claims) {
      if (settings.claims.length > 0 && !settings.claims.some((c) => c === claim.name || c === claim.row)) continue;
      results.push(checkClaim(identity, claim, settings));
    }
  }
  return { seed: settings.seed, results, errors: specErrors, summary: summarize(results, specErrors) };
}
