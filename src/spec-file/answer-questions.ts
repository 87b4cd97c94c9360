import type { Claim, Identity, OpenClaim, Unanswered, WhereSpec } from './identity.js';
import type { AnswerFile, AnswerSheet } from './answer-sheet.js';
import type { SpecError } from './spec-error.js';
import type { ResolveContext } from './resolve-context.js';
import { invalidName } from './names.js';
import type { Limits } from '../limits.js';

/** Questions completed by their answers, and the errors of answer files that could not be paired. */
export interface Answered {
  readonly identities: readonly Identity[];
  readonly errors: readonly SpecError[];
}

/** An error of an answer file at a place of it. */
function answerError(sheet: AnswerSheet | AnswerFile, message: string, line: number | null = null): SpecError {
  return { code: 'answers', file: sheet.file, line, column: line === null ? null : 1, message, path: [] };
}

/** A claim that is not checked, with the reason its row gives: it scores 0. */
function notGraded(claim: Claim | OpenClaim, unanswered: Unanswered): OpenClaim {
  if ('complete' in claim) return { ...claim, unanswered };
  const slot = claim.kind === 'equal' ? 'rhs' : 'expect';
  return { ...claim, slot, extraNames: new Set(), complete: () => claim, unanswered };
}

/** A question none of whose claims is checked (its answer file is broken, or it has two). */
function withNothingGraded(q: Identity, message: string): Identity {
  const unanswered = { status: 'error', message, notes: [] } as const;
  const open = [...q.claims, ...q.open].sort((a, b) => a.index - b.index).map((c) => notGraded(c, unanswered));
  return { ...q, claims: [], open };
}

/** A question that no answer file of the run answers: each open claim says so. */
function withNoAnswerFile(q: Identity): Identity {
  const note = `no answer file of the run says answers: ${q.id}`;
  const unanswered = { status: 'fail', message: 'no answer', notes: [note] } as const;
  return { ...q, open: q.open.map((c) => ({ ...c, unanswered })) };
}

/** The names a question declares: dims symbols, vars, where names. */
function namesOf(q: Identity): Set<string> {
  return new Set([...q.dims.map((d) => d.name), ...q.vars.map((v) => v.name), ...q.where.map((w) => w.name)]);
}

/** The answer's where helpers, compiled after the question's; a name of the question is refused. */
function answerWhere(ctx: ResolveContext, q: Identity, sheet: AnswerSheet): { where: WhereSpec[]; names: Set<string> } {
  const names = namesOf(q);
  const upstreams = new Set(q.open.flatMap((c) => [...c.extraNames]));
  for (const w of q.where) if (w.expr.complex) ctx.complexNames.add(w.name);
  for (const d of q.dims) ctx.dimsNames.add(d.name);
  const where: WhereSpec[] = [];
  for (const entry of sheet.where) {
    const invalid = invalidName(entry.name, 'where name');
    const reused =
      names.has(entry.name) || upstreams.has(entry.name)
        ? `where name "${entry.name}" is a name of the question ${q.id}; choose another`
        : null;
    if (invalid !== null || reused !== null) {
      ctx.error('name', (invalid ?? reused)!, entry.path, true);
      continue;
    }
    const expr = ctx.compile(entry.source, names, entry.path);
    names.add(entry.name);
    if (expr === null) continue;
    where.push({ name: entry.name, expr });
    if (expr.complex) ctx.complexNames.add(entry.name);
  }
  return { where, names };
}

