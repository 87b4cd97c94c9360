import { describe, expect, it } from 'vitest';
import { describeErrors, errorsOf, identityOf, spec } from '../helpers/spec-text.js';

// Claims: what `wrt` and `upstream` may name, and the expressions' names and functions.

describe('wrt', () => {
  it('refuses a where value, at the wrt line and column', () => {
    const text = spec`
      id: wrt-where
      dims:
        n: [2, 4]
      vars:
        W: { shape: [n, n] }
        x: { shape: [n] }
      where:
        y: W * x
      claims:
        - kind: gradient
          f: y' * y
          wrt: y
          expect: 2 * y
    `;
    const errors = errorsOf(text, 'wrt-where.yaml');
    expect(describeErrors(errors)).toEqual([
      '12:10 wrt y is a where name; wrt must name a var (to differentiate by y, declare it under vars and write f in terms of it)',
    ]);
    expect(errors[0]!.file).toBe('wrt-where.yaml');
  });

  it('refuses a onehot var', () => {
    const text = spec`
      id: wrt-onehot
      dims:
        n: [2, 4]
      vars:
        z: { shape: [n] }
        t: { shape: [n], sample: onehot }
      claims:
        - kind: gradient
          f: -(t' * log(softmax(z)))
          wrt: t
          expect: -log(softmax(z))
    `;
    const errors = errorsOf(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 10, column: 10 });
    expect(errors[0]!.message).toMatch(/wrt t is a onehot var/);
  });

  it('refuses a name that is nothing declared, listing the vars', () => {
    const text = spec`
      id: wrt-nothing
      vars:
        x: { shape: [3] }
        A: { shape: [3, 3] }
      claims:
        - kind: gradient
          f: x' * A * x
          wrt: z
          expect: (A + A') * x
    `;
    const errors = errorsOf(text);
    expect(describeErrors(errors)).toEqual(['8:10 wrt z is not a var (vars: x, A)']);
  });

  it('refuses a dims symbol', () => {
    const errors = errorsOf(
      'id: wrt-dim\ndims:\n  n: [2, 4]\nvars:\n  x: { shape: [n] }\nclaims:\n  - kind: gradient\n    f: sum(x) * n\n    wrt: n\n    expect: n\n',
    );
    expect(describeErrors(errors)).toEqual(['9:10 wrt n is a dims symbol; wrt must name a var']);
  });

  it('accepts a matrix var as the wrt of a jacobian (of vec(f) by vec(W))', () => {
    const text = spec`
      id: jacobian-matrix
      dims:
        n: [2, 4]
      vars:
        W: { shape: [n, n] }
        x: { shape: [n] }
      claims:
        - kind: jacobian
          f: W * x
          wrt: W
          expect: kron(x', eye(n))
    `;
    expect(identityOf(text).claims[0]).toMatchObject({ kind: 'jacobian', wrt: 'W' });
  });

  it('accepts a jacobian wrt a [n, 1] column and a gradient wrt a matrix', () => {
    const identity = identityOf(spec`
      id: wrt-ok
      dims:
        n: [2, 4]
      vars:
        W: { shape: [n, n] }
        x: { shape: [n, 1] }
      claims:
        - kind: jacobian
          f: W * x
          wrt: x
          expect: W'
        - kind: gradient
          f: sum(W * x)
          wrt: W
          expect: ones(n, 1) * x'
    `);
    expect(identity.claims.map((c) => c.kind)).toEqual(['jacobian', 'gradient']);
  });
});

describe('backprop upstream', () => {
  const backprop = (upstream: string): string => spec`
    id: upstream-name
    dims:
      n: [2, 4]
    vars:
      W: { shape: [n, n] }
      x: { shape: [n] }
    where:
      h: W * x
    claims:
      - kind: backprop
        f: W * x
        upstream: ${upstream}
        wrt: W
        expect: ${upstream} * x'
  `;

  it.each([
    ['x', 'var'],
    ['W', 'var'],
    ['h', 'where name'],
    ['n', 'dims symbol'],
  ])('refuses an upstream named %s, which shadows a %s', (name, role) => {
    const errors = errorsOf(backprop(name), 'up.yaml');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'up.yaml', line: 12, column: 15 });
    expect(errors[0]!.message).toBe(`upstream name "${name}" is already declared as a ${role}`);
  });

  it('refuses an upstream named like a function', () => {
    const errors = errorsOf(backprop('exp'));
    expect(errors.map((e) => e.line)).toContain(12);
    expect(errors.find((e) => e.line === 12)!.message).toMatch(/upstream name "exp" is the name of a function/);
  });

  it('accepts a fresh upstream name, usable in expect', () => {
    const identity = identityOf(backprop('G'));
    expect(identity.claims[0]).toMatchObject({ kind: 'backprop', upstream: 'G', wrt: 'W' });
  });
});

