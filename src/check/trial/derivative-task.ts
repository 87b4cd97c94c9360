import type { Mat } from '../../linalg/mat.js';
import type { KinkTrace } from '../../expr/kink-trace.js';
import { type Attempt, attempt } from '../../errors.js';
import type { Objective } from '../../numeric/finite-diff.js';
import type { Convention, Expression, Identity } from '../../spec-file/identity.js';
import type { Layout } from '../kinds/layout.js';
import type { Tick } from '../plan/claim-progress.js';
import type { Criterion } from './judge.js';
import type { Draw } from './draw.js';
import { scopeOf } from './scope.js';

/** One trial of a derivative claim (gradient, jacobian, backprop), in full or fast mode. */
export interface DerivativeTask {
  readonly identity: Identity;
  readonly draw: Draw;
  /** f as a function of wrt; for backprop the loss sum(G .* f). */
  readonly objective: Objective;
  /** The kinks f passes through at the draw: every perturbed evaluation must pass the same. */
  readonly baseTrace: KinkTrace;
  /** f at the draw: its shape sets the shape of a jacobian. */
  readonly f0: Mat;
  /** f's source, for workers that rebuild the objective. */
  readonly f: Expression;
  readonly expect: Expression;
  readonly wrt: string;
  /** A backprop claim's upstream array G and the name expect reads it by, or null. */
  readonly upstream: { readonly name: string; readonly value: Mat } | null;
  readonly layout: Layout;
  /** A gradient's convention for a square wrt. */
  readonly convention: Convention;
  /** Threads that may share the partials (full mode). */
  readonly workers: number;
  /** Told after each partial (full mode), or null. */
  readonly tick: Tick | null;
  /** How the claim is judged (see fullTrial). */
  readonly criterion: Criterion;
}

/** expect at the draw (with the upstream array in scope), or the domain error that stopped it. */
export function evaluateExpect(task: DerivativeTask): Attempt<Mat> {
  return attempt('expect', () => {
    // The upstream is in scope before the `where` values, which may read it.
    const scope = scopeOf(task.identity, task.draw, null, task.upstream);
    return task.expect.evaluate(scope, null);
  });
}
