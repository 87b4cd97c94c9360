import { type Mat, zeros } from '../../linalg/mat.js';
import { transpose } from '../../linalg/products.js';
import { storageOfVec } from '../../linalg/vec-order.js';

/**
 * How a derivative's entries are laid out, the one place that maps between the flat partial
 * derivatives (one per entry of wrt, row-major: entry k of wrt is row ⌊k/cols⌋, column k mod cols)
 * and the array a claim's `expect` holds, the flatten-and-back of a derivative:
 * - `gradient`: wrt's own shape, entry k is ∂f/∂x_k (f a scalar);
 * - `denominator`: a len(wrt)×len(f) jacobian, (i, j) = ∂vec(f)_j/∂vec(x)_i;
 * - `numerator`: its transpose, len(f)×len(wrt), (i, j) = ∂vec(f)_i/∂vec(x)_j.
 * Jacobians count the entries of f and wrt in vec order (see vec-order.ts), as `vec()` does: for
 * vectors that is their only order, and ∂vec(AXB)/∂vec(X)ᵀ = kron(B', A) holds for matrices.
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
  const f = partials[0] ?? zeros(0, 0);
  const len = f.re.length;
  const out = zeros(partials.length, len, complex);
  for (let i = 0; i < partials.length; i++) {
    const p = partials[storageOfVec(x0.rows, x0.cols, i)]!;
    for (let j = 0; j < len; j++) {
      const k = storageOfVec(f.rows, f.cols, j);
      out.re[i * len + j] = p.re[k]!;
      if (out.im !== null && p.im !== null) out.im[i * len + j] = p.im[k]!;
    }
  }
  return layout === 'denominator' ? out : transpose(out, false);
}

/** The shapes a jacobian's entries are counted in: wrt's and f's (rows, columns). */
export interface Shapes {
  readonly x: readonly [number, number];
  readonly f: readonly [number, number];
}

/**
 * The way back: which entry k of wrt and which output entry of f (both as stored) the 0-based
 * (i, j) of the reference belongs to.
 */
export function coordinateOf(layout: Layout, [i, j]: readonly [number, number], shapes: Shapes): [number, number] {
  const [xr, xc] = shapes.x;
  if (layout === 'gradient') return [i * xc + j, 0];
  const [vx, vf] = layout === 'denominator' ? [i, j] : [j, i];
  return [storageOfVec(xr, xc, vx), storageOfVec(shapes.f[0], shapes.f[1], vf)];
}

/**
 * The projection of an `expect` array on probe directions: ⟨expect, v⟩ for a gradient;
 * vec(v)'·E·vec(u) for a denominator-layout jacobian E and vec(u)'·E·vec(v) for a numerator-layout
 * one, where u weighs the entries of f. Real and imaginary parts are kept apart.
 */
export function project(layout: Layout, e: Mat, probe: { readonly v: Mat; readonly u: Mat | null }): [number, number] {
  const { v, u } = probe;
  // v and u in vec order, as the jacobian counts their entries.
  const vec = (m: Mat, i: number): number => m.re[storageOfVec(m.rows, m.cols, i)]!;
  let re = 0,
    im = 0;
  for (let i = 0; i < e.rows; i++) {
    for (let j = 0; j < e.cols; j++) {
      const k = i * e.cols + j;
      const w = u === null ? v.re[k]! : layout === 'denominator' ? vec(v, i) * vec(u, j) : vec(u, i) * vec(v, j);
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
