import { type ComplexRule, OPERATORS } from './language/index.js';
import { PRELUDE } from './prelude.js';
import type { AnyNode } from './syntax.js';

/** The parsed tree, as far as the check reads it. */
type Node = AnyNode;

const OPERATOR_RULES: ReadonlyMap<string, { readonly rule: ComplexRule; readonly symbol: string }> = new Map(
  OPERATORS.map((o) => [`${o.arity}:${o.fn}`, { rule: o.complex, symbol: o.symbol }]),
);

/** Thrown by the check, with the spec author's message; the compiler turns it into a refusal. */
export class ComplexRefusal extends Error {}

/** The result of applying a rule to arguments, each of which may or may not be complex. */
function apply(rule: ComplexRule, complexArgs: readonly boolean[], what: string): boolean {
  const refused =
    rule === 'refuses' ? complexArgs.some(Boolean) : rule === 'first' ? complexArgs.slice(1).some(Boolean) : false;
  if (refused) {
    const which = rule === 'first' ? 'only its first argument may be complex' : 'it is defined for real values only';
    throw new ComplexRefusal(
      `${what} cannot take a value that may be complex (eigvals gives complex values where the eigenvalues are): ${which}; take real(...), imag(...) or abs(...) first`,
    );
  }
  if (rule === 'makes') return true;
  if (rule === 'drops') return false;
  return rule === 'first' ? complexArgs[0] === true : complexArgs.some(Boolean);
}

/**
 * True when the value of the tree may be complex, by type: eigvals makes complex values, the
 * functions and operators that keep them pass them on, and `complexNames` (where values that may
 * be complex) are complex. Throws {@link ComplexRefusal} where a real-only function or operator
 * would receive a value that may be complex: that is refused when the spec is loaded, not on the
 * draws that happen to give complex eigenvalues. Nodes the compiler refuses are left to it.
 */
export function mayBeComplex(node: Node, complexNames: ReadonlySet<string>): boolean {
  const child = (n: Node): boolean => mayBeComplex(n, complexNames);
  switch (node.type) {
    case 'SymbolNode':
      return complexNames.has(node.name!);
    case 'ParenthesisNode':
      return child(node.content!);
    case 'OperatorNode': {
      const args = node.args!.map(child);
      const op = OPERATOR_RULES.get(`${args.length}:${String(node.fn)}`);
      return op === undefined ? false : apply(op.rule, args, `the operator ${op.symbol}`);
    }
    case 'FunctionNode': {
      const args = node.args!.map(child);
      const name = (node.fn as Node).name;
      const fn = name === undefined ? undefined : PRELUDE.get(name);
      return fn === undefined ? false : apply(fn.complex, args, `${name}()`);
    }
    case 'ArrayNode':
      return apply('refuses', node.items!.map(child), '[ ]');
    case 'AccessorNode':
      return node.object === undefined ? false : child(node.object);
    case 'ConditionalNode':
      return apply('refuses', [node.condition!, node.trueExpr!, node.falseExpr!].map(child), 'c ? a : b');
    default:
      return false;
  }
}
