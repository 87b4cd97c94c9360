import { describe, expect, it } from 'vitest';
import { runCli, runShell } from '../helpers/run-cli.js';
import type { JsonResult } from '../helpers/json-report.js';

const WRONG = 'test/fixtures/wrong/wrong-trace-ax-missing-transpose.yaml';

type JsonRow = JsonResult;

function jsonRows(args: string[]): JsonRow[] {
  const r = runCli([...args, '--reporter', 'json']);
  return (JSON.parse(r.stdout) as { results: JsonRow[] }).results;
}

describe('diagnosis on the command line', () => {
  it('reports hint, repro, worst entry and noise in JSON, and nothing of the kind on a pass', () => {
    const rows = jsonRows(['check', WRONG, 'identities/trace-gradient.yaml']);
    const square = rows.find((r) => r.row === 'wrong-trace-ax-missing-transpose/square')!;
    expect(square.status).toBe('fail');
    expect(square.hint).toMatch(/transposing/);
    expect(square.repro).toMatch(/^mcheck check \S+ --claim square --seed 1 --trial \d+$/);
    expect(square.worst!.index).toHaveLength(2);
    expect(Math.abs(square.worst!.analytic! - square.worst!.numeric!)).toBeGreaterThan(1e-3);
    expect(square.noise!).toBeLessThan(1e-8);
    const pass = rows.find((r) => r.row === 'trace-gradient')!;
    expect(pass).toMatchObject({ status: 'pass', hint: null, repro: null, worst: null, noise: null, smallest: null });
  });

  it('a repro command run alone fails again with the same worst entry', () => {
    const [first] = jsonRows(['check', WRONG, '--claim', 'square']);
    const again = runShell(`${first!.repro!} --reporter json`);
    expect(again.code).toBe(1);
    const replayed = (JSON.parse(again.stdout) as { results: JsonRow[] }).results;
    expect(replayed).toHaveLength(1);
    expect(replayed[0]!.worst).toEqual(first!.worst);
    expect(replayed[0]!.failedTrial).toBe(first!.failedTrial);
  });

  it('the smallest failing case replays as printed', () => {
    const [first] = jsonRows(['check', 'test/fixtures/wrong/wrong-det-gradient-missing-transpose.yaml']);
    expect(first!.smallest!.dims).toEqual({ n: 2 });
    const again = runShell(first!.smallest!.repro);
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/0 passed, 1 failed/);
  });

  it('explain shows both sides with the differing entries marked, even without colour', () => {
    const r = runCli(['explain', WRONG, '--claim', 'square', '--dims', 'n=2,m=5']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/expect \(2×2\)\s+numeric \(2×2\)/);
    expect(r.stdout).toContain('* marks entries that are not within tolerance');
    // A missing transpose differs off the diagonal only: two marked entries per side, and in
    // their difference.
    const marked =
      r.stdout
        .split('\n')
        .filter((l) => l.trim().startsWith('['))
        .join('\n')
        .match(/\*/g) ?? [];
    expect(marked).toHaveLength(6);
    expect(r.stdout).toMatch(/hint: matches after transposing/);
    // eslint-disable-next-line no-control-regex -- no ANSI colour code may reach a pipe
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('explain of a passing claim marks nothing and exits 0', () => {
    const r = runCli(['explain', 'identities/det-gradient.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✓ det-gradient\/transpose of the inverse/);
    expect(r.stdout).not.toContain('*');
  });

  it('--no-hints skips the diagnosis', () => {
    const [row] = jsonRows(['check', WRONG, '--claim', 'square', '--no-hints']);
    expect(row).toMatchObject({ status: 'fail', hint: null, smallest: null });
  });
});
