import { renameSync, writeFileSync, unlinkSync } from 'node:fs';
import { InvalidArgumentError } from 'commander';
import { REPORTERS } from '../report/reporters.js';

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

/**
 * Writes a report file whole or not at all: to a temporary file beside it, then renamed, so a
 * reader never sees half a report. Returns an error message, or null.
 */
export function writeWhole(file: string, text: string): string | null {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, file);
    return null;
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      /* nothing was written */
    }
    return `cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
  }
}
