import { describe, expect, it } from 'vitest';
import { assemble, coordinateOf, project, referenceShape } from '../../../src/check/kinds/layout.js';
import { fromRows, toRows, type Mat } from '../../../src/linalg/mat.js';

// f(x) = A·x for a 2×3 A: the partial along entry k of x is column k of A, and the jacobian in
// numerator layout is A itself, in denominator layout A'.
const A = [
  [1, 2, 3],
  [4, 5, 6],
];
const x0 = fromRows([[0], [0], [0]]);
const f0 = fromRows([[0], [0]]);
const partials: Mat[] = [0, 1, 2].map((k) => fromRows(A.map((row) => [row[k]!])));

describe('layout', () => {
  it('sizes the reference by layout', () => {
    expect(referenceShape('gradient', fromRows([[1, 2, 3]]), fromRows([[0]]))).toEqual([1, 3]);
    expect(referenceShape('numerator', x0, f0)).toEqual([2, 3]);
    expect(referenceShape('denominator', x0, f0)).toEqual([3, 2]);
  });

  it('assembles partials into the numerator and denominator jacobians', () => {
    expect(toRows(assemble(partials, x0, 'numerator'))).toEqual(A);
    expect(toRows(assemble(partials, x0, 'denominator'))).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
  });

  it('assembles a gradient row-major into the shape of wrt', () => {
    const X = fromRows([
      [0, 0],
      [0, 0],
    ]);
    const g = assemble(
      [7, 8, 9, 10].map((v) => fromRows([[v]])),
      X,
      'gradient',
    );
    expect(toRows(g)).toEqual([
      [7, 8],
      [9, 10],
    ]);
  });

  it('maps each reference entry back to the entry of wrt and of f it came from', () => {
    for (const layout of ['numerator', 'denominator'] as const) {
      const ref = assemble(partials, x0, layout);
      for (let i = 0; i < ref.rows; i++) {
        for (let j = 0; j < ref.cols; j++) {
          const [k, out] = coordinateOf(layout, [i, j], { x: [3, 1], f: [2, 1] });
          expect(ref.re[i * ref.cols + j]).toBe(partials[k]!.re[out]);
        }
      }
    }
    expect(coordinateOf('gradient', [1, 1], { x: [2, 2], f: [1, 1] })).toEqual([3, 0]);
  });

  it('counts the entries of a matrix wrt and a matrix f in vec order (columns stacked)', () => {
    // f(X) = X' for a 2×3 X: ∂vec(f)_j/∂vec(X)_i is 1 where f's entry j is X's entry i transposed.
    const X = fromRows([
      [0, 0, 0],
      [0, 0, 0],
    ]);
    const parts = [0, 1, 2, 3, 4, 5].map((k) => {
      const p = fromRows([
        [0, 0],
        [0, 0],
        [0, 0],
      ]);
      // Entry k of X (row-major: row ⌊k/3⌋, column k mod 3) moves entry (k mod 3, ⌊k/3⌋) of X'.
      p.re[(k % 3) * 2 + Math.floor(k / 3)] = 1;
      return p;
    });
    const J = assemble(parts, X, 'numerator');
    // vec(X') = K·vec(X): row j of J has its 1 at the vec index of the X entry that f's entry j is.
    const ones = toRows(J).map((row) => row.indexOf(1));
    expect(ones).toEqual([0, 2, 4, 1, 3, 5]);
    for (let i = 0; i < 6; i++)
      for (let j = 0; j < 6; j++) {
        const [k, out] = coordinateOf('numerator', [i, j], { x: [2, 3], f: [3, 2] });
        expect(J.re[i * 6 + j]).toBe(parts[k]!.re[out]);
      }
  });

  it("projects a jacobian as u'·J·v in either layout, to the same number", () => {
    const v = fromRows([[1], [-1], [2]]);
    const u = fromRows([[3], [0.5]]);
    // u'·A·v with A·v = [5, 11]: 15 + 5.5.
    const expected = 20.5;
    expect(project('numerator', assemble(partials, x0, 'numerator'), { v, u })[0]).toBeCloseTo(expected, 12);
    expect(project('denominator', assemble(partials, x0, 'denominator'), { v, u })[0]).toBeCloseTo(expected, 12);
    expect(project('gradient', fromRows([[1, 2, 3]]), { v: fromRows([[1, 1, -1]]), u: null })).toEqual([0, 0]);
  });
});
