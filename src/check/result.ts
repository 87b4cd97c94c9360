import type { Tolerance, WorstEntry } from '../numeric/closeness.js';
import type { CheckMode } from './mode.js';

/** The verdict of one claim. `error` means the spec itself could not be evaluated. */
export type Status = 'pass' | 'fail' | 'error';

/** One row of a report: a claim and what became of it. */
export interface ClaimResult {
  readonly id: string;
  /** The claim's name, or null. */
  readonly claim: string | null;
  readonly row: string;
  readonly kind: 'equal' | 'gradient' | 'jacobian' | 'backprop';
  readonly file: string;
  readonly line: number;
  readonly status: Status;
  /** Max |analytic − numeric| over the trials compared; null when nothing was compared. */
  readonly maxAbsError: number | null;
  readonly maxRelError: number | null;
  /** Trials completed (a failure stops at the failing trial). */
  readonly trials: number;
  /** Why it failed or errored; null on a pass. */
  readonly message: string | null;
  /** The 1-based trial that failed, or null. */
  readonly failedTrial: number | null;
  /** The worst entry of the failing (or last) comparison, or null. */
  readonly worst: WorstEntry | null;
  readonly tolerance: Tolerance;
  /** The near miss the failure most likely is ("matches after transposing: ..."), or null. */
  readonly hint: string | null;
  /** Estimated finite-difference noise at the worst entry of a failed comparison, or null. */
  readonly noise: number | null;
  /** The dims of the failing draw, or null on a pass. */
  readonly failedDims: Readonly<Record<string, number>> | null;
  /** The smallest dims found at which the claim still fails, or null. */
  readonly shrunk: { readonly dims: Readonly<Record<string, number>>; readonly trial: number } | null;
}

/** A problem with a spec file found before anything ran. */
export interface SpecError {
  readonly code: string;
  readonly file: string;
  /** 1-based, or null when the problem has no place (an unreadable file). */
  readonly line: number | null;
  readonly column: number | null;
  readonly message: string;
}

/** Counts for the summary line. */
export interface Summary {
  readonly passed: number;
  readonly failed: number;
  readonly errors: number;
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
  };
}
