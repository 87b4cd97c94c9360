/** An error in the mathematics of an expression (shapes, domains, sizes): never a bug. */
export class MathError extends Error {
  override readonly name: string = 'MathError';
}
