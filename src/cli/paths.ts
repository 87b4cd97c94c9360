import { UserError } from '../errors.js';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative, isAbsolute } from 'node:path';

/**
 * The package's root folder: the nearest folder above this module with mcheck's package.json
 * (this module is dist/cli/paths.js, src/cli/paths.ts under tests, or inside dist/mcheck.cjs).
 */
function findPackage(): { root: string; version: string } {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    const pkg = existsSync(candidate)
      ? (JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string })
      : null;
    if (pkg?.name === 'mcheck') return { root: dir, version: pkg.version ?? '0.0.0' };
    const parent = dirname(dir);
    if (parent === dir) throw new Error('mcheck: cannot find its own package.json');
    dir = parent;
  }
}

/** Found once, when the CLI loads: every command needs the version, and `all` the root. */
const PACKAGE = findPackage();
const PACKAGE_ROOT = PACKAGE.root;

/** The version in package.json. */
export function packageVersion(): string {
  return PACKAGE.version;
}

/** The identities shipped with the package. */
export const BUNDLED_IDENTITIES = join(PACKAGE_ROOT, 'identities');

/** The folder of the running mcheck's package.json (what `init --vendor` packs). */
export function packageRoot(): string {
  return PACKAGE_ROOT;
}

/** The bundled set, shown relative to the working directory when inside it. */
export function bundledDir(cwd: string): string {
  const rel = relative(cwd, BUNDLED_IDENTITIES);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : BUNDLED_IDENTITIES;
}

/**
 * The folder `mcheck all` (and `list`) checks: --bundled's, else --dir's (or the config's), else
 * ./identities. There is no silent fallback to the bundled set: a student whose folder is
 * missing would read its verdicts as their own.
 */
export function specFolder(cwd: string, choice: { dir: string | null; bundled: boolean }): string {
  if (choice.bundled) return bundledDir(cwd);
  if (choice.dir !== null) return choice.dir;
  if (existsSync(join(cwd, 'identities'))) return 'identities';
  throw new UserError(
    `there is no identities folder here (looked for ${join(cwd, 'identities')}). Point mcheck at your specs with --dir DIR (or "dir" in mcheck.config.json), check files with mcheck check FILE..., create a first spec with mcheck init, or check the bundled hint-sheet set with --bundled`,
  );
}

/**
 * The folder of the spec cache: `node_modules/.cache/mcheck` in the nearest folder at or above
 * `cwd` that has a node_modules folder (where build tools keep their caches); null when none has.
 */
export function cacheDir(cwd: string): string | null {
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules'))) return join(dir, 'node_modules', '.cache', 'mcheck');
    if (dirname(dir) === dir) return null;
  }
}

/**
 * This build of mcheck, when it runs as the bundled CLI: the version and the bundle's size and
 * time, so a rebuilt CLI never reads an older cache. Null when running from separate modules
 * (tests, the library), whose code can change without this file changing: they parse every time.
 */
export function buildStamp(): string | null {
  const code = fileURLToPath(import.meta.url);
  if (!code.endsWith('.cjs')) return null;
  const stat = statSync(code);
  return `${PACKAGE.version}:${stat.size}:${stat.mtimeMs}`;
}
