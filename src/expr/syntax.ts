/**
 * The parse-tree nodes the compiler reads, with the fields it uses, and its refusal: shared by the
 * compiler's parts (compile.ts, compile-index.ts).
 */
export interface AnyNode {
  readonly type: string;
  readonly value?: unknown;
  readonly name?: string;
  readonly fn?: unknown;
  readonly op?: string;
  readonly args?: readonly AnyNode[];
  readonly content?: AnyNode;
  readonly items?: readonly AnyNode[];
  readonly condition?: AnyNode;
  readonly trueExpr?: AnyNode;
  readonly falseExpr?: AnyNode;
  readonly object?: AnyNode;
  readonly index?: AnyNode;
  readonly dimensions?: readonly AnyNode[];
  readonly dotNotation?: boolean;
  readonly start?: AnyNode;
  readonly end?: AnyNode | null;
  readonly step?: AnyNode | null;
}

/** Thrown inside the compiler only, caught by `compileExpression`. */
export class Refusal extends Error {}
