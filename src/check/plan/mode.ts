/**
 * How a derivative claim's reference is measured. `full` takes central differences along every
 * entry of wrt and compares every entry. `fast` takes them along a few random directions v and
 * compares the projections ⟨expect, v⟩ (u'·J·v for a jacobian): a handful of evaluations instead
 * of four per entry, at the price that an error orthogonal to the probes can go unseen.
 */
export type CheckMode = { readonly name: 'full' } | { readonly name: 'fast'; readonly probes: number };

/** The default mode: every entry is checked. */
export const FULL_MODE: CheckMode = { name: 'full' };

/**
 * Probes of fast mode when the run does not say. One random direction already catches almost any
 * wrong formula (the error would have to be orthogonal to it); three make a miss by chance
 * negligible for an error of more than a few entries, at twelve evaluations per trial.
 */
export const DEFAULT_PROBES = 3;

/** Most probes a run may ask for: past a few hundred, full mode is the cheaper way to be thorough. */
export const MAX_PROBES = 1000;

/** `full`, or `fast (3 probes)`, as reports print it. */
export function describeMode(mode: CheckMode): string {
  return mode.name === 'full' ? 'full' : `fast (${mode.probes} probe${mode.probes === 1 ? '' : 's'})`;
}
