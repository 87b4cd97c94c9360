import { lstatSync, readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { UserError } from '../errors.js';
import type { Limits } from '../limits.js';
import { parseSpecText } from '../spec-file/document.js';
import { type Loaded, SPEC_EXTENSIONS, findSpecFiles } from '../spec-file/load-identities.js';
import { isSystemError } from '../spec-file/system-error.js';
import { closest } from '../util/closest.js';
import { specFolder } from './paths.js';

/** The command-line arguments as paths to load, and what to say of those that name nothing. */
export interface Targets {
  readonly paths: readonly string[];
  /** The folder whose ids were looked up, or null when none was (or there is none). */
  readonly folder: string | null;
  /** By argument that is neither a path nor an id: the close ids, each with its file. */
  readonly guesses: ReadonlyMap<string, readonly string[]>;
}

/** Where ids are looked up: the folder `mcheck all` would check from `cwd` (`dir`: the config's). */
export interface IdFolder {
  readonly cwd: string;
  readonly dir: string | null;
}

/** Whether something is at `path`, a broken link included: then the argument is a path, whatever it names. */
function exists(path: string): boolean {
  // No file can have a NUL byte in its name; loading says why it is no path.
  if (path.includes('\u0000')) return true;
  try {
    lstatSync(path);
    return true;
  } catch (error) {
    if (!isSystemError(error)) throw error;
    // EACCES or ENOTDIR: a path that cannot be used, and loading says why; only ENOENT is nothing.
    return error.code !== 'ENOENT';
  }
}

/** The `id` of the spec in `file`, or null when it has none or cannot be read or parsed. */
function idOf(file: string, limits: Limits): string | null {
  try {
    if (statSync(file).size > limits.fileBytes) return null;
    const doc = parseSpecText(file, readFileSync(file, 'utf8'), limits, null);
    const data: unknown = doc.ok ? doc.data : null;
    const id = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).id : null;
    return typeof id === 'string' ? id : null;
  } catch (error) {
    if (!isSystemError(error)) throw error;
    return null;
  }
}

/** The ids of the specs in `folder` with their files; a repeated id keeps its first file, as a run does. */
function idsIn(folder: string, limits: Limits): Map<string, string> {
  const ids = new Map<string, string>();
  for (const file of findSpecFiles([folder]).files) {
    const id = idOf(file, limits);
    if (id !== null && !ids.has(id)) ids.set(id, file);
  }
  return ids;
}

/** The folder and its ids, looked up on the first call only. */
function lazyIds(where: IdFolder, limits: Limits): () => { folder: string | null; ids: Map<string, string> } {
  let looked: { folder: string | null; ids: Map<string, string> } | null = null;
  return () => {
    if (looked !== null) return looked;
    let folder: string | null = null;
    try {
      folder = specFolder(where.cwd, { dir: where.dir, bundled: false });
    } catch (error) {
      // No folder to look in (a usage error only for `all`): no argument is an id.
      if (!(error instanceof UserError)) throw error;
    }
    return (looked = { folder, ids: folder === null ? new Map() : idsIn(folder, limits) });
  };
}

/**
 * Resolves command-line arguments: one that exists is a path, always; one that does not but is
 * the id of a spec in the folder `mcheck all` checks (the id `mcheck list` prints) is that spec's
 * file; any other stays as given, for loading to report missing, with the ids close to it. The
 * folder is read only when an argument is not a path, so naming files costs nothing more.
 */
export function resolveTargets(args: readonly string[], where: IdFolder, limits: Limits): Targets {
  const lookUp = lazyIds(where, limits);
  const known = (): Map<string, string> => lookUp().ids;
  const guesses = new Map<string, string[]>();
  const paths = args.map((arg) => {
    if (exists(arg)) return arg;
    const file = known().get(arg);
    if (file !== undefined) return file;
    // `det-gradiant.yaml` is as near to det-gradient as `det-gradiant`.
    const word = SPEC_EXTENSIONS.has(extname(arg).toLowerCase()) ? arg.slice(0, -extname(arg).length) : arg;
    const near = closest(word, known().keys());
    if (near.length > 0)
      guesses.set(
        arg,
        near.map((id) => `${id} (${known().get(id)})`),
      );
    return arg;
  });
  // A guess means the folder was looked up.
  return { paths, folder: guesses.size > 0 ? lookUp().folder : null, guesses };
}

/** "a", "a or b", "a, b or c". */
function orList(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/**
 * `loaded` with a "did you mean" of close ids added to the "no such file" error of each argument
 * that named neither a path nor an id.
 */
export function withGuesses(loaded: Loaded, targets: Targets): Loaded {
  if (targets.guesses.size === 0) return loaded;
  const errors = loaded.errors.map((e) => {
    const near = e.code === 'not_found' ? targets.guesses.get(e.file) : undefined;
    if (near === undefined) return e;
    return { ...e, message: `${e.message}, nor the id of a spec in ${targets.folder}; did you mean ${orList(near)}?` };
  });
  return { ...loaded, errors };
}
