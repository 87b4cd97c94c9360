import { readFileSync, readdirSync, statSync } from 'node:fs';
import type { SpecCache } from './spec-cache.js';
import { join, extname, resolve } from 'node:path';
import type { SpecError, SpecErrorCode } from './spec-error.js';
import { isSystemError, systemReason } from './system-error.js';
import type { Identity } from './identity.js';
import { parseSpecText } from './document.js';
import { resolveSpec } from './resolve-spec.js';
import { answerQuestions } from './answer-questions.js';
import { type AnswerFile, answeredIdOf, isAnswerData, resolveAnswerSheet } from './answer-sheet.js';
import { DEFAULT_LIMITS, describeLimit, type Limits } from '../limits.js';

/** File endings read as specs. */
export const SPEC_EXTENSIONS: ReadonlySet<string> = new Set(['.yaml', '.yml', '.json']);

/** Files of a project that a folder walk passes over (named on the command line they still load). */
const NOT_SPECS =
  /^(package(-lock)?\.json|npm-shrinkwrap\.json|[tj]sconfig(\..*)?\.json|mcheck\.config\.(json|ya?ml)|pnpm-lock\.yaml|\.?[\w-]*lint[\w-]*\.(json|ya?ml))$/;

/** Identities that loaded, answer files, and errors for the files that did not load. */
export interface Loaded {
  readonly identities: readonly Identity[];
  /** Answer files (`answers: ID`), those with errors included: they still cost their question. */
  readonly answers: readonly AnswerFile[];
  readonly errors: readonly SpecError[];
}

/** One file, loaded: a spec's identity, or an answer file, or neither; and its errors. */
export interface LoadedFile {
  readonly identity: Identity | null;
  readonly answers: AnswerFile | null;
  readonly errors: readonly SpecError[];
}

/** An error of a whole file or folder: it has no place inside a spec. */
function specError(file: string, message: string, code: SpecErrorCode): SpecError {
  return { code, file, line: null, column: null, message, path: [] };
}

/**
 * Spec files below a directory, sorted, skipping hidden folders and node_modules. Only regular
 * files count (a FIFO named x.yaml would block a read forever); an unreadable folder is an error.
 */
function walk(dir: string, errors: SpecError[]): string[] {
  let entries;
  try {
    // By code units, not localeCompare: the same order everywhere, without loading a collator.
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
  } catch (error) {
    if (!isSystemError(error)) throw error;
    errors.push(specError(dir, `cannot read the folder: ${error.code}`, 'unreadable'));
    return [];
  }
  const out: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    // A link could show a file from anywhere (a course's hidden questions beside a submission)
    // as if it were part of the folder: folders are read only through their own entries.
    if (entry.isSymbolicLink()) {
      errors.push(specError(path, 'a symbolic link: folders are read without following links', 'link'));
      continue;
    }
    if (entry.isDirectory()) out.push(...walk(path, errors));
    else if (entry.isFile() && SPEC_EXTENSIONS.has(extname(entry.name).toLowerCase()) && !NOT_SPECS.test(entry.name))
      out.push(path);
  }
  return out;
}

/** Whether a path given by the user is a folder, or the error that says why it cannot be used. */
function examine(path: string): boolean | SpecError {
  // No system call takes a NUL byte (Node refuses it with a TypeError): it is no path at all.
  if (path.includes('\u0000')) return specError(path, 'not a valid path (it contains a NUL byte)', 'invalid_path');
  try {
    return statSync(path).isDirectory();
  } catch (error) {
    if (!isSystemError(error)) throw error;
    // Only ENOENT is a missing path; a folder without permission or a file used as a folder
    // (ENOTDIR) exists, and the user needs the real reason to fix it.
    return error.code === 'ENOENT'
      ? specError(path, 'no such file or directory', 'not_found')
      : specError(path, `cannot access the path: ${systemReason(error)}`, 'unreadable');
  }
}

/**
 * Expands files and directories into spec files. A path that does not exist or cannot be examined,
 * or a directory with no spec in it, is an error of its own; the other paths still load.
 */
