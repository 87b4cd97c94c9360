import type { SpecError } from '../../spec-file/spec-error.js';

export type { SpecError };
import type { CheckMode } from '../plan/mode.js';
import type { ClaimResult } from './claim-result.js';

/** Counts for the summary line. */
export interface Summary {
  readonly passed: number;
  readonly failed: number;
  /** Spec errors, and claims that could not be evaluated or were stopped by a limit. */
  readonly errors: number;
  /** Of the errors, the claims stopped by a limit: undecided, not malformed. */
  readonly limited: number;
}

/** Everything a reporter needs. */
export interface RunReport {
  readonly seed: number;
  /** How derivative claims were measured: every entry, or random projections. */
  readonly mode: CheckMode;
  readonly results: readonly ClaimResult[];
  readonly errors: readonly SpecError[];
  readonly summary: Summary;
  /**
   * Wall time per row in milliseconds, diagnosis included. Kept apart from the results, which are
   * a pure function of the specs and the seed; only the JUnit reporter prints times.
   */
  readonly durationsMs: Readonly<Record<string, number>>;
}

/** Counts passes, failures and errors (spec errors plus claims that could not be evaluated). */
export function summarize(results: readonly ClaimResult[], errors: readonly SpecError[]): Summary {
  return {
    passed: results.filter((r) => r.status === 'pass').length,
    failed: results.filter((r) => r.status === 'fail').length,
    errors: errors.length + results.filter((r) => r.status === 'error').length,
    limited: results.filter((r) => r.status === 'error' && r.error.limit !== null).length,
  };
}