/** What pairing does with one answer: completes an open claim, or says why it cannot. */
function answerClaim(ctx: ResolveContext, q: Identity, names: Set<string>, entry: AnswerSheet['claims'][number]) {
  const open = q.open.find((c) => c.name === entry.name);
  if (open === undefined) {
    const worked = q.claims.find((c) => c.name === entry.name);
    const list = [...q.claims, ...q.open]
      .sort((a, b) => a.index - b.index)
      .map((c) => c.name)
      .join(', ');
    ctx.error(
      'answers',
      worked
        ? `claims.${entry.name}: ${q.id}/${entry.name} is a worked example (the question gives its ${worked.kind === 'equal' ? 'rhs' : 'expect'}); it takes no answer`
        : `claims.${entry.name}: the question ${q.id} has no claim named "${entry.name}" (claims: ${list})`,
      entry.path,
      true,
    );
    return null;
  }
  // A compile error is the claim's own: its row says it (and scores 0); the file's other answers run.
  const before = ctx.errors.length;
  const expr = ctx.compile(entry.source, new Set([...names, ...open.extraNames]), entry.path);
  if (expr !== null) return open.complete(expr);
  const [error] = ctx.errors.splice(before);
  const at = `${error!.file}:${error!.line}:${error!.column}`;
  return {
    ...open,
    location: ctx.locate(entry.path),
    unanswered: { status: 'error', message: `${error!.message} (at ${at})`, notes: [] },
  } satisfies OpenClaim;
}

/** The question completed by one answer sheet. */
function answerQuestion(q: Identity, sheet: AnswerSheet, limits: Limits): { identity: Identity; errors: SpecError[] } {
  const ctx = sheet.context(limits);
  const { where, names } = answerWhere(ctx, q, sheet);
  const claims: Claim[] = [...q.claims];
  const answered = new Map<string, OpenClaim>();
  for (const entry of sheet.claims) {
    const result = answerClaim(ctx, q, names, entry);
    if (result === null) continue;
    if ('complete' in result) answered.set(result.name!, result);
    else claims.push(result);
  }
  const missing = (c: OpenClaim): OpenClaim => ({
    ...c,
    unanswered: { status: 'fail', message: 'no answer', notes: [`${sheet.file} gives no claims.${c.name}`] },
  });
  const open = q.open
    .filter((c) => !claims.some((d) => d.index === c.index))
    .map((c) => answered.get(c.name!) ?? missing(c));
  claims.sort((a, b) => a.index - b.index);
  return { identity: { ...q, where: [...q.where, ...where], claims, open }, errors: ctx.errors };
}

/**
 * Pairs answer files with the questions they name, by id: each question's open claims are
 * completed by its answer file's expressions, checked against the question's names. An answer
 * file that names no question of the run, or a second one for a question, is an error; a
 * question whose answer file is broken, or that has two, has none of its claims checked.
 */
export function answerQuestions(
  identities: readonly Identity[],
  files: readonly AnswerFile[],
  limits: Limits,
): Answered {
  const errors: SpecError[] = [];
  const byId = byQuestion(identities, files, errors);
  const out = identities.map((q) => {
    const mine = byId.get(q.id) ?? [];
    if (mine.length > 1) {
      const both = mine.map((f) => f.file).join(' and ');
      errors.push(answerError(mine[1]!, `two answer files answer ${q.id}: ${both}; neither is graded`));
      return withNothingGraded(q, `not graded: two answer files answer ${q.id} (${both})`);
    }
    const file = mine[0];
    if (file === undefined) return withNoAnswerFile(q);
    if (file.sheet === null) return withNothingGraded(q, `not graded: the answer file ${file.file} has errors`);
    const answered = answerQuestion(q, file.sheet, limits);
    errors.push(...answered.errors);
    return answered.identity;
  });
  return { identities: out, errors };
}

/** The answer files of each question id; a file naming no question of the run is an error. */
function byQuestion(identities: readonly Identity[], files: readonly AnswerFile[], errors: SpecError[]) {
  const byId = new Map<string, AnswerFile[]>();
  const questions = identities.filter((i) => i.question).map((i) => i.id);
  const known = questions.length > 0 ? ` (questions: ${questions.join(', ')})` : '';
  for (const file of files) {
    if (file.question === null) continue;
    const q = identities.find((i) => i.id === file.question);
    if (q !== undefined && q.question) {
      byId.set(q.id, [...(byId.get(q.id) ?? []), file]);
      continue;
    }
    const why =
      q === undefined
        ? `no question file of this run has the id "${file.question}"`
        : `${q.id} (${q.file}) is not a question file (question: true)`;
    errors.push(answerError(file, `answers: ${why}${known}`, file.sheet?.location.line ?? null));
  }
  return byId;
}
