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
          const [k, out] = coordinateOf(layout, [i, j], ref.cols);
          expect(ref.re[i * ref.cols + j]).toBe(partials[k]!.re[out]);
        }
      }
    }
    expect(coordinateOf('gradient', [1, 1], 2)).toEqual([3, 0]);
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
