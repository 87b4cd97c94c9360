import { withBudget } from '../../budget.js';
import { withinLimits } from '../../errors.js';
import type { ClaimPlan } from '../plan/claim-plan.js';
import type { Failure } from '../result/claim-result.js';
import type { TrialsRun } from '../trial/run-trials.js';
import { findHint } from './hints.js';
import { shrinkDims } from './shrink.js';

/** The parts of a failure the diagnosis adds. */
export type Diagnosis = Pick<Failure, 'hint' | 'noise' | 'shrunk'>;

const NO_DIAGNOSIS: Diagnosis = { hint: null, noise: null, shrunk: null };

/** The diagnosis of a failed run: hint, noise at the worst entry, smaller failing dims. */
function diagnose(plan: ClaimPlan, run: TrialsRun): Diagnosis {
  const outcome = run.failed!.outcome;
  const noise = outcome.type === 'compare' && run.worst !== null ? outcome.noise(run.worst.index) : null;
  const hint = findHint(plan, run);
  // Fixed dims (a replay of a shrunk case) are not shrunk again.
  const shrunk = plan.draw.dims.size > 0 ? null : shrinkDims(plan, run.failed!.draw.dims);
  return { hint, noise, shrunk: shrunk && { dims: Object.fromEntries(shrunk.dims), trial: shrunk.trial } };
}

/** The diagnosis under its own budget: running out of it leaves the failure undiagnosed, not wrong. */
export function diagnoseWithin(plan: ClaimPlan, run: TrialsRun): Diagnosis {
  const done = withinLimits(() => withBudget(plan.limits, () => diagnose(plan, run)));
  return done.ok ? done.value : NO_DIAGNOSIS;
}
