import { type Mat, formatShape } from '../linalg/mat.js';
import type { Scope } from './compile.js';

/** One operand of a binary operation that failed: its source text and its value on the draw. */
export interface Operand {
  readonly source: string;
  readonly value: Mat;
}

/** A shape as rows × cols. */
interface Shape {
  readonly rows: number;
  readonly cols: number;
}

/** A size said by the dims symbols that have it on this draw: `h`, `h or N`, or the number itself. */
function sizeName(size: number, dims: ReadonlyMap<string, number>): string {
  if (size === 1) return '1';
  const names = [...dims].filter(([, value]) => value === size).map(([name]) => name);
  return names.length === 0 ? String(size) : names.length === 1 ? names[0]! : `(${names.join(' or ')})`;
}

/** `W1 is 5×3 (h×d)`: an operand, its shape in numbers and, where dims give it, in symbols. */
function describeOperand({ source, value }: Operand, dims: ReadonlyMap<string, number>): string {
  const symbolic = `${sizeName(value.rows, dims)}×${sizeName(value.cols, dims)}`;
  const shape = formatShape(value);
  return `${source} is ${shape}${symbolic === shape ? '' : ` (${symbolic})`}`;
}

/** The transpose of an operand in source: `W1'`, or `(A + B)'` where the text is more than a name or call. */
function transposed(source: string): string {
  const undone = /^([A-Za-z_]\w*)'$|^\((.*)\)'$/.exec(source);
  if (undone !== null) return undone[1] ?? undone[2]!;
  return /^[A-Za-z_]\w*(\([^()]*\))?$/.test(source) || wrapped(source) ? `${source}'` : `(${source})'`;
}

/** True for `(...)` whose first bracket closes at the end: the text is already one operand. */
function wrapped(source: string): boolean {
  if (!source.startsWith('(') || !source.endsWith(')')) return false;
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    depth += source[i] === '(' ? 1 : source[i] === ')' ? -1 : 0;
    if (depth === 0 && i < source.length - 1) return false;
  }
  return true;
}

const flip = (s: Shape): Shape => ({ rows: s.cols, cols: s.rows });

/** Whether `op` accepts the two shapes: the product's inner sizes, or elementwise broadcasting. */
function fits(op: string, a: Shape, b: Shape): boolean {
  const scalar = (s: Shape): boolean => s.rows === 1 && s.cols === 1;
  if (op === '*') return scalar(a) || scalar(b) || a.cols === b.rows;
  if (scalar(a) || scalar(b)) return true;
  if (a.rows === b.rows && a.cols === b.cols) return true;
  const rowsOk = a.rows === b.rows && (a.cols === 1 || b.cols === 1);
  const colsOk = a.cols === b.cols && (a.rows === 1 || b.rows === 1);
  return rowsOk || colsOk;
}

/** `W1' * x would fit`, when transposing one operand (or both) makes the operation valid. */
function transposeAdvice(op: string, [a, b]: readonly [Operand, Operand]): string | null {
  // Undoing a transpose the author wrote is the likelier fix: try it first (x' * y' is x' * y).
  const single: readonly (readonly [boolean, boolean])[] = b.source.endsWith("'")
    ? [
        [false, true],
        [true, false],
      ]
    : [
        [true, false],
        [false, true],
      ];
  const tries: readonly (readonly [boolean, boolean])[] = [...single, [true, true]];
  for (const [ta, tb] of tries) {
    const left = ta ? flip(a.value) : a.value;
    const right = tb ? flip(b.value) : b.value;
    if (!fits(op, left, right)) continue;
    const text = `${ta ? transposed(a.source) : a.source} ${op} ${tb ? transposed(b.source) : b.source}`;
    return `${text} would fit`;
  }
  return null;
}

/** An operand's text, cut where it is too long to read in a message (a matrix literal). */
function shortened(source: string): string {
  return source.length <= 40 ? source : `${source.slice(0, 37)}...`;
}

/** The dims of a scope: the 1×1 values of the names that are dims symbols. */
export function dimsIn(scope: Scope, dimsNames: ReadonlySet<string>): Map<string, number> {
  const dims = new Map<string, number>();
  for (const name of dimsNames) {
    const value = scope.get(name);
    if (value !== undefined && value.re.length === 1) dims.set(name, value.re[0]!);
  }
  return dims;
}

/**
 * A dimension mismatch of `a op b` said with the operands' source text and their shapes in
 * numbers and in dims symbols, the reason linalg gave, and the transpose that would fit:
 * `dimension mismatch in W1 * x: W1 is 5×3 (h×d), x is 5×1 (h×1): inner dimensions 3 != 5; W1' * x would fit`.
 */
export function describeMismatch(
  op: string,
  operands: readonly [Operand, Operand],
  dims: ReadonlyMap<string, number>,
  reason: string,
): string {
  const [a, b] = operands.map((o) => ({ ...o, source: shortened(o.source) })) as [Operand, Operand];
  // Advice is only worth giving in text the author can copy.
  const copyable = a.source === operands[0].source && b.source === operands[1].source;
  const transpose = copyable ? transposeAdvice(op, [a, b]) : null;
  const matrix = (m: Mat): boolean => m.rows > 1 && m.cols > 1;
  const same = op === '*' && matrix(a.value) && a.value.rows === b.value.rows && a.value.cols === b.value.cols;
  const advice = [
    // Two operands of one shape in a product: the entrywise product is the likelier meaning.
    ...(same ? [`${a.source} .* ${b.source} is the product of each entry`] : []),
    ...(transpose === null ? [] : [same ? `${transpose} for the matrix product` : transpose]),
  ];
  const why = /\(([^()]*)\)$/.exec(reason)?.[1];
  const what = `${describeOperand(a, dims)}, ${describeOperand(b, dims)}`;
  return `dimension mismatch in ${a.source} ${op} ${b.source}: ${what}${why === undefined ? '' : `: ${why}`}${advice.map((x) => `; ${x}`).join('')}`;
}
