/**
 * Habits from LaTeX, NumPy, PyTorch and MATLAB that students bring to an expression, each with the
 * mcheck form. They are consulted only when an expression fails to compile, so they never change
 * what a valid expression means; each names the fix, and where a habit has a textual rewrite, the
 * rewritten expression is offered when it compiles.
 */
interface Habit {
  /** Where the habit shows in the source. */
  readonly test: RegExp;
  /** The fix, in the spec author's words. */
  readonly fix: string;
  /** The textual rewrite into mcheck's form, where one is safe. */
  readonly rewrite: ((source: string) => string) | null;
}

const replace =
  (pattern: RegExp, by: string) =>
  (source: string): string =>
    source.replace(new RegExp(pattern.source, 'g'), by);

/** LaTeX commands and their operators, in the order they are rewritten. */
const LATEX: readonly (readonly [RegExp, string])[] = [
  [/\\frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/, '(($1) / ($2))'],
  [/\\(?:mathbf|boldsymbol|mathrm|mathit|operatorname|bm)\s*\{([^{}]*)\}/, '$1'],
  [/\\sqrt\s*\{([^{}]*)\}/, 'sqrt($1)'],
  [/\\(?:cdot|times)/, '*'],
  [/\\(?:odot|circ)/, '.*'],
  [/\\(?:left|right)\s*/, ''],
  [/\\(exp|log|det|tanh|sin|cos)\b/, '$1'],
  [/\\tr\b|\\operatorname\{tr\}/, 'trace'],
];

/** A rewrite of every LaTeX command above. */
function rewriteLatex(source: string): string {
  let out = source;
  for (const [pattern, by] of LATEX) out = replace(pattern, by)(out);
  return out.replace(/\^\s*\{([^{}]*)\}/g, '^($1)');
}

/** Unicode operators pasted from a rendered formula, and their ASCII forms. */
const UNICODE: readonly (readonly [RegExp, string])[] = [
  [/ᵀ|⊤/, "'"],
  [/⁻¹/, '^-1'],
  [/[·×∙]/, '*'],
  [/⊙|∘/, '.*'],
  [/−/, '-'],
];

/** `^T`, `^{T}`, `^\top` and their kin; the space after a bare `T` is kept, so `x^T A` reads `x' A`. */
const TRANSPOSE = /\^\s*(?:\{\s*(?:T|\\top|\\intercal|\\mathsf\{T\})\s*\}|T|\\top|\\intercal)(?![A-Za-z0-9_])/;

