/**
 * The functions the spec format promises on scalars, vectors and matrices, called through
 * compiled expressions.
 */
import { describe, expect, it } from 'vitest';
import { MathError, toRows, type Mat } from '../../../src/linalg/mat.js';
import {
  evaluate,
  expectClose,
  expectRows,
  maxAbs,
  maxAbsDiff,
  randomMat,
  refMul,
  refTranspose,
  thrown,
  type Rows,
} from '../helpers.js';

const M: Rows = [
  [0.5, -1.5, 2],
  [-0.25, 3, -4],
];
const P: Rows = [
  [0.5, 1, 2],
  [4, 0.125, 9],
]; // positive, for log and sqrt
const mapRows = (a: Rows, f: (v: number) => number): Rows => a.map((r) => r.map(f));

describe('elementwise functions on matrices, vectors and scalars', () => {
  const cases: [string, Rows, (v: number) => number][] = [
    ['exp', M, Math.exp],
    ['log', P, Math.log],
    ['sqrt', P, Math.sqrt],
    ['abs', M, Math.abs],
    ['sin', M, Math.sin],
    ['cos', M, Math.cos],
    ['tanh', M, Math.tanh],
    ['sigmoid', M, (v) => 1 / (1 + Math.exp(-v))],
    ['relu', M, (v) => Math.max(v, 0)],
    ['sign', M, Math.sign],
  ];
  for (const [name, input, f] of cases) {
    it(`${name} acts entry by entry`, () => {
      expectClose(evaluate(`${name}(A)`, { A: input }), mapRows(input, f), 1e-15, 1e-16);
      const col = input.map((r) => [r[0]!]);
      expectClose(evaluate(`${name}(v)`, { v: col }), mapRows(col, f), 1e-15, 1e-16);
      expectClose(evaluate(`${name}(s)`, { s: [[input[0]![1]!]] }), [[f(input[0]![1]!)]], 1e-15, 1e-16);
    });
  }

  it('log of a known value: log(e^2) = 2, sqrt(9) = 3', () => {
    expectClose(evaluate('log(exp(2))'), [[2]], 1e-15, 0);
    expectRows(evaluate('sqrt(9)'), [[3]]);
  });

  it('sigmoid is finite at the extremes and satisfies σ(−z) = 1 − σ(z)', () => {
    const z = [[-800], [-30], [0], [30], [800]];
    const s = toRows(evaluate('sigmoid(z)', { z }));
    expect(s.every(([v]) => Number.isFinite(v!))).toBe(true);
    expect(s[0]![0]).toBeLessThan(1e-300);
    expect(s[2]![0]).toBe(0.5);
    expect(s[4]![0]).toBe(1);
    expectClose(evaluate('sigmoid(-z) + sigmoid(z)', { z }), [[1], [1], [1], [1], [1]], 1e-15, 0);
  });

  it('sign gives −1, 0, 1', () => {
    expectRows(evaluate('sign(v)', { v: [[-3], [0], [0.1]] }), [[-1], [0], [1]]);
  });
});

describe('reductions', () => {
  const A: Rows = [
    [1, 2, 3],
    [4, 5, 6],
  ];

  it('sum(A) is 1×1, sum(A, 1) a 1×n row, sum(A, 2) an m×1 column', () => {
    expectRows(evaluate('sum(A)', { A }), [[21]]);
    expectRows(evaluate('sum(A, 1)', { A }), [[5, 7, 9]]);
    expectRows(evaluate('sum(A, 2)', { A }), [[6], [15]]);
  });

  it('mean(A, 1) is a 1×n row and mean(A, 2) an m×1 column', () => {
    expectRows(evaluate('mean(A)', { A }), [[3.5]]);
    expectRows(evaluate('mean(A, 1)', { A }), [[2.5, 3.5, 4.5]]);
    expectRows(evaluate('mean(A, 2)', { A }), [[2], [5]]);
  });

  it('A - mean(A, 1) broadcasts back: columns of the result sum to zero', () => {
    expectRows(evaluate('A - mean(A, 1)', { A }), [
      [-1.5, -1.5, -1.5],
      [1.5, 1.5, 1.5],
    ]);
    const R = randomMat(5, 4, 'centering');
    const centred = evaluate('sum(R - mean(R, 1), 1)', { R });
    expect([centred.rows, centred.cols]).toEqual([1, 4]);
    expect(maxAbs(toRows(centred))).toBeLessThan(1e-14);
    expectClose(
      evaluate('A - mean(A, 2)', { A }),
      [
        [-1, 0, 1],
        [-1, 0, 1],
      ],
      0,
      0,
    );
  });

  it('prod multiplies, with the same axes', () => {
    expectRows(evaluate('prod(A)', { A }), [[720]]);
    expectRows(evaluate('prod(A, 1)', { A }), [[4, 10, 18]]);
    expectRows(evaluate('prod(A, 2)', { A }), [[6], [120]]);
  });

  it('a dimension other than 1 or 2 is a MathError', () => {
    expect(thrown(() => evaluate('sum(A, 3)', { A }))).toBeInstanceOf(MathError);
    expect(thrown(() => evaluate('mean(A, 0)', { A }))).toBeInstanceOf(MathError);
  });

  it('trace sums the diagonal; det and inv work through expressions', () => {
    const B = [
      [4, 7],
      [2, 6],
    ];
    expectRows(evaluate('trace(B)', { B }), [[10]]);
    expectClose(evaluate('det(B)', { B }), [[10]], 1e-15, 0);
    expectClose(
      evaluate('inv(B)', { B }),
      [
        [0.6, -0.7],
        [-0.2, 0.4],
      ],
      1e-15,
      1e-15,
    );
  });
});

