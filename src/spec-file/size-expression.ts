/**
 * Sizes written with dims symbols in a var's shape: `n`, `n - 2`, `2 * n + k`, `(n + 1) * 2`.
 * Whole numbers, dims symbols, + − * and parentheses; parsed once, evaluated on each draw. Bounds
 * over the dims ranges come from interval arithmetic, so a shape that can fall below 1 is found
 * when the spec is loaded.
 */

/** A parsed size: the symbols it reads, its value at some dims, its bounds over their ranges. */
export interface SizeExpression {
  readonly source: string;
  readonly symbols: ReadonlySet<string>;
  readonly value: (dims: ReadonlyMap<string, number>) => number;
  readonly bounds: (ranges: ReadonlyMap<string, readonly [number, number]>) => readonly [number, number];
}

type Node =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'symbol'; readonly name: string }
  | { readonly kind: 'op'; readonly op: '+' | '-' | '*'; readonly left: Node; readonly right: Node };

const TOKEN = /\s*(\d+|[A-Za-z][A-Za-z0-9_]*|[-+*()])/y;

function tokens(source: string): string[] | null {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    if (/^\s*$/.test(source.slice(TOKEN.lastIndex))) break;
    const m = TOKEN.exec(source);
    if (m === null) return null;
    out.push(m[1]!);
  }
  return out;
}

/** A recursive-descent parse of `tokens` from `at`: expression := term (± term)*, term := factor (* factor)*. */
function parse(ts: readonly string[]): Node | null {
  let at = 0;
  const factor = (): Node | null => {
    const t = ts[at++];
    if (t === undefined) return null;
    if (/^\d+$/.test(t)) return { kind: 'number', value: Number(t) };
    if (/^[A-Za-z]/.test(t)) return { kind: 'symbol', name: t };
    if (t !== '(') return null;
    const inner = expression();
    return inner !== null && ts[at++] === ')' ? inner : null;
  };
  const term = (): Node | null => {
    let left = factor();
    while (left !== null && ts[at] === '*') {
      at++;
      const right = factor();
      left = right === null ? null : { kind: 'op', op: '*', left, right };
    }
    return left;
  };
  const expression = (): Node | null => {
    let left = term();
    while (left !== null && (ts[at] === '+' || ts[at] === '-')) {
      const op = ts[at++] as '+' | '-';
      const right = term();
      left = right === null ? null : { kind: 'op', op, left, right };
    }
    return left;
  };
  const root = expression();
  return root !== null && at === ts.length ? root : null;
}

function valueOf(node: Node, dims: ReadonlyMap<string, number>): number {
  if (node.kind === 'number') return node.value;
  if (node.kind === 'symbol') return dims.get(node.name)!;
  const [a, b] = [valueOf(node.left, dims), valueOf(node.right, dims)];
  return node.op === '+' ? a + b : node.op === '-' ? a - b : a * b;
}

function boundsOf(node: Node, ranges: ReadonlyMap<string, readonly [number, number]>): [number, number] {
  if (node.kind === 'number') return [node.value, node.value];
  if (node.kind === 'symbol') return [...ranges.get(node.name)!] as [number, number];
  const [[a, b], [c, d]] = [boundsOf(node.left, ranges), boundsOf(node.right, ranges)];
  if (node.op === '+') return [a + c, b + d];
  if (node.op === '-') return [a - d, b - c];
  const products = [a * c, a * d, b * c, b * d];
  return [Math.min(...products), Math.max(...products)];
}

function symbolsOf(node: Node, out: Set<string>): Set<string> {
  if (node.kind === 'symbol') out.add(node.name);
  if (node.kind === 'op') symbolsOf(node.right, symbolsOf(node.left, out));
  return out;
}

/** The size written in `source`, or null when it is not integer arithmetic of symbols. */
export function parseSize(source: string): SizeExpression | null {
  const ts = tokens(source);
  const root = ts === null || ts.length === 0 ? null : parse(ts);
  if (root === null) return null;
  return {
    source,
    symbols: symbolsOf(root, new Set()),
    value: (dims) => valueOf(root, dims),
    bounds: (ranges) => boundsOf(root, ranges),
  };
}

const parsed = new Map<string, SizeExpression | null>();

/** The value of a shape entry at some dims: a size, a dims symbol, or arithmetic of them. */
export function sizeAt(entry: number | string, dims: ReadonlyMap<string, number>): number {
  if (typeof entry === 'number') return entry;
  const direct = dims.get(entry);
  if (direct !== undefined) return direct;
  if (!parsed.has(entry)) parsed.set(entry, parseSize(entry));
  return parsed.get(entry)!.value(dims);
}
