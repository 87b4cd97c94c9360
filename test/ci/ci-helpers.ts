import { cpSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { LineCounter, parseDocument, isMap, isSeq } from 'yaml';
import { expect } from 'vitest';
import { type CliResult, REPO_ROOT, type RunOptions, runCli, stackTraceSigns } from '../helpers/run-cli.js';
import type { JsonReport } from '../helpers/json-report.js';

// Shared by the tests of test/ci: spawning the CLI with a neutral CI environment, the JSON
// report as the reference for every other reporter, JUnit XML parsed by a real parser, and the
// lines of claims read from the spec files themselves.

export type { JsonReport, JsonResult, JsonSpecError } from '../helpers/json-report.js';

/**
 * Spawns the real binary with the CI-specific variables removed (so that a test run inside GitHub
 * Actions does not get annotations it did not ask for), unless the test sets them itself.
 */
export function mcheck(args: readonly string[], options: RunOptions = {}): CliResult {
  return runCli(args, { ...options, env: { GITHUB_ACTIONS: undefined, ...(options.env ?? {}) } });
}

/** Runs with `--reporter json` and parses stdout, asserting that nothing leaked. */
export function runJson(args: readonly string[], options: RunOptions = {}): { run: CliResult; report: JsonReport } {
  const run = mcheck([...args, '--reporter', 'json'], options);
  expect(stackTraceSigns(run)).toEqual([]);
  let report: JsonReport;
  try {
    report = JSON.parse(run.stdout) as JsonReport;
  } catch {
    throw new Error(`stdout of mcheck ${args.join(' ')} is not JSON (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  }
  return { run, report };
}

/** The number of claims `mcheck list PATHS` announces on its last line (`N identities, M claims`). */
export function listedClaimCount(paths: readonly string[], options: RunOptions = {}): number {
  const run = mcheck(['list', ...paths], options);
  const m = /(\d+) claims?\b/.exec(run.stdout.trim().split('\n').at(-1) ?? '');
  if (m === null) throw new Error(`mcheck list printed no claim count:\n${run.stdout}\n${run.stderr}`);
  return Number(m[1]);
}

export interface XmlFailure {
  '#text'?: string;
  '@_message'?: string;
  '@_type'?: string;
}

export interface XmlTestcase {
  '@_classname': string;
  '@_name': string;
  '@_file'?: string;
  '@_line'?: string;
  '@_time'?: string;
  failure?: XmlFailure[];
  error?: XmlFailure[];
}

export interface XmlTestsuite {
  '@_name': string;
  '@_tests': string;
  '@_failures': string;
  '@_errors': string;
  testcase?: XmlTestcase[];
}

export interface XmlReport {
  testsuites: {
    '@_tests': string;
    '@_failures': string;
    '@_errors': string;
    testsuite?: XmlTestsuite[];
  };
}

/** Parses JUnit XML with fast-xml-parser after checking that it is well-formed. */
export function parseJunit(xml: string): XmlReport {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML: ${JSON.stringify(valid.err)}\n${xml}`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: false,
    isArray: (name) => ['testsuite', 'testcase', 'failure', 'error'].includes(name),
  });
  const doc = parser.parse(xml) as Partial<XmlReport>;
  if (doc.testsuites === undefined) throw new Error(`no <testsuites> root:\n${xml}`);
  return doc as XmlReport;
}

/** Every testcase of a parsed report, with the name of its suite. */
export function testcases(report: XmlReport): { suite: string; tc: XmlTestcase }[] {
  return (report.testsuites.testsuite ?? []).flatMap((s) =>
    (s.testcase ?? []).map((tc) => ({ suite: s['@_name'], tc })),
  );
}

/**
 * The 1-based line of each claim of a spec file, in order: where its `- ` sequence entry starts,
 * read with the yaml package from the file itself (not from mcheck's output).
 */
export function claimLines(file: string): number[] {
  const text = readFileSync(join(REPO_ROOT, file), 'utf8');
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  if (!isMap(doc.contents)) throw new Error(`${file}: not a mapping`);
  const claims = doc.contents.get('claims', true);
  if (!isSeq(claims)) throw new Error(`${file}: claims is not a sequence`);
  return claims.items.map((item) => {
    const start = (item as { range?: [number, number, number] }).range?.[0];
    if (start === undefined) throw new Error(`${file}: a claim without a range`);
    const line = counter.linePos(start).line;
    // The entry's `- ` is on the same line as its first key in block style.
    expect(text.split('\n')[line - 1]).toMatch(/^\s*- /);
    return line;
  });
}

/** The YAML spec files of a folder of the repository, as repository-relative paths, sorted. */
export function specFiles(dir: string): string[] {
  return readdirSync(join(REPO_ROOT, dir))
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => `${dir}/${f}`);
}

/** A fresh temporary folder. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `mcheck-ci-${prefix}-`));
}

/** A fresh temporary folder holding a copy of the repository's identities/ folder. */
export function tempWithIdentities(prefix: string): string {
  const dir = tempDir(prefix);
  cpSync(join(REPO_ROOT, 'identities'), join(dir, 'identities'), { recursive: true });
  return dir;
}

/** Decodes the %-escapes of a GitHub workflow command (%25, %0D, %0A, %3A, %2C). */
export function decodeWorkflow(text: string): string {
  return text.replace(/%(25|0D|0A|3A|2C)/g, (_, code: string) => String.fromCharCode(parseInt(code, 16)));
}

/** One `::error PROPS::MESSAGE` line, split and decoded. */
export interface Annotation {
  readonly raw: string;
  readonly props: Record<string, string>;
  readonly rawProps: Record<string, string>;
  readonly message: string;
}

/** The `::error` workflow commands of an output, in order. */
export function annotations(stdout: string): Annotation[] {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('::error'))
    .map((raw) => {
      const m = /^::error (.*?)::(.*)$/.exec(raw);
      if (m === null) throw new Error(`malformed workflow command: ${raw}`);
      const rawProps: Record<string, string> = {};
      for (const part of m[1]!.split(',')) {
        const eq = part.indexOf('=');
        if (eq < 0) throw new Error(`malformed property "${part}" in ${raw}`);
        rawProps[part.slice(0, eq)] = part.slice(eq + 1);
      }
      const props = Object.fromEntries(Object.entries(rawProps).map(([k, v]) => [k, decodeWorkflow(v)]));
      return { raw, props, rawProps, message: decodeWorkflow(m[2]!) };
    });
}
