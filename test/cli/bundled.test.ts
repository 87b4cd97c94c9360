import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIdentities } from '../../src/spec-file/load-identities.js';
import { type CliResult, REPO_ROOT, lastLine, lines, prettyRows, runCli, stackTraceSigns } from '../helpers/run-cli.js';

// `mcheck all` and `mcheck list` on the bundled identities, in the repository and elsewhere.

const bundled = loadIdentities([join(REPO_ROOT, 'identities')]);
const bundledRows = bundled.identities.flatMap((i) => i.claims.map((c) => c.row));

describe('mcheck all, in the repository root', () => {
  let run: CliResult;
  beforeAll(() => {
    run = runCli(['all']);
  });

  it('exits 0 with nothing on stderr and no stack trace', () => {
    expect(run.stderr).toBe('');
    expect(stackTraceSigns(run)).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('ends with "N passed, 0 failed", N ≥ 20 and N the number of bundled claims', () => {
    const m = /^(\d+) passed, 0 failed$/.exec(lastLine(run.stdout));
    expect(m, lastLine(run.stdout)).not.toBeNull();
    const n = Number(m![1]);
    expect(n).toBeGreaterThanOrEqual(20);
    expect(n).toBe(bundledRows.length);
  });

  it('prints one ✓ row per bundled claim, in file order', () => {
    const rows = prettyRows(run.stdout);
    expect(rows.map((r) => r.row)).toEqual(bundledRows);
    for (const r of rows) expect(r.mark, r.text).toBe('✓');
  });

  it("shows each row's max errors and trials, and a header with the seed", () => {
    for (const r of prettyRows(run.stdout)) {
      expect(r.abs, r.text).toMatch(/^\d\.\de[-+]\d+$/);
      expect(r.rel, r.text).toMatch(/^\d\.\de[-+]\d+$/);
      expect(r.trials).toBeGreaterThan(0);
    }
    expect(lines(run.stdout)[0]).toMatch(/^mcheck \S+ · seed 1 · full mode · \d+ files in identities$/);
  });
});

describe('mcheck list, in the repository root', () => {
  let run: CliResult;
  beforeAll(() => {
    run = runCli(['list']);
  });

  it('lists every bundled claim with its kind and file:line, without running anything', () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const rows = lines(run.stdout).slice(0, -1);
    const claims = bundled.identities.flatMap((i) =>
      i.claims.map((c) => ({ row: c.row, kind: c.kind, file: i.file, line: c.location.line })),
    );
    expect(rows).toHaveLength(claims.length);
    rows.forEach((text, i) => {
      const c = claims[i]!;
      expect(text.startsWith(`${c.row} `), text).toBe(true);
      expect(text).toMatch(new RegExp(`\\s${c.kind}\\s+identities/\\S+\\.ya?ml:${c.line}$`));
    });
    expect(run.stdout).not.toMatch(/passed|failed|abs |rel /);
  });

  it('ends with the counts of identities and claims', () => {
    expect(lastLine(run.stdout)).toBe(`${bundled.identities.length} identities, ${bundledRows.length} claims`);
  });
});

describe('mcheck list with a malformed spec', () => {
  it('lists the good claims, shows the error with file:line:column, and exits 2', () => {
    const run = runCli(['list', 'identities/trace-gradient.yaml', 'test/fixtures/e2e/bad-undefined-symbol.yaml']);
    expect(stackTraceSigns(run)).toEqual([]);
    expect(run.code).toBe(2);
    const out = lines(run.stdout);
    expect(out[0]).toMatch(/^trace-gradient\s+gradient\s+identities\/trace-gradient\.yaml:\d+$/);
    expect(out).toContain(
      '✖ claims[0].expect: undefined name "y" → at test/fixtures/e2e/bad-undefined-symbol.yaml:11:13',
    );
    expect(lastLine(run.stdout)).toMatch(/^1 identit(y|ies), 1 claims?, 1 errors?$/);
  });
});

describe('mcheck all, outside the repository', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('is a usage error where the working directory has no ./identities, and names what it looked for', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'mcheck-nodir-'));
    dirs.push(cwd);
    const run = runCli(['all'], { cwd });
    expect(stackTraceSigns(run)).toEqual([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`there is no identities folder here (looked for ${join(cwd, 'identities')})`);
    expect(run.stderr).toMatch(/--dir DIR.*mcheck init.*--bundled/);
  });

  it('checks the bundled set with --bundled, from anywhere, and names it in the header', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'mcheck-bundled-'));
    dirs.push(cwd);
    const run = runCli(['all', '--bundled'], { cwd });
    expect(run.code).toBe(0);
    expect(prettyRows(run.stdout).map((r) => r.row)).toEqual(bundledRows);
    expect(lines(run.stdout)[0]).toMatch(/ files in \/.*identities$/);
    expect(lastLine(run.stdout)).toBe(`${bundledRows.length} passed, 0 failed`);
  });

  it('uses ./identities of the working directory when there is one', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'mcheck-withdir-'));
    dirs.push(cwd);
    mkdirSync(join(cwd, 'identities'));
    writeFileSync(
      join(cwd, 'identities', 'my-homework.yaml'),
      [
        'id: my-homework',
        'vars:',
        '  x: { shape: [3] }',
        'claims:',
        '  - name: right',
        '    kind: gradient',
        "    f: x' * x",
        '    wrt: x',
        '    expect: 2 * x',
        '  - name: wrong',
        '    kind: gradient',
        "    f: x' * x",
        '    wrt: x',
        '    expect: x',
        '',
      ].join('\n'),
    );
    const run = runCli(['all'], { cwd });
    expect(stackTraceSigns(run)).toEqual([]);
    const rows = prettyRows(run.stdout);
    expect(rows.map((r) => [r.mark, r.row])).toEqual([
      ['✓', 'my-homework/right'],
      ['✗', 'my-homework/wrong'],
    ]);
    expect(run.stdout).toContain('at identities/my-homework.yaml:10');
    expect(lastLine(run.stdout)).toBe('1 passed, 1 failed');
    expect(run.code).toBe(1);
  });
});
