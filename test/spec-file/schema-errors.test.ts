import { describe, expect, it } from 'vitest';
import { describeErrors, errorsOf, identityOf, spec } from '../helpers/spec-text.js';

// Structural problems of a spec: keys, types, ranges, required entries. Each must come back as a
// spec error naming the file and the line (and column) of the offending key or value.

describe('unknown keys', () => {
  it('refuses an unknown top-level key, pointing at the key itself', () => {
    const text = spec`
      id: typo-title
      titel: Gradient of a sum
      vars:
        x: { shape: [3] }
      claims:
        - kind: gradient
          f: sum(x)
          wrt: x
          expect: ones(3, 1)
    `;
    const errors = errorsOf(text, 'typo.yaml');
    expect(describeErrors(errors)).toEqual([expect.stringMatching(/^2:1 unknown key "titel"/)]);
    expect(errors[0]!.file).toBe('typo.yaml');
  });

  it('refuses an unknown key inside a var, naming the var', () => {
    const text = spec`
      id: typo-sample
      vars:
        x: { shape: [3], smaple: positive }
      claims:
        - kind: equal
          lhs: x
          rhs: x
    `;
    const errors = errorsOf(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 3, column: 20 });
    expect(errors[0]!.message).toMatch(/unknown key "smaple" in vars\.x/);
  });

  it('refuses a misspelt claim key with the key it was meant to be, and says it once', () => {
    const text = spec`
      id: typo-expect
      vars:
        x: { shape: [3] }
      claims:
        - kind: gradient
          f: sum(x)
          wrt: x
          expected: ones(3, 1)
    `;
    const errors = errorsOf(text);
    const messages = errors.map((e) => e.message);
    expect(messages).toEqual(['unknown key "expected" in claims[0] (did you mean "expect"?)']);
    expect(errors.find((e) => e.message.includes('"expected"'))).toMatchObject({ line: 8, column: 5 });
  });

  it('explains a flow mapping split at the comma inside an expression', () => {
    const text = spec`
      id: flow-split
      dims:
        n: [2, 4]
      vars:
        x: { shape: [n] }
      claims:
        - { kind: gradient, f: sum(x), wrt: x, expect: ones(n, 1) }
    `;
    const errors = errorsOf(text, 'flow.yaml');
    expect(errors).toHaveLength(1);
    const [e] = errors;
    expect(e).toMatchObject({ file: 'flow.yaml', line: 7 });
    // Column of the stray key `1)`, the piece after the comma.
    expect(e!.column).toBe(text.split('\n')[6]!.indexOf('1)') + 1);
    expect(e!.message).toMatch(/unknown key "1\)"/);
    expect(e!.message).toMatch(/comma/);
    expect(e!.message).toMatch(/block style|quote/);
  });

  it('explains the split for a two-argument function in an equal claim too', () => {
    const text = spec`
      id: flow-split-outer
      vars:
        a: { shape: [3] }
        b: { shape: [3] }
      claims:
        - { kind: equal, lhs: outer(a, b), rhs: a * b' }
    `;
    const errors = errorsOf(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(6);
    expect(errors[0]!.message).toMatch(/unknown key "b\)".*comma/);
  });

  it('explains the split in a where mapping written in flow style as well', () => {
    // `where` takes any names, so the stray piece `2)` becomes a where name with no value; the
    // author still needs to hear about the comma, not only that "2)" has no expression.
    const text = spec`
      id: flow-split-where
      vars:
        X: { shape: [3, 4] }
      where: { mu: mean(X, 2) }
      claims:
        - kind: equal
          lhs: X - mu
          rhs: X - mean(X, 2)
    `;
    const errors = errorsOf(text);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.map((e) => e.line)).toContain(4);
    expect(errors.find((e) => e.line === 4)!.message).toMatch(/comma/);
  });

  it('does not blame a comma for an ordinary misspelt key', () => {
    const text = spec`
      id: plain-typo
      vars:
        x: { shape: [3] }
      claims:
        - { kind: equal, lhs: x, rhs: x, nmae: identity }
    `;
    const errors = errorsOf(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/unknown key "nmae"/);
    expect(errors[0]!.message).not.toMatch(/comma/);
  });

  it('accepts the same claim when the flow mapping quotes the expression', () => {
    const identity = identityOf(spec`
      id: flow-quoted
      dims:
        n: [2, 4]
      vars:
        x: { shape: [n] }
      claims:
        - { kind: gradient, f: sum(x), wrt: x, expect: "ones(n, 1)" }
    `);
    expect(identity.claims).toHaveLength(1);
    expect(identity.claims[0]!.kind).toBe('gradient');
  });
});

