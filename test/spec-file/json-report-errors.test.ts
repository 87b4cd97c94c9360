import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../helpers/json-report.js';
import { runCli, stackTraceSigns } from '../helpers/run-cli.js';

// Spec errors in `--reporter json`, through the real CLI: each with its code and path after the
// message, so that tools can tell kinds of problem apart and find the key without parsing text.

describe('spec errors in the JSON report', () => {
  // package.json is a regular file, so a path through it fails with ENOTDIR in any checkout.
  const run = runCli([
    'check',
    'test/fixtures/e2e/bad-undefined-symbol.yaml',
    'package.json/inner.yaml',
    '--reporter',
    'json',
  ]);
  const report = JSON.parse(run.stdout) as JsonReport;

  it('exits 2 with JSON alone on stdout', () => {
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('');
    expect(stackTraceSigns(run)).toEqual([]);
  });

  it('gives each error file, line, column, message, code and path, in that order', () => {
    expect(report.errors).toEqual([
      {
        file: 'package.json/inner.yaml',
        line: null,
        column: null,
        message: 'cannot access the path: not a directory (ENOTDIR)',
        code: 'unreadable',
        path: [],
      },
      {
        file: 'test/fixtures/e2e/bad-undefined-symbol.yaml',
        line: 11,
        column: 13,
        message: 'claims[0].expect: undefined name "y"',
        code: 'expression',
        path: ['claims', 0, 'expect'],
      },
    ]);
    for (const e of report.errors)
      expect(Object.keys(e)).toEqual(['file', 'line', 'column', 'message', 'code', 'path']);
  });

  it('forwards the zod issue code of a structural problem', () => {
    const r = runCli(['check', 'test/fixtures/malformed/unknown-sample-kind.yaml', '--reporter', 'json']);
    const errors = (JSON.parse(r.stdout) as JsonReport).errors;
    expect(errors.map((e) => [e.code, e.path, e.line])).toEqual([['invalid_value', ['vars', 'X', 'sample'], 8]]);
  });
});
