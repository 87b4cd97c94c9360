import { type Mat, MathError, formatShape, zeros, requireReal } from './mat.js';
import { toHessenberg, toWork } from './hessenberg.js';
import { hessenbergEigenvalues } from './hessenberg-eigenvalues.js';

/**
 * Eigenvalues of a square real matrix as an n×1 column, complex where they are (a general real
 * matrix has conjugate pairs): Hessenberg reduction, then shifted QR. Complex by type on every
 * draw, with zero imaginary parts where the eigenvalues are real: so sqrt or log of a negative
 * real eigenvalue is the complex one on every draw, not NaN on some. Written here rather than
 * taken from mathjs, whose `eigs` fails to converge on about one 6×6 Gaussian matrix in six.
 */
export function eigvals(a: Mat): Mat {
  requireReal(a, 'eigvals');
  if (a.rows !== a.cols) throw new MathError(`eigvals needs a square matrix, got ${formatShape(a)}`);
  if (a.re.some((v) => !Number.isFinite(v))) throw new MathError('eigvals of a matrix with NaN or infinite entries');
  const n = a.rows;
  const work = toWork(a);
  toHessenberg(work, n);
  const wr = new Array<number>(n + 1).fill(0);
  const wi = new Array<number>(n + 1).fill(0);
  if (!hessenbergEigenvalues(work, n, wr, wi)) throw new MathError('eigvals: the QR iteration did not converge');
  const out = zeros(n, 1, true);
  for (let k = 0; k < n; k++) {
    out.re[k] = wr[k + 1]!;
    out.im![k] = wi[k + 1]!;
  }
  return out;
}
