import { choose } from '../linalg/elementwise.js';
import { pollBudget } from '../budget.js';
import type { Evaluator } from './compile.js';

/**
 * `c ? a : b`, entrywise (see {@link choose}). The condition's pattern is recorded as a kink: a
 * finite-difference step that flips it crosses the switch, where the choice is not differentiable.
 */
export function compileConditional(c: Evaluator, a: Evaluator, b: Evaluator): Evaluator {
  return (scope, trace) => {
    const cond = c(scope, trace);
    trace?.record(cond);
    const [x, y] = [a(scope, trace), b(scope, trace)];
    pollBudget(cond.re.length + x.re.length + y.re.length);
    return choose(cond, x, y);
  };
}
