/**
 * The typed-array evaluator against mathjs's own evaluator, the reference: random expressions
 * over random matrices, evaluated both ways, must agree to 1e-12 relative (normwise). The grammar
 * keeps to operations whose meaning the two share; elementwise functions, which mathjs 15 applies
 * to matrices only through map(), are written f(M) for mcheck and map(M, f) for mathjs.
 */
import { evaluate as mathEvaluate, matrix, type Matrix } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { compileExpression } from '../../../src/expr/compile.js';
import type { Mat } from '../../../src/linalg/mat.js';
import { createRng, type Rng } from '../../../src/numeric/rng.js';
import { drawSample } from '../../../src/numeric/samplers.js';

/** One expression in both dialects. */
interface Pair {
  readonly ours: string;
  readonly theirs: string;
}

const ELEMENTWISE = ['tanh', 'sin', 'cos', 'exp', 'abs', 'erf'] as const;

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.int(0, xs.length - 1)]!;
const both = (s: string): Pair => ({ ours: s, theirs: s });

/** A random n×n matrix expression of at most `depth` levels. */
function matrixExpr(rng: Rng, depth: number): Pair {
  if (depth === 0 || rng.uniform() < 0.2)
    return pick(rng, [both('A'), both('B'), both('inv(A)'), both('inv(B)'), both("A'")]);
  const a = matrixExpr(rng, depth - 1);
  switch (rng.int(0, 6)) {
    case 0:
    case 1: {
      const op = pick(rng, ['+', '-', '.*', '*']);
      const b = matrixExpr(rng, depth - 1);
      return { ours: `(${a.ours} ${op} ${b.ours})`, theirs: `(${a.theirs} ${op} ${b.theirs})` };
    }
    case 2:
      return { ours: `(${a.ours})'`, theirs: `(${a.theirs})'` };
    case 3: {
      const s = scalarExpr(rng, depth - 1);
      return { ours: `(${s.ours}) * ${a.ours}`, theirs: `(${s.theirs}) * ${a.theirs}` };
    }
    case 4: {
      const f = pick(rng, ELEMENTWISE);
      // exp only of bounded arguments, so that nothing overflows
      const arg = f === 'exp' ? { ours: `sin(${a.ours})`, theirs: `map(${a.theirs}, sin)` } : a;
      return { ours: `${f}(${arg.ours})`, theirs: `map(${arg.theirs}, ${f})` };
    }
    case 5:
      return pick(rng, [
        { ours: `transpose(${a.ours}) + 0.5`, theirs: `transpose(${a.theirs}) + 0.5` },
        // expm of a bounded argument, pinv: the functions of v2 that mathjs has as well.
        { ours: `expm(sin(${a.ours}))`, theirs: `expm(map(${a.theirs}, sin))` },
        { ours: `pinv(${a.ours})`, theirs: `pinv(${a.theirs})` },
      ]);
    default:
      return { ours: `${a.ours} ./ (2 + cos(B))`, theirs: `${a.theirs} ./ (2 + map(B, cos))` };
  }
}

/** A random scalar expression. */
function scalarExpr(rng: Rng, depth: number): Pair {
  if (depth === 0) return pick(rng, [both('det(A)'), both('2.5'), both('trace(B)')]);
  const m = matrixExpr(rng, depth - 1);
  return pick(rng, [
    { ours: `trace(${m.ours})`, theirs: `trace(${m.theirs})` },
    { ours: `sum(${m.ours})`, theirs: `sum(${m.theirs})` },
    both('det(A) * det(B)'),
    { ours: `norm(${m.ours}, 1)`, theirs: `norm(${m.theirs}, 1)` },
    { ours: `norm(${m.ours}, Infinity)`, theirs: `norm(${m.theirs}, Infinity)` },
    { ours: `var(${m.ours})`, theirs: `variance(${m.theirs}, "uncorrected")` },
    { ours: `std(${m.ours})`, theirs: `std(${m.theirs}, "uncorrected")` },
    { ours: 'logdet(A)', theirs: 'log(abs(det(A)))' },
  ]);
}

function asArray(value: unknown): number[][] {
  if (typeof value === 'number') return [[value]];
  return (value as Matrix).toArray() as number[][];
}

function rowsOf(m: Mat): number[][] {
  return Array.from({ length: m.rows }, (_, i) => Array.from(m.re.subarray(i * m.cols, (i + 1) * m.cols)));
}

describe('the evaluator against mathjs', () => {
  it('agrees to 1e-12 relative on 400 random expressions over random matrices', () => {
    const rng = createRng(['differential']);
    let compared = 0;
    for (let t = 0; t < 400; t++) {
      const n = rng.int(1, 6);
      // Well-conditioned draws: the two LU codes round differently, by about cond(A)·ε.
      const A = drawSample('invertible', n, n, rng),
        B = drawSample('invertible', n, n, rng);
      const pair = t % 3 === 0 ? scalarExpr(rng, 3) : matrixExpr(rng, 4);
      const compiled = compileExpression(pair.ours, new Set(['A', 'B']));
      if (!compiled.ok) throw new Error(`${pair.ours}: ${compiled.message}`);
      const ours = rowsOf(
        compiled.evaluate(
          new Map([
            ['A', A],
            ['B', B],
          ]),
          null,
        ),
      );
      const theirs = asArray(mathEvaluate(pair.theirs, { A: matrix(rowsOf(A)), B: matrix(rowsOf(B)) }));
      expect([ours.length, ours[0]!.length], pair.ours).toEqual([theirs.length, theirs[0]!.length]);
      const scale = Math.max(...theirs.flat().map(Math.abs));
      const diff = Math.max(...ours.flat().map((v, k) => Math.abs(v - theirs.flat()[k]!)));
      expect(diff, `${pair.ours} (scale ${scale})`).toBeLessThanOrEqual(1e-12 * scale);
      compared++;
    }
    expect(compared).toBe(400);
  });
});
