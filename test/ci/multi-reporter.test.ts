import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, prettyRows, lastLine, stackTraceSigns } from '../helpers/run-cli.js';
import { type JsonReport, mcheck, parseJunit, runJson, tempDir, testcases } from './ci-helpers.js';

// Several reporters in one run, and report files that cannot be written.

const FILES = ['identities/trace-gradient.yaml', 'test/fixtures/wrong/wrong-inverse-gradient-sign.yaml'];

/** Every file under a folder, recursively, by relative path. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

describe('--reporter pretty --reporter json=FILE --reporter junit=FILE', () => {
  it('prints the pretty report and writes both files (relative to the working directory), which parse and agree with it', () => {
    const dir = tempDir('multi');
    mkdirSync(join(dir, 'specs'));
    for (const f of FILES)
      writeFileSync(join(dir, 'specs', f.split('/').at(-1)!), readFileSync(join(REPO_ROOT, f), 'utf8'));
    const specs = FILES.map((f) => `specs/${f.split('/').at(-1)!}`);
    const run = mcheck(
      ['check', ...specs, '--reporter', 'pretty', '--reporter', 'json=out.json', '--reporter', 'junit=out.xml'],
      { cwd: dir },
    );
    const { report: reference } = runJson(['check', ...specs], { cwd: dir });

    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    // Pretty on stdout: the rows of the run and the summary line.
    expect(prettyRows(run.stdout).map((r) => r.row)).toEqual(reference.results.map((r) => r.row));
    expect(lastLine(run.stdout)).toBe(`${reference.summary.passed} passed, ${reference.summary.failed} failed`);
    expect(run.stdout).not.toContain('<?xml');
    expect(run.stdout).not.toContain('"summary"');

    // Both files, whole and parseable, nothing else left behind.
    expect(tree(dir).filter((f) => !f.startsWith('specs/'))).toEqual(['out.json', 'out.xml']);
    const json = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as JsonReport;
    expect(json.summary).toEqual(reference.summary);
    expect(json.results.map((r) => [r.row, r.status, r.maxAbsError])).toEqual(
      reference.results.map((r) => [r.row, r.status, r.maxAbsError]),
    );
    const xml = parseJunit(readFileSync(join(dir, 'out.xml'), 'utf8'));
    expect(testcases(xml).map(({ tc }) => tc['@_name'])).toEqual(reference.results.map((r) => r.row));
  });

  it('writes two files of the same reporter (and, with every report in a file, the pretty one to stdout)', () => {
    const dir = tempDir('multi-same');
    const run = mcheck([
      'check',
      'identities/trace-gradient.yaml',
      '--reporter',
      `json=${join(dir, 'a.json')}`,
      '--reporter',
      `json=${join(dir, 'b.json')}`,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(mcheck(['check', 'identities/trace-gradient.yaml']).stdout);
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe(readFileSync(join(dir, 'b.json'), 'utf8'));
  });
});

describe('a file reporter never silences the terminal', () => {
  it('--reporter junit=FILE alone writes the XML and prints the same pretty report as no --reporter', () => {
    const dir = tempDir('junit-alone');
    const run = mcheck(['check', ...FILES, '--reporter', `junit=${join(dir, 'report.xml')}`]);
    const plain = mcheck(['check', ...FILES]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(plain.stdout);
    expect(prettyRows(run.stdout).map((r) => r.mark)).toEqual(['✓', '✗', '✗']);
    expect(run.stdout).not.toContain('<?xml');
    const xml = parseJunit(readFileSync(join(dir, 'report.xml'), 'utf8'));
    expect(testcases(xml)).toHaveLength(3);
  });

  it('does the same for a config whose reporters all write to files', () => {
    const dir = tempDir('config-files');
    writeFileSync(join(dir, 'mcheck.config.json'), JSON.stringify({ reporters: ['junit=report.xml'] }));
    const spec = join(REPO_ROOT, FILES[0]!);
    const run = mcheck(['check', spec], { cwd: dir });
    expect(run.code).toBe(0);
    expect(prettyRows(run.stdout).map((r) => `${r.mark} ${r.row}`)).toEqual(['✓ trace-gradient']);
    expect(existsSync(join(dir, 'report.xml'))).toBe(true);
  });
});

describe('a report file that cannot be written', () => {
  it('makes a missing folder for a report, as CI configurations expect', () => {
    const dir = tempDir('report-folder');
    const nested = join(dir, 'reports', 'mcheck', 'out.json');
    const run = mcheck(['check', 'identities/trace-gradient.yaml', '--reporter', `json=${nested}`]);
    expect(run.code).toBe(0);
    expect(() => JSON.parse(readFileSync(nested, 'utf8')) as unknown).not.toThrow();
  });

  it('exits 2 and names the file when its folder cannot be made, and leaves no partial file', () => {
    const dir = tempDir('unwritable');
    // A folder cannot be made under a file.
    writeFileSync(join(dir, 'a-file'), '');
    const missing = join(dir, 'a-file', 'out.xml');
    const run = mcheck([
      'check',
      ...FILES,
      '--reporter',
      'pretty',
      '--reporter',
      `json=${join(dir, 'out.json')}`,
      '--reporter',
      `junit=${missing}`,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(missing);
    expect(stackTraceSigns(run)).toEqual([]);
    // The other reporters did their work.
    expect(prettyRows(run.stdout).length).toBeGreaterThan(0);
    expect(() => JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as unknown).not.toThrow();
    // Nothing partial: no report, no temporary file.
    expect(tree(dir)).toEqual(['a-file', 'out.json']);
  });

  it('exits 2 even when every claim passes', () => {
    const dir = tempDir('unwritable-pass');
    writeFileSync(join(dir, 'nope'), '');
    const missing = join(dir, 'nope', 'r.json');
    const run = mcheck(['check', 'identities/trace-gradient.yaml', '--reporter', `json=${missing}`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(missing);
  });

  it('exits 2 when the target is a folder, removing its temporary file', () => {
    const dir = tempDir('unwritable-dir');
    const target = join(dir, 'report.xml');
    mkdirSync(target);
    const run = mcheck(['check', ...FILES, '--reporter', `junit=${target}`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(target);
    expect(tree(dir)).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('replaces an existing report file whole, leaving no temporary file', () => {
    const dir = tempDir('replace');
    const target = join(dir, 'r.json');
    writeFileSync(target, 'old contents that are longer than nothing at all');
    const run = mcheck(['check', 'identities/trace-gradient.yaml', '--reporter', `json=${target}`]);
    expect(run.code).toBe(0);
    expect((JSON.parse(readFileSync(target, 'utf8')) as JsonReport).summary.passed).toBeGreaterThan(0);
    expect(readdirSync(dir)).toEqual(['r.json']);
  });
});
