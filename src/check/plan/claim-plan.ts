import { DEFAULT_ATOL, type Tolerance } from '../../numeric/closeness.js';
import type { Criterion } from '../trial/judge.js';
import type { Limits } from '../../limits.js';
import type { Claim, Identity } from '../../spec-file/identity.js';
import type { DrawOptions } from '../trial/draw.js';
import { type ClaimSettings, DEFAULT_TRIALS } from './claim-settings.js';
import type { ClaimProgress } from './claim-progress.js';

/**
 * Everything the check of one claim depends on, decided once: the claim, the seed, which trials
 * run out of how many, the tolerance, how the trials are drawn, the limits. The check, the
 * diagnosis (hints, shrinking) and explain all work from it; a diagnosis that tries a variant
 * (symmetric inputs, other dims) copies it with other draw options.
 */
export interface ClaimPlan {
  readonly identity: Identity;
  readonly claim: Claim;
  readonly seed: number;
  /** The 1-based trials to run, in order. */
  readonly trials: readonly number[];
  /** How many trials the claim has in all (messages say `trial 2 of 5`). */
  readonly total: number;
  /** The spec's own tolerance where it sets one, else the run's. */
  readonly tolerance: Tolerance;
  /** The tolerance, and whether its atol was chosen (spec, config, flag) or is the default. */
  readonly criterion: Criterion;
  readonly draw: DrawOptions;
  readonly limits: Limits;
  /** Threads that may share a large claim's partials (0: in-process). */
  readonly workers: number;
  /** Notes on the plan the row carries (a spec tolerance looser than the run's). */
  readonly notes: readonly string[];
  /** Who is told how far the trials have got, or null (a diagnosis, explain, no live display). */
  readonly progress: ClaimProgress | null;
}

/**
 * A note when the claim's or spec's own tolerance differs from the run's, so every report shows it: looser
 * (it passes more than the run asks) or tighter.
 */
function looseness(own: Identity['tolerance'], run: Tolerance): string[] {
  const differ = (['rtol', 'atol'] as const).filter((k) => own[k] !== null && own[k] !== run[k]);
  if (differ.length === 0) return [];
  const show = (t: { rtol?: number | null; atol?: number | null }): string =>
    differ.map((k) => `${k} ${t[k]!.toExponential(0)}`).join(', ');
  const looser = differ.some((k) => own[k]! > run[k]);
  return [`the spec's own tolerance (${show(own)}) is ${looser ? 'looser' : 'tighter'} than the run's (${show(run)})`];
}

/** The plan of a claim under a run's settings: trials from the run, else the claim, else the spec, else 5. */
export function planClaim(identity: Identity, claim: Claim, settings: ClaimSettings): ClaimPlan {
  const total = settings.trials ?? claim.trials ?? identity.trials ?? DEFAULT_TRIALS;
  // The claim's own tolerance, else the spec's, else the run's.
  const own = {
    rtol: claim.tolerance.rtol ?? identity.tolerance.rtol,
    atol: claim.tolerance.atol ?? identity.tolerance.atol,
  };
  const tolerance = { rtol: own.rtol ?? settings.tolerance.rtol, atol: own.atol ?? settings.tolerance.atol };
  return {
    identity,
    claim,
    seed: settings.seed,
    trials: settings.trial !== null ? [settings.trial] : Array.from({ length: total }, (_, i) => i + 1),
    total: Math.max(total, settings.trial ?? 0),
    tolerance,
    criterion: { tolerance, atolChosen: own.atol !== null || settings.tolerance.atol !== DEFAULT_ATOL },
    draw: { dims: settings.dims, symmetric: false, mode: settings.mode },
    limits: settings.limits,
    workers: settings.workers,
    notes: looseness(own, settings.tolerance),
    progress: null,
  };
}
