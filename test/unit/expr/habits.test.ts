import { describe, expect, it } from 'vitest';
import { compileExpression } from '../../../src/expr/compile.js';

const NAMES = new Set(['x', 'y', 'A', 'B', 'X', 'S', 'W', 'n', 'm']);

/** Each habit of LaTeX, NumPy, PyTorch or MATLAB, and what its message must contain. */
const HABITS: readonly (readonly [string, readonly string[]])[] = [
  ['x^T * A * x', ["transpose is written with '", "try: x' * A * x"]],
  ['x^T A x', ["try: x' A x"]],
  ['x^\\top A x', ["try: x' A x"]],
  ['X^{T}', ["try: X'"]],
  ['X^{-1}', ['inv(X)', 'try: X^-1']],
  ['tr(A * X)', ['trace(A)']],
  ['Tr(A)', ['trace(A)']],
  ['A.T * x', ["A'", "try: A' * x"]],
  ['A @ B', ['A * B', 'try: A * B']],
  ['np.dot(A, B)', ['try: A * B']],
  ['A.dot(B)', ['try: A * B']],
  ['np.log(x)', ['bare names', 'try: log(x)']],
  ['torch.inverse(A)', ['bare names', 'inv(A)']],
  ['np.linalg.inv(A)', ['try: inv(A)']],
  ['|X|', ['det(X)', 'abs(x)']],
  ['sum(A, axis=0)', ['sum(A, 1)', 'try: sum(A, 1)']],
  ['sum(A, axis=1)', ['try: sum(A, 2)']],
  ['sum(x**2)', ['.^', 'try: sum(x.^2)']],
  ['ln(x)', ['log(x)']],
  ['maximum(x, 0)', ['max(a, b)']],
  ['minimum(x, 0)', ['min(a, b)']],
  ["norm(A, 'fro')", ['norm(A)', 'try: norm(A)']],
  ["norm(A, 'nuc')", ['sum(svdvals(A))']],
  ["\\frac{1}{2} x' x", ['a / b', "try: ((1) / (2)) x' x"]],
  ["x' \\cdot A \\cdot x", ["try: x' * A * x"]],
  ["\\mathbf{x}' A", ["try: x' A"]],
  ['xᵀ A x', ["try: x' A x"]],
  ['log det(X)', ['logdet(X)', 'try: logdet(X)']],
  ['ones(n)', ['ones(n, 1)', 'try: ones(n, 1)']],
  ['inverse(A)', ['inv(A)']],
  ["2 * np.dot(W', W * x - y)", ["try: 2 * W' * (W * x - y)"]],
  ['np.maximum(x, 0)', ['try: max(x, 0)']],
  ['(x .^ 2).sum()', ['methods', 'try: sum(x .^ 2)']],
  ["X.inverse()'", ["try: inv(X)'"]],
  ["x.' * A * x", ["try: x' * A * x"]],
  ['A \\ x', ['solve(A, b)', 'try: solve(A, x)']],
  ['log(|X|)', ['try: logdet(X)']],
  ['||x - y||^2', ['try: norm(x - y)^2']],
  ['σ(x)', ['sigmoid(x) for σ(x)', 'try: sigmoid(x)']],
  ['numel(x)', ['dims symbols']],
  ['size(X, 1)', ['size(X, 1) of an [m, n] var is m']],
  ['repmat(x, 1, n)', ['broadcasts']],
  ['x(1)', ['x is not a function', 'x[1]']],
  ['I', ['eye(n)']],
  ["dx' * A", ['differential claim']],
  ['tr(A * X)', ['try: trace(A * X)']],
  ['trce(A)', ['did you mean trace()']],
  ['sum(yy)', ['(did you mean y']],
];

describe('messages that name the mcheck form of a habit', () => {
  it.each(HABITS)('%s', (source, wanted) => {
    const result = compileExpression(source, NAMES);
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : result.message;
    for (const part of wanted) expect(message).toContain(part);
  });

  it('never changes a valid expression: x^T is a power where T is a var', () => {
    const result = compileExpression('x^T', new Set(['x', 'T']));
    expect(result.ok).toBe(true);
  });

  it('offers no rewrite that does not compile', () => {
    const result = compileExpression('x^T * Q', NAMES);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).not.toContain('try:');
  });
});
