import * as math from 'mathjs';
import { describe, expect, it } from 'vitest';
import { fromRows, toRows, type Mat } from '../../../src/linalg/mat.js';
import { drawSample } from '../../../src/numeric/samplers.js';
import { createRng } from '../../../src/numeric/rng.js';
import { compileExpression } from '../../../src/expr/compile.js';
import { KinkTrace } from '../../../src/expr/kink-trace.js';
import { evaluate, maxAbs, maxAbsDiff, randomMat, thrown } from '../helpers.js';

// The decompositions and matrix functions, against identities and mathjs, to 1e-12 relative, on
// random and on ill-conditioned inputs.

const rng = (...seed: (string | number)[]) => createRng(['decompositions', ...seed]);
/** Relative difference of two results, scaled by the larger entry of the second. */
const close = (a: Mat, b: Mat): number => maxAbsDiff(toRows(a), toRows(b)) / Math.max(1e-300, maxAbs(toRows(b)));
/** An spd matrix with eigenvalues from 1 down to 10^-k (condition number 10^k). */
function illConditioned(n: number, k: number): Mat {
  const q = drawSample('orthogonal', n, n, rng('ill', n, k));
  const d = fromRows(
    Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => (i === j ? 10 ** (-k * (i / (n - 1))) : 0)),
    ),
  );
  return evaluate("Q * D * Q'", { Q: q, D: d });
}

describe('eigvalsh and eigvecsh', () => {
  it("rebuild S = V diag(λ) V' with orthonormal V, λ ascending, each vector's largest entry positive", () => {
    for (const S of [drawSample('symmetric', 6, 6, rng('sym')), illConditioned(5, 8)]) {
      const rebuilt = evaluate("V * diag(l) * V'", {
        V: evaluate('eigvecsh(S)', { S }),
        l: evaluate('eigvalsh(S)', { S }),
      });
      expect(close(rebuilt, S)).toBeLessThan(1e-12);
      const V = evaluate('eigvecsh(S)', { S });
      expect(close(evaluate("V' * V", { V }), evaluate('eye(5 + (n - 5))', { n: S.rows }))).toBeLessThan(1e-12);
      const l = Array.from(evaluate('eigvalsh(S)', { S }).re);
      expect([...l].sort((a, b) => a - b)).toEqual(l);
      const ref = (math.eigs(toRows(S)).values as number[]).map(Number).sort((a, b) => a - b);
      ref.forEach((x, i) => expect(Math.abs(x - l[i]!)).toBeLessThan(1e-12 * Math.max(...ref.map(Math.abs))));
      for (const col of math.transpose(toRows(V))) {
        const big = col.reduce((b, x) => (Math.abs(x) > Math.abs(b) ? x : b), 0);
        expect(big).toBeGreaterThan(0);
      }
    }
  });
});

describe('chol, sqrtm, logm, expm', () => {
  it("chol(S) is lower with a positive diagonal and chol(S) * chol(S)' = S; a non-spd matrix is refused", () => {
    for (const S of [drawSample('spd', 6, 6, rng('chol')), illConditioned(5, 8)]) {
      const L = evaluate('chol(S)', { S });
      expect(close(evaluate("L * L'", { L }), S)).toBeLessThan(1e-12);
      toRows(L).forEach((row, i) =>
        row.forEach((x, j) => (j > i ? expect(x).toBe(0) : i === j && expect(x).toBeGreaterThan(0))),
      );
    }
    expect(thrown(() => evaluate('chol(-eye(3))')).message).toMatch(
      /symmetric positive definite matrix; pivot 1 is -1/,
    );
  });

  it('sqrtm(S)^2 = S, logm(expm(S)) = S, expm(A) * expm(-A) = I, and expm agrees with mathjs', () => {
    for (const S of [drawSample('spd', 5, 5, rng('sqrt')), illConditioned(4, 6)]) {
      expect(close(evaluate('sqrtm(S) * sqrtm(S)', { S }), S)).toBeLessThan(1e-12);
      expect(close(evaluate('logm(expm(S))', { S }), S)).toBeLessThan(1e-12);
    }
    const A = randomMat(5, 5, 'expm');
    expect(close(evaluate('expm(A) * expm(-A)', { A }), evaluate('eye(5)'))).toBeLessThan(1e-12);
    const ref = fromRows(math.expm(math.matrix(toRows(A))).toArray() as number[][]);
    expect(close(evaluate('expm(A)', { A }), ref)).toBeLessThan(1e-12);
    expect(close(evaluate('expm(3 * A)', { A }), evaluate('expm(A) * expm(A) * expm(A)', { A }))).toBeLessThan(1e-11);
    expect(thrown(() => evaluate('sqrtm(-eye(2))')).message).toMatch(/symmetric positive definite/);
  });
});

