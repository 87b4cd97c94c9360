import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIdentities } from '../../src/spec-file/load-identities.js';
import {
  type CliResult,
  REPO_ROOT,
  lastLine,
  lines,
  prettyRows,
  rerunCommands,
  rowDetails,
  runCli,
  stackTraceSigns,
} from '../helpers/run-cli.js';

// Exit codes and rows of whole runs: all wrong, all right, malformed, and mixtures.

const claimsIn = (dir: string): string[] =>
  loadIdentities([join(REPO_ROOT, dir)]).identities.flatMap((i) => i.claims.map((c) => c.row));

describe('mcheck check test/fixtures/wrong', () => {
  const expected = claimsIn('test/fixtures/wrong');
  let run: CliResult;
  beforeAll(() => {
    run = runCli(['check', 'test/fixtures/wrong']);
  });

  it('exits 1, with no stack trace', () => {
    expect(stackTraceSigns(run)).toEqual([]);
    expect(run.code).toBe(1);
  });

  it('fails every claim: one ✗ row per claim, "0 passed, N failed"', () => {
    expect(expected.length).toBeGreaterThan(0);
    const rows = prettyRows(run.stdout);
    expect(rows.map((r) => r.row).sort()).toEqual([...expected].sort());
    for (const r of rows) expect(r.mark, r.text).toBe('✗');
    expect(lastLine(run.stdout)).toBe(`0 passed, ${expected.length} failed`);
  });

  it('gives each failure a reason, its file:line and a rerun command', () => {
    expect(rerunCommands(run.stdout)).toHaveLength(expected.length);
    const details = rowDetails(run.stdout);
    expect(details.size).toBe(expected.length);
    for (const [row, block] of details) {
      expect(block.length, row).toBeGreaterThanOrEqual(3);
      expect(block[0]!.trim(), row).not.toBe(''); // the reason comes first
      expect(
        block.filter((l) => /^ {5}at test\/fixtures\/wrong\/[\w-]+\.yaml:\d+$/.test(l)),
        row,
      ).toHaveLength(1);
      expect(block.at(-1), row).toMatch(/^ {5}rerun: mcheck check test\/fixtures\/wrong\/\S+\.yaml --claim /);
    }
  });
});

describe.runIf(existsSync(join(REPO_ROOT, 'test/fixtures/correct')))('mcheck check test/fixtures/correct', () => {
  it('exits 0 and passes every claim', () => {
    const expected = claimsIn('test/fixtures/correct');
    const run = runCli(['check', 'test/fixtures/correct']);
    expect(stackTraceSigns(run)).toEqual([]);
    expect(run.stderr).toBe('');
    const rows = prettyRows(run.stdout);
    expect(rows.map((r) => r.row).sort()).toEqual([...expected].sort());
    for (const r of rows) expect(r.mark, r.text).toBe('✓');
    expect(lastLine(run.stdout)).toBe(`${expected.length} passed, 0 failed`);
    expect(run.code).toBe(0);
  });
});

describe('a malformed spec among good ones', () => {
  const good = ['identities/trace-gradient.yaml', 'identities/det-gradient.yaml'];
  const bad = 'test/fixtures/e2e/bad-undefined-symbol.yaml';
  let run: CliResult;
  beforeAll(() => {
    run = runCli(['check', good[0]!, bad, good[1]!]);
  });

  it('exits 2 with no stack trace', () => {
    expect(stackTraceSigns(run)).toEqual([]);
    expect(run.code).toBe(2);
  });

  it('names the bad file, its line and column, and what is wrong', () => {
    const errorLines = lines(run.stdout).filter((l) => l.includes(bad));
    expect(errorLines).toEqual([` ✖ claims[0].expect: undefined name "y" → at ${bad}:11:13`]);
  });

  it('still checks and reports every claim of the good files', () => {
    const rows = prettyRows(run.stdout);
    expect(rows.map((r) => [r.mark, r.row])).toEqual([
      ['✓', 'trace-gradient'],
      ['✓', 'det-gradient/transpose of the inverse'],
      ['✓', 'det-gradient/inverse of the transpose'],
    ]);
  });

  it('ends with "3 passed, 0 failed, 1 error"', () => {
    expect(lastLine(run.stdout)).toBe('3 passed, 0 failed, 1 error');
  });
});

