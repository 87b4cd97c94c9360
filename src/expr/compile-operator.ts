import { MathError } from '../linalg/mat.js';
import { pollBudget } from '../budget.js';
import type { Evaluator } from './compile.js';
import { BINARY_OPERATORS, UNARY_OPERATORS } from './language/index.js';
import { describeMismatch, dimsIn } from './shape-mismatch.js';
import { type AnyNode, Refusal } from './syntax.js';

/**
 * A unary or binary operator node over its compiled operands. A binary operation whose shapes do
 * not fit is said with the operands' source text and the dims of the draw (`dims` names them).
 */
export function compileOperator(node: AnyNode, args: Evaluator[], dims: ReadonlySet<string>): Evaluator {
  const fn = node.fn as string;
  if (args.length === 1) {
    const op = UNARY_OPERATORS.get(fn);
    if (op === undefined) throw new Refusal(`the operator ${fn} is not allowed`);
    const [a] = args as [Evaluator];
    return (scope, trace) => {
      const x = a(scope, trace);
      pollBudget(x.re.length); // after the operands, just before the work: a deep tree polls between every step
      return op(x);
    };
  }
  const op = BINARY_OPERATORS.get(fn);
  if (op === undefined || args.length !== 2) throw new Refusal(`the operator ${fn} is not allowed`);
  const [a, b] = args as [Evaluator, Evaluator];
  const [left, right] = node.args!.map((n) => n.toString());
  return (scope, trace) => {
    const x = a(scope, trace);
    const y = b(scope, trace);
    pollBudget(x.re.length + y.re.length);
    try {
      return op(x, y, trace);
    } catch (error) {
      if (!(error instanceof MathError)) throw error;
      // a / B is a * inv(B): by a vector that is no division of entries, which is ./
      if (node.op === '/' && !(y.rows === 1 && y.cols === 1))
        throw new MathError(
          `${error.message}; ${left} / ${right} divides by the matrix ${right} (times its inverse): for each entry write ${left} ./ ${right}`,
        );
      if (node.op === '^' && left === 'e') throw new MathError(`${error.message}; e^x is exp(x), for each entry`);
      // Shapes are checked on the values: say which operands, in which dims, and what would fit.
      if (!error.message.startsWith('dimension mismatch')) throw error;
      const operands = [
        { source: left!, value: x },
        { source: right!, value: y },
      ] as const;
      throw new MathError(describeMismatch(node.op!, operands, dimsIn(scope, dims), error.message));
    }
  };
}
