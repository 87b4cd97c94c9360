/**
 * Textual rewrites of calls for the habits of other notations (habits.ts): `np.dot(A, B + C)` as
 * `A * (B + C)`, `x.sum()` as `sum(x)`. They read brackets properly, so an argument with brackets
 * or commas inside stays whole; a rewrite is only ever offered when the result compiles.
 */

/** The index of the bracket that closes the one opened at `open`, or -1. */
function closing(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if ('([{'.includes(source[i]!)) depth++;
    else if (')]}'.includes(source[i]!) && --depth === 0) return i;
  }
  return -1;
}

/** The arguments between brackets, split at the commas outside inner brackets. */
function splitArgs(inner: string): string[] {
  const args: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    if ('([{'.includes(inner[i]!)) depth++;
    else if (')]}'.includes(inner[i]!)) depth--;
    else if (inner[i] === ',' && depth === 0) {
      args.push(inner.slice(start, i).trim());
      start = i + 1;
    }
  }
  args.push(inner.slice(start).trim());
  return args;
}

/** An operand of a product, bracketed unless it is one piece: `W * x - y` becomes `(W * x - y)`. */
export function asFactor(text: string): string {
  let depth = 0;
  for (const ch of text) {
    if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    else if (depth === 0 && /[+\-*/ ]/.test(ch)) return `(${text})`;
  }
  return text;
}

/**
 * Every call of a function whose name `pattern` matches (anchored at the name's start), rewritten
 * by `by` from its arguments; calls whose brackets do not close are left as they are.
 */
export function rewriteCalls(source: string, pattern: RegExp, by: (args: string[], name: string) => string): string {
  const re = new RegExp(`(?<![\\w.])(?:${pattern.source})\\s*\\(`, 'g');
  let out = '';
  let at = 0;
  for (let m = re.exec(source); m !== null; m = re.exec(source)) {
    if (m.index < at) continue;
    const open = m.index + m[0].length - 1;
    const close = closing(source, open);
    if (close < 0) break;
    const name = m[0].slice(0, -1).trim();
    out += source.slice(at, m.index) + by(splitArgs(source.slice(open + 1, close)), name);
    at = close + 1;
    re.lastIndex = at;
  }
  return out + source.slice(at);
}

/** The names methods of NumPy and PyTorch arrays have in mcheck: `x.inverse()` is `inv(x)`. */
const METHODS: Readonly<Record<string, string>> = {
  inverse: 'inv',
  inv: 'inv',
  transpose: 'transpose',
  t: 'transpose',
  sum: 'sum',
  mean: 'mean',
  prod: 'prod',
  trace: 'trace',
  det: 'det',
  exp: 'exp',
  log: 'log',
  abs: 'abs',
  sqrt: 'sqrt',
  tanh: 'tanh',
  sigmoid: 'sigmoid',
  norm: 'norm',
  max: 'max',
  min: 'min',
};

/** An operand and a method call after it: `x.sum()`, `(x .^ 2).sum(1)`, `X.inverse()`. */
const METHOD_CALL =
  /((?<![\w.])(?!(?:np|numpy|jnp|torch|tf|math|scipy|linalg)\.)[A-Za-z_]\w*|\))\.([A-Za-z_]\w*)\s*\(/g;

/** Method calls written as calls: `(x .^ 2).sum()` as `sum(x .^ 2)`; an unknown method is left. */
export function rewriteMethods(source: string): string {
  let out = source;
  for (let guard = 0; guard < 10; guard++) {
    const m = [...out.matchAll(METHOD_CALL)].find((x) => METHODS[x[2]!] !== undefined);
    if (m === undefined) return out;
    const end = m.index + m[1]!.length;
    const start = m[1] === ')' ? openingOf(out, end - 1) : m.index;
    const open = m.index + m[0].length - 1;
    const close = closing(out, open);
    if (start < 0 || close < 0) return out;
    const receiver = out.slice(start, end).replace(/^\((.*)\)$/s, '$1');
    const args = out.slice(open + 1, close).trim();
    out = `${out.slice(0, start)}${METHODS[m[2]!]}(${receiver}${args === '' ? '' : `, ${args}`})${out.slice(close + 1)}`;
  }
  return out;
}

/** The index of the bracket that opens the one closed at `close`, or -1. */
function openingOf(source: string, close: number): number {
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    if (')]}'.includes(source[i]!)) depth++;
    else if ('([{'.includes(source[i]!) && --depth === 0) return i;
  }
  return -1;
}
