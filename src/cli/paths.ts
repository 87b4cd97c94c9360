import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative, isAbsolute } from 'node:path';

/** The package's root folder (this file is dist/cli/paths.js). */
const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The version in package.json. */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** The identities shipped with the package. */
export const BUNDLED_IDENTITIES = join(PACKAGE_ROOT, 'identities');

/**
 * The folder `mcheck all` checks when no --dir is given: ./identities in the working directory
 * when there is one, else the bundled set (shown relative to the working directory when inside it).
 */
export function defaultDir(cwd: string): string {
  if (existsSync(join(cwd, 'identities'))) return 'identities';
  const rel = relative(cwd, BUNDLED_IDENTITIES);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : BUNDLED_IDENTITIES;
}
