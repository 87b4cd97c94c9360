import * as math from 'mathjs';
import { describe, expect, it } from 'vitest';
import { KinkTrace } from '../../../src/expr/kink-trace.js';
import { compileExpression } from '../../../src/expr/compile.js';
import { fromRows, toRows } from '../../../src/linalg/mat.js';
import { erf } from '../../../src/linalg/erf.js';
import { evaluate, expectClose, randomMat, refTranspose, thrown } from '../helpers.js';

// The functions of "More of the language a course needs", each against a reference: mathjs where
// it has the function, identities and closed forms elsewhere, to 1e-12 relative.

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(1e-300, Math.abs(b));

describe('erf', () => {
  it('agrees with mathjs and with known values, odd, and ±1 far out', () => {
    for (const x of [-5.5, -3, -1.2, -0.3, 0, 1e-8, 0.4, 1, 2.2, 4.5, 5.9]) {
      expect(rel(erf(x), math.erf(x)), String(x)).toBeLessThan(1e-12);
      expect(erf(-x)).toBe(-erf(x));
    }
    expect(rel(erf(1), 0.8427007929497148)).toBeLessThan(1e-15);
    expect(erf(7)).toBe(1);
    expect(Number.isNaN(erf(NaN))).toBe(true);
  });
});

describe('logdet', () => {
  it('is log|det A| on random matrices, and finite where det over- or underflows', () => {
    for (const n of [1, 3, 8]) {
      const A = randomMat(n, n, 'logdet', n);
      const [ld, d] = [evaluate('logdet(A)', { A }).re[0]!, evaluate('det(A)', { A }).re[0]!];
      expect(rel(ld, Math.log(Math.abs(d)))).toBeLessThan(1e-12);
    }
    const small = evaluate('logdet(0.1 * eye(400))').re[0]!;
    expect(rel(small, 400 * Math.log(0.1))).toBeLessThan(1e-12);
    expect(evaluate('det(0.1 * eye(400))').re[0]).toBe(0);
  });
});

describe('tril, triu and reshape', () => {
  it('split A into triangles that add up to A plus its diagonal', () => {
    const A = randomMat(4, 3, 'tri');
    const sum = toRows(evaluate('tril(A) + triu(A) - A', { A }));
    const a = toRows(A);
    sum.forEach((row, i) => row.forEach((v, j) => expect(v).toBe(i === j ? a[i]![j]! : 0)));
    const t = toRows(evaluate('tril(A)', { A }));
    expect(t[0]!.slice(1)).toEqual([0, 0]);
    expect(toRows(evaluate('triu(A)', { A }))[2]!.slice(0, 2)).toEqual([0, 0]);
  });

  it('reshape keeps the vec order, and refuses a size that does not fit', () => {
    const A = randomMat(3, 4, 'reshape');
    expect(toRows(evaluate('vec(reshape(A, 2, 6))', { A }))).toEqual(toRows(evaluate('vec(A)', { A })));
    expect(toRows(evaluate('reshape(reshape(A, 6, 2), 3, 4)', { A }))).toEqual(toRows(A));
    expect(thrown(() => evaluate('reshape(A, 5, 2)', { A })).message).toBe('reshape: 3×4 has 12 entries, not 5×2 = 10');
  });
});

describe('var and std', () => {
  it('agree with mathjs (normalised by N) over all entries and along each axis', () => {
    const A = randomMat(5, 3, 'var');
    const rows = toRows(A);
    expect(
      rel(evaluate('var(A)', { A }).re[0]!, math.variance(rows.flat(), 'uncorrected') as unknown as number),
    ).toBeLessThan(1e-12);
    const byColumn = toRows(evaluate('var(A, 1)', { A }))[0]!;
    refTranspose(rows).forEach((col, j) =>
      expect(rel(byColumn[j]!, math.variance(col, 'uncorrected') as unknown as number)).toBeLessThan(1e-12),
    );
    const byRow = toRows(evaluate('std(A, 2)', { A })).map((r) => r[0]!);
    rows.forEach((row, i) =>
      expect(rel(byRow[i]!, math.std(row, 'uncorrected') as unknown as number)).toBeLessThan(1e-12),
    );
    // Far from 0 the two-pass form keeps its digits: var(1e8 + x) = var(x).
    expect(rel(evaluate('var(A + 1e8)', { A }).re[0]!, evaluate('var(A)', { A }).re[0]!)).toBeLessThan(1e-6);
  });
});

describe('sort', () => {
  it('sorts a vector ascending like mathjs, and records its order as a kink', () => {
    const x = randomMat(7, 1, 'sort');
    expect(Array.from(evaluate('sort(x)', { x }).re)).toEqual(math.sort(Array.from(x.re), 'asc'));
    const r = compileExpression('sort(x)', new Set(['x']));
    if (!r.ok) throw new Error(r.message);
    const trace = (v: number[]) => {
      const t = new KinkTrace();
      r.evaluate(new Map([['x', fromRows(v.map((e) => [e]))]]), t);
      return t;
    };
    expect(trace([1, 2, 3]).samePieceAs(trace([1.1, 2, 3]))).toBe(true);
    expect(trace([1, 2, 3]).samePieceAs(trace([2.1, 2, 3]))).toBe(false);
    expect(thrown(() => evaluate('sort(A)', { A: randomMat(2, 2, 's') })).message).toMatch(/sort takes a vector/);
  });
});

