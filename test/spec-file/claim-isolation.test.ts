import { describe, expect, it } from 'vitest';
import { describeErrors, errorsOf, loadText, spec } from '../helpers/spec-text.js';
import { runCli } from '../helpers/run-cli.js';
import type { JsonReport } from '../helpers/json-report.js';

// One broken claim is an error of that claim alone; an error of the file stops the file.

const FOUR = (broken: string): string => spec`
  id: four
  dims: { n: [2, 4] }
  vars:
    x: { shape: [n] }
    A: { shape: [n, n] }
  claims:
    - { name: quadratic, kind: gradient, f: "x' * A * x", wrt: x, expect: "(A + A') * x" }
    - { name: linear, kind: gradient, f: sum(A * x), wrt: x, expect: "A' * ones(n, 1)" }
    - ${broken}
    - { name: norm, kind: gradient, f: "x' * x", wrt: x, expect: 2 * x }
`;

describe('a broken claim among others', () => {
  it.each([
    ['an unknown function', '{ name: bad, kind: gradient, f: tr(A), wrt: A, expect: eye(n) }', 'trace(A)'],
    ['a wrt that is no var', '{ name: bad, kind: gradient, f: trace(A), wrt: B, expect: eye(n) }', 'is not a var'],
    ['a misspelt key', '{ name: bad, kind: gradient, f: trace(A), wrt: A, expct: eye(n) }', '"expect"'],
    ['a misspelt kind', '{ name: bad, kind: gradiant, f: trace(A), wrt: A, expect: eye(n) }', '"gradient"'],
    ['no kind at all', '{ name: bad, f: trace(A), wrt: A, expect: eye(n) }', 'missing required key "kind"'],
  ])('%s leaves the other three claims resolved', (_what, broken, says) => {
    const { identity, errors } = loadText(FOUR(broken));
    expect(identity?.claims.map((c) => c.name)).toEqual(['quadratic', 'linear', 'norm']);
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) expect(e.path.slice(0, 2)).toEqual(['claims', 2]);
    expect(errors.map((e) => e.message).join('\n')).toContain(says);
    expect(errors[0]!.line).toBe(9);
  });

  it('names the claim by its name in the message', () => {
    const errors = errorsOf(FOUR('{ name: dx, kind: gradient, f: trace(A), wrt: B, expect: eye(n) }'));
    expect(describeErrors(errors)).toEqual(['9:51 claims[2] "dx": wrt B is not a var (vars: x, A)']);
  });

  it('stops the whole file for an error every claim depends on: a broken where', () => {
    const text = spec`
      id: broken-where
      vars: { x: { shape: [3] } }
      where: { y: tr(x) }
      claims:
        - { kind: gradient, f: sum(x), wrt: x, expect: 'ones(3, 1)' }
    `;
    const { identity, errors } = loadText(text);
    expect(identity).toBeNull();
    expect(describeErrors(errors)).toEqual([
      '3:13 where.y: unknown function tr(): the trace is trace(A); try: trace(x)',
    ]);
  });

  it('yields no identity when every claim is broken', () => {
    const text = spec`
      id: all-broken
      vars: { x: { shape: [3] } }
      claims:
        - { kind: gradient, f: sum(x), wrt: z, expect: 'ones(3, 1)' }
    `;
    expect(loadText(text).identity).toBeNull();
  });
});

describe('did you mean, in a spec', () => {
  it.each([
    ['a var key', 'vars: { x: { shape: [3], smaple: normal } }', '"sample"'],
    ['a spec key', 'titel: t\nvars: { x: { shape: [3] } }', '"title"'],
    ['a sample', 'vars: { x: { shape: [3], sample: positiv } }', '"positive"'],
    ['a tolerance key', 'tolerance: { rtl: 1e-6 }\nvars: { x: { shape: [3] } }', '"rtol"'],
  ])('%s', (_what, lines, says) => {
    const text = `id: s\n${lines}\nclaims:\n  - { kind: gradient, f: sum(x), wrt: x, expect: 'ones(3, 1)' }\n`;
    expect(
      errorsOf(text)
        .map((e) => e.message)
        .join('\n'),
    ).toMatch(new RegExp(`did you mean ${says}`));
  });

  it('offers the closest var for a misspelt wrt', () => {
    const text = spec`
      id: s
      vars: { weights: { shape: [3] } }
      claims:
        - { kind: gradient, f: sum(weights), wrt: weight, expect: 'ones(3, 1)' }
    `;
    expect(errorsOf(text)[0]!.message).toBe('wrt weight is not a var (did you mean "weights"?) (vars: weights)');
  });
});

describe('mcheck check on a file with one broken claim among four', () => {
  it('reports three passes and one error, and exits 2', () => {
    const file = 'test/fixtures/e2e/one-broken-claim.yaml';
    const pretty = runCli(['check', file]);
    expect(pretty.code).toBe(2);
    expect(pretty.stdout).toContain('3 passed, 0 failed, 1 error');
    expect(pretty.stdout).toContain(
      `claims[2] "trace" f: unknown function tr(): the trace is trace(A); try: trace(A) → at ${file}:21:8`,
    );
    const json = JSON.parse(runCli(['check', file, '--reporter', 'json']).stdout) as JsonReport;
    expect(json.results.map((r) => [r.claim, r.status])).toEqual([
      ['quadratic', 'pass'],
      ['linear', 'pass'],
      ['norm', 'pass'],
    ]);
    expect(json.errors.map((e) => [e.line, e.path])).toEqual([[21, ['claims', 2, 'f']]]);
  });
});
