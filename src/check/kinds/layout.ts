import { type Mat, zeros } from '../../linalg/mat.js';
import { transpose } from '../../linalg/products.js';

/**
 * How a derivative's entries are laid out, the one place that maps between the flat partial
 * derivatives (one per entry of wrt, row-major: entry k of wrt is row ⌊k/cols⌋, column k mod cols)
 * and the array a claim's `expect` holds, the flatten-and-back of a derivative:
 * - `gradient`: wrt's own shape, entry k is ∂f/∂x_k (f a scalar);
 * - `denominator`: a len(wrt)×len(f) jacobian, (i, j) = ∂f_j/∂x_i;
 * - `numerator`: its transpose, len(f)×len(wrt), (i, j) = ∂f_i/∂x_j.
 */
export type Layout = 'gradient' | 'denominator' | 'numerator';

/** The shape `expect` must have, given wrt at the draw and f's value there. */
export function referenceShape(layout: Layout, x0: Mat, f0: Mat): [number, number] {
  if (layout === 'gradient') return [x0.rows, x0.cols];
  const [n, m] = [x0.re.length, f0.re.length];
  return layout === 'denominator' ? [n, m] : [m, n];
}

/** The partials (one array of f's shape per entry of wrt) laid out as the reference. */
export function assemble(partials: readonly Mat[], x0: Mat, layout: Layout): Mat {
  const complex = partials.some((p) => p.im !== null);
  if (layout === 'gradient') {
    const out = zeros(x0.rows, x0.cols, complex);
    partials.forEach((p, k) => {
      out.re[k] = p.re[0]!;
      if (out.im !== null) out.im[k] = p.im?.[0] ?? 0;
    });
    return out;
  }
  const len = partials[0]?.re.length ?? 0;
  const out = zeros(partials.length, len, complex);
  partials.forEach((p, i) => {
    out.re.set(p.re, i * len);
    if (out.im !== null && p.im !== null) out.im.set(p.im, i * len);
  });
  return layout === 'denominator' ? out : transpose(out, false);
}

/**
 * The way back: which entry k of wrt and which output entry of f the 0-based (i, j) of the
 * reference belongs to (`cols` is the reference's column count).
 */
export function coordinateOf(layout: Layout, [i, j]: readonly [number, number], cols: number): [number, number] {
  if (layout === 'gradient') return [i * cols + j, 0];
  return layout === 'denominator' ? [i, j] : [j, i];
}

/**
 * The projection of an `expect` array on probe directions: ⟨expect, v⟩ for a gradient; v'·E·u for
 * a denominator-layout jacobian E and u'·E·v for a numerator-layout one, where u weighs the
 * entries of f. Real and imaginary parts are kept apart.
 */
export function project(layout: Layout, e: Mat, probe: { readonly v: Mat; readonly u: Mat | null }): [number, number] {
  const { v, u } = probe;
  let re = 0,
    im = 0;
  for (let i = 0; i < e.rows; i++) {
    for (let j = 0; j < e.cols; j++) {
      const k = i * e.cols + j;
      const w = u === null ? v.re[k]! : layout === 'denominator' ? v.re[i]! * u.re[j]! : u.re[i]! * v.re[j]!;
      re += w * e.re[k]!;
      if (e.im !== null) im += w * e.im[k]!;
    }
  }
  return [re, im];
}

/** What the reference is, in messages: `wrt X`, or `the denominator-layout jacobian (len(wrt)×len(f))`. */
export function referenceName(layout: Layout, wrt: string, sizes: boolean): string {
  if (layout === 'gradient') return `wrt ${wrt}`;
  const lengths = layout === 'denominator' ? 'len(wrt)×len(f)' : 'len(f)×len(wrt)';
  return `the ${layout}-layout jacobian${sizes ? ` (${lengths})` : ''}`;
}

/** The other jacobian layout, the transpose of this one. */
export function otherLayout(layout: 'denominator' | 'numerator'): 'denominator' | 'numerator' {
  return layout === 'denominator' ? 'numerator' : 'denominator';
}
