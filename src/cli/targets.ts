import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { REPORTERS } from '../report/reporters.js';
import { writeWhole } from '../util/write-whole.js';

/** Where one reporter's output goes: the terminal (file null) or a file. */
export interface ReporterTarget {
  readonly name: string;
  readonly file: string | null;
}

/** `--reporter NAME` or `--reporter NAME=FILE`. */
export function parseTarget(value: string): ReporterTarget {
  const eq = value.indexOf('=');
  const name = eq < 0 ? value : value.slice(0, eq);
  const file = eq < 0 ? null : value.slice(eq + 1);
  if (!Object.hasOwn(REPORTERS, name)) {
    throw new InvalidArgumentError(
      `unknown reporter "${name}" (choose from ${Object.keys(REPORTERS).join(', ')}; NAME=FILE writes to a file).`,
    );
  }
  if (file === '') throw new InvalidArgumentError(`a file name is missing after "${name}=".`);
  return { name, file };
}

/** Collects repeated --reporter options. */
export function collectTargets(value: string, previous: ReporterTarget[] | undefined): ReporterTarget[] {
  return [...(previous ?? []), parseTarget(value)];
}

/** The first of `values` (the config's `reporters`) that is not NAME or NAME=FILE, with why; or null. */
export function firstBadTarget(values: readonly string[]): { index: number; message: string } | null {
  for (const [index, value] of values.entries()) {
    try {
      parseTarget(value);
    } catch (error) {
      return { index, message: (error as Error).message };
    }
  }
  return null;
}

/**
 * Writes a report file whole or not at all (see writeWhole), making its folder first, as CI
 * configurations expect of `--reporter html=reports/mcheck.html`. Returns why it failed, or null.
 */
export function writeReport(file: string, text: string): string | null {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeWhole(file, text);
    return null;
  } catch (error) {
    return `cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
  }
}
