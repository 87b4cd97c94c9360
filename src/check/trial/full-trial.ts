import { type Attempt, attempt } from '../../errors.js';
import type { Mat } from '../../linalg/mat.js';
import { firstNonFinite } from '../../numeric/closeness.js';
import { type Partials, type StencilName, partialAt, scratchCopy, stencilNoise } from '../../numeric/finite-diff.js';
import { undecidedEntries } from './first-pass.js';
import { toleranceFor } from './judge.js';
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
 * The partials of every entry of wrt by the named stencil, shared with workers when that takes
 * long. Only the first pass tells the progress display: a second one would count the entries again.
 */
function allPartials(task: DerivativeTask, stencil: StencilName) {
  const x0 = task.draw.vars.get(task.wrt)!;
  const { objective, baseTrace, workers } = task;
  const tick = stencil === 'two-point' ? task.tick : null;
  return attempt('f near the draw', () =>
    partialsOf({ objective, x0, baseTrace, source: sourceOf(task), workers, tick, stencil }),
  );
}

/**
 * The partials again, fourth order, where the first pass left entries undecided: those entries
 * alone when they are few, else all of them (shared with workers, exactly as a run without a
 * first pass takes them).
 */
function refined(task: DerivativeTask, first: readonly Mat[], undecided: readonly number[]) {
  if (undecided.length > first.length / 2) return allPartials(task, 'fourth-order');
  const probe = scratchCopy(task.draw.vars.get(task.wrt)!);
  return attempt('f near the draw', (): Partials => {
    const partials = [...first];
    for (const k of undecided) {
      const d = partialAt(task.objective, { probe, k }, task.baseTrace);
      if (d === null) return { ok: false, kinkAt: k };
      partials[k] = d;
    }
    return { ok: true, partials };
  });
}

/**
 * The numeric derivative, laid out: a second-order first pass over every entry (half the
 * evaluations), then the fourth-order stencil for each entry the first pass could not decide by
 * a wide margin against `analytic` (see first-pass.ts). A correct claim costs two evaluations an
 * entry; a wrong one gets, at its failing entries, the very values it got before there was a
 * first pass, and its noise estimate there. Null analytic (expect failed): the fourth order alone.
 */
function numericOf(task: DerivativeTask, analytic: Mat | null): Attempt<Partials> {
  const x0 = task.draw.vars.get(task.wrt)!;
  const first = allPartials(task, 'two-point');
  if (!first.ok || !first.value.ok || analytic === null) return first;
  const numeric = applyConvention(assemble(first.value.partials, x0, task.layout), task.convention);
  if (analytic.rows !== numeric.rows || analytic.cols !== numeric.cols) return first;
  if (firstNonFinite(numeric) !== null) return allPartials(task, 'fourth-order');
  const shapes = { x: [x0.rows, x0.cols], f: [task.f0.rows, task.f0.cols] } as const;
  const tolerance = toleranceFor(task.criterion, analytic, numeric);
  const undecided = undecidedEntries(analytic, numeric, tolerance, { ...task, shapes });
  return undecided.length === 0 ? first : refined(task, first.value.partials, undecided);
}

/**
 * A full-mode trial: the partial derivative along every entry of wrt (shared with workers when
 * that takes long, and taken twice where a first pass cannot decide; see numericOf), laid out as
 * the claim's layout says, against expect entry by entry. The noise of an entry is estimated only
 * when a comparison needs it.
 */
export function fullTrial(task: DerivativeTask): TrialOutcome {
  const x0 = task.draw.vars.get(task.wrt)!;
  // expect first: where the first pass cannot decide is a comparison with it.
  const analytic = evaluateExpect(task);
  const partials = numericOf(task, analytic.ok ? analytic.value : null);
  if (!partials.ok) return { type: 'error', message: partials.message };
  if (!partials.value.ok) return { type: 'kink' };
  const numeric = applyConvention(assemble(partials.value.partials, x0, task.layout), task.convention);
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