describe('svdvals, pinv and the spectral norm', () => {
  it('give the singular values to full relative accuracy, small ones included', () => {
    const A = randomMat(6, 4, 'svd');
    const s = Array.from(evaluate('svdvals(A)', { A }).re);
    const ref = Array.from(evaluate("eigvalsh(A' * A)", { A }).re).map(Math.sqrt).reverse();
    s.forEach((x, i) => expect(Math.abs(x - ref[i]!) / ref[0]!).toBeLessThan(1e-12));
    expect(s.length).toBe(4);
    const tiny = evaluate("U * diag([1; 1e-9]) * V'", {
      U: drawSample('orthogonal', 2, 2, rng('u')),
      V: drawSample('orthogonal', 2, 2, rng('v')),
    });
    const st = Array.from(evaluate('svdvals(T)', { T: tiny }).re);
    expect(Math.abs(st[1]! - 1e-9) / 1e-9).toBeLessThan(1e-6);
    expect(Math.abs(evaluate('norm(A, 2)', { A }).re[0]! - s[0]!)).toBeLessThan(1e-15 * s[0]!);
    expect(Array.from(evaluate("svdvals(A')", { A }).re).map((x, i) => Math.abs(x - s[i]!) < 1e-12 * s[0]!)).toEqual([
      true,
      true,
      true,
      true,
    ]);
  });

  it("pinv(A) satisfies A * pinv(A) * A = A and equals inv(A'A) A' for a tall full-rank A", () => {
    const A = randomMat(6, 3, 'pinv');
    expect(close(evaluate('A * pinv(A) * A', { A }), A)).toBeLessThan(1e-12);
    expect(close(evaluate('pinv(A)', { A }), evaluate("inv(A' * A) * A'", { A }))).toBeLessThan(1e-12);
    const W = randomMat(3, 6, 'pinv-wide');
    expect(close(evaluate('W * pinv(W) * W', { W }), W)).toBeLessThan(1e-12);
  });
});

describe('the kinks of a spectrum', () => {
  /** The kink trace of `expr` evaluated with `values`. */
  function traceOf(expr: string, values: Record<string, Mat>): KinkTrace {
    const names = new Set(Object.keys(values));
    const compiled = compileExpression(expr, names);
    if (!compiled.ok) throw new Error(compiled.message);
    const t = new KinkTrace();
    compiled.evaluate(new Map(Object.entries(values)), t);
    return t;
  }
  /** `m` with `delta` added to its entry (i, j). */
  const bumped = (m: Mat, i: number, j: number, delta: number): Mat => {
    const out = fromRows(toRows(m));
    out.re[i * m.cols + j] += delta;
    return out;
  };
  const same = (expr: string, name: string, a: Mat, b: Mat): boolean =>
    traceOf(expr, { [name]: a }).samePieceAs(traceOf(expr, { [name]: b }));

  it('a repeated eigenvalue that a step splits is a kink of eigvalsh and eigvecsh; a simple one is not', () => {
    const tied = fromRows([
      [2, 0, 0],
      [0, 2, 0],
      [0, 0, 5],
    ]);
    for (const f of ['eigvalsh(S)', 'eigvecsh(S)']) {
      expect(same(f, 'S', tied, bumped(tied, 0, 0, 1e-8)), f).toBe(false);
      const S = drawSample('spd', 4, 4, rng('simple'));
      expect(same(f, 'S', S, bumped(S, 1, 2, 1e-4)), f).toBe(true);
    }
  });

  it("a tie every step keeps (the zero eigenvalues of x x') is no kink", () => {
    const x = fromRows([[1], [-2], [0.5], [3]]);
    const f = "eigvalsh(x * x')";
    expect(same(f, 'x', x, bumped(x, 2, 0, 1e-8))).toBe(true);
    expect(same(f, 'x', x, bumped(x, 0, 0, 1e-3))).toBe(true);
  });

  it('tied singular values, and a singular value at 0, are kinks of svdvals', () => {
    const Q = drawSample('orthonormal', 5, 3, rng('tied-svd'));
    expect(same('svdvals(Q)', 'Q', Q, bumped(Q, 1, 1, 1e-8))).toBe(false);
    const zero = fromRows([[0, 0, 0]]);
    expect(same('svdvals(a)', 'a', fromRows([[0.3]]), fromRows([[-0.3]]))).toBe(false);
    expect(same('svdvals(a)', 'a', zero, bumped(zero, 0, 1, 1e-8))).toBe(false);
    const A = randomMat(5, 3, 'simple-svd');
    expect(same('svdvals(A)', 'A', A, bumped(A, 4, 2, 1e-4))).toBe(true);
    expect(same('norm(Q, 2)', 'Q', Q, bumped(Q, 1, 1, 1e-8))).toBe(false);
    expect(same('norm(A, 2)', 'A', A, bumped(A, 4, 2, 1e-4))).toBe(true);
  });
});
