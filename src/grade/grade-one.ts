import { basename } from 'node:path';
import type { Identity } from '../spec-file/identity.js';
import type { SpecError } from '../spec-file/spec-error.js';
import type { SpecCache } from '../spec-file/spec-cache.js';
import { loadFiles } from '../spec-file/load-identities.js';
import { answerQuestions } from '../spec-file/answer-questions.js';
import { type OnProgress, type RunSettings, runIdentities } from '../check/run.js';
import type { ClaimResult } from '../check/result/claim-result.js';
import type { GradedOne } from './grade-task.js';

/** The name of a submission: its folder's name. */
export function submissionName(dir: string): string {
  return basename(dir.replace(/[\\/]+$/, '')) || dir;
}

/** An error of a file of a submission that is not an answer file: a submission only answers. */
function notAnAnswer(identity: Identity): SpecError {
  const { file, line, column } = identity.location;
  const message = `not an answer file: a submission holds answer files (answers: ID, where, claims), not specs; ${identity.id} is not checked`;
  return { code: 'answers', file, line, column, message, path: ['id'] };
}

/** One submission, checked against the questions on its own: its rows and errors. */
export function gradeOne(
  request: { readonly questions: readonly Identity[]; readonly cache: SpecCache | null },
  dir: string,
  run: { settings: RunSettings; onProgress: OnProgress },
): GradedOne {
  const name = submissionName(dir);
  const loaded = loadFiles([dir], run.settings.limits, request.cache);
  const answered = answerQuestions(request.questions, loaded.answers, run.settings.limits);
  const errors = [...loaded.errors, ...loaded.identities.map(notAnAnswer), ...answered.errors];
  // Rows named by submission; the claim's own progress passes through (rows are printed whole, at the end).
  const { claim } = run.onProgress;
  const relabelled = (done: number, total: number, row: string): void => run.onProgress(done, total, `${name}/${row}`);
  const onProgress: OnProgress = claim === undefined ? relabelled : Object.assign(relabelled, { claim });
  const report = runIdentities(answered.identities, errors, run.settings, onProgress);
  const results: ClaimResult[] = report.results.map((r) => ({ ...r, submission: name }));
  const durations = Object.entries(report.durationsMs).map(([row, ms]) => [`${name}/${row}`, ms] as const);
  return { results, errors: report.errors, durations };
}
