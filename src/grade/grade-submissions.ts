import type { Identity } from '../spec-file/identity.js';
import type { SpecError } from '../spec-file/spec-error.js';
import type { SpecCache } from '../spec-file/spec-cache.js';
import type { OnProgress, RunSettings } from '../check/run.js';
import { type RunReport, reportOf } from '../check/result/run-report.js';
import type { ClaimResult } from '../check/result/claim-result.js';
import { poolWorkers } from '../check/parallel/worker-pool.js';
import { gradeOne } from './grade-one.js';
import type { GradedOne } from './grade-task.js';
import { PARALLEL_MIN_PER_THREAD, gradeInParallel } from './parallel-grade.js';

export { submissionName } from './grade-one.js';

/** A class to grade: the course's questions, and one folder per submission. */
export interface GradeRequest {
  /** The questions, loaded as they are (open claims left open), and their files' errors. */
  readonly questions: readonly Identity[];
  readonly questionErrors: readonly SpecError[];
  /** The folder the questions were loaded from, which workers load them from too; null: one thread. */
  readonly questionsDir: string | null;
  /** The submission folders; each folder's name names its submission in every report. */
  readonly submissions: readonly string[];
  readonly cache: SpecCache | null;
}

/**
 * Every submission graded, in order: shared with the pool's workers when the class is large
 * enough for each thread to take a few, else one after another in this thread. A run that stops
 * at its first failure (`bail`) stays in one thread, which knows where that is.
 */
function gradedAll(request: GradeRequest, run: { settings: RunSettings; onProgress: OnProgress }): GradedOne[] {
  const { submissions, questionsDir } = request;
  const { settings } = run;
  const wanted = Math.min(settings.workers, Math.floor(submissions.length / PARALLEL_MIN_PER_THREAD) - 1);
  const workers = questionsDir === null || settings.bail ? [] : poolWorkers(Math.max(0, wanted));
  if (workers.length > 0) return gradeInParallel({ ...request, questionsDir: questionsDir! }, run, workers);
  return submissions.map((dir) => gradeOne(request, dir, run));
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
  for (const one of gradedAll(request, { settings, onProgress })) {
    results.push(...one.results);
    errors.push(...one.errors);
    for (const [row, ms] of one.durations) durationsMs[row] = ms;
  }
  return reportOf(settings, { results, errors }, durationsMs);
}
