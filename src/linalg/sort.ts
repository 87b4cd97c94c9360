import { type Mat, MathError, formatShape, isVector, zeros } from './mat.js';

/** Real parts closer than this, relative to the larger, count as equal when complex values are sorted. */
const SAME_REAL = 1e-9;

/** a before b: by real part, then (real parts equal to 1e-9 relative) by imaginary part. */
function before(a: readonly [number, number], b: readonly [number, number]): number {
  const scale = Math.max(Math.abs(a[0]), Math.abs(b[0]));
  if (Math.abs(a[0] - b[0]) > SAME_REAL * scale) return a[0] - b[0];
  return a[1] - b[1];
}

/**
 * The entries of a vector in ascending order, in its shape; complex values by real part, then by
 * imaginary part, with the order taken (the index each sorted entry came from): where a
 * finite-difference step changes it (a tie), sort is not differentiable, which the language
 * records as a kink.
 */
export function sortVector(a: Mat): { readonly sorted: Mat; readonly order: readonly number[] } {
  if (!isVector(a)) throw new MathError(`sort takes a vector, got ${formatShape(a)} (sort(vec(A)) sorts every entry)`);
  const entries = Array.from(a.re, (re, k) => [re, a.im?.[k] ?? 0, k] as const);
  entries.sort((x, y) => before([x[0], x[1]], [y[0], y[1]]) || x[2] - y[2]);
  const out = zeros(a.rows, a.cols, a.im !== null);
  entries.forEach(([re, im], i) => {
    out.re[i] = re;
    if (out.im !== null) out.im[i] = im;
  });
  return { sorted: out, order: entries.map((e) => e[2]) };
}
