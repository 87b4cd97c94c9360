import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/run-cli.js';

const copy = mkdtempSync(join(tmpdir(), 'mcheck-build-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('the build', () => {
  it('never depends on a verdict: a failing spec in identities/ leaves `npm run build` (and so npm install) passing', () => {
    for (const f of ['package.json', 'tsconfig.json', 'src', 'bin', 'identities']) {
      cpSync(join(REPO_ROOT, f), join(copy, f), { recursive: true });
    }
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(copy, 'node_modules'));
    writeFileSync(
      join(copy, 'identities', 'a-wrong-one.yaml'),
      [
        'id: a-wrong-one',
        'vars:',
        '  x: { shape: [3] }',
        'claims:',
        '  - kind: gradient',
        "    f: x' * x",
        '    wrt: x',
        '    expect: x',
        '',
      ].join('\n'),
    );
    const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: copy, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    // The copy really holds a failing spec: its own `mcheck all` fails.
    const all = spawnSync('node', ['bin/mcheck.js', 'all'], { cwd: copy, encoding: 'utf8' });
    expect(all.status).toBe(1);
    expect(all.stdout).toMatch(/✗ a-wrong-one/);
  }, 120_000);
});
