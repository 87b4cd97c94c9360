import { describe, expect, it } from 'vitest';
import { stackTraceSigns } from '../helpers/run-cli.js';
import { type JsonReport, type JsonResult, listedClaimCount, mcheck, runJson } from './ci-helpers.js';

// `--shard I/N`: the shards of a run are disjoint, together they are the run, and a claim's verdict
// and numbers do not depend on the shard it ran in.

/** What must be equal between a sharded and the whole run. */
const verdict = (r: JsonResult): unknown[] => [
  r.status,
  r.maxAbsError,
  r.maxRelError,
  r.trials,
  r.message,
  r.file,
  r.line,
];

function checkShards(args: readonly string[], n: number): { whole: JsonReport; shards: JsonReport[] } {
  const whole = runJson(args).report;
  const shards = Array.from({ length: n }, (_, i) => {
    const { run, report } = runJson([...args, '--shard', `${i + 1}/${n}`]);
    expect(stackTraceSigns(run)).toEqual([]);
    // Each shard exits by its own results: 2 a spec error, 1 a failure or a limit, else 0 (an empty shard too).
    const { errors, limited, failed } = report.summary;
    const expected = errors > limited ? 2 : failed + limited > 0 ? 1 : 0;
    expect(run.code, `shard ${i + 1}/${n}`).toBe(expected);
    return report;
  });
  const rows = shards.flatMap((s) => s.results.map((r) => r.row));
  // Disjoint: no row in two shards.
  expect(new Set(rows).size).toBe(rows.length);
  // Together: exactly the rows of the whole run.
  expect([...rows].sort()).toEqual(whole.results.map((r) => r.row).sort());
  // Same verdicts and numbers.
  const wholeByRow = new Map(whole.results.map((r) => [r.row, r]));
  for (const s of shards) {
    for (const r of s.results) expect(verdict(r), r.row).toEqual(verdict(wholeByRow.get(r.row)!));
    // Each shard keeps the run's order.
    const order = whole.results.map((r) => r.row).filter((row) => s.results.some((x) => x.row === row));
    expect(s.results.map((r) => r.row)).toEqual(order);
    expect(s.seed).toBe(whole.seed);
  }
  // The summaries add up.
  const sum = (k: 'passed' | 'failed' | 'errors' | 'limited'): number => shards.reduce((t, s) => t + s.summary[k], 0);
  expect({ passed: sum('passed'), failed: sum('failed'), errors: sum('errors'), limited: sum('limited') }).toEqual(
    whole.summary,
  );
  return { whole, shards };
}

describe.each([2, 3])('--shard i/%i', (n) => {
  it('splits `mcheck all` (the bundled identities) into disjoint shards that make up the run', () => {
    const { whole, shards } = checkShards(['all'], n);
    expect(whole.results.length).toBe(listedClaimCount([]));
    // A split that puts everything in one shard is no split.
    expect(shards.filter((s) => s.results.length > 0).length).toBeGreaterThan(1);
  });

  it('splits identities + test/fixtures/wrong the same way, failures included', () => {
    const { whole } = checkShards(['check', 'identities', 'test/fixtures/wrong'], n);
    expect(whole.summary.failed).toBeGreaterThan(0);
    expect(whole.summary.passed).toBeGreaterThan(0);
  });

  it('puts each spec error of a malformed file in exactly one shard', () => {
    const args = ['check', 'identities', 'test/fixtures/wrong', 'test/fixtures/malformed'];
    const { whole, shards } = checkShards(args, n);
    expect(whole.errors.length).toBeGreaterThan(0);
    const key = (e: JsonReport['errors'][number]): string => JSON.stringify([e.file, e.line, e.column, e.message]);
    const all = shards.flatMap((s) => s.errors.map(key));
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual(whole.errors.map(key).sort());
  });
});

describe('--shard with bad values', () => {
  it.each(['0/2', '3/2', 'x', '1/0', '2', '-1/2', '1/2/3', ''])(
    'rejects --shard %j with exit 2 and a message',
    (value) => {
      const run = mcheck(['all', '--shard', value]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/shard/);
      expect(stackTraceSigns(run)).toEqual([]);
    },
  );

  it('accepts 1/1 as the whole run', () => {
    const whole = runJson(['all']).report;
    const one = runJson(['all', '--shard', '1/1']).report;
    expect(one.results.map((r) => r.row)).toEqual(whole.results.map((r) => r.row));
  });
});
