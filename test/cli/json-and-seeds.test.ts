import { beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, runCli, stackTraceSigns } from '../helpers/run-cli.js';
import type { JsonReport } from '../helpers/json-report.js';

// The JSON report as an interface, and reproducibility: same seed, same bytes; other order or
// other company, same rows; other seed, other numbers.

const FILES = [
  'identities/trace-gradient.yaml', // one unnamed claim: row = id, claim null
  'test/fixtures/e2e/unnamed-claims.yaml', // two unnamed claims, #1 passes, #2 fails
  'test/fixtures/e2e/quoted-names.yaml', // named claims, two fail, one passes
  'test/fixtures/e2e/bad-undefined-symbol.yaml', // a spec error
];

function parse(run: CliResult): JsonReport {
  expect(stackTraceSigns(run)).toEqual([]);
  return JSON.parse(run.stdout) as JsonReport;
}

/** What must not depend on which other specs run, or in which order. */
function byRow(report: JsonReport): Map<string, unknown> {
  return new Map(
    report.results.map((r) => [r.row, [r.status, r.maxAbsError, r.maxRelError, r.trials, r.message, r.line]]),
  );
}

describe('--reporter json', () => {
  let run: CliResult;
  let report: JsonReport;
  beforeAll(() => {
    run = runCli(['check', ...FILES, '--reporter', 'json']);
    report = parse(run);
  });

  it('exits as the pretty report would (2: a spec error) and writes only JSON to stdout', () => {
    expect(run.code).toBe(2);
    expect(run.stdout.trim().startsWith('{')).toBe(true);
    expect(run.stdout.trim().endsWith('}')).toBe(true);
    expect(run.stderr).toBe('');
  });

  it('has exactly the top-level fields seed, mode, probes, summary, results, errors', () => {
    expect(Object.keys(report).sort()).toEqual(['errors', 'mode', 'probes', 'results', 'scores', 'seed', 'summary']);
    expect(report.seed).toBe(1);
    expect(report.mode).toBe('full');
    expect(report.probes).toBeNull();
    expect(Object.keys(report.summary).sort()).toEqual(['errors', 'failed', 'limited', 'passed']);
  });

  it('has a summary that counts the results and errors', () => {
    const count = (s: string): number => report.results.filter((r) => r.status === s).length;
    expect(report.summary).toEqual({
      passed: count('pass'),
      failed: count('fail'),
      errors: count('error') + report.errors.length,
      limited: 0,
    });
    expect(report.summary).toEqual({ passed: 3, failed: 3, errors: 1, limited: 0 });
  });

  it('gives every result the documented fields, with the documented types', () => {
    expect(report.results).toHaveLength(6);
    for (const r of report.results) {
      expect(r).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          row: expect.any(String),
          file: expect.any(String),
          line: expect.any(Number),
          status: expect.stringMatching(/^(pass|fail|error)$/),
          trials: expect.any(Number),
        }),
      );
      for (const key of ['claim', 'maxAbsError', 'maxRelError', 'message']) expect(r, key).toHaveProperty(key);
      expect(FILES).toContain(r.file);
      if (r.status === 'pass') expect(r.message).toBeNull();
      else expect(r.message).toEqual(expect.any(String));
    }
  });

  it('has claim null for unnamed claims and the name for named ones', () => {
    const claims = Object.fromEntries(report.results.map((r) => [r.row, r.claim]));
    expect(claims).toEqual({
      'trace-gradient': null,
      'e2e-unnamed-claims#1': null,
      'e2e-unnamed-claims#2': null,
      "e2e-quoted-names/d(x'Ax)/dx = 2 A x": "d(x'Ax)/dx = 2 A x",
      "e2e-quoted-names/it's $HOME & (friends)": "it's $HOME & (friends)",
      'e2e-quoted-names/right one': 'right one',
    });
  });

  it('gives the failing row its numbers and reason, and its line in the file', () => {
    const r = report.results.find((x) => x.row === 'e2e-unnamed-claims#2')!;
    expect(r).toMatchObject({
      id: 'e2e-unnamed-claims',
      status: 'fail',
      line: 10,
      trials: 1,
      file: 'test/fixtures/e2e/unnamed-claims.yaml',
    });
    // expect x where the gradient is 2x: |x - 2x| / |2x| = 0.5 exactly, up to rounding.
    expect(r.maxRelError!).toBeCloseTo(0.5, 6);
    expect(r.maxAbsError!).toBeGreaterThan(0);
    expect(r.message).toMatch(/mismatch/);
  });

  it('lists spec errors with exactly file, line, column, message, code and path', () => {
    expect(report.errors).toEqual([
      {
        file: 'test/fixtures/e2e/bad-undefined-symbol.yaml',
        line: 11,
        column: 13,
        message: 'claims[0].expect: undefined name "y"',
        code: 'expression',
        path: ['claims', 0, 'expect'],
      },
    ]);
  });

  it('is byte-identical when run again with the same seed', () => {
    const again = runCli(['check', ...FILES, '--reporter', 'json', '--seed', '1']);
    expect(again.code).toBe(2);
    expect(again.stdout).toBe(run.stdout);
  });

  it('gives the same rows whatever the order of the files on the command line', () => {
    const reversed = parse(runCli(['check', ...[...FILES].reverse(), '--reporter', 'json']));
    expect(reversed.results.map((r) => r.row)).not.toEqual(report.results.map((r) => r.row)); // the order did change
    expect(byRow(reversed)).toEqual(byRow(report));
    expect(reversed.summary).toEqual(report.summary);
  });

  it('gives the same rows whatever other specs are in the run', () => {
    const alone = parse(runCli(['check', 'test/fixtures/e2e/quoted-names.yaml', '--reporter', 'json']));
    expect(alone.results).toHaveLength(3);
    const full = byRow(report);
    for (const [row, values] of byRow(alone)) expect(values, row).toEqual(full.get(row));
  });

  it('gives other numbers (and verdicts that still hold) with another seed', () => {
    const other = parse(runCli(['check', ...FILES, '--reporter', 'json', '--seed', '2']));
    expect(other.seed).toBe(2);
    expect(other.summary).toEqual(report.summary);
    const first = new Map(report.results.map((r) => [r.row, r]));
    let changed = 0;
    let exact = 0;
    for (const r of other.results) {
      const before = first.get(r.row)!;
      expect(r.status, r.row).toBe(before.status);
      // A linear f (a trace) has an exact central difference on every draw: no error to change.
      if (r.maxAbsError === 0 && before.maxAbsError === 0) exact++;
      else if (r.maxAbsError !== before.maxAbsError) changed++;
    }
    // Other draws give other errors, on every row with an error at all.
    expect(exact).toBeLessThanOrEqual(2);
    expect(changed).toBe(other.results.length - exact);
  });
});

describe('--seed random', () => {
  it('reports the seed it drew, and that seed reproduces the run byte for byte', () => {
    const args = ['check', 'test/fixtures/e2e/unnamed-claims.yaml', '--reporter', 'json'];
    const first = runCli([...args, '--seed', 'random']);
    const seed = (JSON.parse(first.stdout) as JsonReport).seed;
    expect(Number.isSafeInteger(seed)).toBe(true);
    expect(seed).toBeGreaterThanOrEqual(0);
    const replay = runCli([...args, '--seed', String(seed)]);
    expect(replay.code).toBe(first.code);
    expect(replay.stdout).toBe(first.stdout);
  });
});
