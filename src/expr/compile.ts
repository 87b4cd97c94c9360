import { type Mat, MathError, scalar } from '../linalg/mat.js';
import { hcat, vcat } from '../linalg/structure.js';
import { compileConditional } from './compile-conditional.js';
import { compileIndex } from './compile-index.js';
import { type AnyNode, Refusal } from './syntax.js';
import { closest } from '../util/closest.js';
import { withHabitFixes } from './habits.js';
import { aliasOf } from './function-aliases.js';
import { CONSTANT_VALUES } from './language/index.js';
import { PRELUDE } from './prelude.js';
import type { KinkTrace } from './kink-trace.js';
import { countEvaluation, pollBudget } from '../budget.js';
import { DEFAULT_LIMITS } from '../limits.js';
import { readSource } from './read-source.js';
import { compileOperator } from './compile-operator.js';
import { ComplexRefusal, mayBeComplex } from './complex-check.js';

/** Values of the names an expression may read: vars, `where` names, dims, the upstream array. */
export type Scope = ReadonlyMap<string, Mat>;

/** A compiled expression: a pure function of a scope. `trace` collects kinks when given. */
export type Evaluator = (scope: Scope, trace: KinkTrace | null) => Mat;

/** The outcome of compiling one expression: never an exception. */
export type CompileResult =
  | {
      readonly ok: true;
      readonly evaluate: Evaluator;
      readonly names: ReadonlySet<string>;
      /** The value may be complex, by type (it comes from eigvals through functions that keep it). */
      readonly complex: boolean;
    }
  | { readonly ok: false; readonly message: string };

/** What the names of an expression are, beyond being declared: complex by type, dims symbols. */
export interface NameRoles {
  /** The `where` names whose values may be complex (by type). */
  readonly complex: ReadonlySet<string>;
  /** The dims symbols: a shape error says sizes by them. */
  readonly dims: ReadonlySet<string>;
}

const NO_ROLES: NameRoles = { complex: new Set(), dims: new Set() };

/** Longest expression accepted by default, in characters. Hint-sheet formulas are under 100. */
export const MAX_EXPRESSION_LENGTH = DEFAULT_LIMITS.expressionLength;
/** Deepest nesting of brackets accepted; the parser recurses once per level. */
export const MAX_EXPRESSION_DEPTH = 64;
/** Deepest tree of operations accepted (a flat sum of n terms is n deep). */
export const MAX_TREE_DEPTH = 256;

/** Why a node type is refused, in the words of a spec author. */
const REFUSED: Record<string, string> = {
  AssignmentNode: 'assignments are not allowed in expressions (use `where:` to name values)',
  FunctionAssignmentNode: 'function definitions are not allowed in expressions',
  IndexNode: 'an index belongs after a value: A[i, j]',
  ObjectNode: 'object literals are not allowed in expressions',
  BlockNode: 'an expression is a single formula (`;` and newlines separate statements)',
  RangeNode: 'ranges `a:b` are allowed only inside an index: A[2:n, :]',
  RelationalNode: 'chained comparisons such as `a < b < c` are not allowed',
};

/**
 * Parses `source` with mathjs and compiles it into closures over {@link Mat}, admitting only an
 * allowlist of node types, operators and functions and only the `names` given (plus constants).
 * Nothing of mathjs's evaluator runs, so a spec cannot reach `import`, `config`, methods of its
 * matrices or the scope; this is the sandbox.
 */
export function compileExpression(
  source: string,
  names: ReadonlySet<string>,
  maxLength = MAX_EXPRESSION_LENGTH,
  roles: NameRoles = NO_ROLES,
): CompileResult {
  const result = compileSource(source, names, maxLength, roles);
  if (result.ok) return result;
  // A failure may come from a habit of LaTeX, NumPy or MATLAB: name the mcheck form.
  const compiles = (s: string): boolean => compileSource(s, names, maxLength, roles).ok;
  return { ok: false, message: withHabitFixes(source, result.message, compiles) };
}

/** {@link compileExpression} without the advice on habits. */
function compileSource(source: string, names: ReadonlySet<string>, maxLength: number, roles: NameRoles): CompileResult {
  const parsed = readSource(source, maxLength, MAX_EXPRESSION_DEPTH);
  if (!parsed.ok) return parsed;
  const root = parsed.root;
  const used = new Set<string>();
  try {
    const evaluate = compileNode(root, { names, used, dims: roles.dims }, 0);
    const complex = mayBeComplex(root as AnyNode, roles.complex);
    return {
      ok: true,
      evaluate: (scope, trace) => {
        countEvaluation();
        return evaluate(scope, trace);
      },
      names: used,
      complex,
    };
  } catch (error) {
    if (error instanceof Refusal || error instanceof ComplexRefusal) return { ok: false, message: error.message };
    throw error;
  }
}

/** What compiling one expression carries down the tree: the names it may read, those it reads, the dims. */
interface CompileState {
  readonly names: ReadonlySet<string>;
  readonly used: Set<string>;
  readonly dims: ReadonlySet<string>;
}

