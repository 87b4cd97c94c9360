import type { RunSettings } from '../check/run.js';
import type { ClaimResult } from '../check/result/claim-result.js';
import type { SpecError } from '../spec-file/spec-error.js';

/** Slots of a grading run's control array: the next submission to take, and replies posted. */
export const NEXT_SUBMISSION = 0;
export const POSTED = 1;
export const CONTROL_SLOTS = 2;

/**
 * What a worker is sent to grade submissions alongside the main thread: where the questions are
 * (it loads them itself: compiled expressions cannot be sent), the submission folders, the run's
 * settings and a control array whose counter hands out the submissions one at a time.
 */
export interface GradeTask {
  readonly kind: 'grade';
  readonly id: number;
  readonly questions: string;
  readonly submissions: readonly string[];
  readonly settings: RunSettings;
  readonly control: SharedArrayBuffer;
}

/** One graded submission: its rows, its errors and the time of each row. */
export interface GradedOne {
  readonly results: readonly ClaimResult[];
  readonly errors: readonly SpecError[];
  readonly durations: readonly (readonly [string, number])[];
}

/** A worker's reply for one submission (by its index in the task), or the bug that stopped it. */
export interface GradeReply {
  readonly id: number;
  readonly index: number;
  readonly graded: GradedOne | null;
  readonly crash: string | null;
}
