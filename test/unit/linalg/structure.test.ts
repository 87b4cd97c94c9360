import { describe, expect, it } from 'vitest';
import { MathError, fromRows } from '../../../src/linalg/mat.js';
import { diag, filled, hcat, trace, vcat, vec } from '../../../src/linalg/structure.js';
import { expectRows, thrown } from '../helpers.js';

describe('diag', () => {
  it('turns a column vector into a diagonal matrix', () => {
    expectRows(diag(fromRows([[1], [2], [3]])), [
      [1, 0, 0],
      [0, 2, 0],
      [0, 0, 3],
    ]);
  });
  it('turns a row vector into a diagonal matrix too', () => {
    expectRows(diag(fromRows([[4, 5]])), [
      [4, 0],
      [0, 5],
    ]);
  });
  it('extracts the diagonal of a square matrix as a column', () => {
    expectRows(
      diag(
        fromRows([
          [1, 2, 3],
          [4, 5, 6],
          [7, 8, 9],
        ]),
      ),
      [[1], [5], [9]],
    );
  });
  it('diag(diag(A)) keeps the diagonal and zeroes the rest', () => {
    expectRows(
      diag(
        diag(
          fromRows([
            [1, 2],
            [3, 4],
          ]),
        ),
      ),
      [
        [1, 0],
        [0, 4],
      ],
    );
  });
});

describe('vec', () => {
  it('stacks columns, not rows', () => {
    expectRows(
      vec(
        fromRows([
          [1, 2],
          [3, 4],
          [5, 6],
        ]),
      ),
      [[1], [3], [5], [2], [4], [6]],
    );
  });
  it('leaves a column vector as it is', () => {
    expectRows(vec(fromRows([[7], [8]])), [[7], [8]]);
  });
});

describe('trace', () => {
  it('sums the diagonal', () => {
    expectRows(
      trace(
        fromRows([
          [1, 2, 3],
          [4, 5, 6],
          [7, 8, 9],
        ]),
      ),
      [[15]],
    );
  });
  it('refuses a non-square matrix with a MathError naming its shape', () => {
    const e = thrown(() =>
      trace(
        fromRows([
          [1, 2, 3],
          [4, 5, 6],
        ]),
      ),
    );
    expect(e).toBeInstanceOf(MathError);
    expect(e.message).toContain('2×3');
  });
});

describe('filled, hcat, vcat', () => {
  it('filled makes a constant matrix', () => {
    expectRows(filled(2, 3, 7), [
      [7, 7, 7],
      [7, 7, 7],
    ]);
  });
  it('hcat puts blocks side by side and vcat stacks them', () => {
    const a = fromRows([[1], [2]]),
      b = fromRows([
        [3, 4],
        [5, 6],
      ]);
    expectRows(hcat([a, b]), [
      [1, 3, 4],
      [2, 5, 6],
    ]);
    expectRows(vcat([fromRows([[1, 2]]), b]), [
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
  });
  it('refuse blocks that do not fit', () => {
    expect(thrown(() => hcat([fromRows([[1]]), fromRows([[1], [2]])]))).toBeInstanceOf(MathError);
    expect(thrown(() => vcat([fromRows([[1]]), fromRows([[1, 2]])]))).toBeInstanceOf(MathError);
  });
});
