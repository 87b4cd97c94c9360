/**
 * Told how far the finite differences of the trial running have got: `done` of its `total`
 * entries, and the evaluations of expressions the claim has made so far (every thread's).
 */
export type Tick = (done: number, total: number, evaluations: number) => void;

/**
 * A listener to the claim being checked, for a live display. The engine holds null when no one
 * listens, so that its loops over entries cost one comparison and read no clock.
 */
export interface ClaimProgress {
  /** Before each trial: its place among the trials run (1-based), of how many, and the evaluations so far. */
  readonly trial: (index: number, of: number, evaluations: number) => void;
  readonly tick: Tick;
}
