import type * as z from 'zod';
import type { SpecPath } from './document.js';

/**
 * The codes of the problems mcheck itself finds in spec files and paths, with what each means.
 * Kept as an object so that the list exists at run time (tests check every error against it) and
 * a code cannot be added to the type without a description.
 */
const MCHECK_CODES = {
  // Paths and files (load-identities.ts).
  not_found: 'a path that does not exist',
  invalid_path: 'a path that no system call accepts (it contains a NUL byte)',
  unreadable: 'a file or folder the system refuses to read or examine (permissions, a file used as a folder)',
  not_a_file: 'a path that is neither a regular file nor a folder',
  link: 'a symbolic link inside a folder: folders are read without following links',
  no_specs: 'a folder without spec files',
  too_large: 'a file larger than the file-size limit',
  duplicate_id: 'an id already used by another file of the run',
  // The text of a file (document.ts).
  binary: 'a file containing NUL bytes',
  syntax: 'a YAML (or JSON) syntax error, duplicate keys included',
  empty: 'a file with no document in it',
  aliases: 'more YAML aliases expanded than the aliases limit allows',
  unresolved_alias: 'a YAML alias whose anchor is not defined before it',
  // Names, shapes and expressions (resolve-*.ts).
  root: 'a file whose document is not a mapping',
  name: 'an invalid, reserved or already declared name',
  dims: 'an empty dims range',
  limit: 'a size over the dim limit',
  shape: 'a shape entry that is not a dims symbol',
  vars: 'no vars at all',
  sample: 'a square-only sample on a shape that is not always square',
  claim: 'a claim name used twice in one spec',
  wrt: 'a wrt that cannot be differentiated by',
  upstream: 'an invalid or already declared upstream name',
  expression: 'an expression that does not compile',
  answers: 'an answer file that cannot be paired: no such question, two for one question, a claim it cannot answer',
  tolerance: "a spec's own tolerance looser than the run's cap (--max-rtol, --max-atol)",
} as const;

/**
 * zod's issue codes, forwarded as they are by `describeIssue`. Typed as a record over zod's own
 * union, so an upgrade of zod that adds or removes a code fails to compile here.
 */
const ZOD_CODES: Readonly<Record<z.core.$ZodIssueCode, true>> = {
  invalid_type: true,
  too_big: true,
  too_small: true,
  invalid_format: true,
  not_multiple_of: true,
  unrecognized_keys: true,
  invalid_union: true,
  invalid_key: true,
  invalid_element: true,
  invalid_value: true,
  custom: true,
};

/** A code mcheck gives a problem it finds itself. */
export type McheckErrorCode = keyof typeof MCHECK_CODES;

/** The code of a spec error: one of mcheck's own, or the code of the zod issue it describes. */
export type SpecErrorCode = McheckErrorCode | z.core.$ZodIssueCode;

/** Every {@link SpecErrorCode}, for checks at run time. */
export const SPEC_ERROR_CODES: ReadonlySet<SpecErrorCode> = new Set<SpecErrorCode>([
  ...(Object.keys(MCHECK_CODES) as McheckErrorCode[]),
  ...(Object.keys(ZOD_CODES) as z.core.$ZodIssueCode[]),
]);

/** A problem with a spec file found before anything ran. */
export interface SpecError {
  readonly code: SpecErrorCode;
  readonly file: string;
  /** 1-based, or null when the problem has no place (an unreadable file). */
  readonly line: number | null;
  readonly column: number | null;
  readonly message: string;
  /**
   * The keys and list indices of the node that `line` and `column` point at, such as
   * `["claims", 1, "expect"]` (for a missing key, the mapping that lacks it). `[]` when the problem
   * has no place in the data: the file as a whole, or its text (a syntax error).
   */
  readonly path: SpecPath;
}
