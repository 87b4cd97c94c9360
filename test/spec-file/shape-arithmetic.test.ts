import { describe, expect, it } from 'vitest';
import { parseSize } from '../../src/spec-file/size-expression.js';
import { describeErrors, errorsOf, identityOf, spec } from '../helpers/spec-text.js';

// Shapes with integer arithmetic of dims symbols: `[n - k + 1]`, `[2 * n, k]`.

describe('sizes written as arithmetic', () => {
  it('evaluate with precedence and parentheses, and bound over the dims ranges', () => {
    const size = parseSize('2 * (n - k) + 1')!;
    expect([...size.symbols].sort()).toEqual(['k', 'n']);
    expect(
      size.value(
        new Map([
          ['n', 5],
          ['k', 2],
        ]),
      ),
    ).toBe(7);
    expect(
      size.bounds(
        new Map([
          ['n', [4, 8] as const],
          ['k', [1, 3] as const],
        ]),
      ),
    ).toEqual([3, 15]);
    expect(
      parseSize('n * k - 1')!.value(
        new Map([
          ['n', 3],
          ['k', 4],
        ]),
      ),
    ).toBe(11);
    for (const bad of ['n / 2', 'n -', '(n', 'n ** 2', '', 'sqrt(n)']) expect(parseSize(bad), bad).toBeNull();
  });

  it('give vars their shapes on every draw', () => {
    const identity = identityOf(spec`
      id: conv
      dims: { n: [4, 8], k: [1, 3] }
      vars:
        x: { shape: [n] }
        y: { shape: [n - k + 1] }
        Z: { shape: [2 * n, k] }
      claims:
        - { kind: equal, lhs: "sum(y) * 0 + n - k + 1", rhs: "sum(ones(n - k + 1, 1))" }
    `);
    expect(identity.vars.map((v) => v.shape)).toEqual([['n'], ['n - k + 1'], ['2 * n', 'k']]);
  });

  it('refuse a size that can fall below 1, a division, an unknown symbol', () => {
    const text = spec`
      id: bad
      dims: { n: [1, 3] }
      vars:
        a: { shape: [n - 1] }
        b: { shape: [n / 2] }
        c: { shape: [m + 1] }
      claims:
        - { kind: equal, lhs: 1, rhs: 1 }
    `;
    expect(describeErrors(errorsOf(text))).toEqual([
      '4:16 var a: shape entry "n - 1" can be 0 (n in [1, 3]); every size must be at least 1',
      '5:16 var b: shape entry "n / 2" is not a dims symbol (dims: n) or integer arithmetic of them (n - 1, 2 * n)',
      '6:16 var c: shape entry "m + 1": "m" is not a dims symbol (dims: n)',
    ]);
  });
});
