/**
 * The expression semantics promised by the spec format (shared/spec-format.md, "Shapes" and
 * "Expressions"): operators, scalars, vectors, broadcasting and shape errors.
 */
import { describe, expect, it } from 'vitest';
import { MathError, toRows } from '../../../src/linalg/mat.js';
import { evaluate, expectClose, expectRows, maxAbsDiff, randomMat, refMul, thrown } from '../helpers.js';

const x = [[1], [2], [3]];
const y = [[4], [5], [6]];

describe('scalars are 1×1 matrices', () => {
  it("x' * y is a 1×1 holding the dot product", () => {
    expectRows(evaluate("x' * y", { x, y }), [[1 * 4 + 2 * 5 + 3 * 6]]);
  });

  it("(x' * A * x) * x scales x by the quadratic form", () => {
    const A = [
      [1, 2, 0],
      [0, 1, 0],
      [0, 0, 1],
    ];
    // Ax = [5; 2; 3], x'Ax = 5 + 4 + 9 = 18
    expectRows(evaluate("(x' * A * x) * x", { x, A }), [[18], [36], [54]]);
    expectRows(evaluate("x * (x' * A * x)", { x, A }), [[18], [36], [54]]);
  });

  it("s - y' * s subtracts a number from each entry", () => {
    const s = [[1], [2], [3]];
    const w = [[1], [0], [1]]; // w's = 4
    expectRows(evaluate("s - w' * s", { s, w }), [[-3], [-2], [-1]]);
  });

  it('a 1×1 works on either side of + − .* ./ and /', () => {
    const A = [
      [1, 2],
      [3, 4],
    ];
    const c = [[2]];
    expectRows(evaluate('c + A', { A, c }), [
      [3, 4],
      [5, 6],
    ]);
    expectRows(evaluate('A - c', { A, c }), [
      [-1, 0],
      [1, 2],
    ]);
    expectRows(evaluate('c .* A', { A, c }), [
      [2, 4],
      [6, 8],
    ]);
    expectRows(evaluate('A ./ c', { A, c }), [
      [0.5, 1],
      [1.5, 2],
    ]);
    expectRows(evaluate('c ./ A', { A, c }), [
      [2, 1],
      [2 / 3, 0.5],
    ]);
    expectRows(evaluate('A / c', { A, c }), [
      [0.5, 1],
      [1.5, 2],
    ]);
  });

  it('number literals, precedence and scalar powers', () => {
    expectRows(evaluate('2 * 3 + 1'), [[7]]);
    expectRows(evaluate('2 ^ 3'), [[8]]);
    expectRows(evaluate('-2 ^ 2'), [[-4]]);
    expectRows(evaluate('(1 + 2) * 4 / 8'), [[1.5]]);
  });

  it('dims symbols enter as numbers and size ones/zeros/eye', () => {
    expectRows(evaluate('ones(n, 1) * n', { n: 2 }), [[2], [2]]);
  });

  it('knows the constants pi and e, which declared names shadow', () => {
    expectClose(evaluate('pi'), [[Math.PI]], 0, 0);
    expectClose(evaluate('e'), [[Math.E]], 0, 0);
    expectRows(evaluate('e + 1', { e: [[10]] }), [[11]]);
  });
});

