import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import type { JsonReport } from '../helpers/json-report.js';

// A claim's own `trials` and `tolerance`: --trials, else the claim's, else the spec's, else 5;
// the claim's tolerance, else the spec's, else the run's; and a cap refuses a looser one.

const FILE = 'test/fixtures/ci/claim-settings/own-settings.yaml';
const json = (args: string[]): { code: number | null; report: JsonReport } => {
  const run = runCli(['check', FILE, '--reporter', 'json', ...args]);
  return { code: run.code, report: JSON.parse(run.stdout) as JsonReport };
};

describe("a claim's own trials and tolerance", () => {
  it("take precedence over the spec's, and --trials over both", () => {
    const { code, report } = json([]);
    expect(code).toBe(0);
    expect(report.results.map((r) => [r.claim, r.trials])).toEqual([
      ['many', 12],
      ['spec-trials', 4],
      ['loose', 4],
    ]);
    expect(json(['--trials', '3']).report.results.map((r) => r.trials)).toEqual([3, 3, 3]);
  });

  it('pass a claim within its own tolerance, with a note, and fail it under the run tolerance', () => {
    const loose = json([]).report.results.find((r) => r.claim === 'loose')!;
    expect(loose.status).toBe('pass');
    expect(loose.notes[0]).toMatch(/own tolerance \(rtol 1e-2\) is looser than the run's \(rtol 1e-5\)/);
  });

  it("turn a claim's tolerance over the cap into an error at its line, and run the other claims", () => {
    const { code, report } = json(['--max-rtol', '1e-3']);
    expect(code).toBe(2);
    expect(report.errors).toEqual([
      expect.objectContaining({
        code: 'tolerance',
        line: 25,
        column: 16,
        message: 'own-settings/loose: its own tolerance: rtol 0.01 is looser than --max-rtol 0.001',
      }),
    ]);
    expect(report.results.map((r) => r.claim)).toEqual(['many', 'spec-trials']);
  });
});

describe('mcheck functions', () => {
  it('lists every function with its arguments and what it computes', () => {
    const run = runCli(['functions']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines.some((l) => /^reshape\(A, B, C\)\s+the same entries in vec order/.test(l))).toBe(true);
    expect(lines.some((l) => /^sum\(A\[, B\]\)\s+the sum of all entries/.test(l))).toBe(true);
    expect(lines.find((l) => l.startsWith('sort('))).toMatch(/kink: the order of the entries/);
    expect(lines.length).toBeGreaterThan(60);
    expect(lines.find((l) => l.startsWith('svdvals('))).toMatch(/kink: a repeated singular value/);
  });

  it('is also mcheck --help-functions, which prints the same list and stops', () => {
    const list = runCli(['functions']);
    const flag = runCli(['--help-functions']);
    expect(flag.code).toBe(0);
    expect(flag.stdout).toBe(list.stdout);
    expect(runCli(['--help']).stdout).toMatch(/--help-functions/);
  });
});
