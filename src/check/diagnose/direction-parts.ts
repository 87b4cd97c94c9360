import type { Mat } from '../../linalg/mat.js';
import { compareArrays, type Tolerance } from '../../numeric/closeness.js';

/** One trial of a differential: both sides, a row per direction, and what each row's direction is. */
export interface DirectionRows {
  readonly analytic: Mat;
  readonly numeric: Mat;
  readonly rowLabels: readonly string[];
}

/** The direction name a row moves alone (`along dX = E(1,2) ...` → dX); null for a random one. */
function soleDirection(label: string): string | null {
  return /^along (d\w+) = /.exec(label)?.[1] ?? null;
}

/** Whether row p of the trial agrees at the tolerance. */
function rowAgrees(t: DirectionRows, p: number, tolerance: (a: Mat, n: Mat) => Tolerance): boolean {
  const row = (m: Mat): Mat => ({ rows: 1, cols: m.cols, re: m.re.subarray(p * m.cols, (p + 1) * m.cols), im: null });
  const [a, n] = [row(t.analytic), row(t.numeric)];
  return compareArrays(a, n, tolerance(a, n)).passed;
}

/**
 * For a differential in several vars: the terms of the vars whose own directions agree on every
 * trial, and of those whose directions do not, when there are both; a term of the product rule is
 * then missing or wrong. Null otherwise (all agree, none do, or one var only).
 */
export function directionParts(
  trials: readonly DirectionRows[],
  tolerance: (a: Mat, n: Mat) => Tolerance,
): { readonly right: string[]; readonly wrong: string[] } | null {
  const agrees = new Map<string, boolean>();
  for (const t of trials) {
    t.rowLabels.forEach((label, p) => {
      const d = soleDirection(label);
      if (d !== null) agrees.set(d, (agrees.get(d) ?? true) && rowAgrees(t, p, tolerance));
    });
  }
  const right = [...agrees].filter(([, ok]) => ok).map(([d]) => d);
  const wrong = [...agrees].filter(([, ok]) => !ok).map(([d]) => d);
  return right.length > 0 && wrong.length > 0 ? { right, wrong } : null;
}
