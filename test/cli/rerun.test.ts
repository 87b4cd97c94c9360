import { beforeAll, describe, expect, it } from 'vitest';
import {
  type CliResult,
  type PrettyRow,
  lastLine,
  prettyRows,
  rerunCommands,
  rowDetails,
  runCli,
  runShell,
  stackTraceSigns,
} from '../helpers/run-cli.js';

// The `rerun:` command printed under a failure, pasted into a shell, must reproduce that failure:
// same claim only, exit 1, same numbers, same reason.

/** The row line and detail lines of each failed row. */
function failureBlocks(stdout: string): Map<string, { row: PrettyRow; details: string[] }> {
  const details = rowDetails(stdout);
  const blocks = new Map<string, { row: PrettyRow; details: string[] }>();
  for (const row of prettyRows(stdout))
    if (row.mark !== '✓') blocks.set(row.row, { row, details: details.get(row.row) ?? [] });
  return blocks;
}

describe('rerun commands', () => {
  const flags = ['--seed', '7', '--trials', '4', '--atol', '1e-9'];
  let run: CliResult;
  let commands: string[];
  beforeAll(() => {
    run = runCli(['check', 'test/fixtures/e2e/quoted-names.yaml', 'test/fixtures/e2e/unnamed-claims.yaml', ...flags]);
    commands = rerunCommands(run.stdout);
  });

  it('are printed once per failed claim, carrying the seed, trials and tolerance of the run', () => {
    expect(run.code).toBe(1);
    expect(commands).toHaveLength(3);
    for (const c of commands) {
      expect(c).toMatch(/^mcheck check test\/fixtures\/e2e\/\S+\.yaml --claim .+ --seed 7 /);
      expect(c).toContain('--trials 4');
      expect(c).toContain('--atol 1e-9');
    }
  });

  it('quote claim names with quotes, spaces and shell characters', () => {
    expect(commands[0]).toContain(`--claim 'd(x'\\''Ax)/dx = 2 A x'`);
    expect(commands[1]).toContain(`--claim 'it'\\''s $HOME & (friends)'`);
    expect(commands[2]).toContain(`--claim 'e2e-unnamed-claims#2'`);
  });

  it('when run in a shell, fail again with exit 1 and the very same row, numbers and reason', () => {
    const original = failureBlocks(run.stdout);
    expect(original.size).toBe(3);
    for (const command of commands) {
      const again = runShell(command);
      expect(stackTraceSigns(again), command).toEqual([]);
      expect(again.code, command).toBe(1);
      const rows = prettyRows(again.stdout);
      expect(rows, command).toHaveLength(1);
      const [row] = rows;
      const before = original.get(row!.row);
      expect(before, `${row!.row} was not a failure of the first run`).toBeDefined();
      const after = failureBlocks(again.stdout).get(row!.row)!;
      // Row padding depends on the longest row of the run, so compare the fields, then the details.
      const first = before!.row;
      expect([row!.mark, row!.abs, row!.rel, row!.trials], command).toEqual([
        first.mark,
        first.abs,
        first.rel,
        first.trials,
      ]);
      // Same reason (and hints, and place); the rerun line may narrow the run further (e.g. to one trial).
      expect(after.details.slice(0, -1), command).toEqual(before!.details.slice(0, -1));
      expect(after.details.at(-1), command).toMatch(/^ {5}rerun: mcheck check /);
      expect(lastLine(again.stdout)).toBe('0 passed, 1 failed');
    }
  });
});

describe('rerun of a failure found on a later trial', () => {
  it('replays that trial: exit 1, the same errors and the same reason', () => {
    const file = 'test/fixtures/e2e/late-failure.yaml';
    const run = runCli(['check', file, '--seed', '3']);
    expect(run.code).toBe(1);
    const failures = [...failureBlocks(run.stdout).values()].sort((a, b) => b.row.trials - a.row.trials);
    const late = failures[0]!;
    // Eight claims that each fail on their first draw with n = 2: at least one does so after trial 1.
    expect(late.row.trials, late.row.text).toBeGreaterThanOrEqual(2);
    const command = late.details.at(-1)!.replace(/^\s+rerun: /, '');
    const again = runShell(command);
    expect(stackTraceSigns(again), command).toEqual([]);
    expect(again.code, command).toBe(1);
    const replayed = [...failureBlocks(again.stdout).values()];
    expect(
      replayed.map((b) => b.row.row),
      command,
    ).toEqual([late.row.row]);
    expect([replayed[0]!.row.abs, replayed[0]!.row.rel], command).toEqual([late.row.abs, late.row.rel]);
    expect(replayed[0]!.details.slice(0, -1), command).toEqual(late.details.slice(0, -1));
  });
});
