import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';

const DIR = mkdtempSync(join(tmpdir(), 'mcheck-fuzz-'));

/** A valid spec to mutate. */
const BASE = {
  id: 'fuzz',
  dims: { n: [2, 4], m: 3 },
  vars: { X: { shape: ['n', 'n'], sample: 'invertible' }, x: { shape: ['n'] }, W: { shape: ['m', 'n'] } },
  where: { D: 'det(X)' },
  trials: 2,
  claims: [
    { name: 'det', kind: 'gradient', f: 'det(X)', wrt: 'X', expect: "D * inv(X)'" },
    { kind: 'jacobian', f: 'W * x', wrt: 'x', expect: "W'" },
    { kind: 'backprop', f: 'W * x', upstream: 'G', wrt: 'W', expect: "G * x'" },
    { kind: 'equal', lhs: "inv(X')", rhs: "inv(X)'" },
  ],
};

const TOKENS = [
  'X',
  'x',
  'W',
  'D',
  'G',
  'n',
  '1',
  '2.5',
  '1e308',
  '-',
  '+',
  '*',
  '/',
  '^',
  '.*',
  "'",
  '(',
  ')',
  '[',
  ']',
  ',',
  ';',
  'inv(',
  'det(',
  'sum(',
  'exp(',
  'log(',
  'ones(',
  'eye(',
  'kron(',
  'eigvals(',
  'relu(',
  'norm(',
  '.',
  '=',
  '"',
  '{',
  '}',
  ':',
];

/** Random expression-like strings built from the language's own tokens (and some it refuses). */
const expression = fc.array(fc.constantFrom(...TOKENS), { maxLength: 12 }).map((t) => t.join(''));

/** Any JSON-ish value, including huge and odd numbers. */
const junk = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(1e308, -1, 0, 2 ** 53, 1e6, Number.MAX_SAFE_INTEGER, 'five', '', null, [], {}),
  expression,
);

type Path = (string | number)[];

function paths(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [prefix];
  const keys = Object.keys(value);
  return [
    prefix,
    ...keys.flatMap((k) =>
      paths((value as Record<string, unknown>)[k], [...prefix, Array.isArray(value) ? Number(k) : k]),
    ),
  ];
}

const ALL_PATHS = paths(BASE).filter((p) => p.length > 0);

/** A mutation: drop the key at a path, or put something else there. */
const mutation = fc.record({ path: fc.constantFrom(...ALL_PATHS), drop: fc.boolean(), value: junk });

function mutate(spec: unknown, m: { path: Path; drop: boolean; value: unknown }): unknown {
  const copy = structuredClone(spec) as Record<string | number, unknown>;
  let node = copy;
  for (const step of m.path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return copy;
    node = node[step] as Record<string | number, unknown>;
  }
  if (node === null || typeof node !== 'object') return copy;
  const last = m.path[m.path.length - 1]!;
  if (m.drop) delete node[last];
  else node[last] = m.value;
  return copy;
}

const fileText = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .array(mutation, { minLength: 1, maxLength: 4 })
      .map((ms) => stringify(ms.reduce<unknown>(mutate, BASE))),
  },
  {
    weight: 2,
    arbitrary: fc.array(mutation, { maxLength: 3 }).map((ms) => JSON.stringify(ms.reduce<unknown>(mutate, BASE))),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('latin1')) },
);

async function runOn(text: string, k: number): Promise<{ code: number; out: string; err: string }> {
  const file = join(DIR, `case-${k}.yaml`);
  writeFileSync(file, text);
  let out = '';
  let err = '';
  const io = {
    stdout: (t: string) => void (out += t),
    stderr: (t: string) => void (err += t),
    env: {},
    stdoutIsTTY: false,
    stderrIsTTY: false,
  };
  const code = await run(
    ['check', file, '--reporter', 'json', '--no-hints', '--timeout', '2', '--limit', 'evaluations=20000'],
    io,
    DIR,
  );
  return { code, out, err };
}

describe('fuzzing the loader and the engine with generated and mutated specs', () => {
  it('never crashes: exit 0, 1 or 2, a JSON report, no stack trace', async () => {
    let k = 0;
    const codes = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fileText, async (text) => {
        const { code, out, err } = await runOn(text, k++);
        codes.set(code, (codes.get(code) ?? 0) + 1);
        expect([0, 1, 2]).toContain(code);
        expect(err).not.toMatch(/internal error|\n\s+at |node:internal/);
        const report = JSON.parse(out) as { summary: { passed: number; failed: number; errors: number } };
        expect(report.summary.passed + report.summary.failed + report.summary.errors).toBeGreaterThan(0);
      }),
      { numRuns: 150, seed: 20261127 },
    );
    // The mutations must reach the engine, not only the loader: some runs pass, some fail.
    expect(codes.get(0) ?? 0).toBeGreaterThan(0);
    expect(codes.get(1) ?? 0).toBeGreaterThan(0);
    expect(codes.get(2) ?? 0).toBeGreaterThan(0);
  }, 300_000);
});