describe('mcheck check test/fixtures/malformed', () => {
  it('exits 2, reports every file with a line, runs nothing', () => {
    const dir = join(REPO_ROOT, 'test/fixtures/malformed');
    const files = readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f));
    const run = runCli(['check', 'test/fixtures/malformed']);
    expect(stackTraceSigns(run)).toEqual([]);
    expect(run.code).toBe(2);
    expect(prettyRows(run.stdout)).toEqual([]);
    const errorLines = lines(run.stdout).filter((l) => l.startsWith(' ✖ '));
    for (const f of files) {
      const mine = errorLines.filter((l) => l.includes(`test/fixtures/malformed/${f}:`));
      expect(mine.length, `no located error for ${f}`).toBeGreaterThan(0);
      for (const l of mine) expect(l).toMatch(/^ ✖ .+ → at \S+:\d+:\d+$/);
    }
    expect(lastLine(run.stdout)).toBe(`0 passed, 0 failed, ${errorLines.length} errors`);
  });
});

describe('names and paths', () => {
  it('refuses a var named __proto__ (exit 2, located), rather than silently dropping it', () => {
    const run = runCli(['check', 'test/fixtures/e2e/proto-var.yaml']);
    expect(stackTraceSigns(run)).toEqual([]);
    expect(run.stdout).toMatch(/ ✖ var "__proto__" is a reserved word → at test\/fixtures\/e2e\/proto-var\.yaml:6:3$/m);
    expect(run.code).toBe(2);
  });

  it('checks a file named twice (as identities/x.yaml and ./identities/x.yaml) once, without a duplicate-id error', () => {
    const run = runCli(['check', 'identities/trace-gradient.yaml', './identities/trace-gradient.yaml']);
    expect(stackTraceSigns(run)).toEqual([]);
    expect(run.stdout).not.toMatch(/already used/);
    expect(prettyRows(run.stdout).map((r) => r.row)).toEqual(['trace-gradient']);
    expect(lastLine(run.stdout)).toBe('1 passed, 0 failed');
    expect(run.code).toBe(0);
  });
});

describe('no stack trace, whatever goes wrong', () => {
  let tmp = '';
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'mcheck-nostack-'));
    const junk = Buffer.alloc(300);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 37) % 256;
    writeFileSync(join(tmp, 'binary.yaml'), junk);
    writeFileSync(join(tmp, 'empty.yaml'), '');
    writeFileSync(join(tmp, 'list.json'), '[1, 2, 3]\n');
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('reports runtime trouble (shape error, NaN, wrong expect shape) and bad files as rows and errors', () => {
    const run = runCli([
      'check',
      'test/fixtures/e2e/runtime-trouble.yaml',
      join(tmp, 'binary.yaml'),
      join(tmp, 'empty.yaml'),
      join(tmp, 'list.json'),
      'no/such/file.yaml',
    ]);
    expect(stackTraceSigns(run)).toEqual([]);
    expect(run.code).toBe(2);
    const rows = prettyRows(run.stdout);
    expect(rows.map((r) => [r.mark, r.row])).toEqual([
      ['!', 'e2e-runtime-trouble/shape error in f'],
      ['✗', 'e2e-runtime-trouble/nan in f'],
      ['✗', 'e2e-runtime-trouble/wrong shape of expect'],
    ]);
    expect(run.stdout).toMatch(/dimension mismatch/);
    expect(run.stdout).toMatch(/NaN or infinite/);
    expect(run.stdout).toMatch(/expect is 1×3 but wrt x is 3×1/);
    for (const f of [join(tmp, 'binary.yaml'), join(tmp, 'empty.yaml'), join(tmp, 'list.json'), 'no/such/file.yaml']) {
      expect(run.stdout, f).toMatch(new RegExp(` ✖ .+ → at ${f.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
    }
    expect(lastLine(run.stdout)).toBe('0 passed, 2 failed, 5 errors');
  });
});
