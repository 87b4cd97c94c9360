import { describe, expect, it } from 'vitest';
import { describeErrors, errorsOf, identityOf, spec } from '../helpers/spec-text.js';

// The keys of hessian and differential claims and of conventions, as the spec format gives them.

describe('hessian, differential and convention keys', () => {
  it('resolve a hessian by one var or a pair, a differential by a list, with its direction names', () => {
    const identity = identityOf(spec`
      id: v2
      dims: { n: [2, 3], m: [2, 3] }
      vars:
        x: { shape: [n] }
        y: { shape: [m] }
        S: { shape: [n, n], sample: spd }
      claims:
        - { kind: hessian, f: "x' * x", wrt: x, expect: 2 * eye(n) }
        - { kind: hessian, f: "x' * ones(n, m) * y", wrt: [x, y], expect: "ones(n, m)" }
        - { kind: differential, f: "x * y'", wrt: [x, y], expect: "dx * y' + x * dy'" }
        - { kind: gradient, f: trace(S), wrt: S, expect: eye(n), convention: distinct }
    `);
    expect(identity.claims.map((c) => [c.kind, 'wrt' in c ? c.wrt : null])).toEqual([
      ['hessian', ['x']],
      ['hessian', ['x', 'y']],
      ['differential', ['x', 'y']],
      ['gradient', 'S'],
    ]);
    expect(identity.claims[2]).toMatchObject({ directions: ['dx', 'dy'] });
    expect(identity.claims[3]).toMatchObject({ convention: 'distinct' });
  });

  it('refuse direction names that clash, a var named twice, a non-square convention, an unknown wrt', () => {
    const text = spec`
      id: bad-v2
      dims: { n: [2, 3], m: [2, 3] }
      vars:
        x: { shape: [n] }
        dx: { shape: [n] }
        R: { shape: [n, m] }
      claims:
        - { kind: differential, f: x, wrt: x, expect: dx }
        - { kind: gradient, f: sum(R), wrt: R, expect: R, convention: symmetric }
        - { kind: differential, f: R, wrt: [R, R], expect: dR }
        - { kind: hessian, f: "x' * x", wrt: q, expect: x }
    `;
    expect(describeErrors(errorsOf(text))).toEqual([
      '8:38 direction name "dx" is already declared as a var: a differential by x names its direction dx; rename the other dx',
      '9:65 convention symmetric needs a square wrt; R has shape [n, m]',
      '10:42 wrt names R twice',
      '11:40 wrt q is not a var (vars: x, dx, R)',
    ]);
  });

  it('refuse a hessian of three vars, an empty list, an unknown convention, a convention elsewhere', () => {
    const text = spec`
      id: bad-shapes
      vars:
        x: { shape: [2] }
      claims:
        - { kind: hessian, f: "x' * x", wrt: [x, x, x], expect: x }
        - { kind: differential, f: x, wrt: [], expect: dx }
        - { kind: gradient, f: sum(x), wrt: x, expect: x, convention: cookbook }
        - { kind: jacobian, f: x, wrt: x, expect: eye(2), convention: symmetric }
    `;
    expect(describeErrors(errorsOf(text))).toEqual([
      '5:40 claims[0].wrt must be a var name, or a list of var names (two for a hessian: [x, y]), got a list',
      '6:38 claims[1].wrt needs at least 1 entry',
      '7:65 claims[2].convention must be one of independent, symmetric, distinct, got "cookbook"',
      '8:53 unknown key "convention" in claims[3]',
    ]);
  });
});
