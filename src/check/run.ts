import type { Identity } from '../spec-file/identity.js';
import { now } from '../clock.js';
import { checkClaim, type ClaimSettings } from './check-claim.js';
import { type ClaimResult } from './result/claim-result.js';
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

/** Told before each claim runs, for progress displays. */
export type OnProgress = (done: number, total: number, row: string) => void;

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
  const results: ClaimResult[] = [];
  const durationsMs: Record<string, number> = {};
  for (const { identity, claim } of selected) {
    onProgress(results.length, selected.length, claim.row);
    const started = now();
    const result =
      'complete' in claim ? openClaimRow(identity, claim, settings.tolerance) : checkClaim(identity, claim, settings);
    durationsMs[claim.row] = now() - started;
    results.push(result);
    if (settings.bail && result.status !== 'pass') break;
  }
  const errors = [...specErrors, ...capped.errors].filter((e) => inShard(e.file, settings.shard));
  return reportOf(settings, { results, errors }, durationsMs);
}
