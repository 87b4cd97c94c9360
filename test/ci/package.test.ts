import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANSI, REPO_ROOT } from '../helpers/run-cli.js';
import { listedClaimCount, tempDir } from './ci-helpers.js';

// The package as a user gets it: `npm pack`, installed from the tarball into an empty project
// (dependencies from the npm registry), then run with npx. Slow: several minutes at most.

const TIMEOUT = 300_000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of a user's shell: no test-only variables, nothing inherited from an npm script. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (
      k.startsWith('npm_') ||
      k.startsWith('VITEST') ||
      ['FORCE_COLOR', 'NO_COLOR', 'GITHUB_ACTIONS', 'MCHECK_DEBUG', 'INIT_CWD', 'NODE_OPTIONS'].includes(k)
    )
      continue;
    env[k] = v;
  }
  // npm and npx are found beside the node running the tests.
  env.PATH = `${dirname(process.execPath)}:${env.PATH ?? ''}`;
  return env;
}

function sh(command: string, args: readonly string[], cwd: string): Run {
  const r = spawnSync(command, args, { cwd, env: userEnv(), encoding: 'utf8', timeout: TIMEOUT });
  if (r.error !== undefined) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function ok(r: Run, what: string): Run {
  if (r.code !== 0) throw new Error(`${what} exited ${r.code}:\n${r.stdout}\n${r.stderr}`);
  return r;
}

const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

let tarball: string;
let entries: string[];
let project: string;
const made: string[] = [];

beforeAll(() => {
  const packDir = tempDir('pack');
  made.push(packDir);
  // --ignore-scripts: `prepare` would rebuild dist/ while the other test files run the CLI from it.
  // The suite is run after `npm run build`, so dist/ is current.
  const pack = ok(sh('npm', ['pack', '--ignore-scripts', '--pack-destination', packDir], REPO_ROOT), 'npm pack');
  const name = pack.stdout.trim().split('\n').at(-1)!.trim();
  tarball = join(packDir, name);
  expect(existsSync(tarball), `${tarball} (npm pack printed ${name})`).toBe(true);
  entries = ok(sh('tar', ['tzf', tarball], packDir), 'tar tzf')
    .stdout.split('\n')
    .filter((l) => l !== '');

  project = tempDir('project');
  made.push(project);
  ok(sh('npm', ['init', '-y'], project), 'npm init -y');
  ok(sh('npm', ['install', '--no-audit', '--no-fund', tarball], project), `npm install ${tarball}`);
}, TIMEOUT);

// The project holds a whole node_modules: do not leave one behind on every run.
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('the npm package', () => {
  it(
    'holds the CLI, its entry point, the schema and the bundled identities',
    () => {
      for (const f of [
        'package/package.json',
        'package/bin/mcheck.js',
        'package/dist/cli/main.js',
        'package/dist/mcheck.schema.json',
        'package/dist/index.js',
      ]) {
        expect(entries).toContain(f);
      }
      const identities = readdirSync(join(REPO_ROOT, 'identities')).filter((f) => f.endsWith('.yaml'));
      expect(identities.length).toBeGreaterThan(0);
      for (const f of identities) expect(entries).toContain(`package/identities/${f}`);
    },
    TIMEOUT,
  );

  it(
    'holds no tests, no sources and no dependencies',
    () => {
      expect(entries.length).toBeGreaterThan(0);
      expect(entries.filter((e) => e.startsWith('package/test/'))).toEqual([]);
      expect(entries.filter((e) => e.startsWith('package/src/'))).toEqual([]);
      expect(entries.filter((e) => e.startsWith('package/node_modules/'))).toEqual([]);
      expect(entries.filter((e) => /\.ts$/.test(e) && !e.endsWith('.d.ts'))).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'installs a working `mcheck` binary',
    () => {
      const v = ok(sh('npx', ['mcheck', '--version'], project), 'npx mcheck --version');
      expect(v.stdout.trim()).toBe(VERSION);
    },
    TIMEOUT,
  );

  it(
    '`npx mcheck all` in an empty project is a usage error; `--bundled` checks the bundled set, and everything passes',
    () => {
      const none = sh('npx', ['mcheck', 'all'], project);
      expect(none.code, none.stdout).toBe(2);
      expect(none.stderr).toMatch(
        /there is no identities folder here \(looked for .*identities\)\..*--dir DIR.*--bundled/,
      );
      expect(none.stdout).toBe('');

      const list = ok(sh('npx', ['mcheck', 'list', 'node_modules/mcheck/identities'], project), 'npx mcheck list');
      const m = /(\d+) claims?\b/.exec(list.stdout.trim().split('\n').at(-1)!);
      expect(m, list.stdout).not.toBeNull();
      const claims = Number(m![1]);
      // The bundled set is the repository's identities/ folder.
      expect(claims).toBe(listedClaimCount(['identities']));

      const all = sh('npx', ['mcheck', 'all', '--bundled'], project);
      expect(all.code, `${all.stdout}\n${all.stderr}`).toBe(0);
      const last = all.stdout.trim().split('\n').at(-1)!;
      const s = /^(\d+) passed, 0 failed$/.exec(last);
      expect(s, last).not.toBeNull();
      const passed = Number(s![1]);
      expect(passed).toBeGreaterThanOrEqual(20);
      expect(passed).toBe(claims);
      // Piped output has no colour, and stderr stays quiet.
      expect(all.stdout).not.toMatch(ANSI);
      expect(all.stderr).toBe('');
    },
    TIMEOUT,
  );

  it(
    '`npx mcheck init` scaffolds the project, and `npx mcheck all` then passes on the example spec',
    () => {
      const init = ok(sh('npx', ['mcheck', 'init'], project), 'npx mcheck init');
      expect(init.stdout).toMatch(/created\s+identities\/example\.yaml/);
      // npm init -y wrote a package.json, and it depends on mcheck already: only the script is added.
      expect(init.stdout).toMatch(/updated\s+package\.json \(added scripts\.check = mcheck all\)/);

      const list = ok(sh('npx', ['mcheck', 'list'], project), 'npx mcheck list');
      const claims = Number(/(\d+) claims?\b/.exec(list.stdout.trim().split('\n').at(-1)!)![1]);
      expect(list.stdout).toContain('identities/example.yaml');

      const all = sh('npx', ['mcheck', 'all'], project);
      expect(all.code, `${all.stdout}\n${all.stderr}`).toBe(0);
      expect(all.stdout.trim().split('\n').at(-1)).toBe(`${claims} passed, 0 failed`);
      expect(claims).toBeGreaterThan(0);

      const json = sh('npx', ['mcheck', 'all', '--reporter', 'json'], project);
      const report = JSON.parse(json.stdout) as { results: { file: string; status: string }[] };
      expect(new Set(report.results.map((r) => r.file))).toEqual(new Set(['identities/example.yaml']));
    },
    TIMEOUT,
  );

  it(
    'the schema the scaffolded files point editors to exists in the installed package',
    () => {
      const settings = JSON.parse(readFileSync(join(project, '.vscode/settings.json'), 'utf8')) as {
        'yaml.schemas': Record<string, unknown>;
      };
      const paths = Object.keys(settings['yaml.schemas']);
      expect(paths.length).toBeGreaterThan(0);
      for (const p of paths) expect(existsSync(resolve(project, p)), p).toBe(true);
      const first = readFileSync(join(project, 'identities/example.yaml'), 'utf8').split('\n')[0]!;
      const ref = /\$schema=(\S+)/.exec(first)![1]!;
      expect(existsSync(resolve(project, 'identities', ref)), ref).toBe(true);
    },
    TIMEOUT,
  );
});
