import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, lastLine, prettyRows, runCli, stackTraceSigns } from '../helpers/run-cli.js';

// Options and usage: help, version, filters, and every way of calling mcheck wrongly.

const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };

describe('help and version', () => {
  it('--help prints usage with the commands and Examples, on stdout, and exits 0', () => {
    const run = runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Usage: mcheck/m);
    for (const command of ['all', 'check', 'list']) expect(run.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
    expect(run.stdout).toMatch(/^Examples:/m);
    expect(run.stdout).toMatch(/\$ mcheck check \S+\.yaml/);
    expect(run.stdout).toMatch(/Exit codes: 0 .*1 .*2 /);
  });

  it('check --help shows the run options and the Examples', () => {
    const run = runCli(['check', '--help']);
    expect(run.code).toBe(0);
    for (const option of ['--seed', '--trials', '--rtol', '--atol', '--reporter', '--claim', '--no-color'])
      expect(run.stdout).toContain(option);
    expect(run.stdout).toMatch(/^Examples:/m);
  });

  it('--version prints the version of package.json and exits 0', () => {
    const run = runCli(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(pkg.version);
    expect(run.stderr).toBe('');
  });
});

describe('usage errors exit 2 with a message and no stack trace', () => {
  it('no arguments at all: usage on stderr', () => {
    const run = runCli([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Usage: mcheck/);
    expect(run.stdout).toBe('');
    expect(stackTraceSigns(run)).toEqual([]);
  });

  it.each([
    [['all', '--trials', '0'], /--trials.*'0'.*whole number from 1 to 100000/],
    [['all', '--seed', '-1'], /--seed.*'-1'.*whole number ≥ 0/],
    [['all', '--reporter', 'xml'], /--reporter.*'xml'.*pretty, json/],
    [['all', '--atol', '-1e-9'], /--atol.*'-1e-9'/],
    [['all', '--bogus'], /unknown option '--bogus'/],
    [['check'], /missing required argument/],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ])('mcheck %j', (args, message) => {
    const run = runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/mcheck --help/); // says where to look
    expect(run.stdout).not.toMatch(/passed|failed/); // nothing ran
    expect(stackTraceSigns(run)).toEqual([]);
  });

  it('a missing file exits 2 naming it, and the other files still run', () => {
    const run = runCli(['check', 'no-such-dir/hw3.yaml', 'identities/trace-gradient.yaml']);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/ ✖ no such file or directory → at no-such-dir\/hw3\.yaml$/m);
    expect(prettyRows(run.stdout).map((r) => [r.mark, r.row])).toEqual([['✓', 'trace-gradient']]);
    expect(lastLine(run.stdout)).toBe('1 passed, 0 failed, 1 error');
    expect(stackTraceSigns(run)).toEqual([]);
  });

  it('all --dir of a folder that does not exist exits 2 naming it', () => {
    const run = runCli(['all', '--dir', 'no-such-folder']);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/no such file or directory → at no-such-folder$/m);
    expect(stackTraceSigns(run)).toEqual([]);
  });
});

describe('run options', () => {
  it('--trials 3 runs every claim 3 times, overriding the specs', () => {
    const run = runCli(['check', 'identities/det-gradient.yaml', 'identities/trace-gradient.yaml', '--trials', '3']);
    expect(run.code).toBe(0);
    const rows = prettyRows(run.stdout);
    expect(rows).toHaveLength(3);
    for (const r of rows) {
      expect(r.trials, r.text).toBe(3);
      expect(r.text).toMatch(/ 3 trials$/);
    }
  });

  it('--claim keeps only the claims with that name or row (repeatable)', () => {
    const run = runCli([
      'check',
      'identities',
      '--claim',
      'numerator layout',
      '--claim',
      'trace-gradient',
      '--claim',
      'det-gradient/inverse of the transpose',
    ]);
    expect(run.code).toBe(0);
    expect(prettyRows(run.stdout).map((r) => r.row)).toEqual([
      'det-gradient/inverse of the transpose',
      'jacobian-linear-map/numerator layout',
      'trace-gradient',
    ]);
    expect(lastLine(run.stdout)).toBe('3 passed, 0 failed');
  });

  it('--claim matching nothing says so and exits 2', () => {
    const run = runCli(['check', 'identities/trace-gradient.yaml', '--claim', 'no such claim']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no claims matched/);
    expect(prettyRows(run.stdout)).toEqual([]);
  });

  it('--rtol loosens the verdict: a claim off by a factor 2 (rel error 0.5) passes with --rtol 0.6', () => {
    // Without --rtol this claim fails (see json-and-seeds.test.ts: maxRelError 0.5, status fail).
    const run = runCli([
      'check',
      'test/fixtures/e2e/unnamed-claims.yaml',
      '--claim',
      'e2e-unnamed-claims#2',
      '--rtol',
      '0.6',
    ]);
    expect(run.code).toBe(0);
    expect(prettyRows(run.stdout).map((r) => [r.mark, r.row])).toEqual([['✓', 'e2e-unnamed-claims#2']]);
  });
});

describe('--dims and the dim limit', () => {
  /** A spec whose one dims symbol n sizes a vector, in a folder of its own. */
  function vectorSpec(): string {
    const dir = mkdtempSync(join(tmpdir(), 'mcheck-dims-'));
    const file = join(dir, 'vector.yaml');
    const spec = ['id: vector-sum', 'dims:', '  n: [2, 4]', 'vars:', '  x: { shape: [n] }', 'claims:'];
    spec.push('  - kind: gradient', '    f: sum(x)', '    wrt: x', '    expect: ones(n, 1)', '');
    writeFileSync(file, spec.join('\n'));
    return file;
  }

  it.each([['check'], ['explain']])(
    '%s refuses a size above the default dim limit, saying how to raise it',
    (command) => {
      const run = runCli([command, vectorSpec(), '--dims', 'n=600', '--trial', '1']);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe('mcheck: --dims n=600 is above the limit of 500 (raise it with --limit dim=N)\n');
      expect(stackTraceSigns(run)).toEqual([]);
    },
  );

  it('accepts that size under --limit dim=1000, and checks the claim at it', () => {
    const run = runCli(['check', vectorSpec(), '--dims', 'n=600', '--trials', '1', '--limit', 'dim=1000']);
    expect(run.code).toBe(0);
    expect(prettyRows(run.stdout).map((r) => [r.mark, r.row])).toEqual([['✓', 'vector-sum']]);
    expect(stackTraceSigns(run)).toEqual([]);
  });

  it('refuses a size above a lowered dim limit too', () => {
    const run = runCli(['check', vectorSpec(), '--dims', 'n=3', '--limit', 'dim=2']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--dims n=3 is above the limit of 2 \(raise it with --limit dim=N\)/);
  });
});
