import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { UserError } from '../errors.js';
import { parseSpecText, type SpecDocument } from '../spec-file/document.js';
import { describeIssue, dotPath } from '../spec-file/describe-issue.js';
import { formatPlace } from '../report/place.js';
import { OPTIONS } from './option-table.js';

/** Config file names looked for in the working directory, in this order. */
export const CONFIG_FILES = ['mcheck.config.json', 'mcheck.config.yaml', 'mcheck.config.yml'] as const;

/** Defaults for the commands, from the config file, by key; each valid for its option. */
export type Config = Readonly<Record<string, unknown>>;

const KEYS = OPTIONS.flatMap((entry) => (entry.config === null ? [] : [entry.config]));

/** The config file: the keys of the option table, each optional, nothing else. */
const SCHEMA = z.strictObject(Object.fromEntries(KEYS.map((k) => [k.key, k.schema.optional()])));

/** Why a file system call failed, in words: `permission denied` out of `EACCES: permission denied, open '…'`. */
function reasonOf(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return /^[A-Z]+: ([^,]+)/.exec(e.message)?.[1] ?? e.code ?? e.message;
}

/** The text of the config file `name`; a file that cannot be read is the user's to fix. */
function readConfigText(cwd: string, name: string): string {
  const path = join(cwd, name);
  let stat;
  try {
    stat = statSync(path);
    // Reading a FIFO would block, and a folder cannot be read: say so rather than try.
    if (stat.isFile()) return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UserError(`cannot read ${name}: ${reasonOf(error)}`);
  }
  throw new UserError(`cannot read ${name}: ${stat.isDirectory() ? 'it is a directory' : 'not a regular file'}`);
}

/** A bad config: the message, and where in the file. */
function badConfig(message: string, place: string): UserError {
  return new UserError(`bad config: ${message} → at ${place}`);
}

/** The valid config in `doc`, or the first problem, named with its place. */
function validConfig(name: string, doc: Extract<SpecDocument, { ok: true }>): Config {
  const parsed = SCHEMA.safeParse(doc.data, { reportInput: true });
  if (!parsed.success) {
    const d = describeIssue(parsed.error.issues[0]!);
    const { line, column } = doc.locate(d.path, d.asKey);
    throw badConfig(d.message, `${name}:${line}:${column}`);
  }
  const config: Config = parsed.data;
  for (const k of KEYS) {
    const problem = config[k.key] === undefined ? null : k.problem(config[k.key]);
    if (problem === null) continue;
    const path = [k.key, ...problem.path];
    const { line, column } = doc.locate(path);
    throw badConfig(`${dotPath(path)}: ${problem.message}`, `${name}:${line}:${column}`);
  }
  return config;
}

/**
 * The config of `mcheck.config.{json,yaml,yml}` in `cwd` (empty when there is none), loaded once
 * per command. A file that cannot be read or is not valid throws a UserError naming it.
 */
export function loadConfig(cwd: string): Config {
  const name = CONFIG_FILES.find((f) => existsSync(join(cwd, f)));
  if (name === undefined) return {};
  const doc = parseSpecText(name, readConfigText(cwd, name));
  if (!doc.ok) {
    const e = doc.errors[0]!;
    throw new UserError(`bad config: ${e.message} → at ${formatPlace(name, e.line, e.column)}`);
  }
  return validConfig(name, doc);
}
