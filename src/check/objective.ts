import type { Mat } from '../linalg/mat.js';
import { arith } from '../linalg/elementwise.js';
import { sum } from '../linalg/reduce.js';
import type { Evaluator } from '../expr/compile.js';
import type { Objective } from '../numeric/finite-diff.js';
import { type Draw, type WhereValues, scopeMaker } from './draw.js';

/**
 * f as a function of the var `wrt`, the other vars held at the draw and the `where` values
 * recomputed from the perturbed one; with an upstream array G, the loss sum(G .* f) of a backprop
 * claim. The one definition used in the main thread and in workers, so both compute the same
 * numbers.
 */
export function objectiveOf(
  identity: WhereValues,
  f: Evaluator,
  draw: Draw,
  wrt: string,
  upstream: Mat | null,
): Objective {
  const scopes = scopeMaker(identity, draw);
  const objective: Objective = (x, trace) => f(scopes(wrt, x, trace), trace);
  if (upstream === null) return objective;
  return (x, trace) => sum(arith(upstream, objective(x, trace), 'mul', '.*'));
}
