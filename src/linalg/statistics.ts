import { type Mat, MathError, requireReal } from './mat.js';
import { type Axis, mean } from './reduce.js';

/**
 * The variance of all entries, or down each column (axis 1, a 1×n row) or along each row (axis 2,
 * an m×1 column), normalised by the count N (not N − 1): the form batch and layer normalisation use.
 * Two passes (the mean, then the squared deviations), which keeps it accurate for data far from 0.
 */
export function variance(a: Mat, axis: Axis = 'all'): Mat {
  requireReal(a, 'var');
  if (a.re.length === 0) throw new MathError('var of an empty matrix');
  const mu = mean(a, axis);
  const out = mean(
    {
      ...a,
      re: a.re.map((x, k) => {
        const [i, j] = [Math.floor(k / a.cols), k % a.cols];
        const m = axis === 'all' ? mu.re[0]! : axis === 1 ? mu.re[j]! : mu.re[i]!;
        return (x - m) ** 2;
      }),
    },
    axis,
  );
  return out;
}

/** The standard deviation: the square root of {@link variance}, normalised by N. */
export function standardDeviation(a: Mat, axis: Axis = 'all'): Mat {
  const v = variance(a, axis);
  return { ...v, re: v.re.map(Math.sqrt) };
}
