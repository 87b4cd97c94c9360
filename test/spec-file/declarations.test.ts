import { describe, expect, it } from 'vitest';
import { describeErrors, errorsOf, identityOf, spec } from '../helpers/spec-text.js';

// dims, vars and where: names, shapes, samples, and the order of where values.

describe('square-only samples', () => {
  it('refuses spd on a [m, n] shape, at the sample, with no follow-on error for claims using the var', () => {
    const text = spec`
      id: spd-rectangular
      dims:
        m: [2, 3]
        n: [4, 5]
      vars:
        X: { shape: [m, n], sample: spd }
        a: { shape: [m] }
        b: { shape: [n] }
      claims:
        - kind: gradient
          f: a' * X * b
          wrt: X
          expect: a * b'
    `;
    const errors = errorsOf(text, 'spd.yaml');
    // The one real problem; a second "wrt X is a var; wrt must name a var" would contradict itself.
    expect(describeErrors(errors)).toEqual(['6:31 var X: sample spd needs a square shape, got [m, n]']);
    expect(errors[0]!.file).toBe('spd.yaml');
  });

  it.each(['invertible', 'symmetric', 'spd', 'orthogonal', 'diagonal'])(
    'refuses %s on a rectangular shape',
    (sample) => {
      const errors = errorsOf(
        `id: square-only\nvars:\n  X: { shape: [2, 3], sample: ${sample} }\nclaims:\n  - kind: equal\n    lhs: X\n    rhs: X\n`,
      );
      expect(errors).toHaveLength(1);
      expect(errors[0]!.line).toBe(3);
      expect(errors[0]!.message).toBe(`var X: sample ${sample} needs a square shape, got [2, 3]`);
    },
  );

  it('refuses a square-only sample on a column vector [n]', () => {
    const errors = errorsOf(
      'id: spd-vector\ndims:\n  n: [2, 4]\nvars:\n  S: { shape: [n], sample: spd }\nclaims:\n  - kind: equal\n    lhs: S\n    rhs: S\n',
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(5);
    expect(errors[0]!.message).toMatch(/sample spd needs a square shape, got \[n\]/);
  });

  it('accepts a square-only sample on two different dims symbols that are fixed to the same size', () => {
    const identity = identityOf(spec`
      id: spd-fixed-dims
      dims:
        m: 3
        k: 3
      vars:
        S: { shape: [m, k], sample: spd }
      claims:
        - kind: equal
          lhs: S
          rhs: S'
    `);
    expect(identity.vars[0]).toMatchObject({ name: 'S', sample: 'spd' });
  });

  it('refuses a square-only sample on two dims symbols drawn from the same range (they may differ)', () => {
    const errors = errorsOf(
      'id: spd-ranges\ndims:\n  m: [2, 4]\n  k: [2, 4]\nvars:\n  S: { shape: [m, k], sample: spd }\nclaims:\n  - kind: equal\n    lhs: S\n    rhs: S\n',
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/needs a square shape/);
  });
});

describe('shapes naming dims symbols', () => {
  it('refuses a shape entry that is not a declared dims symbol, at that entry, listing the dims', () => {
    const text = spec`
      id: undeclared-dim
      dims:
        n: [2, 4]
        m: 3
      vars:
        x: { shape: [n] }
        T: { shape: [n, k] }
      claims:
        - kind: equal
          lhs: x
          rhs: x
    `;
    const errors = errorsOf(text, 'dims.yaml');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'dims.yaml', line: 7, column: 19 });
    expect(errors[0]!.message).toBe('var T: shape entry "k" is not a dims symbol (dims: n, m)');
  });

  it('refuses a shape naming a dims symbol when the spec has no dims at all', () => {
    const errors = errorsOf(
      'id: no-dims\nvars:\n  x: { shape: [n] }\nclaims:\n  - kind: equal\n    lhs: x\n    rhs: x\n',
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 3, column: 16 });
    expect(errors[0]!.message).toMatch(/shape entry "n" is not a dims symbol/);
  });

  it('refuses a shape naming a var instead of a dims symbol', () => {
    const errors = errorsOf(
      'id: var-as-dim\nvars:\n  x: { shape: [3] }\n  y: { shape: [x] }\nclaims:\n  - kind: equal\n    lhs: x\n    rhs: x\n',
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(4);
    expect(errors[0]!.message).toMatch(/shape entry "x" is not a dims symbol/);
  });

  it('refuses an empty dims range', () => {
    const errors = errorsOf(
      'id: empty-range\ndims:\n  n: [5, 2]\nvars:\n  x: { shape: [n] }\nclaims:\n  - kind: equal\n    lhs: x\n    rhs: x\n',
    );
    expect(errors.map((e) => e.line)).toContain(3);
    expect(errors.find((e) => e.line === 3)!.message).toMatch(/\[5, 2\].*empty|min > max/);
  });
});

