import type { OnProgress, RunSettings } from '../check/run.js';
import { type PoolWorker, takeReply } from '../check/parallel/worker-pool.js';
import type { Identity } from '../spec-file/identity.js';
import type { SpecCache } from '../spec-file/spec-cache.js';
import { gradeOne } from './grade-one.js';
import {
  CONTROL_SLOTS,
  type GradeReply,
  type GradeTask,
  type GradedOne,
  NEXT_SUBMISSION,
  POSTED,
} from './grade-task.js';

/**
 * Submissions a thread must have to grade, on average, for the class to be shared with workers:
 * a worker's start and its own load of the questions cost tens of milliseconds.
 */
export const PARALLEL_MIN_PER_THREAD = 2;

/**
 * How long the main thread, done with its own share, waits without any reply before it grades
 * what is still missing itself: a worker that was killed (out of memory, say) never replies. (A
 * worker that never starts takes nothing: the main thread's own loop takes what it leaves.)
 */
const GIVE_UP_MS = 60_000;

/** Submissions graded by workers since the process started (for the benchmark and tests). */
let byWorkers = 0;

/** How many submissions workers have graded in this process. */
export function gradedByWorkers(): number {
  return byWorkers;
}

let nextId = 1;

/** What a shared grading run needs: the questions (loaded, and where workers load them from). */
export interface SharedClass {
  readonly questions: readonly Identity[];
  readonly questionsDir: string;
  readonly submissions: readonly string[];
  readonly cache: SpecCache | null;
}

/** The replies waiting on the workers' ports for run `id`, into `graded`; returns the indices a crash left. */
function drain(workers: readonly PoolWorker[], id: number, graded: (GradedOne | undefined)[]): number[] {
  const left: number[] = [];
  for (const w of workers) {
    for (
      let reply = takeReply(w) as GradeReply | undefined;
      reply !== undefined;
      reply = takeReply(w) as GradeReply | undefined
    ) {
      if (reply.id !== id) continue;
      if (reply.graded === null) {
        // A crash: the submission it had taken (if any) is the main thread's.
        if (reply.index >= 0) left.push(reply.index);
      } else if (graded[reply.index] === undefined) {
        graded[reply.index] = reply.graded;
        byWorkers++;
      }
    }
  }
  return left;
}

/**
 * Grades a class on the main thread and `workers` together: each thread takes the next submission
 * from a shared counter, so a slow submission holds up no other. Submissions are graded on their
 * own under the same seed, so the result, in submission order, is the one-thread result to the bit.
 * The main thread grades whatever a worker leaves (a crash, or silence past GIVE_UP_MS).
 */
export function gradeInParallel(
  job: SharedClass,
  run: { settings: RunSettings; onProgress: OnProgress },
  workers: readonly PoolWorker[],
): GradedOne[] {
  const { submissions } = job;
  const control = new Int32Array(new SharedArrayBuffer(4 * CONTROL_SLOTS));
  const id = nextId++;
  // Each thread grades a submission's claims itself: the workers are busy with submissions.
  const settings = { ...run.settings, workers: 0 };
  const task: GradeTask = {
    kind: 'grade',
    id,
    questions: job.questionsDir,
    submissions,
    settings,
    control: control.buffer as SharedArrayBuffer,
  };
  for (const w of workers) w.worker.postMessage(task);
  const graded: (GradedOne | undefined)[] = new Array(submissions.length);
  const mine = { settings, onProgress: run.onProgress };
  for (
    let i = Atomics.add(control, NEXT_SUBMISSION, 1);
    i < submissions.length;
    i = Atomics.add(control, NEXT_SUBMISSION, 1)
  )
    graded[i] = gradeOne(job, submissions[i]!, mine);
  collect({ workers, id, control }, graded);
  return Array.from(submissions, (dir, i) => graded[i] ?? gradeOne(job, dir, mine));
}

/**
 * Waits for the workers' replies into `graded` until every submission is graded or was left by a
 * crash, or no reply came for GIVE_UP_MS; what is still missing then is the main thread's.
 */
function collect(
  run: { workers: readonly PoolWorker[]; id: number; control: Int32Array },
  graded: (GradedOne | undefined)[],
): void {
  const left = new Set<number>();
  let quietSince = Date.now();
  for (let posted = Atomics.load(run.control, POSTED); ; posted = Atomics.load(run.control, POSTED)) {
    for (const i of drain(run.workers, run.id, graded)) left.add(i);
    let missing = 0;
    for (let i = 0; i < graded.length; i++) if (graded[i] === undefined && !left.has(i)) missing++;
    if (missing === 0 || Date.now() - quietSince > GIVE_UP_MS) return;
    if (Atomics.wait(run.control, POSTED, posted, 250) !== 'timed-out') quietSince = Date.now();
  }
}
