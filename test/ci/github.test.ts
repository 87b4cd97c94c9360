import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, REPO_ROOT, prettyRows, lastLine } from '../helpers/run-cli.js';
import {
  type Annotation,
  type JsonReport,
  annotations,
  claimLines,
  mcheck,
  parseJunit,
  runJson,
  specFiles,
  tempDir,
} from './ci-helpers.js';

// `--reporter github` and GITHUB_ACTIONS=true: workflow commands that annotate the spec line of
// each failing claim and each spec error.

const WRONG = 'test/fixtures/wrong';
const MALFORMED = 'test/fixtures/malformed';
const SPECIAL = 'test/fixtures/ci/special-names.yaml';

describe('--reporter github on wrong claims', () => {
  let run: CliResult;
  let json: JsonReport;
  let notes: Annotation[];
  beforeAll(() => {
    run = mcheck(['check', WRONG, '--reporter', 'github']);
    json = runJson(['check', WRONG]).report;
    notes = annotations(run.stdout);
  });

  it('exits 1 and prints nothing but workflow commands', () => {
    expect(run.code).toBe(1);
    const printed = run.stdout.split('\n').filter((l) => l !== '');
    expect(printed.length).toBeGreaterThan(0);
    // Errors for the failures; notices for the notes of a row (values compared at their own scale).
    for (const l of printed) expect(l).toMatch(/^::(error|notice) /);
  });

  it('has one ::error per failing claim, with file, line and title (the row)', () => {
    const failing = json.results.filter((r) => r.status !== 'pass');
    expect(failing.length).toBe(json.results.length);
    expect(notes).toHaveLength(failing.length);
    expect(notes.map((n) => [n.props.file, Number(n.props.line), n.props.title])).toEqual(
      failing.map((r) => [r.file, r.line, r.row]),
    );
  });

  it('puts each annotation on the line where that claim starts in the YAML file', () => {
    // Read the spec files themselves: the k-th claim of a file starts at the k-th `- ` entry.
    const expected: [string, number][] = [];
    for (const file of specFiles(WRONG)) for (const line of claimLines(file)) expected.push([file, line]);
    expect(notes.map((n) => [n.props.file, Number(n.props.line)])).toEqual(expected);
  });

  it('gives the reason, the hint and the rerun command in the message, one per line', () => {
    for (const r of json.results) {
      const note = notes.find((n) => n.props.title === r.row);
      expect(note, r.row).toBeDefined();
      const parts = note!.message.split('\n');
      expect(parts[0]).toBe(r.message);
      expect(parts).toContain(`rerun: ${r.repro!}`);
      if (r.hint !== null) expect(parts).toContain(`hint: ${r.hint}`);
    }
  });

  it('escapes the newlines of a message as %0A (an annotation is one line)', () => {
    for (const n of notes) {
      expect(n.raw).not.toContain('\r');
      const data = n.raw.slice(n.raw.indexOf('::', 2) + 2);
      expect(data).toContain('%0A');
      expect(data.split('%0A').length).toBe(n.message.split('\n').length);
    }
  });
});

describe('--reporter github with special characters', () => {
  let notes: Annotation[];
  let json: JsonReport;
  beforeAll(() => {
    const run = mcheck(['check', SPECIAL, '--reporter', 'github']);
    expect(run.code).toBe(1);
    notes = annotations(run.stdout);
    json = runJson(['check', SPECIAL]).report;
  });

  it('escapes commas, colons and percent signs in the title (%2C, %3A, %25)', () => {
    const row = json.results.find((r) => r.row.includes(':') && r.row.includes(','))!.row;
    const note = notes.find((n) => n.props.title === row);
    expect(note, row).toBeDefined();
    const title = note!.rawProps.title!;
    expect(title).not.toMatch(/[,:]/);
    expect(title).toContain('%2C');
    expect(title).toContain('%3A');
    expect(title).toContain('%25');
    expect(title).toBe(row.replace(/%/g, '%25').replace(/:/g, '%3A').replace(/,/g, '%2C'));
  });

  it('annotates every failing claim of the fixture and no passing one', () => {
    expect(notes.map((n) => n.props.title)).toEqual(json.results.filter((r) => r.status !== 'pass').map((r) => r.row));
    expect(notes.map((n) => Number(n.props.line))).toEqual(
      json.results
        .map((r, i) => [r, claimLines(SPECIAL)[i]!] as const)
        .filter(([r]) => r.status !== 'pass')
        .map(([, l]) => l),
    );
  });

  it('escapes commas and colons in the file property', () => {
    const dir = tempDir('github-file');
    const odd = 'odd, dir: 1';
    mkdirSync(join(dir, odd));
    cpSync(join(REPO_ROOT, SPECIAL), join(dir, odd, 'spec.yaml'));
    const run = mcheck(['check', `${odd}/spec.yaml`, '--reporter', 'github'], { cwd: dir });
    expect(run.code).toBe(1);
    const found = annotations(run.stdout);
    expect(found.length).toBeGreaterThan(0);
    for (const n of found) {
      expect(n.props.file).toBe(`${odd}/spec.yaml`);
      expect(n.rawProps.file).toBe('odd%2C dir%3A 1/spec.yaml');
    }
  });
});

