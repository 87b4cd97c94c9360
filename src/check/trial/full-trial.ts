import { attempt } from '../../errors.js';
import { stencilNoise } from '../../numeric/finite-diff.js';
import { assemble, coordinateOf, referenceName } from '../kinds/layout.js';
import { partialsOf } from '../parallel/parallel-partials.js';
import { type ObjectiveSource, plainDraw, toPlain } from '../parallel/partials-task.js';
import type { DerivativeTask } from './derivative-task.js';
import { evaluateExpect } from './derivative-task.js';
import { whereNeeded } from './scope.js';
import { applyConvention, conventionSources } from '../kinds/convention.js';
import { type NoiseAt, type TrialOutcome, finish } from './outcome.js';

/** How a worker rebuilds the objective of a task: its sources, the draw and the upstream array. */
function sourceOf(task: DerivativeTask): () => ObjectiveSource {
  const { identity, draw, upstream } = task;
  return () => ({
    where: whereNeeded(identity.where, task.f.names).map((w) => ({ name: w.name, source: w.expr.source })),
    f: task.f.source,
    names: [...identity.vars.map((v) => v.name), ...identity.dims.map((d) => d.name)],
    wrt: task.wrt,
    ...plainDraw(draw),
    upstream: upstream === null ? null : toPlain(upstream.value),
  });
}

/**
 * A full-mode trial: the partial derivative along every entry of wrt (shared with workers when
 * that takes long), laid out as the claim's layout says, against expect entry by entry. The noise
 * of an entry is estimated only when a comparison needs it.
 */
export function fullTrial(task: DerivativeTask): TrialOutcome {
  const x0 = task.draw.vars.get(task.wrt)!;
  const partials = attempt('f near the draw', () =>
    partialsOf({
      objective: task.objective,
      x0,
      baseTrace: task.baseTrace,
      source: sourceOf(task),
      workers: task.workers,
      tick: task.tick,
    }),
  );
  if (!partials.ok) return { type: 'error', message: partials.message };
  if (!partials.value.ok) return { type: 'kink' };
  const numeric = applyConvention(assemble(partials.value.partials, x0, task.layout), task.convention);
  const analytic = evaluateExpect(task);
  if (!analytic.ok) return { type: 'fail', message: analytic.message };
  const noise: NoiseAt = ([i, j]) => {
    const shapes = { x: [x0.rows, x0.cols], f: [task.f0.rows, task.f0.cols] } as const;
    // Under a convention an entry adds its mirror's partial: so do their noises.
    let total = 0;
    for (const at of conventionSources(task.convention, [i - 1, j - 1])) {
      const [k, out] = coordinateOf(task.layout, at, shapes);
      const one = stencilNoise(task.objective, x0, { k, out }, task.baseTrace);
      if (one === null) return null;
      total += one;
    }
    return total;
  };
  const labels = {
    analytic: 'expect',
    target: referenceName(task.layout, task.wrt, true),
    numeric: 'the numeric derivative',
  };
  return finish({ analytic: analytic.value, numeric, probes: false }, noise, labels);
}
