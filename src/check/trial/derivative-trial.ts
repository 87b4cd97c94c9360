import type { Mat } from '../../linalg/mat.js';
import { KinkTrace } from '../../expr/kink-trace.js';
import { attempt } from '../../errors.js';
import { drawSample } from '../../numeric/samplers.js';
import type { Convention, Expression } from '../../spec-file/identity.js';
import type { TrialContext } from '../kinds/claim-kind.js';
import type { Layout } from '../kinds/layout.js';
import type { DerivativeTask } from './derivative-task.js';
import { fullTrial } from './full-trial.js';
import { objectiveOf } from './objective.js';
import type { TrialOutcome } from './outcome.js';
import { probeTrial } from './probe-trial.js';
import { whereNeeded } from './scope.js';

/** What a derivative kind says of its claim: what to differentiate, and how to lay it out. */
export interface DerivativeClaim {
  readonly f: Expression;
  readonly wrt: string;
  readonly expect: Expression;
  readonly layout: Layout;
  /** The name of a backprop claim's upstream array, or null. */
  readonly upstream: string | null;
  /** How a gradient counts the entries of a square wrt ('independent' for every other kind). */
  readonly convention: Convention;
  /** Why f's value at the draw (wrt being x0) cannot be differentiated this way, or null. */
  readonly refuse: (f0: Mat, x0: Mat) => string | null;
}

/**
 * One trial of a derivative claim: f at the draw (and the kinks it passes through), the kind's
 * check of its value, a backprop claim's random upstream array G of f's shape, then the reference
 * by central differences along every entry (full mode) or along random directions (fast mode).
 */
export function derivativeTrial(ctx: TrialContext, claim: DerivativeClaim): TrialOutcome {
  const { identity, draw, rng, mode } = ctx;
  // Every evaluation of f computes the where values f reads, and only those (as workers do).
  const parts = {
    identity: { where: whereNeeded(identity.where, claim.f.names) },
    f: claim.f.evaluate,
    draw,
    wrt: claim.wrt,
  };
  const objective = objectiveOf({ ...parts, upstream: null });
  const baseTrace = new KinkTrace();
  const x0 = draw.vars.get(claim.wrt)!;
  const f0 = attempt('f', () => objective(x0, baseTrace));
  if (!f0.ok) return { type: 'error', message: f0.message };
  const refused = claim.refuse(f0.value, x0);
  if (refused !== null) return { type: 'error', message: refused };
  const g = claim.upstream === null ? null : drawSample('normal', f0.value.rows, f0.value.cols, rng);
  const task: DerivativeTask = {
    identity,
    draw,
    objective: g === null ? objective : objectiveOf({ ...parts, upstream: g }),
    baseTrace,
    f0: f0.value,
    f: claim.f,
    expect: claim.expect,
    wrt: claim.wrt,
    upstream: g === null ? null : { name: claim.upstream!, value: g },
    layout: claim.layout,
    convention: claim.convention,
    workers: ctx.workers,
    tick: ctx.tick,
    criterion: ctx.criterion,
  };
  const outcome = mode.name === 'fast' ? probeTrial(task, mode.probes, rng) : fullTrial(task);
  // G is drawn here, not with the inputs: the outcome keeps it so that explain can show it.
  const { upstream } = task;
  if (upstream === null || (outcome.type !== 'compare' && outcome.type !== 'shape')) return outcome;
  return { ...outcome, upstream };
}