describe('--reporter github on spec errors', () => {
  it('annotates each spec error at its file, line and column', () => {
    const run = mcheck(['check', MALFORMED, '--reporter', 'github']);
    expect(run.code).toBe(2);
    const { report } = runJson(['check', MALFORMED]);
    const notes = annotations(run.stdout);
    expect(notes).toHaveLength(report.errors.length);
    expect(report.errors.length).toBeGreaterThan(0);
    for (const e of report.errors) {
      const note = notes.find((n) => n.props.file === e.file && n.message === e.message);
      expect(note, `${e.file}: ${e.message}`).toBeDefined();
      if (e.line !== null) {
        expect(Number(note!.props.line)).toBe(e.line);
        expect(Number(note!.props.col)).toBe(e.column);
      }
    }
  });

  it('uses the line that each malformed fixture documents in its "Expected: ... at line N" comment', () => {
    const run = mcheck(['check', MALFORMED, '--reporter', 'github']);
    const notes = annotations(run.stdout);
    let checked = 0;
    for (const file of specFiles(MALFORMED)) {
      const m = /^# Expected:.*?\bline (\d+)/m.exec(readFileSync(join(REPO_ROOT, file), 'utf8'));
      if (m === null) continue;
      const lines = notes.filter((n) => n.props.file === file).map((n) => Number(n.props.line));
      expect(lines, file).toContain(Number(m[1]));
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
  });
});

describe('GITHUB_ACTIONS=true', () => {
  const FILES = ['identities/trace-gradient.yaml', 'test/fixtures/wrong/wrong-inverse-gradient-sign.yaml'];

  it('prints the pretty report and also the annotations when no reporter is chosen', () => {
    const run = mcheck(['check', ...FILES], { env: { GITHUB_ACTIONS: 'true' } });
    const plain = mcheck(['check', ...FILES]);
    expect(run.code).toBe(1);
    // The whole pretty report is there, unchanged...
    expect(run.stdout.startsWith(plain.stdout)).toBe(true);
    expect(prettyRows(run.stdout).length).toBe(prettyRows(plain.stdout).length);
    // ...followed by one annotation per failing claim.
    const failing = prettyRows(plain.stdout).filter((r) => r.mark !== '✓');
    expect(failing.length).toBeGreaterThan(0);
    const notes = annotations(run.stdout);
    expect(notes.map((n) => n.props.title)).toEqual(failing.map((r) => r.row));
    expect(lastLine(run.stdout)).toMatch(/^::error /);
  });

  it('prints no annotation without it', () => {
    const run = mcheck(['check', ...FILES], { env: { GITHUB_ACTIONS: undefined } });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(/^::/m);
    expect(prettyRows(run.stdout).some((r) => r.mark === '✗')).toBe(true);
  });

  it('prints no annotation when GITHUB_ACTIONS is set to something other than true', () => {
    const run = mcheck(['check', ...FILES], { env: { GITHUB_ACTIONS: 'false' } });
    expect(run.stdout).not.toMatch(/^::/m);
  });

  it('does not annotate twice when --reporter github is given as well', () => {
    const run = mcheck(['check', ...FILES, '--reporter', 'github'], { env: { GITHUB_ACTIONS: 'true' } });
    const once = mcheck(['check', ...FILES, '--reporter', 'github']);
    expect(annotations(run.stdout).length).toBe(annotations(once.stdout).length);
    expect(run.stdout).toBe(once.stdout);
  });

  it('prints nothing extra when every claim passes', () => {
    const run = mcheck(['check', 'identities/trace-gradient.yaml'], { env: { GITHUB_ACTIONS: 'true' } });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/^::/m);
  });

  // A machine-readable report on stdout must stay parseable in a GitHub Actions job, e.g.
  // `npx mcheck all --reporter json > report.json` or `... --reporter json | jq`.
  it('keeps --reporter json on stdout valid JSON', () => {
    const run = mcheck(['check', ...FILES, '--reporter', 'json'], { env: { GITHUB_ACTIONS: 'true' } });
    expect(run.code).toBe(1);
    expect(() => JSON.parse(run.stdout) as unknown).not.toThrow();
  });

  it('keeps --reporter junit on stdout well-formed XML', () => {
    const run = mcheck(['check', ...FILES, '--reporter', 'junit'], { env: { GITHUB_ACTIONS: 'true' } });
    expect(run.code).toBe(1);
    expect(() => parseJunit(run.stdout)).not.toThrow();
  });

  it('adds the annotations to stdout when the reports go to files', () => {
    const dir = tempDir('gha-files');
    const xml = join(dir, 'r.xml');
    const run = mcheck(['check', ...FILES, '--reporter', `junit=${xml}`], { env: { GITHUB_ACTIONS: 'true' } });
    expect(run.code).toBe(1);
    expect(annotations(run.stdout).length).toBeGreaterThan(0);
    expect(() => parseJunit(readFileSync(xml, 'utf8'))).not.toThrow();
  });
});
