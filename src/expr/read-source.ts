import type { MathNode } from 'mathjs';
import { parseExpression } from './parser.js';

/** The parsed tree of an expression, or why its source cannot be read. */
export type ReadResult =
  { readonly ok: true; readonly root: MathNode } | { readonly ok: false; readonly message: string };

/** The deepest nesting of brackets in `source`, counted before the parser recurses into it. */
function bracketDepth(source: string): number {
  let depth = 0;
  let max = 0;
  for (const ch of source) {
    if (ch === '(' || ch === '[' || ch === '{') max = Math.max(max, ++depth);
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
  }
  return max;
}

/**
 * True for what the parser throws on input it cannot read: mathjs's SyntaxError (with the
 * position), and running out of stack on nesting the bracket count does not see (`- - - x` or
 * `x^x^x` thousands deep, possible once the length limit is raised).
 */
function isParseFailure(error: unknown): error is Error {
  return error instanceof SyntaxError || (error instanceof RangeError && /call stack/i.test(error.message));
}

/**
 * Reads an expression's source within its limits (length, bracket depth) into mathjs's tree, or
 * says why not; anything else the parser throws is a bug and propagates.
 */
export function readSource(source: string, maxLength: number, maxDepth: number): ReadResult {
  if (source.trim() === '') return { ok: false, message: 'the expression is empty' };
  if (source.length > maxLength) {
    return {
      ok: false,
      message: `the expression is longer than the limit of ${maxLength} characters (raise it with --limit expression-length=N)`,
    };
  }
  if (bracketDepth(source) > maxDepth) return { ok: false, message: `brackets nest deeper than ${maxDepth} levels` };
  try {
    return { ok: true, root: parseExpression(source) };
  } catch (error) {
    if (!isParseFailure(error)) throw error;
    // Quoted as written: JSON's escapes would double every backslash of a LaTeX habit.
    return { ok: false, message: `cannot parse "${source}": ${error.message}` };
  }
}
