import type { Mat } from './mat.js';

/** A 1-based square work array, so the textbook recurrences read as printed. */
export type Work = number[][];

/** A copy of the square matrix `a` as a 1-based {@link Work} array. */
export function toWork(a: Mat): Work {
  const n = a.rows;
  const w: Work = Array.from({ length: n + 1 }, () => new Array<number>(n + 1).fill(0));
  for (let i = 1; i <= n; i++) for (let j = 1; j <= n; j++) w[i]![j] = a.re[(i - 1) * n + (j - 1)]!;
  return w;
}

/** Reduces `a` to upper Hessenberg form by stabilised elementary similarity transforms. */
export function toHessenberg(a: Work, n: number): void {
  for (let m = 2; m < n; m++) {
    let x = 0;
    let i = m;
    for (let j = m; j <= n; j++)
      if (Math.abs(a[j]![m - 1]!) > Math.abs(x)) {
        x = a[j]![m - 1]!;
        i = j;
      }
    if (i !== m) {
      for (let j = m - 1; j <= n; j++) [a[i]![j], a[m]![j]] = [a[m]![j]!, a[i]![j]!];
      for (let j = 1; j <= n; j++) [a[j]![i], a[j]![m]] = [a[j]![m]!, a[j]![i]!];
    }
    if (x === 0) continue;
    for (let r = m + 1; r <= n; r++) {
      const y = a[r]![m - 1]! / x;
      if (y === 0) continue;
      a[r]![m - 1] = 0;
      for (let j = m; j <= n; j++) a[r]![j]! -= y * a[m]![j]!;
      for (let j = 1; j <= n; j++) a[j]![m]! += y * a[j]![r]!;
    }
  }
}
