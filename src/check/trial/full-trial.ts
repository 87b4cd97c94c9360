import { type Attempt, attempt } from '../../errors.js';
import type { Mat } from '../../linalg/mat.js';
import { firstNonFinite } from '../../numeric/closeness.js';
import { type Partials, type StencilName, partialAt, scratchCopy, stencilNoise } from '../../numeric/finite-diff.js';
import { undecidedEntries } from './first-pass.js';
import { toleranceFor } from './judge.js';
import { type Shapes, assemble, coordinateOf, referenceName } from '../kinds/layout.js';
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

/** The value of wrt at the draw: where the partials are taken. */
const wrtOf = (task: DerivativeTask): Mat => task.draw.vars.get(task.wrt)!;

/** The shapes of wrt and of f, which place a partial's entries in the laid-out derivative. */
const shapesOf = (task: DerivativeTask): Shapes => {
  const x0 = wrtOf(task);
  return { x: [x0.rows, x0.cols], f: [task.f0.rows, task.f0.cols] };
};

/** Partials laid out as the claim's layout and convention say. */
const layOut = (task: DerivativeTask, partials: readonly Mat[]): Mat =>
  applyConvention(assemble(partials, wrtOf(task), task.layout), task.convention);

/** The partials of an attempt laid out, or null for a kink. */
function laidOut(task: DerivativeTask, partials: Attempt<Partials>): Attempt<Mat | null> {
  if (!partials.ok) return partials;
  return { ok: true, value: partials.value.ok ? layOut(task, partials.value.partials) : null };
}

/**
 * The partials of every entry of wrt by the named stencil, shared with workers when that takes
 * long. Only the first pass tells the progress display: a second one would count the entries again.
 */
function allPartials(task: DerivativeTask, stencil: StencilName): Attempt<Partials> {
  const { objective, baseTrace, workers } = task;
  const tick = stencil === 'two-point' ? task.tick : null;
  return attempt('f near the draw', () =>
    partialsOf({ objective, x0: wrtOf(task), baseTrace, source: sourceOf(task), workers, tick, stencil }),
  );
}

/**
 * The partials again, fourth order, where the first pass left entries undecided: those entries
 * alone when they are few, else all of them (shared with workers, exactly as a run without a
 * first pass takes them).
 */
function refined(task: DerivativeTask, first: readonly Mat[], undecided: readonly number[]): Attempt<Partials> {
  if (undecided.length > first.length / 2) return allPartials(task, 'fourth-order');
  const probe = scratchCopy(wrtOf(task));
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
 * The numeric derivative, laid out (null for a kink): a second-order first pass over every entry
 * (half the evaluations), then the fourth-order stencil for each entry the first pass could not
 * decide by a wide margin against `analytic` (see first-pass.ts). A correct claim costs two
 * evaluations an entry; a wrong one gets, at its failing entries, the very values it got before
 * there was a first pass, and its noise estimate there. With no analytic (expect failed), or of
 * another shape, the first pass is all there is to compare.
 */
function numericOf(task: DerivativeTask, analytic: Mat | null): Attempt<Mat | null> {
  const first = allPartials(task, 'two-point');
  if (!first.ok || !first.value.ok || analytic === null) return laidOut(task, first);
  const numeric = layOut(task, first.value.partials);
  if (analytic.rows !== numeric.rows || analytic.cols !== numeric.cols) return { ok: true, value: numeric };
  if (firstNonFinite(numeric) !== null) return laidOut(task, allPartials(task, 'fourth-order'));
  const tolerance = toleranceFor(task.criterion, analytic, numeric);
  const undecided = undecidedEntries(analytic, numeric, tolerance, { ...task, shapes: shapesOf(task) });
  if (undecided.length === 0) return { ok: true, value: numeric };
  return laidOut(task, refined(task, first.value.partials, undecided));
}

/**
 * A full-mode trial: the partial derivative along every entry of wrt (shared with workers when
 * that takes long, and taken twice where a first pass cannot decide; see numericOf), laid out as
 * the claim's layout says, against expect entry by entry. The noise of an entry is estimated only
 * when a comparison needs it.
 */
export function fullTrial(task: DerivativeTask): TrialOutcome {
  const x0 = wrtOf(task);
  // expect first: where the first pass cannot decide is a comparison with it.
  const analytic = evaluateExpect(task);
  const numeric = numericOf(task, analytic.ok ? analytic.value : null);
  if (!numeric.ok) return { type: 'error', message: numeric.message };
  if (numeric.value === null) return { type: 'kink' };
  if (!analytic.ok) return { type: 'fail', message: analytic.message };
  const shapes = shapesOf(task);
  const noise: NoiseAt = ([i, j]) => {
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
  return finish({ analytic: analytic.value, numeric: numeric.value, probes: false }, noise, labels);
}
