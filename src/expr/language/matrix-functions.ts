import { type Mat, MathError, scalar, toCount, toNumber, requireReal, formatShape, zeros } from '../../linalg/mat.js';
import { arith } from '../../linalg/elementwise.js';
import { transpose, kron, multiply } from '../../linalg/products.js';
import { det, inv, identity, logdet, solve } from '../../linalg/lu.js';
import { standardDeviation, variance } from '../../linalg/statistics.js';
import { reshape, triangle } from '../../linalg/triangle.js';
import { spectralFunction } from '../../linalg/symmetric-eigen.js';
import { pinv } from '../../linalg/svd.js';
import { cholesky, expm } from '../../linalg/factorizations.js';
import { sum, mean, prod, toAxis, type Axis } from '../../linalg/reduce.js';
import { diag, vec, filled, trace } from '../../linalg/structure.js';
import { softmax, logsumexp, norm } from '../../linalg/softmax.js';
import { eigvals } from '../../linalg/eigvals.js';
import { complexRule, fixed, optionalSecond, type LanguageFunction } from './language-function.js';
import {
  tracedEigenvalues,
  tracedEigenvectors,
  tracedNorm,
  tracedSingularValues,
  tracedSort,
} from './traced-functions.js';

/** The axis of `sum(A, d)`, `mean(A, d)`, `prod(A, d)`: all entries without a second argument. */
function axisOf(args: readonly Mat[], fn: string): Axis {
  return args.length < 2 ? 'all' : toAxis(toNumber(args[1]!, `${fn}'s dimension`), fn);
}

/** The axis of `softmax(Z, d)` and `logsumexp(Z, d)`: a vector (or each column) without one. */
function alongOf(args: readonly Mat[], fn: string): 'vector' | 1 | 2 {
  if (args.length < 2) return 'vector';
  const d = toNumber(args[1]!, `${fn}'s axis`);
  if (d !== 1 && d !== 2) throw new MathError(`${fn}(Z, d) takes d = 1 (each column) or 2 (each row), got ${d}`);
  return d;
}

/** `ones(m, n)` and `zeros(m, n)`: two sizes, so that a column is written `ones(n, 1)`. */
function constantMatrix(value: number, name: string): LanguageFunction {
  return fixed(name, 2, `an m×n matrix of ${name}`, ([m, n]) =>
    filled(toCount(m!, `${name}'s rows`), toCount(n!, `${name}'s columns`), value),
  );
}

/** `eye(n)` and `eye(m, n)` (and `identity`): ones on the main diagonal. */
function eye(args: readonly Mat[]): Mat {
  const rows = toCount(args[0]!, "eye's size");
  const cols = args.length > 1 ? toCount(args[1]!, "eye's columns") : rows;
  return identity(rows, cols);
}

/** The real (or imaginary) parts of `a`, as a real matrix. */
function realPart(a: Mat, imag: boolean): Mat {
  const out = zeros(a.rows, a.cols);
  if (!imag) out.re.set(a.re);
  else if (a.im !== null) out.re.set(a.im);
  return out;
}

/** The sum of the entrywise product of two matrices of one shape. */
function dot(a: Mat, b: Mat): Mat {
  if (a.rows !== b.rows || a.cols !== b.cols) {
    throw new MathError(`dot needs equal shapes, got ${formatShape(a)} and ${formatShape(b)}`);
  }
  return sum(arith(a, b, 'mul', 'dot'));
}