describe('names', () => {
  const roles = {
    var: (name: string) =>
      `id: names\nvars:\n  ${name}: { shape: [2] }\n  x: { shape: [2] }\nclaims:\n  - kind: equal\n    lhs: x\n    rhs: x\n`,
    'where name': (name: string) =>
      `id: names\nvars:\n  x: { shape: [2] }\nwhere:\n  ${name}: 2 * x\nclaims:\n  - kind: equal\n    lhs: x\n    rhs: x\n`,
    'dims symbol': (name: string) =>
      `id: names\ndims:\n  ${name}: 3\nvars:\n  x: { shape: [2] }\nclaims:\n  - kind: equal\n    lhs: x\n    rhs: x\n`,
  } as const;
  const lineOfName = { var: 3, 'where name': 5, 'dims symbol': 3 } as const;

  for (const role of Object.keys(roles) as (keyof typeof roles)[]) {
    it.each(['__proto__', 'constructor', 'prototype'])(`refuses the ${role} %s, at its key`, (name) => {
      const errors = errorsOf(roles[role](name), 'names.yaml');
      expect(describeErrors(errors)).toEqual([`${lineOfName[role]}:3 ${role} "${name}" is a reserved word`]);
    });

    it.each(['det', 'sum', 'inv', 'trace'])(`refuses the ${role} %s, a function name`, (name) => {
      const errors = errorsOf(roles[role](name));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ line: lineOfName[role], column: 3 });
      expect(errors[0]!.message).toBe(`${role} "${name}" is the name of a function; choose another name`);
    });
  }

  it.each(['2x', 'x-y', 'x.y', '_x'])('refuses the var name %j as not a name', (name) => {
    const errors = errorsOf(roles.var(JSON.stringify(name)));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(3);
    expect(errors[0]!.message).toMatch(/is not a valid name/);
  });

  it('refuses a var with the name of a dims symbol, and a where value with the name of a var', () => {
    const text = spec`
      id: clashes
      dims:
        n: [2, 4]
      vars:
        n: { shape: [2] }
        x: { shape: [n] }
      where:
        x: 2
      claims:
        - kind: equal
          lhs: x
          rhs: x
    `;
    const errors = errorsOf(text);
    expect(describeErrors(errors)).toEqual([
      '5:3 var "n" is already declared as a dims symbol',
      '8:3 where name "x" is already declared as a var',
    ]);
  });
});

describe('where values', () => {
  it('refuses a where expression naming a later where value, at that expression', () => {
    const text = spec`
      id: where-order
      vars:
        x: { shape: [3] }
      where:
        a: b + 1
        b: sum(x)
      claims:
        - kind: equal
          lhs: a
          rhs: b + 1
    `;
    const errors = errorsOf(text, 'where.yaml');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'where.yaml', line: 5, column: 6 });
    expect(errors[0]!.message).toBe('where.a: undefined name "b"');
  });

  it('accepts the same where values in dependency order', () => {
    const identity = identityOf(spec`
      id: where-order-ok
      vars:
        x: { shape: [3] }
      where:
        b: sum(x)
        a: b + 1
      claims:
        - kind: equal
          lhs: a
          rhs: b + 1
    `);
    expect(identity.where.map((w) => w.name)).toEqual(['b', 'a']);
  });

  it('refuses a where value that refers to itself', () => {
    const errors = errorsOf(
      'id: where-self\nvars:\n  x: { shape: [3] }\nwhere:\n  a: a + x\nclaims:\n  - kind: equal\n    lhs: x\n    rhs: x\n',
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(5);
    expect(errors[0]!.message).toMatch(/undefined name "a"/);
  });
});