describe('constructors and structure', () => {
  it('diag of a column is a diagonal matrix; diag of a square matrix is its diagonal as a column', () => {
    expectRows(evaluate('diag(v)', { v: [[1], [2], [3]] }), [
      [1, 0, 0],
      [0, 2, 0],
      [0, 0, 3],
    ]);
    expectRows(
      evaluate('diag(A)', {
        A: [
          [1, 2, 3],
          [4, 5, 6],
          [7, 8, 9],
        ],
      }),
      [[1], [5], [9]],
    );
  });

  it('eye(n), ones(m, n), zeros(m, n)', () => {
    expectRows(evaluate('eye(3)'), [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
    expectRows(evaluate('ones(2, 3)'), [
      [1, 1, 1],
      [1, 1, 1],
    ]);
    expectRows(evaluate('zeros(3, 2)'), [
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    expectRows(evaluate('ones(n, 1)', { n: 3 }), [[1], [1], [1]]);
  });

  it('sizes must be whole numbers ≥ 0', () => {
    expect(thrown(() => evaluate('ones(2.5, 1)'))).toBeInstanceOf(MathError);
    expect(thrown(() => evaluate('zeros(-1, 2)'))).toBeInstanceOf(MathError);
    expect(thrown(() => evaluate('eye(v)', { v: [[1], [2]] }))).toBeInstanceOf(MathError);
  });

  it("outer(a, b) = a * b'", () => {
    const a = [[1], [2]],
      b = [[3], [4], [5]];
    expectRows(evaluate('outer(a, b)', { a, b }), [
      [3, 4, 5],
      [6, 8, 10],
    ]);
    const r = randomMat(4, 1, 'outer-a'),
      s = randomMat(3, 1, 'outer-b');
    expectRows(evaluate('outer(r, s)', { r, s }), toRows(evaluate("r * s'", { r, s })));
  });

  it('vec(A) stacks the columns', () => {
    expectRows(
      evaluate('vec(A)', {
        A: [
          [1, 2],
          [3, 4],
          [5, 6],
        ],
      }),
      [[1], [3], [5], [2], [4], [6]],
    );
  });

  it('kron has the defining block structure', () => {
    const A = [
      [1, 2],
      [3, 4],
    ];
    const B = [
      [0, 5],
      [6, 7],
    ];
    expectRows(evaluate('kron(A, B)', { A, B }), [
      [0, 5, 0, 10],
      [6, 7, 12, 14],
      [0, 15, 0, 20],
      [18, 21, 24, 28],
    ]);
    expectRows(evaluate('kron(eye(2), B)', { B }), [
      [0, 5, 0, 0],
      [6, 7, 0, 0],
      [0, 0, 0, 5],
      [0, 0, 6, 7],
    ]);
  });

  it("vec(A X B) = kron(B', A) vec(X) on random matrices of four distinct sizes", () => {
    for (let s = 0; s < 5; s++) {
      const A = randomMat(2, 3, 'vk-a', s),
        X = randomMat(3, 4, 'vk-x', s),
        B = randomMat(4, 5, 'vk-b', s);
      const lhs = toRows(evaluate('vec(A * X * B)', { A, X, B }));
      const rhs = toRows(evaluate("kron(B', A) * vec(X)", { A, X, B }));
      expect(lhs.length).toBe(10);
      expect(maxAbsDiff(lhs, rhs)).toBeLessThan(1e-12 * Math.max(1, maxAbs(lhs)));
      // the factors in the other order give the same shape but other values: the check above can fail
      const swapped = toRows(evaluate("kron(A, B') * vec(X)", { A, X, B }));
      expect(swapped.length).toBe(10);
      expect(maxAbsDiff(lhs, swapped)).toBeGreaterThan(1e-3);
    }
  });
});

describe('eigvals', () => {
  /** Sorted [re, im] pairs. */
  const pairs = (m: Mat) =>
    Array.from(m.re, (re, k) => [re, m.im?.[k] ?? 0] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);

  it('is ±i for the rotation [[0, -1], [1, 0]]', () => {
    const ev = evaluate('eigvals(R)', {
      R: [
        [0, -1],
        [1, 0],
      ],
    });
    expect([ev.rows, ev.cols]).toEqual([2, 1]);
    expect(ev.im).not.toBeNull();
    const p = pairs(ev);
    expect(Math.abs(p[0]![0]) + Math.abs(p[1]![0])).toBeLessThan(1e-14);
    expect(p[0]![1]).toBeCloseTo(-1, 14);
    expect(p[1]![1]).toBeCloseTo(1, 14);
  });

  it('prod(eigvals(A)) = det(A) and sum(eigvals(A)) = trace(A) for random non-symmetric A', () => {
    for (let n = 2; n <= 5; n++) {
      const A = randomMat(n, n, 'eig-expr', n);
      const diffDet = evaluate('abs(prod(eigvals(A)) - det(A))', { A });
      const diffTr = evaluate('abs(sum(eigvals(A)) - trace(A))', { A });
      const d = Math.abs(evaluate('det(A)', { A }).re[0]!);
      expect(diffDet.re[0]).toBeLessThan(1e-9 * Math.max(1, d));
      expect(diffTr.re[0]).toBeLessThan(1e-9);
    }
  });

  it("conjugate transposes with ' (eigenvalues of the rotation: ev' * ev = 2)", () => {
    expectClose(
      evaluate("eigvals(R)' * eigvals(R)", {
        R: [
          [0, -1],
          [1, 0],
        ],
      }),
      [[2]],
      1e-14,
      1e-14,
    );
  });
});

describe('softmax, logsumexp, norm', () => {
  it('softmax: each column sums to 1', () => {
    const Z = randomMat(4, 3, 'sm-expr');
    expectClose(evaluate('sum(softmax(Z), 1)', { Z }), [[1, 1, 1]], 1e-15, 1e-15);
  });

  it('softmax is shift-invariant', () => {
    const z = randomMat(5, 1, 'sm-shift');
    const a = toRows(evaluate('softmax(z)', { z }));
    const b = toRows(evaluate('softmax(z + 100)', { z }));
    expect(maxAbsDiff(a, b)).toBeLessThan(1e-14);
  });

  it('softmax(z) = exp(z) / sum(exp(z))', () => {
    const z = randomMat(4, 1, 'sm-def');
    const a = toRows(evaluate('softmax(z)', { z }));
    const b = toRows(evaluate('exp(z) / sum(exp(z))', { z }));
    expect(maxAbsDiff(a, b)).toBeLessThan(1e-15);
  });

  it('logsumexp(z) = log(sum(exp(z)))', () => {
    const z = randomMat(6, 1, 'lse-def');
    const a = evaluate('logsumexp(z)', { z });
    expect([a.rows, a.cols]).toEqual([1, 1]);
    expectClose(a, toRows(evaluate('log(sum(exp(z)))', { z })), 1e-14, 0);
  });

  it('logsumexp is stable for z = [1000; 1001]', () => {
    const v = evaluate('logsumexp([1000; 1001])').re[0]!;
    expect(Number.isFinite(v)).toBe(true);
    expect(Math.abs(v - (1001 + Math.log1p(Math.exp(-1))))).toBeLessThan(1e-12);
    // the naive formula overflows, which is why this matters
    expect(evaluate('log(sum(exp([1000; 1001])))').re[0]).toBe(Infinity);
  });

  it('norm is sqrt of the sum of squares (vector and Frobenius)', () => {
    expectRows(evaluate('norm(v)', { v: [[3], [4]] }), [[5]]);
    expectRows(
      evaluate('norm(A)', {
        A: [
          [1, 2],
          [2, 4],
        ],
      }),
      [[5]],
    );
    const R = randomMat(3, 4, 'norm');
    expectClose(evaluate('norm(R)', { R }), toRows(evaluate('sqrt(sum(R .* R))', { R })), 1e-15, 0);
  });
});

describe('functions beyond the contract that the prelude offers', () => {
  it("solve(A, b) = inv(A) * b and dot(a, b) = a' * b", () => {
    const A = randomMat(3, 3, 'pre-solve'),
      b = randomMat(3, 1, 'pre-b');
    const x = toRows(evaluate('solve(A, b)', { A, b }));
    expect(maxAbsDiff(refMul(toRows(A), x), toRows(b))).toBeLessThan(1e-12);
    expectRows(evaluate('dot(a, c)', { a: [[1], [2]], c: [[3], [4]] }), [[11]]);
  });

  it('max and min are elementwise', () => {
    expectRows(evaluate('max(v, 0)', { v: [[-1], [2]] }), [[0], [2]]);
    expectRows(evaluate('min(v, w)', { v: [[-1], [2]], w: [[0], [1]] }), [[-1], [1]]);
  });

  it('transpose() does not conjugate while ctranspose() does', () => {
    const R = [
      [0, -1],
      [1, 0],
    ];
    const t = evaluate('transpose(eigvals(R))', { R });
    const c = evaluate('ctranspose(eigvals(R))', { R });
    expect(Array.from(t.im!)).toEqual(Array.from(c.im!, (v) => -v));
    expect(toRows(t)).toEqual(refTranspose(toRows(evaluate('eigvals(R)', { R }))));
  });
});
