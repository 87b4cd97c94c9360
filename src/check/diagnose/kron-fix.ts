import { compileExpression } from '../../expr/compile.js';
import type { Claim } from '../../spec-file/identity.js';
import type { Variant } from './transpose-fix.js';

/** One `kron(a, b)` call in a source: where its two arguments stand. */
interface KronCall {
  readonly first: readonly [number, number];
  readonly second: readonly [number, number];
}

/** The end of the argument list opened at `open` (the index of its `(`), and its top-level commas. */
function argumentsAt(source: string, open: number): { close: number; commas: number[] } | null {
  let depth = 0;
  const commas: number[] = [];
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') {
      depth--;
      if (depth === 0) return { close: i, commas };
    } else if (c === ',' && depth === 1) commas.push(i);
  }
  return null;
}

/** Every two-argument `kron(...)` call of `source`. */
function kronCalls(source: string): KronCall[] {
  const calls: KronCall[] = [];
  for (const m of source.matchAll(/(?<![\w.])kron\s*\(/g)) {
    const open = m.index + m[0].length - 1;
    const args = argumentsAt(source, open);
    if (args === null || args.commas.length !== 1) continue;
    const comma = args.commas[0]!;
    calls.push({ first: [open + 1, comma], second: [comma + 1, args.close] });
  }
  return calls;
}

/**
 * Variants of a claim whose expect has the factors of one `kron` call swapped: kron(A, B) for
 * kron(B, A) is what flattening row by row instead of by columns (vec) gives.
 */
export function kronSwapVariants(claim: Extract<Claim, { expect: unknown }>): Variant[] {
  const { expect } = claim;
  const source = expect.source;
  return kronCalls(source).flatMap(({ first, second }) => {
    const a = source.slice(first[0], first[1]).trim();
    const b = source.slice(second[0], second[1]).trim();
    const swapped = `${source.slice(0, first[0])}${b}, ${a}${source.slice(second[1])}`;
    const compiled = compileExpression(swapped, expect.names, Infinity);
    if (!compiled.ok) return [];
    const says = `the factors of kron(${a}, ${b}) are swapped: kron(${b}, ${a}) holds (vec stacks columns; a row-major flattening swaps the factors)`;
    return [{ claim: { ...claim, expect: { ...expect, source: swapped, evaluate: compiled.evaluate } }, says }];
  });
}
