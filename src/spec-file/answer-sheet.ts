import * as z from 'zod';
import { Expr, SpecId } from './schema.js';
import type { Locate, SpecPath } from './document.js';
import type { Location } from './identity.js';
import type { SpecError } from './spec-error.js';
import { ResolveContext } from './resolve-context.js';
import { reportReservedKeys } from './resolve-spec.js';
import { validate } from './validate.js';
import type { Limits } from '../limits.js';

/**
 * The schema of an answer file: the question it answers, helpers, and one expression per claim
 * name. Strict, so a key that would change what is asked (vars, f, tolerance, ...) is an error of
 * the whole file.
 */
export const RawAnswers = z.strictObject({
  answers: SpecId.describe('The id of the question file these answers are for'),
  title: z.string().optional().describe('What the answers are, in words'),
  where: z
    .record(z.string(), Expr)
    .optional()
    .describe("Helpers computed after the question's where, which they may read; no name of the question"),
  claims: z.record(z.string(), Expr).describe('Claim name: its expect (rhs for an equal claim)'),
});

/** One expression of an answer file, not yet compiled: it needs the question's names. */
export interface AnswerEntry {
  readonly name: string;
  readonly source: string;
  readonly path: SpecPath;
}

/** An answer file that parsed: compiled against its question when the two are paired. */
export interface AnswerSheet {
  readonly file: string;
  /** The id of the question it answers. */
  readonly question: string;
  /** Where its `answers` key stands. */
  readonly location: Location;
  readonly where: readonly AnswerEntry[];
  readonly claims: readonly AnswerEntry[];
  /** A context that points into the file, for the errors found when pairing. */
  readonly context: (limits: Limits) => ResolveContext;
}

/** An answer file of a run: its sheet, or (when the file has errors) the question it names, if any. */
export interface AnswerFile {
  readonly file: string;
  readonly question: string | null;
  readonly sheet: AnswerSheet | null;
}

/** True when parsed data is an answer file rather than a spec: a mapping with an `answers` key. */
export function isAnswerData(data: unknown): boolean {
  return data !== null && typeof data === 'object' && !Array.isArray(data) && Object.hasOwn(data, 'answers');
}

/**
 * The question id an answer file names, read from its text when it does not parse, so that a
 * syntax error still costs that question's points rather than counting as no answer.
 */
export function answeredIdOf(text: string): string | null {
  const m = /^answers:[ \t]*["']?([a-z0-9]+(?:-[a-z0-9]+)*)["']?[ \t]*(?:#.*)?$/m.exec(text);
  return m === null ? null : m[1]!;
}

/** Validates an answer file's data; an error of its shape is an error of the whole file. */
export function resolveAnswerSheet(
  file: string,
  data: unknown,
  locate: Locate,
  limits: Limits,
): { readonly file: AnswerFile; readonly errors: readonly SpecError[] } {
  const ctx = new ResolveContext(file, locate, limits);
  const named = (data as { answers?: unknown }).answers;
  const question = typeof named === 'string' ? named : null;
  reportReservedKeys(ctx, data, []);
  const raw = validate(ctx, RawAnswers, data);
  const errors = ctx.errors.map((e) => (e.code === 'unrecognized_keys' ? { ...e, message: forbidden(e.message) } : e));
  if (raw === null || errors.length > 0) return { file: { file, question, sheet: null }, errors };
  const entries = (key: 'where' | 'claims') =>
    Object.entries(raw[key] ?? {}).map(([name, source]) => ({ name, source, path: [key, name] }));
  const sheet: AnswerSheet = {
    file,
    question: raw.answers,
    location: ctx.locate(['answers']),
    where: entries('where'),
    claims: entries('claims'),
    context: (l) => new ResolveContext(file, locate, l),
  };
  return { file: { file, question: raw.answers, sheet }, errors: [] };
}

/** An unknown key of an answer file, with why: answers cannot change what is asked. */
function forbidden(message: string): string {
  return `${message}; an answer file has only answers, title, where and claims (what is asked, such as vars, f or tolerance, belongs to the question)`;
}
