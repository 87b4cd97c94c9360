import type { Mat } from '../../linalg/mat.js';
import { arith } from '../../linalg/elementwise.js';
import { sum } from '../../linalg/reduce.js';
import type { Evaluator } from '../../expr/compile.js';
import type { Objective } from '../../numeric/finite-diff.js';
import type { Draw } from './draw.js';
import { type WhereValues, scopeMaker } from './scope.js';

/** What an objective is built from: the `where` values, f, the draw, the var and an upstream array. */
export interface ObjectiveParts {
  readonly identity: WhereValues;
  readonly f: Evaluator;
  readonly draw: Draw;
  readonly wrt: string;
  /** The upstream array G of a backprop claim, or null. */
  readonly upstream: Mat | null;
}

/**
 * f as a function of the var `wrt`, the other vars held at the draw and the `where` values
 * recomputed from the perturbed one; with an upstream array G, the loss sum(G .* f) of a backprop
 * claim. The one definition used in the main thread and in workers, so both compute the same
 * numbers.
 */
export function objectiveOf({ identity, f, draw, wrt, upstream }: ObjectiveParts): Objective {
  const scopes = scopeMaker(identity, draw);
  const objective: Objective = (x, trace) => f(scopes([[wrt, x]], trace), trace);
  if (upstream === null) return objective;
  return (x, trace) => sum(arith(upstream, objective(x, trace), 'mul', '.*'));
}
