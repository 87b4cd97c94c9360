import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { REPO_ROOT, type CliResult, stackTraceSigns } from '../helpers/run-cli.js';
import { listedClaimCount, mcheck, runJson, tempDir } from './ci-helpers.js';

// `mcheck init [DIR]`: scaffolds a project that passes, never overwrites a file.

const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const FILES = [
  'identities/example.yaml',
  '.github/workflows/mcheck.yml',
  '.vscode/settings.json',
  '.gitignore',
  'package.json',
  `vendor/mcheck-${VERSION}.tgz`,
];

/** The line init prints for a file it created (the vendored tarball says what it is). */
const createdLine = (f: string): RegExp => new RegExp(`^\\s*created\\s+${f.replace(/\./g, '\\.')}( \\(.*\\))?$`, 'm');

/** Every file under a folder, recursively, by relative path. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

interface Workflow {
  on: unknown;
  jobs: Record<string, { steps: { uses?: string; run?: string; if?: string; with?: Record<string, unknown> }[] }>;
}

describe('mcheck init in an empty folder', () => {
  let dir: string;
  let run: CliResult;
  beforeAll(() => {
    dir = tempDir('init');
    run = mcheck(['init'], { cwd: dir });
  });

  it('exits 0 and creates exactly its files, saying so for each', () => {
    expect(run.code).toBe(0);
    expect(stackTraceSigns(run)).toEqual([]);
    expect(tree(dir)).toEqual([...FILES].sort());
    for (const f of FILES) expect(run.stdout).toMatch(createdLine(f));
    expect(run.stdout).toMatch(/npx mcheck all/);
  });

  it('makes a project whose `mcheck all` passes, on the example spec', () => {
    const { run: all, report } = runJson(['all'], { cwd: dir });
    expect(all.code).toBe(0);
    expect(report.summary.failed + report.summary.errors).toBe(0);
    expect(report.results.length).toBe(listedClaimCount([], { cwd: dir }));
    expect(report.results.length).toBeGreaterThan(0);
    expect(new Set(report.results.map((r) => r.file))).toEqual(new Set(['identities/example.yaml']));
    // And the pretty report as a user sees it.
    const pretty = mcheck(['all'], { cwd: dir });
    expect(pretty.code).toBe(0);
    expect(pretty.stdout.trim().split('\n').at(-1)).toBe(`${report.results.length} passed, 0 failed`);
  });

  it('writes a package.json that depends on this mcheck, packed into vendor/', () => {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      devDependencies?: Record<string, string>;
      scripts?: Record<string, string>;
    };
    expect(pkg.devDependencies?.mcheck).toBe(`file:vendor/mcheck-${VERSION}.tgz`);
    expect(Object.values(pkg.scripts ?? {}).some((s) => /\bmcheck all\b/.test(s))).toBe(true);
  });

  it('writes a workflow that runs the installed mcheck (npx --no-install) with JUnit and HTML reports and uploads them', () => {
    const wf = parseYaml(readFileSync(join(dir, '.github/workflows/mcheck.yml'), 'utf8')) as Workflow;
    const triggers = JSON.stringify(wf.on);
    expect(triggers).toContain('push');
    expect(triggers).toContain('pull_request');
    const steps = Object.values(wf.jobs).flatMap((j) => j.steps);
    const check = steps.find((s) => s.run?.includes('mcheck all'));
    expect(check, 'a step running mcheck all').toBeDefined();
    // Never a package fetched by its name: whoever published one called mcheck would run here.
    expect(check!.run).toMatch(/^npx --no-install mcheck all /);
    const junit = /--reporter[ =]junit=(\S+)/.exec(check!.run!);
    expect(junit, check!.run).not.toBeNull();
    const report = junit![1]!;
    const html = /--reporter[ =]html=(\S+)/.exec(check!.run!);
    expect(html, check!.run).not.toBeNull();
    // The dependencies are installed before mcheck runs.
    const install = steps.findIndex((s) => /\bnpm (install|ci)\b/.test(s.run ?? ''));
    expect(install).toBeGreaterThanOrEqual(0);
    expect(install).toBeLessThan(steps.indexOf(check!));
    // The report is uploaded, also when the check step failed.
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact'));
    expect(upload, 'an upload-artifact step').toBeDefined();
    expect(String(upload!.with?.path).trim().split('\n')).toEqual([report, html![1]!]);
    expect(upload!.if).toMatch(/always\(\)|failure\(\)/);
    expect(steps.indexOf(upload!)).toBeGreaterThan(steps.indexOf(check!));
  });

  it('writes a workflow whose check command really writes the reports it uploads', () => {
    const wf = parseYaml(readFileSync(join(dir, '.github/workflows/mcheck.yml'), 'utf8')) as Workflow;
    const steps = Object.values(wf.jobs).flatMap((j) => j.steps);
    const command = steps.find((s) => s.run?.includes('mcheck all'))!.run!;
    const args = command.trim().split(/\s+/).slice(3); // drop `npx --no-install mcheck`
    const copy = tempDir('init-wf');
    mcheck(['init'], { cwd: copy });
    const res = mcheck(args, { cwd: copy, env: { GITHUB_ACTIONS: 'true' } });
    expect(res.code).toBe(0);
    const uploaded = String(steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))!.with?.path);
    const [xml, html] = uploaded.trim().split('\n');
    expect(readFileSync(join(copy, xml!), 'utf8')).toMatch(/^<\?xml/);
    expect(readFileSync(join(copy, html!), 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('wires the editor to the schema the package ships', () => {
    const settings = JSON.parse(readFileSync(join(dir, '.vscode/settings.json'), 'utf8')) as {
      'yaml.schemas'?: Record<string, string[]>;
    };
    const schemas = Object.entries(settings['yaml.schemas'] ?? {});
    expect(schemas.length).toBeGreaterThan(0);
    for (const [path, globs] of schemas) {
      expect(path).toMatch(/node_modules\/mcheck\/(.+)$/);
      // The referenced file is one the package ships (files: dist), and one the build writes.
      const inPackage = /node_modules\/mcheck\/(.+)$/.exec(path)![1]!;
      expect(existsSync(join(REPO_ROOT, inPackage))).toBe(true);
      expect(globs.some((g) => g.startsWith('identities/'))).toBe(true);
    }
    const first = readFileSync(join(dir, 'identities/example.yaml'), 'utf8').split('\n')[0]!;
    const m = /\$schema=(\S+)/.exec(first);
    expect(m).not.toBeNull();
    expect(m![1]!.replace(/^\.\.\//, '')).toBe(schemas[0]![0].replace(/^\.\//, ''));
  });
});

describe('mcheck init in a folder that has the files already', () => {
  it('overwrites nothing, says that it kept each file, and exits 0', () => {
    const dir = tempDir('init-again');
    expect(mcheck(['init'], { cwd: dir }).code).toBe(0);
    const mine = new Map<string, string>();
    for (const f of FILES) {
      const text = `${readFileSync(join(dir, f), 'utf8')}\n# changed by the user: ${f}\n`;
      writeFileSync(join(dir, f), text);
      mine.set(f, text);
    }
    const again = mcheck(['init'], { cwd: dir });
    expect(again.code).toBe(0);
    for (const f of FILES) {
      expect(readFileSync(join(dir, f), 'utf8')).toBe(mine.get(f));
      expect(again.stdout).toMatch(new RegExp(`^\\s*kept\\s+${f.replace(/\./g, '\\.')}\\b`, 'm'));
    }
    expect(again.stdout).not.toMatch(/created/);
    expect(tree(dir)).toEqual([...FILES].sort());
  });

  it('creates the missing files, and adds mcheck to an existing package.json, touching nothing else', () => {
    const dir = tempDir('init-partial');
    writeFileSync(join(dir, 'package.json'), '{\n    "name": "mine",\n    "scripts": { "test": "jest" }\n}\n');
    const run = mcheck(['init'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))).toEqual({
      name: 'mine',
      scripts: { test: 'jest', check: 'mcheck all' },
      devDependencies: { mcheck: `file:vendor/mcheck-${VERSION}.tgz` },
    });
    // Its own indentation is kept.
    expect(readFileSync(join(dir, 'package.json'), 'utf8')).toMatch(/^ {4}"name"/m);
    expect(run.stdout).toMatch(
      /^\s*updated\s+package\.json \(added devDependencies\.mcheck = file:vendor\/mcheck-.*\.tgz and scripts\.check = mcheck all\)$/m,
    );
    for (const f of FILES.filter((x) => x !== 'package.json')) {
      expect(existsSync(join(dir, f))).toBe(true);
      expect(run.stdout).toMatch(createdLine(f));
    }
  });
});

describe('mcheck init DIR', () => {
  it('creates the project in DIR (relative), whose `mcheck all` passes', () => {
    const dir = tempDir('init-dir');
    const run = mcheck(['init', 'some/dir'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(tree(join(dir, 'some/dir'))).toEqual([...FILES].sort());
    expect(tree(dir)).toEqual(FILES.map((f) => `some/dir/${f}`).sort());
    for (const f of FILES) expect(run.stdout).toContain(`some/dir/${f}`);
    expect(run.stdout).toContain('cd some/dir');
    const all = mcheck(['all'], { cwd: join(dir, 'some/dir') });
    expect(all.code).toBe(0);
  });

  it('creates the project in DIR when DIR is an absolute path', () => {
    const cwd = tempDir('init-abs-cwd');
    const target = join(tempDir('init-abs-target'), 'project');
    expect(isAbsolute(target)).toBe(true);
    const run = mcheck(['init', target], { cwd });
    expect(run.code).toBe(0);
    expect(existsSync(join(target, 'identities/example.yaml'))).toBe(true);
    // Nothing is written under the working directory.
    expect(tree(cwd)).toEqual([]);
  });
});
