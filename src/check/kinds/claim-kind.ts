import type { Criterion } from '../trial/judge.js';
import type { Mat } from '../../linalg/mat.js';
import type { Rng } from '../../numeric/rng.js';
import type { Claim, Expression, Identity } from '../../spec-file/identity.js';
import type { CheckMode } from '../plan/mode.js';
import type { Tick } from '../plan/claim-progress.js';
import type { Draw } from '../trial/draw.js';
import type { TrialOutcome } from '../trial/outcome.js';

/** What one trial of any kind runs on. */
export interface TrialContext {
  readonly identity: Identity;
  readonly draw: Draw;
  /** Supplies a backprop claim's upstream array and the directions of fast mode. */
  readonly rng: Rng;
  readonly mode: CheckMode;
  /** Threads that may share the partials of a full-mode trial. */
  readonly workers: number;
  /** Told after each finite-difference entry of a full-mode trial, or null when no one listens. */
  readonly tick: Tick | null;
  /** How the claim is judged: a full-mode trial takes again, more exactly, what its first pass cannot decide. */
  readonly criterion: Criterion;
}

/**
 * A claim kind: everything the engine needs to know about `equal`, `gradient`, `jacobian` or
 * `backprop` claims, in one module each. Adding a kind is adding a module that implements this and
 * registering it in kinds.ts; the trials, the judge, the diagnosis and the reporters work from it.
 */
export interface ClaimKind<C extends Claim = Claim> {
  readonly name: C['kind'];
  /** The two sides as messages name them: the claimed one and the reference (`expect`, `numeric`). */
  readonly sides: readonly [claimed: string, reference: string];
  /** The reference in a constant-factor hint: `the numeric gradient is 2 × expect`. */
  readonly referenceName: string;
  /** The expressions the claim reads, for the names it depends on. */
  expressions(claim: C): readonly Expression[];
  /** One trial on a draw: the claimed value and its reference, or why there is none. */
  trial(claim: C, ctx: TrialContext): TrialOutcome;
  /** The hint when the claimed side, transposed, matches on every trial. */
  transposeHint(claim: C): string;
  /** Near misses of this kind besides transpose, sign and factor, tried on the same trials. */
  readonly alterations?: readonly Alteration<C>[];
}

/** A near miss a hint can name: the claimed side altered, and what to say when that matches. */
export interface Alteration<C extends Claim> {
  /** Whether it can apply to this claim at all. */
  applies(claim: C): boolean;
  alter(analytic: Mat): Mat;
  says(claim: C): string;
}
