import {
  createAccessorNode, createArrayNode, createAssignmentNode, createBlockNode, createConditionalNode,
  createConstantNode, createFunctionAssignmentNode, createFunctionNode, createIndexNode, createNode,
  createObjectNode, createOperatorNode, createParenthesisNode, createParse, createRangeNode,
  createRelationalNode, createSymbolNode, type MathNode,
} from 'mathjs';

/** A mathjs factory: given its dependencies by name, it builds one function or class. */
type Factory = (dependencies: Record<string, unknown>) => unknown;

// mathjs exports its factories but its type declarations leave them out.
declare module 'mathjs' {
  export const createAccessorNode: Factory, createArrayNode: Factory, createAssignmentNode: Factory,
    createBlockNode: Factory, createConditionalNode: Factory, createConstantNode: Factory,
    createFunctionAssignmentNode: Factory, createFunctionNode: Factory, createIndexNode: Factory,
    createNode: Factory, createObjectNode: Factory, createOperatorNode: Factory,
    createParenthesisNode: Factory, createParse: Factory, createRangeNode: Factory,
    createRelationalNode: Factory, createSymbolNode: Factory;
}

/** A dependency of a node class that only its own evaluation or printing would call; mcheck calls neither. */
function unused(name: string): () => never {
  return () => {
    throw new Error(`mcheck's parser has no ${name}: the tree is compiled by mcheck, not by mathjs`);
  };
}

/**
 * The parser's `typed`: mathjs makes `parse` a typed function over strings, arrays and matrices,
 * and building the typed-function machinery for that took most of the CLI's start-up. mcheck only
 * ever parses one string, so the string signature is called directly.
 */
function typedForParse(_name: string, signatures: Record<string, (source: string) => MathNode>): (source: string) => MathNode {
  const parseString = signatures['string'];
  if (parseString === undefined) throw new Error('mathjs parse has no string signature');
  return (source) => parseString(source);
}
typedForParse.addConversion = (): void => {};

/**
 * Number literals as JavaScript numbers. mathjs's own `numeric` also knows word-size suffixes
 * (`0xFFi8`); those are refused here rather than read differently.
 */
function numeric(text: string): number {
  const value = Number(text);
  if (Number.isNaN(value)) throw new SyntaxError(`the number ${text} is not supported`);
  return value;
}

/**
 * mathjs's parser, built from mathjs's own factories with only what parsing touches. The node
 * classes are mathjs's, so the trees are exactly what `math.parse` returns; their `compile`,
 * `evaluate` and `toTex` are never used (mcheck compiles trees itself), so the dependencies only
 * those need are stubs that throw.
 */
function buildParse(): (source: string) => MathNode {
  const math = {};
  const Node = createNode({ mathWithTransform: math });
  const base = { Node, subset: unused('subset'), size: unused('size'), isBounded: unused('isBounded') };
  const SymbolNode = createSymbolNode({ ...base, math });
  const nodes = {
    AccessorNode: createAccessorNode(base),
    ArrayNode: createArrayNode(base),
    AssignmentNode: createAssignmentNode({ ...base, matrix: unused('matrix') }),
    BlockNode: createBlockNode({ ...base, ResultSet: unused('ResultSet') }),
    ConditionalNode: createConditionalNode(base),
    ConstantNode: createConstantNode(base),
    FunctionAssignmentNode: createFunctionAssignmentNode({ ...base, typed: typedForParse }),
    FunctionNode: createFunctionNode({ ...base, math, SymbolNode }),
    IndexNode: createIndexNode(base),
    ObjectNode: createObjectNode(base),
    OperatorNode: createOperatorNode(base),
    ParenthesisNode: createParenthesisNode(base),
    RangeNode: createRangeNode(base),
    RelationalNode: createRelationalNode(base),
    SymbolNode,
  };
  const config = { number: 'number', numberFallback: 'number' };
  return createParse({ ...nodes, typed: typedForParse, numeric, config }) as unknown as (source: string) => MathNode;
}

let parser: ((source: string) => MathNode) | null = null;

/**
 * Parses an expression into mathjs's tree; throws mathjs's SyntaxError on bad input. The parser is
 * built on first use, so commands that parse nothing (`--version`, `schema`) never build it.
 */
export function parseExpression(source: string): MathNode {
  parser ??= buildParse();
  return parser(source);
}
