import type { AnyNode } from '../expr/syntax.js';
import type { Claim, Identity } from '../spec-file/identity.js';
import { type NameKind, type NameKinds, treeOf } from './render-expression.js';

/** Functions whose value is a scalar whatever their argument (those of one argument that reduce it). */
const SCALAR_VALUED = new Set(['trace', 'det', 'logdet', 'norm']);
/** Reductions that give a scalar when called with one argument (with an axis they give a row or column). */
const REDUCTIONS = new Set(['sum', 'mean', 'prod', 'var', 'std', 'max', 'min', 'logsumexp']);

/** Whether an expression's value is a scalar, judged from its tree: enough to choose bold or plain. */
function kindOfNode(node: AnyNode, kinds: NameKinds): 'scalar' | 'array' {
  const all = (nodes: readonly AnyNode[]): 'scalar' | 'array' =>
    nodes.every((n) => kindOfNode(n, kinds) === 'scalar') ? 'scalar' : 'array';
  switch (node.type) {
    case 'ConstantNode':
      return 'scalar';
    case 'SymbolNode': {
      const kind = kinds.get(node.name!);
      return kind === undefined || kind === 'scalar' ? 'scalar' : 'array';
    }
    case 'ParenthesisNode':
      return kindOfNode(node.content!, kinds);
    case 'OperatorNode':
      return all(node.args!);
    case 'FunctionNode': {
      const name = (node.fn as AnyNode).name!;
      if (SCALAR_VALUED.has(name) || (REDUCTIONS.has(name) && node.args!.length === 1)) return 'scalar';
      return ['eye', 'ones', 'zeros', 'diag'].includes(name) ? 'array' : all(node.args!);
    }
    case 'AccessorNode':
      return (node.index?.dimensions ?? []).some((d) => d.type === 'RangeNode') ? 'array' : 'scalar';
    case 'ConditionalNode':
      return all([node.trueExpr!, node.falseExpr!]);
    default:
      return 'array';
  }
}

/**
 * The kind of every name a claim's formulas read: its identity's dims (scalars), vars (by their
 * declared shape), `where` values (judged from their formulas, in order), a backprop claim's
 * upstream (an array) and a differential's directions (d of their var).
 */
export function nameKindsOf(identity: Identity, claim: Claim): NameKinds {
  const kinds = new Map<string, NameKind>();
  for (const d of identity.dims) kinds.set(d.name, 'scalar');
  for (const v of identity.vars) kinds.set(v.name, v.shape.length === 0 ? 'scalar' : 'array');
  if (claim.kind === 'backprop') kinds.set(claim.upstream, 'array');
  for (const w of identity.where) {
    kinds.set(w.name, kindOfNode(treeOf(w.expr.source), kinds));
  }
  if (claim.kind === 'differential') claim.wrt.forEach((x, i) => kinds.set(claim.directions[i]!, { d: x }));
  return kinds;
}
