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

/** The score of a submission: the points of its passing question claims, out of all of theirs. */
export interface Score {
  /** The submission's name when a class is graded; null for a run that is one submission. */
  readonly submission: string | null;
  readonly points: number;
  readonly maxPoints: number;
}

/** Everything a reporter needs. */
export interface RunReport {
  readonly seed: number;
  /** How derivative claims were measured: every entry, or random projections. */
  readonly mode: CheckMode;
  readonly results: readonly ClaimResult[];
  readonly errors: readonly SpecError[];
  readonly summary: Summary;
  /** One score per submission; empty when the run checks no question. */
  readonly scores: readonly Score[];
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

/** The score of each submission among the rows of question claims, in the order they appear. */
export function scoresOf(results: readonly ClaimResult[]): Score[] {
  const scores = new Map<string | null, { points: number; maxPoints: number }>();
  for (const r of results) {
    if (!r.graded) continue;
    const s = scores.get(r.submission) ?? { points: 0, maxPoints: 0 };
    scores.set(r.submission, { points: s.points + r.points, maxPoints: s.maxPoints + r.maxPoints });
  }
  return [...scores].map(([submission, s]) => ({ submission, ...s }));
}

/** The report of rows and errors from a run under `settings`: counted and scored here, once. */
export function reportOf(
  settings: { readonly seed: number; readonly mode: CheckMode },
  rows: { readonly results: readonly ClaimResult[]; readonly errors: readonly SpecError[] },
  durationsMs: Readonly<Record<string, number>>,
): RunReport {
  const { results, errors } = rows;
  const counted = { summary: summarize(results, errors), scores: scoresOf(results) };
  return { seed: settings.seed, mode: settings.mode, results, errors, ...counted, durationsMs };
}
