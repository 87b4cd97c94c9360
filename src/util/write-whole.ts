import { renameSync, unlinkSync, writeFileSync } from 'node:fs';

/**
 * Writes `text` to `file` whole or not at all: to a temporary file beside it, then renamed, so a
 * reader (a CI step, a concurrent run) never sees half a file. The temporary name carries the
 * process id, so two runs writing the same file do not write into each other's temporary. On
 * failure the temporary file is removed and the error is thrown for the caller to judge.
 */
export function writeWhole(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing was written, or it is already gone.
    }
    throw error;
  }
}
