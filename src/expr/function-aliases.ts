/** Functions of other languages (and misnamed ones), and the mcheck form. */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ['tr', 'the trace is trace(A)'],
  ['Tr', 'the trace is trace(A)'],
  ['ln', 'the natural logarithm is log(x)'],
  ['maximum', 'the entrywise maximum is max(a, b)'],
  ['minimum', 'the entrywise minimum is min(a, b)'],
  ['matmul', 'the matrix product is *: A * B'],
  ['mm', 'the matrix product is *: A * B'],
  ['inverse', 'the inverse is inv(A)'],
  ['eig', 'the eigenvalues are eigvals(A), or eigvalsh(S) for a symmetric S'],
  ['eigh', 'the eigenvalues of a symmetric S are eigvalsh(S), its eigenvectors eigvecsh(S)'],
  ['svd', 'the singular values are svdvals(A)'],
  ['cholesky', 'the Cholesky factor is chol(S)'],
  ['diagm', 'a diagonal matrix is diag(v)'],
  ['frobenius', 'the Frobenius norm is norm(A)'],
  ['hadamard', 'the entrywise product is a .* b'],
  ['einsum', 'write the product with * and .*, and sum(A, 1) or sum(A, 2) for a contraction'],
  ['numel', "sizes are the dims symbols of a var's shape: numel(x) of an [n] var is n, of an [m, n] var m * n"],
  ['length', "sizes are the dims symbols of a var's shape: length(x) of an [n] var is n"],
  ['size', "sizes are the dims symbols of a var's shape: size(X, 1) of an [m, n] var is m, size(X, 2) is n"],
  ['ndims', "a var's shape is declared in vars: [] a scalar, [n] a vector, [m, n] a matrix"],
  [
    'repmat',
    'a 1×n row or an m×1 column broadcasts against an m×n matrix by itself; else ones(m, 1) * r repeats a row',
  ],
  ['mldivide', 'the left division A \\ b is solve(A, b)'],
  ['linsolve', 'the solution of A x = b is solve(A, b)'],
  ['pow', 'a power is x .^ p for each entry, A ^ p for a matrix power'],
  ['power', 'a power is x .^ p for each entry, A ^ p for a matrix power'],
  ['np', 'functions are bare names: log(x), not np.log(x)'],
]);

/** The fix for a function known under another name elsewhere, or null. */
export function aliasOf(name: string): string | null {
  return ALIASES.get(name) ?? null;
}

/** Functions with a plain mcheck name under another: the rewrite a message may offer. */
const RENAMES: Readonly<Record<string, string>> = {
  tr: 'trace',
  Tr: 'trace',
  ln: 'log',
  maximum: 'max',
  minimum: 'min',
  inverse: 'inv',
  cholesky: 'chol',
  diagm: 'diag',
  mldivide: 'solve',
  linsolve: 'solve',
};

/** A call of one of {@link RENAMES}, as a habit's test. */
export const RENAMED = new RegExp(`(?<![\\w])(?:${Object.keys(RENAMES).join('|')})\\s*\\(`);

/** Every call of a renamed function under its mcheck name: `tr(A * X)` as `trace(A * X)`. */
export function renamed(source: string): string {
  return source.replace(new RegExp(RENAMED.source, 'g'), (call) => {
    const name = call.replace(/\s*\($/, '');
    return `${RENAMES[name]}(`;
  });
}
