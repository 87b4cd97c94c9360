// "Use mcheck in your own repository", as the README gives it: from an empty folder to a passing
// `npx mcheck all`, offline from the vendored tarball; the workflow's commands as written; and a
// clone of that repository, which needs nothing but its own files and the npm cache.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { BIN, REPO_ROOT } from '../helpers/run-cli.js';
import { tempDir } from './ci-helpers.js';

const TIMEOUT = 180_000;
const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** The environment a user's shell has: none of npm's or vitest's variables; offline npm. */
function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('npm_') || k.startsWith('VITEST') || ['GITHUB_ACTIONS', 'INIT_CWD', 'NODE_OPTIONS'].includes(k))
      continue;
    env[k] = v;
  }
  env.PATH = `${dirname(process.execPath)}:${env.PATH ?? ''}`;
  // Offline: the other dependencies come from npm's cache, mcheck from the vendored tarball.
  return { ...env, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', ...extra };
}

function sh(command: string, cwd: string, extra: Record<string, string> = {}) {
  const r = spawnSync('sh', ['-c', command], { cwd, env: userEnv(extra), encoding: 'utf8', timeout: TIMEOUT });
  return { code: r.status, out: `${r.stdout}\n${r.stderr}`, stdout: r.stdout };
}

describe('mcheck in a repository of your own', () => {
  const project = tempDir('own-repo');
  made.push(project);

  it(
    'goes from an empty folder to a passing `npx mcheck all` with the README commands, offline',
    () => {
      const init = sh(`node ${BIN} init`, project);
      expect(init.code, init.out).toBe(0);
      const install = sh('npm install', project);
      expect(install.code, install.out).toBe(0);
      expect(existsSync(join(project, 'node_modules/mcheck/dist/mcheck.schema.json'))).toBe(true);
      const all = sh('npx --no-install mcheck all', project);
      expect(all.code, all.out).toBe(0);
      expect(all.stdout.trim().split('\n').at(-1)).toBe('2 passed, 0 failed');
    },
    TIMEOUT,
  );

  it(
    "runs the workflow's commands as written",
    () => {
      const wf = parseYaml(readFileSync(join(project, '.github/workflows/mcheck.yml'), 'utf8')) as {
        jobs: Record<string, { steps: { run?: string }[] }>;
      };
      const commands = Object.values(wf.jobs).flatMap((j) => j.steps.flatMap((s) => (s.run ? [s.run] : [])));
      expect(commands.length).toBeGreaterThanOrEqual(2);
      for (const command of commands) {
        const r = sh(command, project, { GITHUB_ACTIONS: 'true' });
        expect(r.code, `${command}\n${r.out}`).toBe(0);
      }
      expect(readFileSync(join(project, 'mcheck-report.xml'), 'utf8')).toMatch(/^<\?xml/);
      expect(readFileSync(join(project, 'mcheck-report.html'), 'utf8')).toMatch(/^<!doctype html>[\s\S]*class="katex"/);
    },
    TIMEOUT,
  );

  it(
    'works the same in a fresh clone of that repository',
    () => {
      const git = (args: string, cwd: string) => sh(`git -c user.name=t -c user.email=t@example.com ${args}`, cwd);
      expect(git('init -q', project).code).toBe(0);
      expect(git('add -A', project).code).toBe(0);
      expect(git('commit -qm init', project).code).toBe(0);
      const clone = tempDir('own-repo-clone');
      made.push(clone);
      const cloned = git(`clone -q ${project} repo`, clone);
      expect(cloned.code, cloned.out).toBe(0);
      const repo = join(clone, 'repo');
      // node_modules and the report are ignored; the vendored tarball is committed.
      expect(existsSync(join(repo, 'node_modules'))).toBe(false);
      expect(existsSync(join(repo, 'mcheck-report.xml'))).toBe(false);
      expect(existsSync(join(repo, 'mcheck-report.html'))).toBe(false);
      const install = sh('npm install', repo);
      expect(install.code, install.out).toBe(0);
      const all = sh('npx --no-install mcheck all', repo);
      expect(all.code, all.out).toBe(0);
    },
    TIMEOUT,
  );
});

// npm builds a git dependency by installing its dev dependencies and running `prepare` (the
// build). A bare clone of this repository's last commit stands in for the GitHub URL that
// `mcheck init --from github:OWNER/REPO#TAG` writes: what is committed must build and run.
describe.skipIf(!existsSync(join(REPO_ROOT, '.git')))('mcheck from a git URL', () => {
  it(
    'installs from a bare clone through prepare and checks the bundled set',
    () => {
      const dir = tempDir('git-url');
      made.push(dir);
      const bare = sh(`git clone -q --bare ${REPO_ROOT} mcheck.git`, dir);
      expect(bare.code, bare.out).toBe(0);
      const project = join(dir, 'project');
      const init = sh(`mkdir project && cd project && npm init -y > /dev/null`, dir);
      expect(init.code, init.out).toBe(0);
      const install = sh(`npm install --save-dev git+file://${join(dir, 'mcheck.git')}`, project, {
        npm_config_offline: 'false',
        npm_config_prefer_offline: 'true',
      });
      expect(install.code, install.out).toBe(0);
      expect(existsSync(join(project, 'node_modules/mcheck/dist/mcheck.cjs'))).toBe(true);
      const all = sh('npx --no-install mcheck all --bundled', project);
      expect(all.code, all.out).toBe(0);
      expect(all.stdout.trim().split('\n').at(-1)).toMatch(/^\d+ passed, 0 failed$/);
    },
    TIMEOUT,
  );
});
