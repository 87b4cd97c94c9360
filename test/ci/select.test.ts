import { beforeAll, describe, expect, it } from 'vitest';
import { stackTraceSigns } from '../helpers/run-cli.js';
import { type JsonReport, listedClaimCount, mcheck, runJson } from './ci-helpers.js';

// Selecting rows: --grep PATTERN, --claim NAME (repeatable), --bail.

const PATHS = ['identities', 'test/fixtures/wrong'];

let whole: JsonReport;
beforeAll(() => {
  whole = runJson(['check', ...PATHS]).report;
});

const same = (r: JsonReport['results'][number]): unknown[] => [r.row, r.status, r.maxAbsError, r.trials];

describe('--grep PATTERN', () => {
  it.each(['^wrong-inverse', 'transpose', 'gradient$', '/d[LW]', '(?:relu|RELU)'])(
    'selects exactly the rows matching /%s/',
    (pattern) => {
      const re = new RegExp(pattern);
      const expected = whole.results.filter((r) => re.test(r.row));
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(whole.results.length);
      const { run, report } = runJson(['check', ...PATHS, '--grep', pattern]);
      expect(report.results.map(same)).toEqual(expected.map(same));
      expect(run.code).toBe(expected.some((r) => r.status !== 'pass') ? 1 : 0);
    },
  );

  it('matches the whole row (id/name), not only the name', () => {
    // Every row of an identity starts with its id.
    const id = whole.results.find((r) => r.claim !== null)!.id;
    const { report } = runJson(['check', ...PATHS, '--grep', `^${id}/`]);
    expect(report.results.map((r) => r.row)).toEqual(
      whole.results.filter((r) => r.row.startsWith(`${id}/`)).map((r) => r.row),
    );
    expect(report.results.length).toBeGreaterThan(0);
  });

  it('exits 2 with a message when nothing matches', () => {
    const run = mcheck(['check', ...PATHS, '--grep', 'no-such-row-anywhere']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no claims matched/);
  });

  it('rejects an invalid regular expression with exit 2', () => {
    const run = mcheck(['check', ...PATHS, '--grep', '(']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/regular expression/);
    expect(stackTraceSigns(run)).toEqual([]);
  });
});

describe('--claim NAME', () => {
  it('selects every claim with that name, in every identity', () => {
    const counts = new Map<string, number>();
    for (const r of whole.results) if (r.claim !== null) counts.set(r.claim, (counts.get(r.claim) ?? 0) + 1);
    const shared = [...counts].find(([, c]) => c > 1)?.[0];
    expect(shared, 'a claim name used by two identities').toBeDefined();
    const { report } = runJson(['check', ...PATHS, '--claim', shared!]);
    expect(report.results.map(same)).toEqual(whole.results.filter((r) => r.claim === shared).map(same));
  });

  it('selects a claim by its row, and takes several --claim options', () => {
    const a = whole.results.find((r) => r.claim === null)!;
    const b = whole.results.find((r) => r.claim !== null && r.status === 'fail')!;
    const { run, report } = runJson(['check', ...PATHS, '--claim', a.row, '--claim', b.row]);
    expect(report.results.map(same)).toEqual(whole.results.filter((r) => r.row === a.row || r.row === b.row).map(same));
    expect(run.code).toBe(1);
  });

  it('exits 2 when no claim has that name', () => {
    const run = mcheck(['check', ...PATHS, '--claim', 'no such claim']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no claims matched/);
  });

  it('offers the closest names for a misspelt --claim, and the closest word for a --grep that matches no row', () => {
    const named = whole.results.find((r) => r.claim !== null && r.claim.length >= 4)!.claim!;
    const typo = named.slice(0, -1) + (named.endsWith('x') ? 'y' : 'x');
    const claim = mcheck(['check', ...PATHS, '--claim', typo]);
    expect(claim.code).toBe(2);
    expect(claim.stderr).toContain(`mcheck: --claim ${typo} matched no claim (did you mean `);
    expect(/did you mean (.*)\?\)/.exec(claim.stderr)![1]!.split(', ')).toContain(named);
    const grep = mcheck(['check', ...PATHS, '--grep', 'inversee']);
    expect(grep.stderr).toContain('mcheck: --grep inversee matched no claim row (did you mean --grep inverse');
    expect(stackTraceSigns(grep)).toEqual([]);
  });

  it('combines with --grep (both must hold)', () => {
    const b = whole.results.find((r) => r.claim !== null)!;
    const { report } = runJson(['check', ...PATHS, '--claim', b.row, '--grep', 'will-not-match-anything']);
    expect(report.results).toEqual([]);
  });
});

describe('--bail', () => {
  it('stops after the first claim that does not pass', () => {
    const claims = listedClaimCount(PATHS);
    expect(whole.results.length).toBe(claims);
    const firstBad = whole.results.findIndex((r) => r.status !== 'pass');
    expect(firstBad).toBeGreaterThan(0);
    const { run, report } = runJson(['check', ...PATHS, '--bail']);
    expect(run.code).toBe(1);
    expect(report.results.length).toBeLessThan(claims);
    expect(report.results.length).toBe(firstBad + 1);
    expect(report.results.at(-1)!.status).not.toBe('pass');
    expect(report.results.slice(0, -1).every((r) => r.status === 'pass')).toBe(true);
    // The rows it did run are those of the whole run, with the same numbers.
    expect(report.results.map(same)).toEqual(whole.results.slice(0, firstBad + 1).map(same));
  });

  it('runs everything when nothing fails', () => {
    const { run, report } = runJson(['check', 'identities', '--bail']);
    expect(run.code).toBe(0);
    expect(report.results.length).toBe(listedClaimCount(['identities']));
  });

  it('stops at the first failure of the selected rows under --grep', () => {
    const { report } = runJson(['check', ...PATHS, '--bail', '--grep', '^wrong-']);
    expect(report.results).toHaveLength(1);
    expect(report.results[0]!.row).toBe(whole.results.find((r) => r.row.startsWith('wrong-'))!.row);
  });
});
