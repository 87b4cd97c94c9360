/**
 * `--mode fast` as a user runs it: the mode in every report, the same verdicts as full mode on
 * the bundled and fixture sets, a rerun command that repeats the mode, and usage errors.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, runShell, stackTraceSigns, type CliResult } from '../helpers/run-cli.js';
import type { JsonReport } from '../helpers/json-report.js';

const json = (run: CliResult): JsonReport => JSON.parse(run.stdout) as JsonReport;

describe('mcheck --mode fast', () => {
  let bundled: CliResult;
  let wrong: CliResult;
  beforeAll(() => {
    bundled = runCli(['all', '--mode', 'fast']);
    wrong = runCli(['check', 'test/fixtures/wrong', '--mode', 'fast', '--probes', '2', '--reporter', 'json']);
  });

  it('passes every bundled identity and says so in the header', () => {
    expect(bundled.code).toBe(0);
    expect(bundled.stdout.split('\n')[0]).toMatch(
      /^mcheck \S+ · seed 1 · fast \(3 probes\) mode · \d+ files in identities$/,
    );
    expect(bundled.stdout).toMatch(/\n\d+ passed, 0 failed\n$/);
  });

  it('fails every wrong fixture, as full mode does, and reports mode and probes in JSON', () => {
    expect(wrong.code).toBe(1);
    const report = json(wrong);
    expect(report.mode).toBe('fast');
    expect(report.probes).toBe(2);
    const full = json(runCli(['check', 'test/fixtures/wrong', '--reporter', 'json']));
    expect(report.results.map((r) => [r.row, r.status])).toEqual(full.results.map((r) => [r.row, r.status]));
    expect(report.results.every((r) => r.status === 'fail')).toBe(true);
  });

  it('prints rerun commands that repeat the mode and reproduce the failure', () => {
    const failed = json(wrong).results.find((r) => r.repro !== null && r.row.startsWith('wrong-det-gradient'))!;
    expect(failed.repro).toContain('--mode fast --probes 2');
    const rerun = runShell(`${failed.repro!} --reporter json`);
    expect(rerun.code).toBe(1);
    expect(json(rerun).results.map((r) => r.status)).toEqual(['fail']);
  });

  it('names the mode in JUnit and TAP', () => {
    const junit = runCli(['check', 'identities/det-gradient.yaml', '--mode', 'fast', '--reporter', 'junit']);
    expect(junit.stdout).toContain('<property name="mode" value="fast (3 probes)"/>');
    const tap = runCli(['check', 'identities/det-gradient.yaml', '--reporter', 'tap']);
    expect(tap.stdout).toContain('# mcheck seed 1, full mode');
  });

  it.each([
    [['--mode', 'slow'], /--mode.*expected full or fast/],
    [['--mode', 'fast', '--probes', '0'], /--probes.*from 1 to 1000/],
    [['--probes', '3'], /--probes counts the random directions of fast mode; add --mode fast/],
  ])('refuses %j with a usage error', (args, message) => {
    const run = runCli(['check', 'identities/det-gradient.yaml', ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(stackTraceSigns(run)).toEqual([]);
  });
});