/** The functions of the README's "matrix functions": they act on whole matrices, or make them. */
export const MATRIX_FUNCTIONS: readonly LanguageFunction[] = [
  complexRule(
    fixed('transpose', 1, "the transpose, without conjugating (A' conjugates)", ([a]) => transpose(a!, false)),
    'keeps',
  ),
  complexRule(
    fixed('ctranspose', 1, "the conjugate transpose, the same as '", ([a]) => transpose(a!, true)),
    'keeps',
  ),
  fixed('inv', 1, 'the inverse of a square matrix', ([a]) => inv(a!)),
  fixed('det', 1, 'the determinant of a square matrix', ([a]) => scalar(det(a!))),
  complexRule(
    fixed('trace', 1, 'the sum of the diagonal of a square matrix', ([a]) => trace(a!)),
    'keeps',
  ),
  complexRule(
    optionalSecond('sum', 'the sum of all entries; down the columns (1) or along the rows (2)', (args) =>
      sum(args[0]!, axisOf(args, 'sum')),
    ),
    'keeps',
  ),
  complexRule(
    optionalSecond('mean', 'the mean of all entries; down the columns (1) or along the rows (2)', (args) =>
      mean(args[0]!, axisOf(args, 'mean')),
    ),
    'keeps',
  ),
  complexRule(
    optionalSecond('prod', 'the product of all entries; down the columns (1) or along the rows (2)', (args) =>
      prod(args[0]!, axisOf(args, 'prod')),
    ),
    'keeps',
  ),
  fixed('diag', 1, 'the diagonal matrix of a vector, the diagonal (a column) of a matrix', ([a]) => diag(a!)),
  optionalSecond('eye', 'the n×n (or m×n) identity matrix', eye),
  optionalSecond('identity', 'the same as eye', eye),
  constantMatrix(1, 'ones'),
  constantMatrix(0, 'zeros'),
  complexRule(
    fixed('outer', 2, "the outer product a * b'", ([a, b]) => multiply(a!, transpose(b!))),
    'keeps',
  ),
  complexRule(
    fixed('vec', 1, 'the columns stacked into one column', ([a]) => vec(a!)),
    'keeps',
  ),
  fixed(
    'kron',
    2,
    'the Kronecker product',
    ([a, b]) => (requireReal(a!, 'kron'), requireReal(b!, 'kron'), kron(a!, b!)),
  ),
  complexRule(
    fixed('eigvals', 1, 'the eigenvalues of a square matrix, a column, complex where they are', ([a]) => eigvals(a!)),
    'makes',
  ),
  optionalSecond('softmax', 'the softmax of a vector, or of each column (1) or each row (2) of a matrix', (args) =>
    softmax(args[0]!, alongOf(args, 'softmax')),
  ),
  optionalSecond('logsumexp', 'log(sum(exp(z))) of a vector, or of each column (1) or each row (2)', (args) =>
    logsumexp(args[0]!, alongOf(args, 'logsumexp')),
  ),
  {
    ...optionalSecond(
      'norm',
      'the 2-norm of a vector, the Frobenius norm of a matrix; norm(x, p) for p = 1, 2, Infinity',
      (args, trace) =>
        args.length < 2 ? scalar(norm(args[0]!)) : tracedNorm(args[0]!, toNumber(args[1]!, "norm's p"), trace),
    ),
    kink: 'with p = 1 or Infinity, the signs of the entries and which entry, column or row is largest; with p = 2, a repeated largest singular value',
    complex: 'drops',
  },
  fixed('logdet', 1, 'log|det A| of a square matrix, from the LU factors', ([a]) => scalar(logdet(a!))),
  fixed(
    'chol',
    1,
    "the lower-triangular L with positive diagonal and L * L' = S (S symmetric positive definite)",
    ([a]) => cholesky(a!),
  ),
  fixed('pinv', 1, 'the Moore–Penrose pseudo-inverse', ([a]) => pinv(a!)),
  fixed('expm', 1, 'the matrix exponential', ([a]) => expm(a!)),
  fixed('sqrtm', 1, 'the principal square root of a symmetric positive definite matrix', ([a]) =>
    spectralFunction(a!, 'sqrtm', (l) => (l > 0 ? Math.sqrt(l) : NaN)),
  ),
  fixed('logm', 1, 'the principal logarithm of a symmetric positive definite matrix', ([a]) =>
    spectralFunction(a!, 'logm', (l) => (l > 0 ? Math.log(l) : NaN)),
  ),
  {
    ...fixed('eigvalsh', 1, 'the eigenvalues of a symmetric matrix in ascending order, a column', ([a], trace) =>
      tracedEigenvalues(a!, trace),
    ),
    kink: 'a repeated eigenvalue',
  },
  {
    ...fixed(
      'eigvecsh',
      1,
      'the orthonormal eigenvectors of a symmetric matrix as columns, in eigvalsh order',
      ([a], trace) => tracedEigenvectors(a!, trace),
    ),
    kink: 'a repeated eigenvalue, and the entry that fixes the sign of each eigenvector',
  },
  {
    ...fixed('svdvals', 1, 'the singular values in descending order, a column', ([a], trace) =>
      tracedSingularValues(a!, trace),
    ),
    kink: 'a repeated singular value, or one at 0',
  },
  complexRule(
    fixed('tril', 1, 'the lower triangle, the diagonal included', ([a]) => triangle(a!, 'lower')),
    'keeps',
  ),
  complexRule(
    fixed('triu', 1, 'the upper triangle, the diagonal included', ([a]) => triangle(a!, 'upper')),
    'keeps',
  ),
  optionalSecond(
    'var',
    'the variance (normalised by N) of all entries; down the columns (1) or along the rows (2)',
    (args) => variance(args[0]!, axisOf(args, 'var')),
  ),
  optionalSecond(
    'std',
    'the standard deviation (normalised by N); down the columns (1) or along the rows (2)',
    (args) => standardDeviation(args[0]!, axisOf(args, 'std')),
  ),
  {
    ...fixed(
      'sort',
      1,
      'the entries of a vector in ascending order (complex: by real, then imaginary part)',
      ([a], trace) => tracedSort(a!, trace),
    ),
    kink: 'the order of the entries (a tie is a kink)',
    complex: 'keeps',
  },
  complexRule(
    fixed('reshape', 3, 'the same entries in vec order as an m×n matrix', ([a, m, n]) =>
      reshape(a!, toCount(m!, "reshape's rows"), toCount(n!, "reshape's columns")),
    ),
    'keeps',
  ),
  complexRule(
    fixed('dot', 2, 'sum(a .* b) of two matrices of one shape', ([a, b]) => dot(a!, b!)),
    'keeps',
  ),
  fixed('solve', 2, 'X with A * X = B, the same as inv(A) * B', ([a, b]) => solve(a!, b!)),
  complexRule(
    fixed('real', 1, 'the real parts', ([a]) => realPart(a!, false)),
    'drops',
  ),
  complexRule(
    fixed('imag', 1, 'the imaginary parts', ([a]) => realPart(a!, true)),
    'drops',
  ),
  complexRule(
    fixed('conj', 1, 'the complex conjugate', ([a]) => transpose(transpose(a!, true), false)),
    'keeps',
  ),
];
