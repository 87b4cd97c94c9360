import { describe, expect, it } from 'vitest';
import { runCli, stackTraceSigns } from '../helpers/run-cli.js';

const CASES: readonly { file: string; args?: string[]; code: number; message: RegExp }[] = [
  { file: 'alias-bomb.yaml', code: 2, message: /alias.*limit of 100 aliases.*--limit aliases=N.*alias-bomb\.yaml/ },
  { file: 'binary-junk.yaml', code: 2, message: /not a text file.*binary-junk\.yaml/ },
  {
    file: 'huge-dims.yaml',
    code: 2,
    message: /dims n: 1000000 exceeds the limit of 500 .*--limit dim=N\) → at .*huge-dims\.yaml:4:6/,
  },
  // A limit leaves a claim undecided, which fails the run (exit 1) without calling the spec malformed.
  { file: 'huge-allocation.yaml', code: 1, message: /100000×100000 exceeds the limit of 1000000 entries/ },
  {
    file: 'slow-claim.yaml',
    args: ['--timeout', '1'],
    code: 1,
    message:
      /ran out of time after \d+ evaluations of its expressions \([\d.e-]+ ms each\): the limit of 1 s \(raise it with --limit timeout=N\)\. It had finished 0 of 5 trials\. Ways out: --mode fast .*--timeout 2 gives it twice the time/,
  },
  { file: 'nan-formula.yaml', code: 1, message: /NaN or infinite/ },
];

describe('hostile specs', () => {
  it.each(CASES)(
    '$file: exit $code with a message naming the problem, no stack trace',
    ({ file, args, code, message }) => {
      const r = runCli(['check', `test/fixtures/hostile/${file}`, ...(args ?? [])]);
      expect(r.code).toBe(code);
      expect(r.stdout).toMatch(message);
      expect(stackTraceSigns(r)).toEqual([]);
    },
  );

  it('refuses every code-injection payload at its own line, and runs nothing', () => {
    const r = runCli(['check', 'test/fixtures/hostile/code-injection.yaml', '--reporter', 'json']);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout) as { results: unknown[]; errors: { line: number; message: string }[] };
    expect(report.results).toEqual([]);
    // One error per claim, on lines 7 to 18 of the file.
    expect(report.errors.map((e) => e.line)).toEqual(Array.from({ length: 12 }, (_, i) => 7 + i));
    expect(stackTraceSigns(r)).toEqual([]);
  });

  it('a run mixing hostile files with good ones still checks and reports the good ones', () => {
    const r = runCli(['check', 'test/fixtures/hostile', 'identities', '--timeout', '1', '--reporter', 'json']);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout) as { results: { file: string; status: string }[] };
    const good = report.results.filter((x) => x.file.startsWith('identities/'));
    expect(good.length).toBeGreaterThanOrEqual(20);
    expect(good.every((x) => x.status === 'pass')).toBe(true);
  });

  it('a lowered limit is enforced and named', () => {
    const r = runCli(['check', 'identities/det-gradient.yaml', '--limit', 'evaluations=50']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /too many evaluations: the limit of 50 evaluations \(raise it with --limit evaluations=N\)/,
    );
  });

  it('a bad --limit is a usage error', () => {
    const r = runCli(['all', '--limit', 'memory=5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--limit/);
  });
});
