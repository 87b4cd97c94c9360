import { type Mat, zeros } from '../../linalg/mat.js';
import { compareArrays } from '../../numeric/closeness.js';
import { type Criterion, toleranceFor } from '../trial/judge.js';
import type { TrialRecord } from '../trial/run-trials.js';

// The analytic and numeric values of a claim's trials, and the comparisons hints make of them.

/** The analytic and numeric values of one trial, whatever their shapes. */
export interface Pair {
  readonly analytic: Mat;
  readonly numeric: Mat;
  /** What each row is, for a differential's directions. */
  readonly rowLabels?: readonly string[];
}

/** The pairs of the trials, or null when one trial has none (an error, a noisy draw). */
export function pairsOf(records: readonly TrialRecord[]): Pair[] | null {
  const pairs: Pair[] = [];
  for (const { outcome } of records) {
    if (outcome.type !== 'compare' && outcome.type !== 'shape') return null;
    pairs.push(outcome);
  }
  return pairs;
}

/** True when `alter(analytic)` matches the numeric value on every trial, at the verdict's tolerance. */
export function matchesEvery(pairs: readonly Pair[], criterion: Criterion, alter: (a: Mat, k: number) => Mat): boolean {
  return pairs.every((p, k) => {
    const a = alter(p.analytic, k);
    if (a.rows !== p.numeric.rows || a.cols !== p.numeric.cols) return false;
    return compareArrays(a, p.numeric, toleranceFor(criterion, a, p.numeric)).passed;
  });
}

/** `c · a`. */
export function scaled(a: Mat, c: number): Mat {
  const out = zeros(a.rows, a.cols);
  for (let k = 0; k < a.re.length; k++) out.re[k] = c * a.re[k]!;
  return out;
}

/** The least-squares factor c minimising ‖c·a − n‖, or null for a zero analytic value. */
export function fittedFactor(p: Pair): number | null {
  if (p.analytic.rows !== p.numeric.rows || p.analytic.cols !== p.numeric.cols || p.analytic.im || p.numeric.im)
    return null;
  let an = 0,
    aa = 0;
  for (let k = 0; k < p.analytic.re.length; k++) {
    an += p.analytic.re[k]! * p.numeric.re[k]!;
    aa += p.analytic.re[k]! ** 2;
  }
  return aa > 0 ? an / aa : null;
}

/** A factor as a reader would write it: 2, 1/2, -3/4, or four significant digits. */
export function formatFactor(c: number): string {
  for (let q = 1; q <= 12; q++) {
    const p = Math.round(c * q);
    if (p !== 0 && Math.abs(c - p / q) <= 1e-6 * Math.abs(c)) return q === 1 ? String(p) : `${p}/${q}`;
  }
  return c.toPrecision(4);
}
