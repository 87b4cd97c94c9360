import { describe, expect, it } from 'vitest';
import { drawShaped, type SampleKind } from '../../../src/numeric/samplers.js';
import { createRng } from '../../../src/numeric/rng.js';
import { toRows } from '../../../src/linalg/mat.js';
import { describeErrors, errorsOf, identityOf, spec } from '../../helpers/spec-text.js';

// The samples added by "More of the language a course needs", each held to its defining property
// on many draws, and the spec errors that keep them where they have a meaning.

function draws(kind: SampleKind, rows: number, cols: number, range: readonly [number, number] | null = null) {
  const rng = createRng(['samples-v2', kind, rows, cols]);
  return Array.from({ length: 50 }, () => toRows(drawShaped(kind, { rows, cols, vector: cols === 1, range }, rng)));
}

describe('samples', () => {
  it("orthonormal: X'X = I for a tall X", () => {
    for (const X of draws('orthonormal', 6, 3))
      for (let a = 0; a < 3; a++)
        for (let b = 0; b < 3; b++) {
          const dot = X.reduce((s, row) => s + row[a]! * row[b]!, 0);
          expect(Math.abs(dot - (a === b ? 1 : 0))).toBeLessThan(1e-14);
        }
  });

  it("skew: A' = -A, a zero diagonal", () => {
    for (const A of draws('skew', 4, 4)) A.forEach((row, i) => row.forEach((x, j) => expect(x + A[j]![i]!).toBe(0)));
  });

  it('lower and upper: zero on the other side, |diagonal| in [0.5, 2]', () => {
    for (const kind of ['lower', 'upper'] as const)
      for (const A of draws(kind, 4, 4))
        A.forEach((row, i) =>
          row.forEach((x, j) => {
            if (i === j) expect(Math.abs(x)).toBeGreaterThanOrEqual(0.5);
            if (i === j) expect(Math.abs(x)).toBeLessThanOrEqual(2);
            if (kind === 'lower' ? j > i : j < i) expect(x).toBe(0);
          }),
        );
  });

  it('bernoulli: entries 0 or 1, about half of each', () => {
    const all = draws('bernoulli', 5, 4).flat(2);
    expect(new Set(all)).toEqual(new Set([0, 1]));
    const ones = all.filter((x) => x === 1).length / all.length;
    expect(ones).toBeGreaterThan(0.4);
    expect(ones).toBeLessThan(0.6);
  });

  it('range: uniform and positive entries inside [a, b]', () => {
    for (const x of draws('uniform', 3, 2, [2, 3]).flat(2)) expect(x >= 2 && x <= 3).toBe(true);
    for (const x of draws('positive', 3, 2, [0.01, 0.02]).flat(2)) expect(x >= 0.01 && x <= 0.02).toBe(true);
  });
});

describe('sample spec errors', () => {
  it('refuse a range where it has no meaning or is empty, a wide orthonormal, a bernoulli wrt', () => {
    const text = spec`
      id: bad-samples
      dims: { n: [2, 4], m: [3, 5] }
      vars:
        a: { shape: [n], range: [0, 1] }
        b: { shape: [n], sample: uniform, range: [1, 1] }
        c: { shape: [n], sample: positive, range: [-1, 1] }
        Q: { shape: [n, m], sample: orthonormal }
        M: { shape: [n, n], sample: bernoulli }
      claims:
        - { kind: gradient, f: sum(M), wrt: M, expect: "ones(n, n)" }
    `;
    expect(describeErrors(errorsOf(text))).toEqual([
      '4:27 var a: range is for uniform and positive vars, not normal',
      '5:44 var b: range [1, 1] is empty: it needs a < b',
      "6:45 var c: a positive var's range needs 0 < a, got [-1, 1]",
      '7:31 var Q: sample orthonormal needs at least as many rows as columns on every draw; [n, m] can have rows 2 < columns 5',
      '10:39 wrt M is a bernoulli var, which cannot be perturbed',
    ]);
  });

  it('accept a tall orthonormal and a square one', () => {
    const identity = identityOf(spec`
      id: tall
      dims: { n: [2, 3], k: [4, 6] }
      vars:
        Q: { shape: [k, n], sample: orthonormal }
        R: { shape: [n, n], sample: orthonormal }
      claims:
        - { kind: equal, lhs: "Q' * Q", rhs: eye(n) }
    `);
    expect(identity.vars.map((v) => v.sample)).toEqual(['orthonormal', 'orthonormal']);
  });
});
