import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type JsonReport,
  type XmlReport,
  mcheck,
  parseJunit,
  runJson,
  specFiles,
  tempDir,
  testcases,
} from './ci-helpers.js';
import type { CliResult } from '../helpers/run-cli.js';

// `--reporter junit`: checked against the JSON report of the same run, with a real XML parser.

const PASSING = ['test/fixtures/correct', 'identities'];
const WRONG = ['test/fixtures/wrong'];
const MALFORMED = ['test/fixtures/malformed'];
const SPECIAL = 'test/fixtures/ci/special-names.yaml';

interface Pair {
  junit: CliResult;
  xml: XmlReport;
  json: JsonReport;
}

function both(paths: readonly string[]): Pair {
  const junit = mcheck(['check', ...paths, '--reporter', 'junit']);
  const { report: json } = runJson(['check', ...paths]);
  return { junit, xml: parseJunit(junit.stdout), json };
}

/** The structural checks every JUnit report must pass, whatever the run. */
function expectConsistent({ xml, json }: Pair): void {
  const cases = testcases(xml);
  // One testcase per claim and per spec error.
  expect(cases).toHaveLength(json.results.length + json.errors.length);
  // One suite per spec file, named by it.
  const files = new Set([...json.results.map((r) => r.file), ...json.errors.map((e) => e.file)]);
  const suites = xml.testsuites.testsuite ?? [];
  expect(suites.map((s) => s['@_name']).sort()).toEqual([...files].sort());
  // The counts: per suite and overall.
  for (const s of suites) {
    const tcs = s.testcase ?? [];
    expect(Number(s['@_tests'])).toBe(tcs.length);
    expect(Number(s['@_failures'])).toBe(tcs.filter((tc) => (tc.failure ?? []).length > 0).length);
    expect(Number(s['@_errors'])).toBe(tcs.filter((tc) => (tc.error ?? []).length > 0).length);
    for (const tc of tcs) expect(tc['@_file']).toBe(s['@_name']);
  }
  expect(Number(xml.testsuites['@_tests'])).toBe(cases.length);
  expect(Number(xml.testsuites['@_failures'])).toBe(json.summary.failed);
  expect(Number(xml.testsuites['@_errors'])).toBe(json.summary.errors);
  // A testcase holds at most one verdict element.
  for (const { tc } of cases) expect((tc.failure ?? []).length + (tc.error ?? []).length).toBeLessThanOrEqual(1);
}

describe('junit reporter on passing specs (test/fixtures/correct + identities)', () => {
  let pair: Pair;
  beforeAll(() => {
    pair = both(PASSING);
  });

  it('exits 0 and writes only XML to stdout', () => {
    expect(pair.json.summary.failed + pair.json.summary.errors).toBe(0);
    expect(pair.junit.code).toBe(0);
    expect(pair.junit.stdout.startsWith('<?xml')).toBe(true);
    expect(pair.junit.stderr).toBe('');
  });

  it('is consistent with the JSON report of the same run', () => {
    expectConsistent(pair);
  });

  it('has one testsuite for every spec file of both folders', () => {
    const expected = [...specFiles('test/fixtures/correct'), ...specFiles('identities')].sort();
    expect((pair.xml.testsuites.testsuite ?? []).map((s) => s['@_name']).sort()).toEqual(expected);
  });

  it('has one testcase per claim: classname the identity id, name the row, line the claim line', () => {
    const cases = testcases(pair.xml).map(({ tc }) => [
      tc['@_classname'],
      tc['@_name'],
      tc['@_file'],
      Number(tc['@_line']),
    ]);
    const expected = pair.json.results.map((r) => [r.id, r.row, r.file, r.line]);
    expect(cases).toEqual(expected);
  });

  it('has no failure and no error element, and zero failures/errors in every count', () => {
    for (const { tc } of testcases(pair.xml)) {
      expect(tc.failure).toBeUndefined();
      expect(tc.error).toBeUndefined();
    }
    expect(pair.xml.testsuites['@_failures']).toBe('0');
    expect(pair.xml.testsuites['@_errors']).toBe('0');
  });
});

describe('junit reporter on wrong specs (test/fixtures/wrong)', () => {
  let pair: Pair;
  beforeAll(() => {
    pair = both(WRONG);
  });

  it('exits 1, like the other reporters', () => {
    expect(pair.json.summary.failed).toBe(pair.json.results.length);
    expect(pair.junit.code).toBe(1);
  });

  it('is consistent with the JSON report of the same run', () => {
    expectConsistent(pair);
  });

  it('has exactly one <failure> per wrong claim, typed by the claim kind', () => {
    const byRow = new Map(pair.json.results.map((r) => [r.row, r]));
    const cases = testcases(pair.xml);
    expect(cases.length).toBeGreaterThan(0);
    for (const { tc } of cases) {
      const r = byRow.get(tc['@_name']);
      expect(r, `no JSON row for testcase ${tc['@_name']}`).toBeDefined();
      expect(tc['@_classname']).toBe(r!.id);
      expect(tc.failure).toHaveLength(1);
      expect(tc.error).toBeUndefined();
      expect(tc.failure![0]!['@_type']).toBe(r!.kind);
      expect(tc.failure![0]!['@_message']).toBe(r!.message);
    }
  });

  it('puts the reason, the hint (where there is one) and the rerun command in the failure text', () => {
    const byRow = new Map(testcases(pair.xml).map(({ tc }) => [tc['@_name'], tc.failure?.[0]?.['#text'] ?? '']));
    let withHint = 0;
    for (const r of pair.json.results) {
      const text = byRow.get(r.row);
      expect(text, r.row).toBeDefined();
      const lines = text!.split('\n');
      expect(r.repro).not.toBeNull();
      expect(lines).toContain(`rerun: ${r.repro!}`);
      expect(lines).toContain(`at ${r.file}:${r.line}`);
      expect(text).toContain(r.message!);
      if (r.hint !== null) {
        withHint++;
        expect(lines).toContain(`hint: ${r.hint}`);
      } else {
        expect(text).not.toMatch(/^hint: /m);
      }
    }
    // The fixture set has hints, so the hint branch above was exercised.
    expect(withHint).toBeGreaterThan(0);
  });
});