describe('required keys and lists', () => {
  it('reports missing claims', () => {
    const text = spec`
      id: no-claims
      title: A spec without claims
      vars:
        x: { shape: [3] }
    `;
    const errors = errorsOf(text, 'no-claims.yaml');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.file).toBe('no-claims.yaml');
    expect(errors[0]!.message).toBe('missing required key "claims"');
    expect(errors[0]!.line).toBe(1);
  });

  it('reports an empty claims list at the line of claims', () => {
    const text = spec`
      id: empty-claims
      vars:
        x: { shape: [3] }
      claims: []
    `;
    const errors = errorsOf(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 4, column: 9 });
    expect(errors[0]!.message).toMatch(/claims needs at least 1 entry/);
  });

  it.each([
    ['id', 'vars:\n  x: { shape: [2] }\nclaims:\n  - kind: equal\n    lhs: x\n    rhs: x\n'],
    ['vars', 'id: no-vars\nclaims:\n  - kind: equal\n    lhs: 1\n    rhs: 1\n'],
  ])('reports a missing %s', (key, text) => {
    const errors = errorsOf(text);
    expect(errors.map((e) => e.message.replace(/ \(.*\)$/, ''))).toContain(`missing required key "${key}"`);
  });

  it('reports a claim without kind, listing the kinds', () => {
    const text = spec`
      id: no-kind
      vars:
        x: { shape: [3] }
      claims:
        - f: sum(x)
          wrt: x
          expect: ones(3, 1)
    `;
    const errors = errorsOf(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(5);
    expect(errors[0]!.message).toMatch(/missing required key "kind".*equal, gradient, jacobian, backprop/);
  });

  it('reports an unknown claim kind at the line of kind, listing the kinds', () => {
    const text = spec`
      id: laplacian-claim
      vars:
        x: { shape: [3] }
      claims:
        - kind: laplacian
          f: x' * x
          wrt: x
          expect: 2 * eye(3)
    `;
    const errors = errorsOf(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 5, column: 11 });
    expect(errors[0]!.message).toMatch(
      /kind must be one of equal, gradient, jacobian, backprop, hessian, differential, got "laplacian"/,
    );
  });
});

