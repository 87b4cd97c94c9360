import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JsonReport } from './json-report.js';
import { runCli } from './run-cli.js';

/** An HTML report written by the real binary, with the JSON report of the same run. */
export interface HtmlRun {
  readonly name: string;
  readonly file: string;
  readonly html: string;
  readonly json: JsonReport;
  readonly code: number | null;
}

/** The runs the report tests look at: the bundled set, the wrong fixtures, a graded class. */
export const HTML_RUNS: Readonly<Record<string, readonly string[]>> = {
  bundled: ['all'],
  wrong: ['all', '--dir', 'test/fixtures/wrong', '--workers', '0'],
  class: [
    'grade',
    '--questions',
    'test/fixtures/grading/questions',
    ...['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'gina'].map((s) => `test/fixtures/grading/class/${s}`),
    '--workers',
    '0',
  ],
};

/** Runs `mcheck ARGS --reporter html=… --reporter json=…` into a fresh folder (made by the CLI itself). */
export function htmlRun(name: string): HtmlRun {
  const dir = join(mkdtempSync(join(tmpdir(), 'mcheck-html-')), 'reports');
  const file = join(dir, `${name}.html`);
  const json = join(dir, `${name}.json`);
  const run = runCli([...HTML_RUNS[name]!, '--reporter', `html=${file}`, '--reporter', `json=${json}`]);
  return {
    name,
    file,
    html: readFileSync(file, 'utf8'),
    json: JSON.parse(readFileSync(json, 'utf8')) as JsonReport,
    code: run.code,
  };
}
