/**
 * How a formula is written out: LaTeX for the HTML report and the JSON `latex` field, plain
 * Unicode for the terminal ("read as: ∂(xᵀAx)/∂x = (A + Aᵀ)x"). The walker in
 * render-expression.ts decides the structure; a notation only spells its pieces, in the notation
 * of a hint sheet on matrix derivatives.
 */
export interface Notation {
  readonly name: 'latex' | 'unicode';
  /** A name: bold where it is a vector or a matrix (LaTeX), subscripted digits, Greek letters. */
  symbol(name: string, bold: boolean): string;
  number(value: number): string;
  /** Brackets as the author wrote them. */
  paren(inner: string): string;
  transpose(base: string): string;
  /** `base` raised to `exp`, where `exp` is already rendered; `plain` is its source for superscripts. */
  power(base: string, exp: string, plain: string | null): string;
  frac(top: string, bottom: string): string;
  /** The spelling of a binary operator (`+`, `⊙`, `\odot`), with its spaces. */
  operator(op: string): string;
  /** A call of a function the notation has no special form for: `\operatorname{tr}(X)`, `tr(X)`. */
  call(name: string, args: readonly string[]): string;
  /** `|x|`, `‖x‖`, and the like: `left` and `right` are LaTeX delimiters without `\left`/`\right`. */
  delimited(left: string, inner: string, right: string): string;
  /** A subscript: `I_n`, `‖x‖_1`. */
  sub(base: string, index: string): string;
  /** An entry or a slice: `A_{i,j}`, `A[i, j]`. */
  index(base: string, parts: readonly string[]): string;
  cases(value: string, condition: string, otherwise: string): string;
  matrix(rows: readonly (readonly string[])[]): string;
  /** The differential d of a name, as the directions of a differential claim are read: dX. */
  differential(inner: string): string;
  /** The partial-derivative sign, and its square for a Hessian: `\partial `, `∂`; `\partial^{2} `, `∂²`. */
  readonly del: string;
  readonly del2: string;
  /** A piece of prose inside the formula: `(denominator layout)`. */
  text(words: string): string;
  /** `x∘²`: an entrywise power. */
  dotPower(base: string, exp: string, plain: string | null): string;
  /** A function's name set upright: `\log`, `\operatorname{tr}`, `\sigma`; `log`, `tr`, `σ`. */
  word(name: string): string;
  sqrt(inner: string): string;
  /** The identity, the ones and the zeros: bold I, 1, 0, with their size where it says more. */
  special(which: 'I' | '1' | '0', size: string | null): string;
}

export const GREEK: ReadonlySet<string> = new Set([
  'alpha',
  'beta',
  'gamma',
  'delta',
  'epsilon',
  'eta',
  'theta',
  'kappa',
  'lambda',
  'mu',
  'nu',
  'xi',
  'pi',
  'rho',
  'sigma',
  'tau',
  'phi',
  'chi',
  'psi',
  'omega',
  'Gamma',
  'Delta',
  'Theta',
  'Lambda',
  'Sigma',
  'Phi',
  'Psi',
  'Omega',
]);

export const GREEK_UNICODE: Readonly<Record<string, string>> = {
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  eta: 'η',
  theta: 'θ',
  kappa: 'κ',
  lambda: 'λ',
  mu: 'μ',
  nu: 'ν',
  xi: 'ξ',
  pi: 'π',
  rho: 'ρ',
  sigma: 'σ',
  tau: 'τ',
  phi: 'φ',
  chi: 'χ',
  psi: 'ψ',
  omega: 'ω',
  Gamma: 'Γ',
  Delta: 'Δ',
  Theta: 'Θ',
  Lambda: 'Λ',
  Sigma: 'Σ',
  Phi: 'Φ',
  Psi: 'Ψ',
  Omega: 'Ω',
};

/**
 * A name that is a letter with an accent written after it, as specs spell x̂ (`xhat`), ḡ (`gbar`)
 * or θ̃ (`thetatilde`); null for any other name.
 */
export function accentOf(stem: string): { readonly base: string; readonly accent: 'hat' | 'bar' | 'tilde' } | null {
  const m = /^([A-Za-z]|[a-z]{2,7})(hat|bar|tilde)$/.exec(stem);
  if (m === null || (m[1]!.length > 1 && !GREEK.has(m[1]!))) return null;
  return { base: m[1]!, accent: m[2] as 'hat' | 'bar' | 'tilde' };
}

/** A name split into its stem and its trailing digits or `_` part: W1 → W, 1; x_hat → x, hat. */
export function split(name: string): { readonly stem: string; readonly index: string | null } {
  const under = /^([^_]+)_(.+)$/.exec(name);
  if (under !== null) return { stem: under[1]!, index: under[2]! };
  const digits = /^(.*?[A-Za-z])(\d+)$/.exec(name);
  return digits === null ? { stem: name, index: null } : { stem: digits[1]!, index: digits[2]! };
}