describe('values of the wrong type or range', () => {
  it('refuses trials: five at its line and column', () => {
    const text = spec`
      id: trials-word
      vars:
        x: { shape: [3] }
      trials: five
      claims:
        - kind: equal
          lhs: x
          rhs: x
    `;
    const errors = errorsOf(text, 'trials.yaml');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'trials.yaml', line: 4, column: 9 });
    expect(errors[0]!.message).toMatch(/^trials must be a number, got "five"$/);
  });

  it.each([
    ['0', /trials must be > 0/],
    ['2.5', /trials must be a whole number/],
    ['-3', /trials must be > 0/],
    ['100000', /trials must be ≤ 1000/],
  ])('refuses trials: %s', (value, message) => {
    const errors = errorsOf(
      `id: trials-bad\nvars:\n  x: { shape: [3] }\ntrials: ${value}\nclaims:\n  - kind: equal\n    lhs: x\n    rhs: x\n`,
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(4);
    expect(errors[0]!.message).toMatch(message);
  });

  it('refuses a negative rtol at the line and column of the value', () => {
    const text = spec`
      id: negative-rtol
      vars:
        x: { shape: [3] }
      tolerance: { rtol: -1e-5 }
      claims:
        - kind: equal
          lhs: x
          rhs: x
    `;
    const errors = errorsOf(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 4, column: 20 });
    expect(errors[0]!.message).toMatch(
      /tolerance\.rtol must be ≥ 0, got .*-0\.00001|tolerance\.rtol must be ≥ 0, got .*-1e-5/,
    );
  });

  it('refuses a negative atol written in block style', () => {
    const text = spec`
      id: negative-atol
      vars:
        x: { shape: [3] }
      tolerance:
        rtol: 1e-6
        atol: -1
      claims:
        - kind: equal
          lhs: x
          rhs: x
    `;
    const errors = errorsOf(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 6, column: 9 });
    expect(errors[0]!.message).toMatch(/tolerance\.atol must be ≥ 0/);
  });

  it('refuses an unknown sample kind, naming it and listing the kinds', () => {
    const text = spec`
      id: gaussian-sample
      dims:
        n: [2, 4]
      vars:
        X: { shape: [n, n], sample: gaussian }
      claims:
        - kind: gradient
          f: trace(X)
          wrt: X
          expect: eye(n)
    `;
    const errors = errorsOf(text, 'gauss.yaml');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'gauss.yaml', line: 5, column: 31 });
    expect(errors[0]!.message).toMatch(
      /vars\.X\.sample must be one of normal, uniform, .*onehot, orthonormal, skew, lower, upper, bernoulli, got "gaussian"/,
    );
  });

  it('refuses a rank-3 shape at the line of the shape', () => {
    const text = spec`
      id: rank-three
      dims:
        n: [2, 4]
      vars:
        T: { shape: [n, n, n] }
      claims:
        - kind: equal
          lhs: T
          rhs: T
    `;
    const errors = errorsOf(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 5, column: 15 });
    expect(errors[0]!.message).toMatch(/vars\.T\.shape has more than 2 entries/);
  });

  it.each([
    ['0', /vars\.x\.shape\[0\] must be > 0/],
    ['-2', /vars\.x\.shape\[0\] must be > 0/],
    ['1.5', /vars\.x\.shape\[0\]/],
  ])('refuses a shape entry %s', (entry, message) => {
    const errors = errorsOf(
      `id: bad-shape\nvars:\n  x: { shape: [${entry}] }\nclaims:\n  - kind: equal\n    lhs: x\n    rhs: x\n`,
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(3);
    expect(errors[0]!.message).toMatch(message);
  });

  it('refuses an unknown layout of a jacobian', () => {
    const text = spec`
      id: bad-layout
      vars:
        x: { shape: [3] }
      claims:
        - kind: jacobian
          f: x
          wrt: x
          expect: eye(3)
          layout: column
    `;
    const errors = errorsOf(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 9, column: 13 });
    expect(errors[0]!.message).toMatch(/layout must be one of denominator, numerator, got "column"/);
  });

  it('refuses an expression given as a list (a common YAML slip: expect: [x, y])', () => {
    const text = spec`
      id: list-expression
      vars:
        x: { shape: [3] }
      claims:
        - kind: equal
          lhs: x
          rhs: [x, x]
    `;
    const errors = errorsOf(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(7);
    expect(errors[0]!.message).toMatch(/claims\[0\]\.rhs must be an expression \(text\), got a list/);
  });
});

describe('the id', () => {
  it.each(['My_Id', 'Det-Gradient', 'det--gradient', '-det', 'det-', 'det gradient', 'det_gradient'])(
    'refuses the id %j as not kebab-case, at line 1 column 5',
    (id) => {
      const errors = errorsOf(
        `id: "${id}"\nvars:\n  x: { shape: [3] }\nclaims:\n  - kind: equal\n    lhs: x\n    rhs: x\n`,
      );
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ line: 1, column: 5 });
      expect(errors[0]!.message).toMatch(/id must be kebab-case/);
      expect(errors[0]!.message).toContain(JSON.stringify(id));
    },
  );

  it.each(['det-gradient', 'a', 'grad-2', 'x2y-3z'])('accepts the kebab-case id %j', (id) => {
    expect(
      identityOf(`id: ${id}\nvars:\n  x: { shape: [3] }\nclaims:\n  - kind: equal\n    lhs: x\n    rhs: x\n`).id,
    ).toBe(id);
  });

  it('refuses an id that is a number', () => {
    const errors = errorsOf('id: 42\nvars:\n  x: { shape: [3] }\nclaims:\n  - kind: equal\n    lhs: x\n    rhs: x\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 1, column: 5 });
    expect(errors[0]!.message).toMatch(/id must be text, got (a number )?(number )?42/);
  });
});

describe('several schema problems in one file', () => {
  it('reports every independent problem together, each at its own line', () => {
    const text = spec`
      id: Many_Problems
      vars:
        x: { shape: [3], sample: gaussian }
      trials: five
      tolerance: { rtol: -1 }
      colour: blue
      claims:
        - kind: gradient
          f: sum(x)
          wrt: x
          expect: ones(3, 1)
    `;
    const errors = errorsOf(text, 'many.yaml');
    const byLine = errors.map((e) => [e.line, e.message.split(' ')[0]]);
    expect(byLine).toEqual(
      expect.arrayContaining([
        [1, 'id'],
        [3, 'vars.x.sample'],
        [4, 'trials'],
        [5, 'tolerance.rtol'],
        [6, 'unknown'],
      ]),
    );
    expect(errors).toHaveLength(5);
    for (const e of errors) expect(e.file).toBe('many.yaml');
  });
});