const HABITS: readonly Habit[] = [
  {
    test: TRANSPOSE,
    fix: "a transpose is written with ': x' (x^T is LaTeX)",
    rewrite: replace(TRANSPOSE, "'"),
  },
  {
    test: /\^\s*\{\s*-\s*1\s*\}/,
    fix: 'an inverse is inv(X) (or X^-1; braces { } are LaTeX)',
    rewrite: replace(/\^\s*\{\s*-\s*1\s*\}/, '^-1'),
  },
  {
    test: /\.T(?![A-Za-z0-9_(])/,
    fix: "a transpose is written A', not A.T",
    rewrite: replace(/\.T(?![A-Za-z0-9_(])/, "'"),
  },
  { test: /@/, fix: 'the matrix product is *: A * B (not A @ B)', rewrite: replace(/@/, '*') },
  {
    test: /\b(?:np|numpy|jnp|torch)\.(?:dot|matmul)\s*\(|\.dot\s*\(|\bmatmul\s*\(/,
    fix: 'the matrix product is *: A * B (not np.dot(A, B), A.dot(B) or matmul)',
    rewrite: (s) =>
      s
        .replace(/\b(?:(?:np|numpy|jnp|torch)\.)?(?:dot|matmul)\s*\(\s*([^,()]+?)\s*,\s*([^()]+?)\s*\)/g, '$1 * $2')
        .replace(/([A-Za-z_]\w*)\.dot\s*\(\s*([^()]+?)\s*\)/g, '$1 * $2'),
  },
  {
    test: /\b(?:np|numpy|jnp|torch|tf|math|scipy)\.(?:linalg\.)?[A-Za-z_]/,
    fix: 'functions are bare names: log(x), inv(A), not np.log(x) or torch.inverse(A)',
    rewrite: replace(/\b(?:np|numpy|jnp|torch|tf|math|scipy)\.(?:linalg\.)?/, ''),
  },
  {
    test: /\|[^|]+\|/,
    fix: '|X| is written det(X) for a determinant, abs(x) for each entry, norm(x) for a norm',
    rewrite: null,
  },
  {
    test: /\b(?:axis|dim)\s*=\s*[01]\b/,
    fix: "NumPy's axis=0 (down the columns) is sum(A, 1), and axis=1 (along the rows) is sum(A, 2)",
    rewrite: (s) => s.replace(/\b(?:axis|dim)\s*=\s*0\b/g, '1').replace(/\b(?:axis|dim)\s*=\s*1\b/g, '2'),
  },
  {
    test: /\*\*/,
    fix: 'a power is .^ for each entry and ^ for a scalar or a matrix power, not **',
    rewrite: replace(/\*\*/, '.^'),
  },
  {
    test: /['"]fro['"]/,
    fix: 'the Frobenius norm is norm(A)',
    rewrite: replace(/\s*,\s*['"]fro['"]/, ''),
  },
  { test: /['"]nuc['"]/, fix: 'the nuclear norm is sum(svdvals(A))', rewrite: null },
  { test: /['"]inf['"]/i, fix: 'the ∞-norm is norm(x, Infinity)', rewrite: replace(/['"]inf['"]/i, 'Infinity') },
  {
    test: /\b(?:zeros|ones)\(\s*[^,()]+\)/,
    fix: 'zeros and ones take both sizes: ones(n, 1) is a vector, ones(n, n) a square matrix',
    rewrite: (s) => s.replace(/\b(zeros|ones)\(\s*([^,()]+?)\s*\)/g, '$1($2, 1)'),
  },
  { test: /\blog\s+det\s*\(/, fix: 'log|det X| is logdet(X)', rewrite: replace(/\blog\s+det\s*\(/, 'logdet(') },
  {
    test: /\\[A-Za-z]+|\^\s*\{/,
    fix: "LaTeX is not an expression: \\frac{a}{b} is a / b, \\cdot is *, \\top is ', \\mathbf{x} is x",
    rewrite: rewriteLatex,
  },
  {
    test: /ᵀ|⊤|⁻¹|[·×∙⊙∘−]/,
    fix: "write operators in ASCII: ' for ᵀ, inv(X) for X⁻¹, * for · and ×, .* for ⊙, - for −",
    rewrite: (s) => UNICODE.reduce((out, [pattern, by]) => replace(pattern, by)(out), s),
  },
];

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
]);

/** The fix for a function known under another name elsewhere, or null. */
export function aliasOf(name: string): string | null {
  return ALIASES.get(name) ?? null;
}

/** The fixes of the habits `source` shows, and its rewrite with every one applied. */
export function habitsIn(source: string): { readonly fixes: readonly string[]; readonly rewritten: string } {
  const found = HABITS.filter((h) => h.test.test(source));
  let rewritten = source;
  for (const h of found) if (h.rewrite !== null) rewritten = h.rewrite(rewritten);
  return { fixes: found.map((h) => h.fix), rewritten };
}

/**
 * A failed expression's message with the fixes of the habits its source shows, and the rewritten
 * expression when `compiles` accepts it: `undefined name "T"; a transpose is written with ': x'
 * (x^T is LaTeX); try: x' * A`.
 */
export function withHabitFixes(source: string, message: string, compiles: (source: string) => boolean): string {
  const { fixes, rewritten } = habitsIn(source);
  const extra = fixes.filter((fix) => !message.includes(fix));
  if (extra.length === 0) return message;
  const offer = rewritten !== source && compiles(rewritten) ? `; try: ${rewritten}` : '';
  return `${message}; ${extra.join('; ')}${offer}`;
}
