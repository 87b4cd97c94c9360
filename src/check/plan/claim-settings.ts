import type { Tolerance } from '../../numeric/closeness.js';
import type { Limits } from '../../limits.js';
import type { CheckMode } from './mode.js';

/** Trials per claim when neither the spec nor the run says: five independent draws (and dims). */
export const DEFAULT_TRIALS = 5;

/** Most trials a run may ask for (flag or config): a million draws of a small claim take minutes. */
export const MAX_RUN_TRIALS = 100_000;

/** What a run passes down to each claim. */
export interface ClaimSettings {
  readonly seed: number;
  /** Overrides the spec's `trials` when not null. */
  readonly trials: number | null;
  /** The run's tolerance; a spec's own `tolerance` takes precedence. */
  readonly tolerance: Tolerance;
  /** Run only this (1-based) trial, to replay a failure; null runs them all. */
  readonly trial: number | null;
  /** Dims values that replace the drawn ones. */
  readonly dims: ReadonlyMap<string, number>;
  /** On a failure, look for a hint, estimate the noise and shrink the dims. */
  readonly diagnose: boolean;
  /** Time, evaluation and size limits of each claim. */
  readonly limits: Limits;
  /** Full (every entry) or fast (random projections) derivative checks. */
  readonly mode: CheckMode;
  /**
   * Threads that share the partial derivatives of a large claim; 0 runs everything in-process.
   * Threads start only where the CLI has named the script they run (see worker-pool.ts).
   */
  readonly workers: number;
}
