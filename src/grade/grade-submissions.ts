import { basename } from 'node:path';
import type { Identity } from '../spec-file/identity.js';
import type { SpecError } from '../spec-file/spec-error.js';
import type { SpecCache } from '../spec-file/spec-cache.js';
import { loadFiles } from '../spec-file/load-identities.js';
import { answerQuestions } from '../spec-file/answer-questions.js';
import { type OnProgress, type RunSettings, runIdentities } from '../check/run.js';
import { type RunReport, reportOf } from '../check/result/run-report.js';
import type { ClaimResult } from '../check/result/claim-result.js';

/** A class to grade: the course's questions, and one folder per submission. */
export interface GradeRequest {
  /** The questions, loaded as they are (open claims left open), and their files' errors. */
  readonly questions: readonly Identity[];
  readonly questionErrors: readonly SpecError[];
  /** The submission folders; each folder's name names its submission in every report. */
  readonly submissions: readonly string[];
  readonly cache: SpecCache | null;
}

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
function gradeOne(request: GradeRequest, dir: string, run: { settings: RunSettings; onProgress: OnProgress }) {
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

/**
 * Grades a class: each submission folder is loaded on its own (so ids never collide across
 * submissions) and its answer files are paired with the same questions, checked under the same
 * seed, so every submission meets the same draws. One report holds every submission's rows
 * (each with its submission's name) and one score per submission.
 */
export function gradeSubmissions(
  request: GradeRequest,
  settings: RunSettings,
  onProgress: OnProgress = () => {},
): RunReport {
  const results: ClaimResult[] = [];
  const errors: SpecError[] = [...request.questionErrors];
  const durationsMs: Record<string, number> = {};
  for (const dir of request.submissions) {
    const one = gradeOne(request, dir, { settings, onProgress });
    results.push(...one.results);
    errors.push(...one.errors);
    for (const [row, ms] of one.durations) durationsMs[row] = ms;
  }
  return reportOf(settings, { results, errors }, durationsMs);
}
