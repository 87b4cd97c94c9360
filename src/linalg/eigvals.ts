import { eigs } from 'mathjs';
import { type Mat, MathError, formatShape, zeros, requireReal, toRows, simplifyComplex } from './mat.js';

/**
 * Eigenvalues of a square real matrix as an n×1 column, complex where they are (a general real
 * matrix has conjugate pairs). This is the one numeric routine delegated to mathjs.
 */
export function eigvals(a: Mat): Mat {
  requireReal(a, 'eigvals');
  if (a.rows !== a.cols) throw new MathError(`eigvals needs a square matrix, got ${formatShape(a)}`);
  if (a.re.some((v) => !Number.isFinite(v))) throw new MathError('eigvals of a matrix with NaN or infinite entries');
  const values = eigs(toRows(a), { eigenvectors: false }).values as unknown;
  const list = (Array.isArray(values) ? values : (values as { toArray(): unknown[] }).toArray()) as unknown[];
  const out = zeros(a.rows, 1, true);
  list.forEach((v, k) => {
    if (typeof v === 'number') out.re[k] = v;
    else {
      const z = v as { re: number; im: number };
      out.re[k] = z.re;
      out.im![k] = z.im;
    }
  });
  return simplifyComplex(out);
}
