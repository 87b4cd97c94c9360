import { normalize } from 'node:path';
import type { Limits } from '../../limits.js';
import { findSpecFiles, loadSpecFile } from '../../spec-file/load-identities.js';
import type { SpecCache } from '../../spec-file/spec-cache.js';
import type { SpecRole } from './paired-files.js';

/** Where the files to survey are, and how to read them. */
export interface SurveyScope {
  /** The watched files and folders. */
  readonly roots: readonly string[];
  readonly limits: Limits;
  readonly cache: SpecCache | null;
}

/**
 * The roles of the spec files a whole run of `roots` would load now (found by the same walk, so
 * a package.json, a hidden folder or a file that went is not among them): of those among `files`,
 * or of all of them (null), in the order the walk finds them.
 */
export function surveyRoles({ roots, limits, cache }: SurveyScope, files: readonly string[] | null): SpecRole[] {
  const wanted = files === null ? null : new Set(files.map((f) => normalize(f)));
  return findSpecFiles(roots)
    .files.filter((file) => wanted === null || wanted.has(normalize(file)))
    .map((file) => {
      const loaded = loadSpecFile(file, limits, cache);
      return { file, id: loaded.identity?.id ?? null, answers: loaded.answers?.question ?? null };
    });
}
