import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Io } from './io.js';
import { packageVersion } from './paths.js';
import { scaffoldFiles } from './scaffold.js';

/**
 * `mcheck init [DIR]`: writes a passing example spec, a GitHub Actions workflow with a JUnit
 * report, editor wiring for the schema and (when there is none) a package.json. Never overwrites:
 * an existing file is left alone and reported. Returns the exit code.
 */
export function initCommand(dir: string, io: Io, cwd: string): number {
  const root = resolve(cwd, dir);
  let failed = false;
  for (const [path, contents] of scaffoldFiles(packageVersion())) {
    const target = join(root, path);
    const shown = relative(cwd, target) || path;
    if (existsSync(target)) {
      io.stdout(`  kept     ${shown} (already exists)\n`);
      continue;
    }
    try {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, contents, { flag: 'wx' });
      io.stdout(`  created  ${shown}\n`);
    } catch (error) {
      io.stderr(
        `mcheck: cannot create ${shown}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`,
      );
      failed = true;
    }
  }
  if (!failed) io.stdout(`\nNext: ${dir === '.' ? '' : `cd ${dir} && `}npm install && npx mcheck all\n`);
  return failed ? 2 : 0;
}