function compileNode(node: AnyNode, state: CompileState, depth: number): Evaluator {
  if (depth > MAX_TREE_DEPTH) throw new Refusal(`the expression has more than ${MAX_TREE_DEPTH} nested operations`);
  const { names, used } = state;
  const child = (n: AnyNode): Evaluator => compileNode(n, state, depth + 1);
  switch (node.type) {
    case 'ConstantNode':
      return compileConstant(node.value);
    case 'SymbolNode':
      return compileSymbol(node.name!, names, used);
    case 'ParenthesisNode':
      return child(node.content!);
    case 'OperatorNode':
      return compileOperator(node, node.args!.map(child), state.dims);
    case 'FunctionNode':
      if (names.has((node.fn as AnyNode).name ?? '')) {
        const name = (node.fn as AnyNode).name!;
        throw new Refusal(
          `${name} is not a function: an entry is read with brackets, ${name}[1] or ${name}[i, j] (MATLAB's ${name}(1))`,
        );
      }
      return compileCall(node, node.args!.map(child));
    case 'ArrayNode':
      return compileArray(node, child);
    case 'AccessorNode':
      return compileIndex(node, child, (n) => compileSymbolName(n, names, used));
    case 'ConditionalNode':
      return compileConditional(child(node.condition!), child(node.trueExpr!), child(node.falseExpr!));
    default:
      throw new Refusal(REFUSED[node.type] ?? `${node.type} is not allowed in expressions`);
  }
}

function compileConstant(value: unknown): Evaluator {
  if (typeof value !== 'number')
    throw new Refusal(`only numbers are allowed as constants, got ${JSON.stringify(value)}`);
  const m = scalar(value);
  return () => m;
}

/** Whether `name` is declared, marking it used: indices may read dims symbols (and 1×1 vars). */
function compileSymbolName(name: string, names: ReadonlySet<string>, used: Set<string>): boolean {
  if (!names.has(name)) return false;
  used.add(name);
  return true;
}

/** Why a name may be undefined: the identity written as I, a direction outside a differential, a typo. */
function undefinedAdvice(name: string, names: ReadonlySet<string>): string {
  if (['I', 'Id', 'eye'].includes(name)) return ': the identity is eye(n), with a dims symbol (or number) for its size';
  const direction = /^d([A-Za-z_]\w*)$/.exec(name)?.[1];
  if (direction !== undefined && names.has(direction))
    return `: ${name} is the direction of ${direction} only in a differential claim (kind: differential, wrt: ${direction})`;
  const near = closest(name, [...names, ...CONSTANT_VALUES.keys()]);
  return near.length > 0 ? ` (did you mean ${near.join(', ')}?)` : '';
}

function compileSymbol(name: string, names: ReadonlySet<string>, used: Set<string>): Evaluator {
  if (names.has(name)) {
    used.add(name);
    return (scope) => {
      const value = scope.get(name);
      if (value === undefined) throw new MathError(`${name} has no value here`);
      return value;
    };
  }
  const constant = CONSTANT_VALUES.get(name);
  if (constant !== undefined) return () => constant;
  if (PRELUDE.has(name)) throw new Refusal(`${name} is a function: call it as ${name}(...)`);
  throw new Refusal(`undefined name "${name}"${undefinedAdvice(name, names)}`);
}

function compileCall(node: AnyNode, args: Evaluator[]): Evaluator {
  const fnNode = node.fn as AnyNode;
  if (fnNode.type !== 'SymbolNode') throw new Refusal('only named functions can be called');
  const name = fnNode.name!;
  const fn = PRELUDE.get(name);
  if (fn === undefined) {
    const alias = aliasOf(name);
    if (alias !== null) throw new Refusal(`unknown function ${name}(): ${alias}`);
    const near = closest(name, PRELUDE.keys());
    const hint = near.length > 0 ? `did you mean ${near.map((n) => `${n}()`).join(', ')}? ` : '';
    throw new Refusal(`unknown function ${name}() (${hint}mcheck functions lists them all)`);
  }
  if (args.length < fn.minArgs || args.length > fn.maxArgs) {
    const want = fn.minArgs === fn.maxArgs ? `${fn.minArgs}` : `${fn.minArgs} or ${fn.maxArgs}`;
    throw new Refusal(`${name}() takes ${want} argument${fn.maxArgs === 1 ? '' : 's'}, got ${args.length}`);
  }
  return (scope, trace) => {
    const values: Mat[] = [];
    let work = 0;
    for (let i = 0; i < args.length; i++) {
      const value = args[i]!(scope, trace);
      values.push(value);
      work += value.re.length;
    }
    pollBudget(work);
    return fn.call(values, trace);
  };
}

/** `[a, b]` concatenates side by side, `[a; b]` stacks, as in MATLAB. */
function compileArray(node: AnyNode, child: (n: AnyNode) => Evaluator): Evaluator {
  const items = node.items!;
  if (items.length === 0) throw new Refusal('empty brackets [] are not allowed');
  // mathjs reads `[a b]` as the product [a*b]; in MATLAB it is two entries. Refuse the ambiguity.
  const implicit = (n: AnyNode): boolean =>
    n.type === 'OperatorNode' && (n as { implicit?: boolean }).implicit === true;
  if (items.some((i) => implicit(i) || (i.type === 'ArrayNode' && i.items!.some(implicit)))) {
    throw new Refusal('entries of [ ] must be separated by commas: write [a, b], not [a b]');
  }
  if (items.every((item) => item.type === 'ArrayNode')) {
    const rows = items.map((row) => row.items!.map(child));
    return (scope, trace) => vcat(rows.map((row) => hcat(row.map((e) => e(scope, trace)))));
  }
  const parts = items.map(child);
  return (scope, trace) => hcat(parts.map((e) => e(scope, trace)));
}