describe('expressions', () => {
  it('refuses an undefined symbol, at the line and column of that expression', () => {
    const text = spec`
      id: undefined-symbol
      dims:
        n: [2, 4]
      vars:
        x: { shape: [n] }
      claims:
        - kind: gradient
          f: x' * x
          wrt: x
          expect: 2 * y
    `;
    const errors = errorsOf(text, 'undef.yaml');
    expect(describeErrors(errors)).toEqual(['10:13 claims[0].expect: undefined name "y"']);
    expect(errors[0]!.file).toBe('undef.yaml');
  });

  it('refuses an unknown function, at the line of that expression, naming the function', () => {
    const text = spec`
      id: unknown-function
      dims:
        n: [2, 4]
      vars:
        X: { shape: [n, n], sample: spd }
      claims:
        - kind: gradient
          f: fronorm(X)
          wrt: X
          expect: inv(X)
    `;
    const errors = errorsOf(text);
    expect(describeErrors(errors)).toEqual([
      '8:8 claims[0].f: unknown function fronorm() (mcheck functions lists them all)',
    ]);
  });

  it('points at the first line of a multi-line (folded) expression', () => {
    const text = spec`
      id: folded
      vars:
        x: { shape: [3] }
      claims:
        - kind: equal
          lhs: >-
            x + x +
            q
          rhs: 2 * x
    `;
    const errors = errorsOf(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(6);
    expect(errors[0]!.message).toMatch(/claims\[0\]\.lhs: undefined name "q"/);
  });

  it('refuses an expression that does not parse, saying which', () => {
    const errors = errorsOf(
      'id: no-parse\nvars:\n  x: { shape: [3] }\nclaims:\n  - kind: equal\n    lhs: x +\n    rhs: x\n',
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 6, column: 10 });
    expect(errors[0]!.message).toMatch(/claims\[0\]\.lhs: cannot parse "x \+"/);
  });

  it('refuses a function name used without a call', () => {
    const errors = errorsOf(
      'id: bare-fn\nvars:\n  x: { shape: [3] }\nclaims:\n  - kind: equal\n    lhs: x + det\n    rhs: x\n',
    );
    expect(describeErrors(errors)).toEqual(['6:10 claims[0].lhs: det is a function: call it as det(...)']);
  });

  it('refuses the upstream name outside a backprop claim', () => {
    const text = spec`
      id: upstream-scope
      vars:
        W: { shape: [3, 3] }
        x: { shape: [3] }
      claims:
        - kind: backprop
          f: W * x
          upstream: G
          wrt: W
          expect: G * x'
        - kind: gradient
          f: sum(W * x)
          wrt: W
          expect: G * x'
    `;
    const errors = errorsOf(text);
    expect(describeErrors(errors)).toEqual(['14:13 claims[1].expect: undefined name "G"']);
  });
});

describe('errors of one file are reported together', () => {
  it('reports independent problems of declarations and claims in one pass, in file order', () => {
    const text = spec`
      id: many-problems
      dims:
        n: [2, 4]
      vars:
        x: { shape: [n] }
        T: { shape: [n, k] }
      claims:
        - kind: gradient
          f: sum(q)
          wrt: z
          expect: 2 * y
        - kind: equal
          lhs: fronorm(x)
          rhs: x
    `;
    const errors = errorsOf(text, 'many.yaml');
    expect(describeErrors(errors).sort()).toEqual(
      [
        '6:19 var T: shape entry "k" is not a dims symbol (dims: n)',
        '9:8 claims[0].f: undefined name "q"',
        '10:10 wrt z is not a var (vars: x)',
        '11:13 claims[0].expect: undefined name "y"',
        '13:10 claims[1].lhs: unknown function fronorm() (mcheck functions lists them all)',
      ].sort(),
    );
    for (const e of errors) expect(e.file).toBe('many.yaml');
  });

  it('reports a structural problem and an independent expression problem together', () => {
    // A misspelt optional key (`titel`) has nothing to do with the undefined `y` on line 9: a
    // student fixing the first should not have to rerun to discover the second.
    const text = spec`
      id: schema-and-expression
      titel: Gradient of a sum
      vars:
        x: { shape: [3] }
      claims:
        - kind: gradient
          f: sum(x)
          wrt: x
          expect: 2 * y
    `;
    const errors = errorsOf(text);
    expect(describeErrors(errors)).toEqual([
      expect.stringMatching(/^2:1 unknown key "titel"/),
      '9:13 claims[0].expect: undefined name "y"',
    ]);
  });
});