describe('junit reporter on spec errors (test/fixtures/malformed)', () => {
  let pair: Pair;
  beforeAll(() => {
    pair = both(MALFORMED);
  });

  it('exits 2 and reports every spec error as a testcase with an <error>', () => {
    expect(pair.junit.code).toBe(2);
    expect(pair.json.errors.length).toBeGreaterThan(0);
    expectConsistent(pair);
    const cases = testcases(pair.xml);
    expect(cases).toHaveLength(pair.json.errors.length);
    for (const { tc } of cases) {
      expect(tc.error).toHaveLength(1);
      expect(tc.failure).toBeUndefined();
    }
  });

  it('names the file, line and message of each spec error', () => {
    const cases = testcases(pair.xml);
    for (const e of pair.json.errors) {
      const tc = cases.find(({ tc: c }) => c['@_file'] === e.file && c.error?.[0]?.['@_message'] === e.message)?.tc;
      expect(tc, e.file).toBeDefined();
      if (e.line !== null) expect(Number(tc!['@_line'])).toBe(e.line);
      const at = e.line === null ? e.file : `${e.file}:${e.line}:${e.column}`;
      expect(tc!.error![0]!['#text']).toContain(`at ${at}`);
    }
  });

  it('counts spec errors as errors, not failures', () => {
    expect(Number(pair.xml.testsuites['@_errors'])).toBe(pair.json.errors.length);
    expect(pair.xml.testsuites['@_failures']).toBe('0');
  });
});

describe('junit reporter on a mixed run', () => {
  it('counts passes, failures and spec errors of one run together', () => {
    const pair = both([
      'identities/trace-gradient.yaml',
      'test/fixtures/wrong/wrong-relu-jacobian.yaml',
      'test/fixtures/malformed/undefined-symbol.yaml',
    ]);
    expect(pair.junit.code).toBe(2);
    expectConsistent(pair);
    expect(pair.json.summary.passed).toBeGreaterThan(0);
    expect(pair.json.summary.failed).toBeGreaterThan(0);
    expect(pair.json.summary.errors).toBeGreaterThan(0);
  });
});

describe('junit reporter with special characters in names', () => {
  let pair: Pair;
  beforeAll(() => {
    pair = both([SPECIAL]);
  });

  it('still produces well-formed XML that keeps the names exactly', () => {
    expectConsistent(pair);
    const names = testcases(pair.xml).map(({ tc }) => tc['@_name']);
    expect(names).toEqual(pair.json.results.map((r) => r.row));
    // The fixture really has the characters XML must escape.
    expect(names.some((n) => n.includes('<') && n.includes('&') && n.includes('"'))).toBe(true);
    expect(names.some((n) => n.includes("'") && n.includes('>'))).toBe(true);
  });

  it('escapes them in the raw text (no bare < or & inside an attribute)', () => {
    const raw = pair.junit.stdout;
    expect(raw).toContain('&lt;');
    expect(raw).toContain('&amp;');
    expect(raw).not.toContain('a<b');
    expect(raw).not.toMatch(/name="[^"]*&(?!(amp|lt|gt|quot|apos);)/);
  });

  it('keeps the rerun command in the failure text exactly as the JSON report has it', () => {
    const byRow = new Map(testcases(pair.xml).map(({ tc }) => [tc['@_name'], tc]));
    const failing = pair.json.results.filter((r) => r.status === 'fail');
    expect(failing.length).toBeGreaterThan(0);
    for (const r of failing) {
      const text = byRow.get(r.row)?.failure?.[0]?.['#text'] ?? '';
      expect(text.split('\n')).toContain(`rerun: ${r.repro!}`);
    }
  });
});

describe('--reporter junit=FILE', () => {
  it('writes the same report to the file, and the pretty report to stdout, which a file never silences', () => {
    const dir = tempDir('junit-file');
    const file = join(dir, 'report.xml');
    const toFile = mcheck(['check', ...WRONG, '--reporter', `junit=${file}`]);
    expect(toFile.code).toBe(1);
    expect(toFile.stdout).toBe(mcheck(['check', ...WRONG]).stdout);
    expect(existsSync(file)).toBe(true);
    const fromFile = readFileSync(file, 'utf8');
    const toStdout = mcheck(['check', ...WRONG, '--reporter', 'junit']);
    // Identical but for the measured times.
    const untimed = (xml: string): string => xml.replace(/ time="[\d.]+"/g, '');
    expect(untimed(fromFile)).toBe(untimed(toStdout.stdout));
    expect(testcases(parseJunit(fromFile)).length).toBeGreaterThan(0);
  });
});
