import { parseExpression } from '../expr/parser.js';
import type { AnyNode } from '../expr/syntax.js';
import type { Notation } from './notation.js';

/**
 * What each name of a formula is: a scalar (set plain), a vector or matrix (set in bold), or the
 * direction `dX` of a differential claim (set as d of its var).
 */
export type NameKind = 'scalar' | 'array' | { readonly d: string };
/** The kind of each name a formula may read. */
export type NameKinds = ReadonlyMap<string, NameKind>;

const trees = new Map<string, AnyNode>();

/**
 * The parsed tree of a source, parsed once: the claims of a spec share their `where` values, and
 * a run renders every claim. Sources are the spec's own, so the cache is as large as the specs.
 */
export function treeOf(source: string): AnyNode {
  let tree = trees.get(source);
  if (tree === undefined) trees.set(source, (tree = parseExpression(source) as unknown as AnyNode));
  return tree;
}

/** What rendering one expression carries down its tree. */
interface Pen {
  readonly n: Notation;
  readonly kinds: NameKinds;
}

const CONSTANTS: Record<string, { latex: string; unicode: string }> = {
  pi: { latex: '\\pi', unicode: 'π' },
  e: { latex: 'e', unicode: 'e' },
  Infinity: { latex: '\\infty', unicode: '∞' },
};

/** Nodes that read as one piece, so a superscript or a product needs no brackets around them. */
function isAtom(node: AnyNode): boolean {
  return ['SymbolNode', 'ConstantNode', 'ParenthesisNode', 'FunctionNode', 'ArrayNode', 'AccessorNode'].includes(
    node.type,
  );
}

/** A node as the base of a superscript: bracketed unless it is one piece. */
function base(pen: Pen, node: AnyNode): string {
  const text = render(pen, node);
  if (!isAtom(node) || (node.type === 'ConstantNode' && Number(node.value) < 0)) return pen.n.paren(text);
  // X⁻¹ as the base of a transpose: TeX takes no second superscript without braces.
  return pen.n.name === 'latex' && /\^\{[^{}]*\}$/.test(text) ? `{${text}}` : text;
}

/** The source of a simple exponent (2, -1), for superscript characters; null for anything else. */
function plainExponent(node: AnyNode): string | null {
  if (node.type === 'ConstantNode') return String(node.value);
  const arg = node.args?.[0];
  if (node.type === 'OperatorNode' && node.fn === 'unaryMinus' && arg?.type === 'ConstantNode') return `-${arg.value}`;
  return null;
}

/** The inside of brackets a fraction makes redundant. */
const unwrapped = (node: AnyNode): AnyNode => (node.type === 'ParenthesisNode' ? unwrapped(node.content!) : node);

/** True when `text` has a space outside brackets: more than one piece side by side. */
function loose(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    else if (ch === ' ' && depth === 0) return true;
  }
  return false;
}