describe('transpose and vectors', () => {
  it("' transposes", () => {
    expectRows(
      evaluate("A'", {
        A: [
          [1, 2, 3],
          [4, 5, 6],
        ],
      }),
      [
        [1, 4],
        [2, 5],
        [3, 6],
      ],
    );
    expectRows(
      evaluate("A''", {
        A: [
          [1, 2, 3],
          [4, 5, 6],
        ],
      }),
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
    );
    expectRows(evaluate('transpose(A)', { A: [[1, 2]] }), [[1], [2]]);
  });

  it("vectors are columns: x * y' is the outer product", () => {
    expectRows(evaluate("x * y'", { x, y }), [
      [4, 5, 6],
      [8, 10, 12],
      [12, 15, 18],
    ]);
  });

  it('matrix literals: [1, 2; 3, 4] is 2×2, [1; 2; 3] a column, [1, 2, 3] a row', () => {
    expectRows(evaluate('[1, 2; 3, 4]'), [
      [1, 2],
      [3, 4],
    ]);
    expectRows(evaluate('[1; 2; 3]'), [[1], [2], [3]]);
    expectRows(evaluate('[1, 2, 3]'), [[1, 2, 3]]);
  });

  it('matrix literals may hold expressions and blocks', () => {
    expectRows(evaluate('[x, 2 * x]', { x }), [
      [1, 2],
      [2, 4],
      [3, 6],
    ]);
    expectRows(evaluate("[x'; y']", { x, y }), [
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });
});

describe('matrix product, power and division', () => {
  it('* is the matrix product', () => {
    const A = [
      [1, 2, 3],
      [4, 5, 6],
    ];
    const B = [
      [7, 8],
      [9, 10],
      [11, 12],
    ];
    expectRows(evaluate('A * B', { A, B }), [
      [58, 64],
      [139, 154],
    ]);
  });

  it('* with mismatched inner dimensions is a MathError naming both shapes', () => {
    const e = thrown(() => evaluate('[1, 2; 3, 4; 5, 6] * [1, 2; 3, 4; 5, 6]'));
    expect(e).toBeInstanceOf(MathError);
    expect(e.message).toMatch(/is 3×2, .* is 3×2: inner dimensions 2 != 3/);
  });

  it("x' * y' is a MathError (1×3 * 1×3)", () => {
    const e = thrown(() => evaluate("x' * y'", { x, y }));
    expect(e).toBeInstanceOf(MathError);
    expect(e.message).toBe(
      "dimension mismatch in x' * y': x' is 1×3, y' is 1×3: inner dimensions 3 != 1; x' * y would fit",
    );
  });

  it('A ^ 2 = A * A, A ^ 0 = I, A ^ -1 = inv(A)', () => {
    const A = [
      [1, 2],
      [3, 4],
    ];
    expectRows(evaluate('A ^ 2', { A }), [
      [7, 10],
      [15, 22],
    ]);
    expectRows(evaluate('A ^ 3', { A }), toRows(evaluate('A * A * A', { A })));
    expectRows(evaluate('A ^ 0', { A }), [
      [1, 0],
      [0, 1],
    ]);
    // det = −2: inv = (1/−2)[[4, −2], [−3, 1]]
    expectClose(
      evaluate('A ^ -1', { A }),
      [
        [-2, 1],
        [1.5, -0.5],
      ],
      1e-15,
      1e-15,
    );
  });

  it('A ^ k refuses non-square A and fractional k', () => {
    expect(thrown(() => evaluate('A ^ 2', { A: [[1, 2, 3]] }))).toBeInstanceOf(MathError);
    expect(
      thrown(() =>
        evaluate('A ^ 0.5', {
          A: [
            [1, 2],
            [3, 4],
          ],
        }),
      ),
    ).toBeInstanceOf(MathError);
  });

  it('A / B = A * inv(B)', () => {
    const A = [
      [1, 2],
      [3, 4],
    ];
    const B = [
      [2, 0],
      [0, 4],
    ];
    expectRows(evaluate('A / B', { A, B }), [
      [0.5, 0.5],
      [1.5, 1],
    ]);
    const R = randomMat(3, 3, 'div-r'),
      S = randomMat(3, 3, 'div-s');
    const got = toRows(evaluate('R / S', { R, S }));
    // got * S should give back R
    expect(maxAbsDiff(refMul(got, toRows(S)), toRows(R))).toBeLessThan(1e-10);
  });
});

describe('elementwise operators', () => {
  const A = [
    [1, 2],
    [3, 4],
  ];
  const B = [
    [2, 4],
    [0.5, -1],
  ];

  it('.* ./ .^ act entry by entry', () => {
    expectRows(evaluate('A .* B', { A, B }), [
      [2, 8],
      [1.5, -4],
    ]);
    expectRows(evaluate('A ./ B', { A, B }), [
      [0.5, 0.5],
      [6, -4],
    ]);
    expectRows(evaluate('A .^ 2', { A }), [
      [1, 4],
      [9, 16],
    ]);
    expectRows(evaluate('A .^ B', { A, B }), [
      [1, 16],
      [Math.sqrt(3), 0.25],
    ]);
  });

  it('A .^ 2 differs from A ^ 2', () => {
    expect(toRows(evaluate('A .^ 2', { A }))).not.toEqual(toRows(evaluate('A ^ 2', { A })));
  });

  it('unary minus and plus', () => {
    expectRows(evaluate('-A', { A }), [
      [-1, -2],
      [-3, -4],
    ]);
    expectRows(evaluate('+A', { A }), A);
  });
});

describe('comparisons', () => {
  const h = [[1.5], [-2], [0], [3]];

  it('h > 0 gives 0/1 entries', () => {
    expectRows(evaluate('h > 0', { h }), [[1], [0], [0], [1]]);
    expectRows(evaluate('h >= 0', { h }), [[1], [0], [1], [1]]);
    expectRows(evaluate('h < 0', { h }), [[0], [1], [0], [0]]);
    expectRows(evaluate('h <= 0', { h }), [[0], [1], [1], [0]]);
    expectRows(evaluate('h == 0', { h }), [[0], [0], [1], [0]]);
    expectRows(evaluate('h != 0', { h }), [[1], [1], [0], [1]]);
  });

  it('the 0/1 entries are usable in arithmetic: (h > 0) .* h = relu(h)', () => {
    expectRows(evaluate('(h > 0) .* h', { h }), [[1.5], [0], [0], [3]]);
    expectRows(evaluate('(h > 0) .* h', { h }), toRows(evaluate('relu(h)', { h })));
    expectRows(evaluate('2 * (h > 1) + 1', { h }), [[3], [1], [1], [3]]);
  });

  it('compares elementwise against another matrix with broadcasting', () => {
    expectRows(
      evaluate('A > r', {
        A: [
          [1, 5],
          [3, 2],
        ],
        r: [[2, 2]],
      }),
      [
        [0, 1],
        [1, 0],
      ],
    );
  });
});

describe('broadcasting', () => {
  const A = [
    [1, 2, 3],
    [4, 5, 6],
  ];

  it('a 1×n row broadcasts against an m×n matrix', () => {
    expectRows(evaluate('A + r', { A, r: [[10, 20, 30]] }), [
      [11, 22, 33],
      [14, 25, 36],
    ]);
    expectRows(evaluate('r .* A', { A, r: [[1, 0, -1]] }), [
      [1, 0, -3],
      [4, 0, -6],
    ]);
  });

  it('an m×1 column broadcasts against an m×n matrix', () => {
    expectRows(evaluate('A - c', { A, c: [[1], [4]] }), [
      [0, 1, 2],
      [0, 1, 2],
    ]);
    expectRows(evaluate('A ./ c', { A, c: [[1], [2]] }), [
      [1, 2, 3],
      [2, 2.5, 3],
    ]);
  });

  it("x + x' (n×1 + 1×n) is refused with a dimension error naming both shapes", () => {
    const e = thrown(() => evaluate("x + x'", { x }));
    expect(e).toBeInstanceOf(MathError);
    expect(e.message).toContain('3×1');
    expect(e.message).toContain('1×3');
  });

  it('the same refusal holds for .* and for comparisons', () => {
    expect(thrown(() => evaluate("x .* x'", { x }))).toBeInstanceOf(MathError);
    expect(thrown(() => evaluate("x > x'", { x }))).toBeInstanceOf(MathError);
  });

  it('unrelated shapes are refused', () => {
    const e = thrown(() => evaluate("A + A'", { A }));
    expect(e).toBeInstanceOf(MathError);
    expect(e.message).toContain('2×3');
    expect(e.message).toContain('3×2');
  });
});

describe('evaluation is pure', () => {
  it('does not modify the scope values', () => {
    const A = [
      [1, 2],
      [3, 4],
    ];
    const scope = { A: evaluate('A', { A }) };
    const before = toRows(scope.A);
    evaluate("A - mean(A, 1) + A' * 2 + -A", scope);
    evaluate('sum(A, 1) ./ A', scope);
    expect(toRows(scope.A)).toEqual(before);
  });

  it('gives the same value twice', () => {
    const A = randomMat(3, 3, 'pure');
    expect(toRows(evaluate("exp(A) * A' - 2", { A }))).toEqual(toRows(evaluate("exp(A) * A' - 2", { A })));
  });
});
