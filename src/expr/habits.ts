import { asFactor, rewriteCalls, rewriteMethods } from './habit-rewrites.js';
import { RENAMED, renamed } from './function-aliases.js';

/**
 * Habits from LaTeX, NumPy, PyTorch and MATLAB that students bring to an expression, each with the
 * mcheck form. They are consulted only when an expression fails to compile, so they never change
 * what a valid expression means; each names the fix, and where a habit has a textual rewrite, the
 * rewritten expression is offered when it compiles.
 */
interface Habit {
  /** Where the habit shows in the source. */
  readonly test: RegExp;
  /** The fix, in the spec author's words (given the source, where it names what it found). */
  readonly fix: string | ((source: string) => string);
  /** The textual rewrite into mcheck's form, where one is safe. */
  readonly rewrite: ((source: string) => string) | null;
  /** The parser's own message would mislead (`axis=0` is no assignment): the fix replaces it. */
  readonly replaces?: true;
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
  [/\\(sum|prod)\b\s*(?:_\{[^{}]*\})?/, '$1'],
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
  [/σ\s*\(/, 'sigmoid('],
  [/√\s*\(/, 'sqrt('],
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
    test: /\b(?:np|numpy|jnp|torch)\.(?:dot|matmul|mm)\s*\(|\.dot\s*\(|\b(?:matmul|mm)\s*\(/,
    fix: 'the matrix product is *: A * B (not np.dot(A, B), A.dot(B) or matmul)',
    rewrite: (s) =>
      rewriteCalls(s, /(?:(?:np|numpy|jnp|torch)\.)?(?:dot|matmul|mm)/, (args, name) =>
        args.length === 2 && name !== 'dot' ? args.map(asFactor).join(' * ') : `${name}(${args.join(', ')})`,
      ).replace(/([A-Za-z_]\w*)\.dot\s*\(([^()]*)\)/g, (_, a: string, b: string) => `${a} * ${asFactor(b.trim())}`),
  },
  {
    test: /(?:(?<![\w.])(?!(?:np|numpy|jnp|torch|tf|math|scipy|linalg)\.)[A-Za-z_]\w*|\))\.(?:inverse|inv|transpose|t|sum|mean|prod|trace|det|exp|log|abs|sqrt|tanh|sigmoid|norm|max|min)\s*\(/,
    fix: 'methods are not part of an expression: x.sum() is sum(x), X.inverse() is inv(X), x.t() is transpose(x)',
    rewrite: rewriteMethods,
  },
  {
    test: /\.'/,
    fix: "a transpose is x' (MATLAB's x.' is the same for real values)",
    rewrite: replace(/\.'/, "'"),
  },
  {
    test: /\\(?![A-Za-z{}|,;!])/,
    fix: "MATLAB's left division A \\ b is solve(A, b), the same as inv(A) * b",
    rewrite: replace(/([A-Za-z_]\w*'?)\s*\\\s*([A-Za-z_]\w*'?)/, 'solve($1, $2)'),
    replaces: true,
  },
  {
    test: /\b(?:np|numpy|jnp|torch|tf|math|scipy)\.(?:linalg\.)?[A-Za-z_]/,
    fix: 'functions are bare names: log(x), inv(A), not np.log(x) or torch.inverse(A)',
    rewrite: (s) => renamed(s.replace(/\b(?:np|numpy|jnp|torch|tf|math|scipy)\.(?:linalg\.)?/g, '')),
  },
  {
    test: RENAMED,
    // The unknown-function message already names the mcheck name: this habit only rewrites.
    fix: '',
    rewrite: renamed,
  },
  {
    test: /\|[^|]+\|/,
    fix: '|X| is written det(X) for a determinant, abs(x) for each entry, norm(x) for a norm (||x||), logdet(X) for log|X|',
    // Only the readings that cannot be wrong: ||x|| is a norm, log|X| a log-determinant.
    rewrite: (s) => s.replace(/\|\|([^|]+)\|\|/g, 'norm($1)').replace(/\blog\s*\(\s*\|([^|]+)\|\s*\)/g, 'logdet($1)'),
  },
  {
    test: /\b(?:axis|dim)\s*=\s*[01]\b/,
    fix: "an axis is a plain argument: NumPy's axis=0 (down the columns) is sum(A, 1), and axis=1 (along the rows) is sum(A, 2)",
    rewrite: (s) => s.replace(/\b(?:axis|dim)\s*=\s*0\b/g, '1').replace(/\b(?:axis|dim)\s*=\s*1\b/g, '2'),
    replaces: true,
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
    fix: "LaTeX is not an expression: \\frac{a}{b} is a / b, \\cdot is *, \\top is ', \\mathbf{x} is x, \\sum x is sum(x), \\|x\\| is norm(x)",
    rewrite: rewriteLatex,
  },
  {
    test: /ᵀ|⊤|⁻¹|[·×∙⊙∘−σ√]/,
    fix: "write operators in ASCII: ' for ᵀ, inv(X) for X⁻¹, * for · and ×, .* for ⊙, - for −, sigmoid(x) for σ(x), sqrt(x) for √x",
    rewrite: (s) => UNICODE.reduce((out, [pattern, by]) => replace(pattern, by)(out), s),
  },
];

/** The fixes of the habits `source` shows, and its rewrite with every one applied. */
export function habitsIn(source: string): {
  readonly fixes: readonly string[];
  readonly rewritten: string;
  readonly replaces: boolean;
} {
  const found = HABITS.filter((h) => h.test.test(source));
  let rewritten = source;
  for (const h of found) if (h.rewrite !== null) rewritten = h.rewrite(rewritten);
  const fixes = found.map((h) => (typeof h.fix === 'string' ? h.fix : h.fix(source)));
  return { fixes, rewritten, replaces: found.some((h) => h.replaces === true) };
}

/**
 * A failed expression's message with the fixes of the habits its source shows, and the rewritten
 * expression when `compiles` accepts it: `undefined name "T"; a transpose is written with ': x'
 * (x^T is LaTeX); try: x' * A`.
 */
export function withHabitFixes(source: string, message: string, compiles: (source: string) => boolean): string {
  const { fixes, rewritten, replaces } = habitsIn(source);
  const extra = fixes.filter((fix) => fix !== '' && !message.includes(fix));
  const offer = rewritten !== source && compiles(rewritten) ? `; try: ${rewritten}` : '';
  if (extra.length === 0) return `${message}${offer}`;
  return `${replaces ? '' : `${message}; `}${extra.join('; ')}${offer}`;
}
