import { describe, expect, it } from 'vitest';
import { fromRows, toRows } from '../../../src/linalg/mat.js';
import { logsumexp, norm, softmax } from '../../../src/linalg/softmax.js';
import { expectClose, randomMat } from '../helpers.js';

/** softmax of one list of numbers, straight from the definition. */
const refSoftmax = (z: number[]) => {
  const e = z.map(Math.exp);
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
};

describe('softmax', () => {
  it('is exp(z) / sum(exp(z)) for a column vector', () => {
    const z = [0.3, -1.2, 2.0, 0];
    expectClose(
      softmax(fromRows(z.map((v) => [v]))),
      refSoftmax(z).map((v) => [v]),
      1e-14,
      0,
    );
  });

  it('gives 1/3, 2/3 for z = [0; log 2]', () => {
    expectClose(softmax(fromRows([[0], [Math.log(2)]])), [[1 / 3], [2 / 3]], 1e-15, 0);
  });

  it('acts on each column of a matrix separately; each column sums to 1', () => {
    const z = randomMat(4, 3, 'softmax-cols');
    const s = toRows(softmax(z));
    const zr = toRows(z);
    for (let j = 0; j < 3; j++) {
      const want = refSoftmax(zr.map((row) => row[j]!));
      want.forEach((w, i) => expect(Math.abs(s[i]![j]! - w)).toBeLessThan(1e-15));
      expect(Math.abs(s.reduce((acc, row) => acc + row[j]!, 0) - 1)).toBeLessThan(1e-15);
    }
  });

  it('is invariant to adding a constant to a column', () => {
    const z = randomMat(5, 1, 'softmax-shift');
    const shifted = fromRows(toRows(z).map(([v]) => [v! + 7.25]));
    expectClose(softmax(shifted), toRows(softmax(z)), 1e-13, 1e-16);
  });

  it('is stable for large inputs', () => {
    expectClose(softmax(fromRows([[1000], [1000]])), [[0.5], [0.5]], 0, 0);
    const s = softmax(fromRows([[-1000], [0]]));
    expect(toRows(s)).toEqual([[0], [1]]);
  });
});

describe('logsumexp', () => {
  it('equals log(sum(exp(z))) for moderate values', () => {
    const z = [0.5, -2, 1.25];
    const want = Math.log(z.reduce((s, v) => s + Math.exp(v), 0));
    const got = logsumexp(fromRows(z.map((v) => [v])));
    expect([got.rows, got.cols]).toEqual([1, 1]);
    expect(Math.abs(got.re[0]! - want)).toBeLessThan(1e-15 * Math.abs(want));
  });

  it('is finite and exact for z = [1000; 1001]: 1001 + log(1 + e⁻¹)', () => {
    const got = logsumexp(fromRows([[1000], [1001]])).re[0]!;
    expect(Number.isFinite(got)).toBe(true);
    expect(Math.abs(got - (1001 + Math.log1p(Math.exp(-1))))).toBeLessThan(1e-12);
  });

  it('gives one value per column of a matrix (1×n)', () => {
    const z = fromRows([
      [0, 1],
      [Math.log(3), 1],
    ]);
    expectClose(logsumexp(z), [[Math.log(4), 1 + Math.log(2)]], 1e-15, 0);
  });

  it('is the log of the softmax normaliser: z − logsumexp(z) = log(softmax(z))', () => {
    const z = randomMat(6, 1, 'lse-softmax');
    const l = logsumexp(z).re[0]!;
    const s = toRows(softmax(z));
    toRows(z).forEach(([v], i) => expect(Math.abs(v! - l - Math.log(s[i]![0]!))).toBeLessThan(1e-14));
  });
});

describe('logsumexp with infinite entries', () => {
  it('ignores −∞ entries when another entry is finite: logsumexp([−∞; 0]) = 0', () => {
    expect(logsumexp(fromRows([[-Infinity], [0]])).re[0]).toBe(0);
  });

  // log(sum(exp(z))) is −∞ when every entry is −∞ (exp(−∞) = 0, log 0 = −∞) and +∞ when an entry
  // is +∞; a naive max-shift would compute −∞ − (−∞) or ∞ − ∞ and give NaN.
  // (−∞ entries arise from log of a onehot or probability vector with zeros.)
  it('logsumexp([−∞; −∞]) is −∞ and logsumexp([1; ∞]) is ∞, not NaN', () => {
    expect(logsumexp(fromRows([[-Infinity], [-Infinity]])).re[0]).toBe(-Infinity);
    expect(logsumexp(fromRows([[1], [Infinity]])).re[0]).toBe(Infinity);
  });
});

describe('norm', () => {
  it('is the 2-norm of a vector', () => {
    expect(norm(fromRows([[3], [4]]))).toBe(5);
    expect(norm(fromRows([[1, 2, 2]]))).toBe(3);
  });
  it('is the Frobenius norm of a matrix', () => {
    expect(
      norm(
        fromRows([
          [1, 2],
          [2, 4],
        ]),
      ),
    ).toBe(5);
  });
  it('uses moduli of complex entries', () => {
    expect(norm({ rows: 1, cols: 1, re: Float64Array.of(3), im: Float64Array.of(4) })).toBe(5);
  });
});