/** A product written as the hint sheet writes it: side by side, with a dot only where juxtaposition misleads. */
function product(pen: Pen, left: string, right: string): string {
  if (pen.n.name === 'latex') {
    if (/^\d/.test(right)) return `${left} \\cdot ${right}`;
    // dX Y and X dY: a thin space keeps the differential apart from its neighbour, as in print.
    const differential = /\\mathrm\{d\}(\\mathbf\{\w+\}|\w)$/.test(left) || right.startsWith('\\mathrm{d}');
    return differential ? `${left} \\, ${right}` : `${left} ${right}`;
  }
  if (loose(left) || loose(right)) return `${left} · ${right}`;
  // `Xc GY` side by side would read as one name: names of several letters get a dot.
  // A call (`tanh(...)`) is no name, and needs no dot.
  const wordy =
    /[A-Za-z]{2,}$/.test(left) ||
    (/^[A-Za-z]{2,}(?![A-Za-z(])/.test(right) && !/^d[A-Za-z](?![A-Za-z])/.test(right)) ||
    (/\d$/.test(left) && /^\d/.test(right));
  return wordy ? `${left}·${right}` : `${left}${right}`;
}

/** A binary operator node. */
function binary(pen: Pen, node: AnyNode): string {
  const [a, b] = node.args as [AnyNode, AnyNode];
  const op = node.op!;
  if (op === '*') return product(pen, render(pen, a), render(pen, b));
  if (op === '/') return pen.n.frac(render(pen, pen.n.name === 'latex' ? unwrapped(a) : a), renderDenominator(pen, b));
  if (op === '^') return pen.n.power(base(pen, a), render(pen, b), plainExponent(b));
  if (op === '.^') return pen.n.dotPower(base(pen, a), render(pen, b), plainExponent(b));
  return `${render(pen, a)}${pen.n.operator(op)}${render(pen, b)}`;
}

/** A denominator: unbracketed in a LaTeX fraction, bracketed after a slash when it is more than one piece. */
function renderDenominator(pen: Pen, node: AnyNode): string {
  if (pen.n.name === 'latex') return render(pen, unwrapped(node));
  return isAtom(node) ? render(pen, node) : pen.n.paren(render(pen, node));
}

/** A unary operator node: a sign, `not`, or the postfix transpose. */
function unary(pen: Pen, node: AnyNode): string {
  const arg = node.args![0]!;
  if (node.fn === 'ctranspose' || node.fn === 'transpose') return pen.n.transpose(base(pen, arg));
  const sign = node.fn === 'unaryMinus' ? (pen.n.name === 'latex' ? '-' : '−') : node.fn === 'not' ? '¬' : '+';
  return `${pen.n.name === 'latex' && sign === '¬' ? '\\lnot ' : sign}${render(pen, arg)}`;
}

/** The size of `ones(n, 1)` or `eye(n)` as a subscript: `n`, or `m×n` for a matrix. */
function sizeOf(pen: Pen, args: readonly AnyNode[]): string | null {
  const sizes = args.map((a) => render(pen, a));
  if (sizes.length === 0) return null;
  if (sizes.length === 1 || sizes[1] === '1') return sizes[0]!;
  return sizes.join(pen.n.name === 'latex' ? ' \\times ' : '×');
}

/** A call with the hint sheet's notation where it has one: X⁻¹, |X|, tr, ‖x‖, ⊗, σ. */
function call(pen: Pen, node: AnyNode): string {
  const name = (node.fn as AnyNode).name!;
  const args = node.args!;
  const r = (i: number): string => render(pen, args[i]!);
  const { n } = pen;
  switch (name) {
    case 'inv':
      return n.power(base(pen, args[0]!), '-1', '-1');
    case 'pinv':
      return n.power(base(pen, args[0]!), '+', '+');
    case 'transpose':
      return n.transpose(base(pen, args[0]!));
    case 'det':
    case 'abs':
      return n.delimited('|', r(0), '|');
    case 'logdet':
      return `${n.word('log')}${n.delimited('|', r(0), '|')}`;
    case 'trace':
      return n.call('tr', [r(0)]);
    case 'norm':
      return args.length === 1 ? n.delimited('\\|', r(0), '\\|') : n.sub(n.delimited('\\|', r(0), '\\|'), r(1));
    case 'sqrt':
      return n.sqrt(r(0));
    case 'kron':
      return `${base(pen, args[0]!)}${n.operator('kron')}${base(pen, args[1]!)}`;
    case 'eye':
      return n.special('I', sizeOf(pen, args));
    case 'ones':
    case 'zeros':
      return n.special(name === 'ones' ? '1' : '0', sizeOf(pen, args));
    default:
      return n.call(
        name,
        args.map((_, i) => r(i)),
      );
  }
}

/** `A_{i,j}`: an index, with its ranges. */
function index(pen: Pen, node: AnyNode): string {
  const object = node.object as AnyNode;
  const dims = ((node.index as AnyNode | undefined)?.dimensions ?? []) as readonly AnyNode[];
  const parts = dims.map((d) => {
    if (d.type !== 'RangeNode') return render(pen, d);
    const start = d.start as AnyNode | undefined;
    const end = d.end as AnyNode | undefined;
    if (start === undefined || end === undefined) return ':';
    return `${render(pen, start)}${pen.n.name === 'latex' ? '{:}' : ':'}${render(pen, end)}`;
  });
  return pen.n.index(base(pen, object), parts);
}

/** `[a, b; c, d]` as a matrix. */
function array(pen: Pen, node: AnyNode): string {
  const items = node.items!;
  if (items.every((i) => i.type === 'ArrayNode'))
    return pen.n.matrix(items.map((row) => row.items!.map((e) => render(pen, e))));
  return pen.n.matrix([items.map((e) => render(pen, e))]);
}

/** A name: bold for an array, `dX` as the differential of X. */
function symbol(pen: Pen, name: string): string {
  const kind = pen.kinds.get(name);
  if (kind !== undefined && typeof kind === 'object') return pen.n.differential(symbol(pen, kind.d));
  return pen.n.symbol(name, kind === 'array');
}

/** One node of the tree. */
function render(pen: Pen, node: AnyNode): string {
  switch (node.type) {
    case 'ConstantNode':
      return pen.n.number(Number(node.value));
    case 'SymbolNode': {
      const constant = CONSTANTS[node.name!];
      if (constant !== undefined && !pen.kinds.has(node.name!)) return constant[pen.n.name];
      return symbol(pen, node.name!);
    }
    case 'ParenthesisNode':
      return pen.n.paren(render(pen, node.content!));
    case 'OperatorNode':
      return node.args!.length === 1 ? unary(pen, node) : binary(pen, node);
    case 'FunctionNode':
      return call(pen, node);
    case 'AccessorNode':
      return index(pen, node);
    case 'ArrayNode':
      return array(pen, node);
    case 'ConditionalNode':
      return pen.n.cases(render(pen, node.trueExpr!), render(pen, node.condition!), render(pen, node.falseExpr!));
    default:
      return node.type;
  }
}

/**
 * An expression written out from mcheck's own parse of it, in `notation`: what mcheck read,
 * not what the author typed. Only expressions that compiled are rendered, so the tree holds
 * only the node types the sandbox admits.
 */
export function renderExpression(source: string, notation: Notation, kinds: NameKinds): string {
  return render({ n: notation, kinds }, treeOf(source));
}

/** A name as a formula sets it (bold for an array, d of a var for a direction). */
export function renderName(name: string, notation: Notation, kinds: NameKinds): string {
  return symbol({ n: notation, kinds }, name);
}

/** True when the expression is one piece (a name, a call, brackets): a ∂ can stand before it bare. */
export function isOnePiece(source: string): boolean {
  return isAtom(treeOf(source));
}
