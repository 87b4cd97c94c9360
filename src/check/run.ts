import type { Identity } from '../spec-file/identity.js';
import { now } from '../clock.js';
import { checkClaim, type ClaimSettings } from './check-claim.js';
import { type ClaimResult, rowIdentity } from './result/claim-result.js';
import type { ClaimProgress } from './plan/claim-progress.js';
import type { CheckMode } from './plan/mode.js';
import { type RunReport, type SpecError, reportOf } from './result/run-report.js';
import { openClaimRow } from './result/open-row.js';
import { inShard, isSelected, type Selection } from './select.js';
import { capTolerances, type ToleranceCap } from './tolerance-cap.js';

/** Options of a run, all given. */
export interface RunSettings extends ClaimSettings, Selection {
  /** Stop after the first claim that does not pass. */
  readonly bail: boolean;
  /** Worker threads that share the finite differences of a large claim; 0 keeps everything in this thread. */
  readonly workers: number;
  /** The loosest tolerance a spec may set for itself; a looser one is a spec error. */
  readonly maxTolerance: ToleranceCap;
}

/** What a run will report, known before its first claim: enough to lay its rows out. */
export interface RunOutline {
  readonly seed: number;
  readonly mode: CheckMode;
  /** The rows of the selected claims, in the order they run (a bail may stop before the last). */
  readonly rows: readonly Pick<ClaimResult, 'row' | 'submission' | 'sources'>[];
  /** The spec errors the report will list. */
  readonly errors: readonly SpecError[];
}

/**
 * Told before each claim runs, for live displays: how many are done, of how many, and the row
 * about to run. A display may also hear the run's outline before its first claim (`start`), how
 * far the claim running has got (`claim`; without it the engine's loops skip the telling), and
 * each row as soon as its claim is checked (`result`).
 */
export interface OnProgress {
  (done: number, total: number, row: string): void;
  readonly start?: (outline: RunOutline) => void;
  readonly claim?: ClaimProgress;
  readonly result?: (result: ClaimResult) => void;
}

/**
 * Checks every selected claim of every identity and gathers the rows and the spec errors (those
 * of the shard) into a report. Each claim draws from its own generator, so the report does not
 * depend on which other identities are in the run, in what order, or in which shard.
 */
export function runIdentities(
  identities: readonly Identity[],
  specErrors: readonly SpecError[],
  settings: RunSettings,
  onProgress: OnProgress = () => {},
): RunReport {
  const capped = capTolerances(identities, settings.maxTolerance);
  // Claims in the order their specs list them; a question's open claims among the others.
  const selected = capped.kept.flatMap((identity) =>
    [...identity.claims, ...identity.open]
      .filter((c) => isSelected(c, settings))
      .sort((a, b) => a.index - b.index)
      .map((claim) => ({ identity, claim })),
  );
  const errors = [...specErrors, ...capped.errors].filter((e) => inShard(e.file, settings.shard));
  // The rows are listed only for a display that asks (an optional call skips its argument).
  onProgress.start?.({
    seed: settings.seed,
    mode: settings.mode,
    rows: selected.map(({ identity, claim }) => rowIdentity(identity, claim)),
    errors,
  });
  const results: ClaimResult[] = [];
  const durationsMs: Record<string, number> = {};
  for (const { identity, claim } of selected) {
    onProgress(results.length, selected.length, claim.row);
    const started = now();
    const result =
      'complete' in claim
        ? openClaimRow(identity, claim, settings.tolerance)
        : checkClaim(identity, claim, settings, onProgress.claim ?? null);
    durationsMs[claim.row] = now() - started;
    results.push(result);
    onProgress.result?.(result);
    if (settings.bail && result.status !== 'pass') break;
  }
  return reportOf(settings, { results, errors }, durationsMs);
}
