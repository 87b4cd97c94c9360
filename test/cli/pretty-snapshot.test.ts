import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, stackTraceSigns } from '../helpers/run-cli.js';

// The whole pretty report of the wrong and the hints fixtures, pinned in files next to this test,
// so that any change of wording or layout shows up in review as a diff of those files. The pretty
// reporter prints no durations (only the JUnit reporter does), and with a fixed seed and
// `--workers 0` the numbers are the same on every run, so only two things need normalising.

const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * The report as pinned: the version of the header is `<version>`, so that a release does not
 * rewrite the snapshots, and the checkout's absolute path (should one ever be printed) is `<repo>`.
 */
function stable(stdout: string): string {
  return stdout.replaceAll(REPO_ROOT, '<repo>').replace(`mcheck ${VERSION} · `, 'mcheck <version> · ');
}

/** Runs `mcheck all` on a fixture folder as the snapshots were made, outside GitHub Actions. */
function report(dir: string): { code: number | null; text: string } {
  // Under GitHub Actions the CLI appends annotations to stdout; the snapshot is of the pretty report alone.
  const run = runCli(['all', '--dir', dir, '--seed', '42', '--workers', '0', '--no-color'], {
    env: { GITHUB_ACTIONS: undefined },
  });
  expect(run.stderr).toBe('');
  expect(stackTraceSigns(run)).toEqual([]);
  return { code: run.code, text: stable(run.stdout) };
}

describe('the pretty report, pinned', () => {
  it.each([
    ['test/fixtures/wrong', 'pretty-wrong.txt'],
    ['test/fixtures/hints', 'pretty-hints.txt'],
  ])('mcheck all --dir %s --seed 42 --workers 0 --no-color', async (dir, snapshot) => {
    const { code, text } = report(dir);
    expect(code).toBe(1);
    // Had the header changed form, the version would have leaked into the snapshot.
    expect(text.split('\n')[0]).toMatch(/^mcheck <version> · seed 42 · full mode · \d+ files in test\/fixtures\/\w+$/);
    await expect(text).toMatchFileSnapshot(join('__snapshots__', snapshot));
  });
});
