import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import type { Io } from './io.js';
import { packageRoot, packageVersion } from './paths.js';
import { addToPackageJson, newPackageJson } from './package-json.js';
import { scaffoldFiles } from './scaffold.js';

/** Where mcheck comes from in the new project: `--from SPEC`, else a vendored tarball. */
export interface InitOptions {
  /** An npm dependency spec: `github:OWNER/REPO#TAG`, a tarball URL, a path; null to vendor. */
  readonly from: string | null;
}

/** A project being set up: where it is, and how to name its files in messages. */
interface Project {
  readonly root: string;
  readonly io: Io;
  readonly cwd: string;
}

const shown = (p: Project, path: string): string => relative(p.cwd, join(p.root, path)) || path;

/** Writes a file unless it exists; says which. False when it could not be written. */
function create(p: Project, path: string, contents: string | Buffer): boolean {
  const target = join(p.root, path);
  if (existsSync(target)) {
    p.io.stdout(`  kept     ${shown(p, path)} (already exists)\n`);
    return true;
  }
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, contents, { flag: 'wx' });
    p.io.stdout(`  created  ${shown(p, path)}\n`);
    return true;
  } catch (error) {
    p.io.stderr(
      `mcheck: cannot create ${shown(p, path)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`,
    );
    return false;
  }
}

/**
 * Packs the running mcheck into vendor/mcheck-VERSION.tgz of the project (npm pack, without its
 * scripts: an installed mcheck has no sources to build), so that the project installs it from its
 * own files: no registry package of that name is ever fetched. Returns the dependency spec, or
 * null when packing failed (and says why).
 */
function vendor(p: Project): string | null {
  const name = `mcheck-${packageVersion()}.tgz`;
  const path = `vendor/${name}`;
  if (existsSync(join(p.root, path))) {
    p.io.stdout(`  kept     ${shown(p, path)} (already exists)\n`);
    return `file:${path}`;
  }
  mkdirSync(join(p.root, 'vendor'), { recursive: true });
  // Required here, not imported: the bundle stands a lazy stub in for node:child_process (see
  // child-process-on-demand.cjs), and init is the one command that runs a process.
  const { spawnSync } = createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');
  const pack = spawnSync(
    'npm',
    ['pack', '--ignore-scripts', '--silent', '--pack-destination', join(p.root, 'vendor'), packageRoot()],
    {
      encoding: 'utf8',
    },
  );
  if (pack.status !== 0 || !existsSync(join(p.root, path))) {
    p.io.stderr(
      `mcheck: cannot pack mcheck into ${shown(p, path)}: ${(pack.stderr || pack.error?.message || 'npm pack failed').trim()}\n`,
    );
    return null;
  }
  p.io.stdout(`  created  ${shown(p, path)} (this mcheck, packed: the project installs it from here)\n`);
  return `file:${path}`;
}

/** Creates package.json, or adds mcheck and a check script to the one there, saying which. */
function writePackageJson(p: Project, dependency: string): boolean {
  const target = join(p.root, 'package.json');
  if (!existsSync(target)) return create(p, 'package.json', newPackageJson(dependency));
  const edit = addToPackageJson(readFileSync(target, 'utf8'), dependency);
  if (edit.text !== null) writeFileSync(target, edit.text);
  p.io.stdout(`  ${edit.text === null ? 'kept   ' : 'updated'}  ${shown(p, 'package.json')} (${edit.said})\n`);
  return true;
}

/**
 * `mcheck init [DIR] [--from SPEC]`: writes a passing example spec, a GitHub Actions workflow
 * with a JUnit report, editor wiring for the schema, and mcheck as a dev dependency: from SPEC,
 * else from a tarball of this mcheck packed into vendor/. Never overwrites a file: an existing
 * one is kept (package.json gains only what it lacks), and each is reported. Returns the exit
 * code.
 */
export function initCommand(dir: string, options: InitOptions, io: Io, cwd: string): number {
  const p: Project = { root: resolve(cwd, dir), io, cwd };
  const dependency = options.from ?? vendor(p);
  let ok = dependency !== null;
  for (const [path, contents] of scaffoldFiles()) ok = create(p, path, contents) && ok;
  if (dependency !== null) ok = writePackageJson(p, dependency) && ok;
  if (ok) io.stdout(`\nNext: ${dir === '.' ? '' : `cd ${dir} && `}npm install && npx mcheck all\n`);
  return ok ? 0 : 2;
}
