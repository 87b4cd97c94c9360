import { describe, expect, it } from 'vitest';
import { ANSI, lastLine, prettyRows, runCli } from '../helpers/run-cli.js';

// Colour: off under NO_COLOR (and in pipes), on under FORCE_COLOR=1, never in JSON.

// A run that prints every kind of line: pass, fail (with reason and rerun), error row, spec error.
const MIXED = [
  'check',
  'identities/trace-gradient.yaml',
  'test/fixtures/e2e/unnamed-claims.yaml',
  'test/fixtures/e2e/runtime-trouble.yaml',
  'test/fixtures/e2e/bad-undefined-symbol.yaml',
];

describe('colour', () => {
  it('NO_COLOR=1: no ANSI escapes anywhere, even with FORCE_COLOR set', () => {
    const run = runCli(MIXED, { env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(run.code).toBe(2);
    expect(prettyRows(run.stdout).map((r) => r.mark)).toEqual(['✓', '✓', '✗', '!', '✗', '✗']);
    expect(run.stdout).not.toMatch(ANSI);
    expect(run.stderr).not.toMatch(ANSI);
  });

  it('a pipe (no terminal), no NO_COLOR and no FORCE_COLOR: plain', () => {
    const run = runCli(MIXED, { env: { NO_COLOR: undefined, FORCE_COLOR: undefined } });
    expect(run.code).toBe(2);
    expect(run.stdout).not.toMatch(ANSI);
  });

  it('FORCE_COLOR=1 without NO_COLOR: coloured marks and summary, same text underneath', () => {
    const run = runCli(MIXED, { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(ANSI);
    // eslint-disable-next-line no-control-regex
    const plain = run.stdout.replace(/\u001b\[[0-9;]*m/g, '');
    expect(prettyRows(plain).map((r) => r.mark)).toEqual(['✓', '✓', '✗', '!', '✗', '✗']);
    expect(lastLine(plain)).toBe('2 passed, 3 failed, 2 errors');
    // The summary line itself is coloured.
    expect(lastLine(run.stdout)).toMatch(ANSI);
  });

  it('FORCE_COLOR=1 with --no-color: plain', () => {
    const run = runCli([...MIXED, '--no-color'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(run.code).toBe(2);
    expect(run.stdout).not.toMatch(ANSI);
    expect(lastLine(run.stdout)).toBe('2 passed, 3 failed, 2 errors');
  });

  it('FORCE_COLOR=1 with --reporter json: valid JSON without escapes', () => {
    const run = runCli([...MIXED, '--reporter', 'json'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(run.code).toBe(2);
    expect(run.stdout).not.toMatch(ANSI);
    expect(() => JSON.parse(run.stdout) as unknown).not.toThrow();
  });
});
