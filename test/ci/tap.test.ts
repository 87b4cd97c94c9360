import { beforeAll, describe, expect, it } from 'vitest';
import type { CliResult } from '../helpers/run-cli.js';
import { mcheck, runJson } from './ci-helpers.js';

// `--reporter tap`: TAP version 13, a plan, one test point per claim and per spec error.

interface Tap {
  version: string;
  plan: number | null;
  points: { ok: boolean; n: number; description: string }[];
  lines: string[];
}

function parseTap(text: string): Tap {
  const lines = text.split('\n').filter((l) => l !== '');
  const plans = lines.filter((l) => /^1\.\.\d+$/.test(l));
  expect(plans, 'exactly one plan line').toHaveLength(1);
  const points = lines
    .map((l) => /^(ok|not ok) (\d+) - (.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ ok: m[1] === 'ok', n: Number(m[2]), description: m[3]! }));
  return { version: lines[0] ?? '', plan: Number(plans[0]!.slice(3)), points, lines };
}

const RUNS: Record<string, string[]> = {
  'passing specs': ['identities', 'test/fixtures/correct'],
  'wrong specs': ['test/fixtures/wrong'],
  'spec errors': ['test/fixtures/malformed'],
  'a mix': [
    'identities/trace-gradient.yaml',
    'test/fixtures/ci/special-names.yaml',
    'test/fixtures/malformed/undefined-symbol.yaml',
  ],
};

describe.each(Object.entries(RUNS))('--reporter tap on %s', (_, paths) => {
  let run: CliResult;
  let tap: Tap;
  beforeAll(() => {
    run = mcheck(['check', ...paths, '--reporter', 'tap']);
    tap = parseTap(run.stdout);
  });

  it('starts with TAP version 13, plans as many points as it prints, numbered 1..N', () => {
    expect(tap.version).toBe('TAP version 13');
    expect(tap.lines[1]).toBe(`1..${tap.points.length}`);
    expect(tap.plan).toBe(tap.points.length);
    expect(tap.points.map((p) => p.n)).toEqual(tap.points.map((_p, i) => i + 1));
  });

  it('has as many ok and not ok points as the JSON summary has passes and non-passes', () => {
    const { run: jsonRun, report } = runJson(['check', ...paths]);
    expect(run.code).toBe(jsonRun.code);
    expect(tap.plan).toBe(report.results.length + report.errors.length);
    expect(tap.points.filter((p) => p.ok).length).toBe(report.summary.passed);
    expect(tap.points.filter((p) => !p.ok).length).toBe(report.summary.failed + report.summary.errors);
  });
});

describe('--reporter tap details', () => {
  it('describes each claim point by its row, in order, with # escaped', () => {
    const paths = ['test/fixtures/ci/special-names.yaml', 'test/fixtures/wrong'];
    const tap = parseTap(mcheck(['check', ...paths, '--reporter', 'tap']).stdout);
    const { report } = runJson(['check', ...paths]);
    const unescape = (d: string): string => d.replace(/\\#/g, '#');
    expect(tap.points.slice(0, report.results.length).map((p) => unescape(p.description))).toEqual(
      report.results.map((r) => r.row),
    );
    expect(report.results.some((r) => r.row.includes('#'))).toBe(true);
    // No point description carries an unescaped `#`, which TAP would read as a directive.
    for (const p of tap.points) expect(p.description).not.toMatch(/(^|[^\\])#/);
  });

  it('gives each failing point a YAML block with the rerun command of the JSON report', () => {
    const run = mcheck(['check', 'test/fixtures/wrong', '--reporter', 'tap']);
    const { report } = runJson(['check', 'test/fixtures/wrong']);
    for (const r of report.results) {
      expect(run.stdout).toContain(`  rerun: ${JSON.stringify(r.repro)}`);
    }
  });
});
