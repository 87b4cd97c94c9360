/**
 * The code cache that bin/mcheck.js loads the bundle through: it must never run bytecode of
 * another build. V8 itself checks only the source's length, so a rebuild that keeps the length
 * is the case to test.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/run-cli.js';

const ORIGINAL = 'only one reporter can write to the terminal';
const CHANGED = 'ONLY ONE REPORTER CAN WRITE TO THE TERMINAL';

function copyOfPackage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mcheck-codecache-'));
  for (const part of ['bin', 'dist', 'package.json'])
    cpSync(join(REPO_ROOT, part), join(dir, part), { recursive: true });
  return dir;
}

const twoTerminalReporters = (dir: string): string =>
  spawnSync(process.execPath, [join(dir, 'bin', 'mcheck.js'), 'all', '--reporter', 'pretty', '--reporter', 'json'], {
    cwd: dir,
    encoding: 'utf8',
  }).stderr;

describe('the code cache', () => {
  it('is not used for a rebuilt bundle of the same length', () => {
    const dir = copyOfPackage();
    expect(twoTerminalReporters(dir)).toContain(ORIGINAL); // writes a cache for this bundle
    expect(twoTerminalReporters(dir)).toContain(ORIGINAL); // runs from it
    const bundle = join(dir, 'dist', 'mcheck.cjs');
    const source = readFileSync(bundle, 'utf8');
    expect(source).toContain(ORIGINAL);
    writeFileSync(bundle, source.replace(ORIGINAL, CHANGED));
    expect(readFileSync(bundle, 'utf8').length).toBe(source.length);
    expect(twoTerminalReporters(dir)).toContain(CHANGED);
  });
});