describe('norm(x, p)', () => {
  it('gives the vector p-norms and the induced matrix norms of mathjs', () => {
    const x = randomMat(6, 1, 'pnorm');
    const xs = Array.from(x.re);
    expect(rel(evaluate('norm(x, 1)', { x }).re[0]!, math.norm(xs, 1) as number)).toBeLessThan(1e-12);
    expect(rel(evaluate('norm(x, 2)', { x }).re[0]!, math.norm(xs, 2) as number)).toBeLessThan(1e-12);
    expect(rel(evaluate('norm(x, Infinity)', { x }).re[0]!, math.norm(xs, Infinity) as number)).toBeLessThan(1e-12);
    expect(evaluate("norm(x', 1)", { x }).re[0]).toBe(evaluate('norm(x, 1)', { x }).re[0]);
    const A = randomMat(4, 3, 'pnorm-A');
    expect(rel(evaluate('norm(A, 1)', { A }).re[0]!, math.norm(math.matrix(toRows(A)), 1) as number)).toBeLessThan(
      1e-12,
    );
    expect(
      rel(evaluate('norm(A, Infinity)', { A }).re[0]!, math.norm(math.matrix(toRows(A)), Infinity) as number),
    ).toBeLessThan(1e-12);
    expect(thrown(() => evaluate('norm(x, 3)', { x })).message).toBe('norm(x, p) takes p = 1, 2 or Infinity, got 3');
  });
});

describe('softmax and logsumexp with an axis', () => {
  it('act on each column (1) or each row (2), never on a row vector as a whole', () => {
    const Z = randomMat(3, 4, 'axis');
    expectClose(evaluate('softmax(Z, 2)', { Z }), toRows(evaluate("softmax(Z')'", { Z })));
    expectClose(evaluate('softmax(Z, 1)', { Z }), toRows(evaluate('softmax(Z)', { Z })));
    expectClose(evaluate('logsumexp(Z, 2)', { Z }), toRows(evaluate("logsumexp(Z')'", { Z })));
    const r = evaluate('logsumexp(Z, 2)', { Z });
    expect([r.rows, r.cols]).toEqual([3, 1]);
    const row = randomMat(1, 4, 'row');
    expect(Array.from(evaluate('softmax(z, 1)', { z: row }).re)).toEqual([1, 1, 1, 1]);
    expect(thrown(() => evaluate('softmax(Z, 3)', { Z })).message).toMatch(/takes d = 1 \(each column\) or 2/);
  });
});

describe('the conditional c ? a : b', () => {
  it('chooses entry by entry with broadcasting, reading only the chosen side', () => {
    const x = fromRows([[-1], [2], [0]]);
    expect(Array.from(evaluate('x > 0 ? x : 10', { x }).re)).toEqual([10, 2, 10]);
    expect(Array.from(evaluate('x > 0 ? 1 ./ x : 0', { x }).re)).toEqual([0, 0.5, 0]);
    const A = fromRows([
      [1, 2],
      [3, 4],
    ]);
    expect(toRows(evaluate('[1; 0] ? A : -A', { A }))).toEqual([
      [1, 2],
      [-3, -4],
    ]);
    expect(thrown(() => evaluate('[1; 0; 1] ? A : A', { A })).message).toMatch(/dimension mismatch in \?:/);
  });

  it('records its condition as a kink', () => {
    const r = compileExpression('x > 0 ? x : 0', new Set(['x']));
    if (!r.ok) throw new Error(r.message);
    const at = (v: number) => {
      const t = new KinkTrace();
      r.evaluate(new Map([['x', fromRows([[v]])]]), t);
      return t;
    };
    expect(at(1).samePieceAs(at(2))).toBe(true);
    expect(at(1).samePieceAs(at(-1))).toBe(false);
  });
});

describe('indexing', () => {
  const A = fromRows([
    [1, 2, 3],
    [4, 5, 6],
    [7, 8, 9],
  ]);
  it('reads entries, rows, columns and ranges, 1-based, with end and steps', () => {
    expect(evaluate('A[2, 3]', { A }).re[0]).toBe(6);
    expect(toRows(evaluate('A[2:end, :]', { A }))).toEqual([
      [4, 5, 6],
      [7, 8, 9],
    ]);
    expect(toRows(evaluate('A[:, 1]', { A }))).toEqual([[1], [4], [7]]);
    expect(toRows(evaluate('A[1:2:end, end]', { A }))).toEqual([[3], [9]]);
    expect(toRows(evaluate('A[end - 1, 1:2]', { A }))).toEqual([[4, 5]]);
    expect(toRows(evaluate("x'[2:3]", { x: fromRows([[1], [2], [3]]) }))).toEqual([[2, 3]]);
    expect(toRows(evaluate('x[3:-1:1]', { x: fromRows([[1], [2], [3]]) }))).toEqual([[3], [2], [1]]);
  });

  it('names the index and the size when it is out of range, and refuses an empty range', () => {
    expect(thrown(() => evaluate('A[4, 1]', { A })).message).toBe(
      'index 4 is outside the rows of a 3×3 value (1 to 3)',
    );
    expect(thrown(() => evaluate('A[1, 0]', { A })).message).toBe(
      'index 0 is outside the columns of a 3×3 value (1 to 3)',
    );
    expect(thrown(() => evaluate('A[3:2, 1]', { A })).message).toBe(
      'the range 3:2 of the rows of a 3×3 value is empty',
    );
    expect(thrown(() => evaluate('A[2]', { A })).message).toBe('a 3×3 value takes two indices, A[i, j]');
  });
});