export function findSpecFiles(paths: readonly string[]): { files: string[]; errors: SpecError[] } {
  const files: string[] = [];
  const errors: SpecError[] = [];
  for (const path of paths) {
    const isDir = examine(path);
    if (typeof isDir !== 'boolean') errors.push(isDir);
    else if (!isDir) files.push(path);
    else {
      const found = walk(path, errors);
      if (found.length === 0)
        errors.push(specError(path, 'no spec files (*.yaml, *.yml, *.json) in this directory', 'no_specs'));
      files.push(...found);
    }
  }
  // The same file named twice (`a.yaml`, `./a.yaml`, or inside a folder also given) runs once.
  const seen = new Set<string>();
  const unique = files.filter((f) => !seen.has(resolve(f)) && seen.add(resolve(f)));
  return { files: unique, errors };
}

/** A file that yields nothing but its errors. */
const failed = (errors: readonly SpecError[]): LoadedFile => ({ identity: null, answers: null, errors });

/** The text of a spec file, or why it cannot be read (too large, not a regular file). */
function readSpecText(file: string, limits: Limits): string | SpecError {
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return specError(file, 'not a regular file', 'not_a_file');
    // Refuse a huge file before reading it into memory.
    if (stat.size > limits.fileBytes)
      return specError(file, `the file is larger than ${describeLimit(limits, 'fileBytes')}`, 'too_large');
    return readFileSync(file, 'utf8');
  } catch (error) {
    if (!isSystemError(error)) throw error;
    return specError(file, `cannot read the file: ${error.code}`, 'unreadable');
  }
}

/**
 * Reads and resolves one file: a spec, or an answer file (a mapping with `answers`). Problems of
 * the file are errors; only a bug is thrown.
 */
export function loadSpecFile(
  file: string,
  limits: Limits = DEFAULT_LIMITS,
  cache: SpecCache | null = null,
): LoadedFile {
  const text = readSpecText(file, limits);
  if (typeof text !== 'string') return failed([text]);
  const doc = parseSpecText(file, text, limits, cache);
  if (!doc.ok) {
    const question = answeredIdOf(text);
    return question === null
      ? failed(doc.errors)
      : { identity: null, answers: { file, question, sheet: null }, errors: doc.errors };
  }
  if (isAnswerData(doc.data)) {
    const sheet = resolveAnswerSheet(file, doc.data, doc.locate, limits);
    return { identity: null, answers: sheet.file, errors: sheet.errors };
  }
  const resolved = resolveSpec(file, doc.data, doc.locate, limits);
  return resolved.ok
    ? { identity: resolved.identity, answers: null, errors: resolved.errors }
    : failed(resolved.errors);
}

/**
 * Loads every spec under `paths`, and completes each question with its answer file. Ids must be
 * unique within a run: a second file with an id already seen is an error, and the first keeps it.
 */
export function loadIdentities(
  paths: readonly string[],
  limits: Limits = DEFAULT_LIMITS,
  cache: SpecCache | null = null,
): Loaded {
  const loaded = loadFiles(paths, limits, cache);
  const answered = answerQuestions(loaded.identities, loaded.answers, limits);
  return { ...loaded, identities: answered.identities, errors: [...loaded.errors, ...answered.errors] };
}

/**
 * Loads every spec and answer file under `paths` as they are, questions left open (grading pairs
 * each submission's answers with the questions itself). Ids are unique as in {@link loadIdentities}.
 */
export function loadFiles(
  paths: readonly string[],
  limits: Limits = DEFAULT_LIMITS,
  cache: SpecCache | null = null,
): Loaded {
  const { files, errors } = findSpecFiles(paths);
  const identities: Identity[] = [];
  const answers: AnswerFile[] = [];
  const seen = new Map<string, Identity>();
  for (const file of files) {
    const loaded = loadSpecFile(file, limits, cache);
    errors.push(...loaded.errors);
    if (loaded.answers !== null) answers.push(loaded.answers);
    const identity = loaded.identity;
    if (identity === null) continue;
    const first = seen.get(identity.id);
    if (first !== undefined) {
      const { line, column } = identity.location;
      errors.push({
        code: 'duplicate_id',
        file,
        line,
        column,
        message: `id "${identity.id}" is already used by ${first.file}:${first.location.line}`,
        path: ['id'],
      });
      continue;
    }
    seen.set(identity.id, identity);
    identities.push(identity);
  }
  return { identities, answers, errors };
}
