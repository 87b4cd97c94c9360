import { mkdtempSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import type { JsonReport } from '../helpers/json-report.js';

const LOOSE = 'test/fixtures/ci/tolerance/loose-spec.yaml';

describe('--max-rtol and --max-atol', () => {
  it('turn a spec whose own tolerance is looser into a spec error naming the spec and both figures', () => {
    const run = runCli(['check', LOOSE, 'identities/det-gradient.yaml', '--max-rtol', '1e-3', '--reporter', 'json']);
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.errors).toEqual([
      {
        file: LOOSE,
        line: 4,
        column: 12,
        code: 'tolerance',
        path: ['tolerance'],
        message: 'loose-spec-tolerance: its own tolerance: rtol 100 is looser than --max-rtol 0.001',
      },
    ]);
    // The other specs still run.
    expect(report.results.length).toBeGreaterThan(0);
    expect(report.results.every((r) => r.id === 'det-gradient' && r.status === 'pass')).toBe(true);
  });

  it('name both figures when both are over, and take the caps from the config file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcheck-cap-'));
    mkdirSync(join(dir, 'identities'));
    copyFileSync(LOOSE, join(dir, 'identities', 'loose.yaml'));
    writeFileSync(join(dir, 'mcheck.config.json'), JSON.stringify({ maxRtol: 1e-4, maxAtol: 1e-6 }));
    const run = runCli(['all', '--no-color'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout.replace(/&apos;/g, "'")).toMatch(
      /✖ loose-spec-tolerance: its own tolerance: rtol 100 is looser than --max-rtol 0\.0001; atol 100 is looser than --max-atol 0\.000001 → at identities\/loose\.yaml:4:12/,
    );
  });

  it('leave a spec within the cap alone, and its row still says its tolerance differs', () => {
    const run = runCli(['check', LOOSE, '--max-rtol', '1000', '--max-atol', '1000', '--no-color']);
    expect(run.code).toBe(0);
    expect(run.stdout.replace(/&apos;/g, "'")).toMatch(
      /note: the spec's own tolerance \(rtol 1e\+2, atol 1e\+2\) is looser than the run's/,
    );
  });

  it.each(['junit', 'tap', 'github', 'gradescope'])('has every reporter show that note: %s', (reporter) => {
    const run = runCli(['check', LOOSE, '--reporter', reporter]);
    expect(run.code).toBe(0);
    expect(run.stdout.replace(/&apos;/g, "'")).toMatch(
      /note: the spec's own tolerance \(rtol 1e\+2, atol 1e\+2\) is looser than the run's|::notice .*::the spec's own tolerance \(rtol 1e\+2/,
    );
  });
});
