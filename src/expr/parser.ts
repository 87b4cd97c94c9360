import {
  createAccessorNode,
  createArrayNode,
  createAssignmentNode,
  createBlockNode,
  createConditionalNode,
  createConstantNode,
  createFunctionAssignmentNode,
  createFunctionNode,
  createIndexNode,
  createNode,
  createObjectNode,
  createOperatorNode,
  createParenthesisNode,
  createParse,
  createRangeNode,
  createRelationalNode,
  createSymbolNode,
  type MathNode,
} from 'mathjs';

/** A mathjs factory: given its dependencies by name, it builds one function or class. */
type Factory = (dependencies: Record<string, unknown>) => unknown;

// mathjs exports its factories but its type declarations leave them out.
declare module 'mathjs' {
  export const createAccessorNode: Factory,
    createArrayNode: Factory,
    createAssignmentNode: Factory,
    createBlockNode: Factory,
    createConditionalNode: Factory,
    createConstantNode: Factory,
    createFunctionAssignmentNode: Factory,
    createFunctionNode: Factory,
    createIndexNode: Factory,
    createNode: Factory,
    createObjectNode: Factory,
    createOperatorNode: Factory,
    createParenthesisNode: Factory,
    createParse: Factory,
    createRangeNode: Factory,
    createRelationalNode: Factory,
    createSymbolNode: Factory;
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
function typedForParse(
  _name: string,
  signatures: Record<string, (source: string) => MathNode>,
): (source: string) => MathNode {
  const parseString = signatures['string'];
  if (parseString === undefined) throw new Error('mathjs parse has no string signature');
  return (source) => parseString(source);
}
typedForParse.addConversion = (): void => {};

const RADIX: Record<string, number> = { '0b': 2, '0o': 8, '0x': 16 };

/**
 * Number literals as mathjs reads them when numbers are JavaScript numbers: decimal, and binary,
 * octal or hexadecimal with a fraction (`0x1.8` is 1.5) or a word size (`0xFFi8` is −1). The rules
 * follow mathjs's own number conversion, which the parser would otherwise call.
 */
function numeric(text: string): number {
  if (text === 'NaN') return NaN;
  const fraction = /(0[box])([0-9a-fA-F]*)\.([0-9a-fA-F]*)/.exec(text);
  if (fraction !== null) {
    const radix = RADIX[fraction[1]!]!;
    let value = parseInt(fraction[2]!, radix);
    for (let i = 0; i < fraction[3]!.length; i++) value += parseInt(fraction[3]![i]!, radix) / radix ** (i + 1);
    if (Number.isNaN(value)) throw new SyntaxError(`String "${text}" is not a valid number`);
    return value;
  }
  const sized = /(0[box][0-9a-fA-F]*)i([0-9]*)/.exec(text);
  const size = sized === null ? 0 : Number(sized[2]);
  let value = Number(sized === null ? text : sized[1]);
  if (Number.isNaN(value)) throw new SyntaxError(`String "${text}" is not a valid number`);
  if (sized !== null) {
    if (value > 2 ** size - 1) throw new SyntaxError(`String "${sized[1]}" is out of range`);
    if (value >= 2 ** (size - 1)) value -= 2 ** size;
  }
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
