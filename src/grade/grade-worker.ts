import type { MessagePort } from 'node:worker_threads';
import { loadFiles } from '../spec-file/load-identities.js';
import { type GradeReply, type GradeTask, NEXT_SUBMISSION, POSTED } from './grade-task.js';
import { gradeOne } from './grade-one.js';

/**
 * A worker's part of a grading run: it loads the questions as the main thread did, then takes
 * submissions from the shared counter until none is left, replying with each one graded. The
 * rows depend only on the questions, the submission and the seed, so they are the main thread's
 * to the bit, whichever thread grades them.
 */
export function serveGrade(task: GradeTask, replies: MessagePort): void {
  const control = new Int32Array(task.control);
  const post = (reply: GradeReply): void => {
    replies.postMessage(reply);
    Atomics.add(control, POSTED, 1);
    Atomics.notify(control, POSTED);
  };
  // The settings come with workers: 0: this thread grades each submission's claims itself.
  const { settings } = task;
  let index = -1;
  try {
    const loaded = loadFiles([task.questions], settings.limits, null);
    const request = { questions: loaded.identities, cache: null };
    for (;;) {
      index = Atomics.add(control, NEXT_SUBMISSION, 1);
      if (index >= task.submissions.length) return;
      const graded = gradeOne(request, task.submissions[index]!, { settings, onProgress: () => {} });
      post({ id: task.id, index, graded, crash: null });
    }
  } catch (error) {
    // A bug: the main thread grades what this worker took.
    post({ id: task.id, index, graded: null, crash: error instanceof Error ? error.message : String(error) });
  }
}
