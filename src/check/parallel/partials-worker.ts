import type { MessagePort } from 'node:worker_threads';
import { KinkTrace } from '../../expr/kink-trace.js';
import { compileExpression, type Evaluator } from '../../expr/compile.js';
import { LimitExceeded, spentEvaluations, withBudget } from '../../budget.js';
import type { Draw } from '../trial/draw.js';
import { objectiveOf } from '../trial/objective.js';
import {
  type EntryFailure,
  type ObjectiveSource,
  type PartialsReply,
  type PartialsTask,
  DONE,
  EVALUATIONS,
  STARTED,
  fromPlain,
  lowerStop,
  slotOf,
} from './partials-task.js';
import { computeShare } from './share-partials.js';
import type { GradeTask } from '../../grade/grade-task.js';
import { serveGrade } from '../../grade/grade-worker.js';

/** Compiles a source the main thread compiled already; failing here is a bug. */
function compiled(source: string, names: ReadonlySet<string>): Evaluator {
  const result = compileExpression(source, names, source.length);
  if (!result.ok) throw new Error(`cannot recompile ${JSON.stringify(source)}: ${result.message}`);
  return result.evaluate;
}

/** The worker's share of one task, under the claim's budget and deadline. */
function work(
  task: PartialsTask,
  control: Int32Array,
): { failures: EntryFailure[]; computed: number; evaluations: number } {
  const src: ObjectiveSource = task.objective;
  const names = new Set(src.names);
  const where = src.where.map((w) => {
    const evaluate = compiled(w.source, names);
    names.add(w.name);
    return { name: w.name, expr: { evaluate } };
  });
  const draw: Draw = { dims: new Map(src.dims), vars: new Map(src.vars.map(([name, m]) => [name, fromPlain(m)])) };
  const upstream = src.upstream === null ? null : fromPlain(src.upstream);
  const objective = objectiveOf({ identity: { where }, f: compiled(src.f, names), draw, wrt: src.wrt, upstream });
  const shared = {
    control,
    values: new Float64Array(task.values),
    done: new Uint8Array(task.done),
    length: task.length,
  };
  // The claim's limits, for their messages, with the time that is left of it.
  return withBudget(
    task.limits,
    () => {
      const x0 = draw.vars.get(src.wrt)!;
      const baseTrace = new KinkTrace();
      objective(x0, baseTrace);
      // The evaluation at x0 is the main thread's, already counted: only the entries count.
      const base = spentEvaluations();
      const share = computeShare({ objective, x0, baseTrace, stencil: task.stencil }, shared, task);
      return { ...share, evaluations: spentEvaluations() - base };
    },
    Math.max(0, task.deadline - Date.now()),
  );
}

/** Runs one task unless the main thread cancelled it first; replies, then marks it done. */
function serve(task: PartialsTask & { id: number }, replies: MessagePort): void {
  const control = new Int32Array(task.control);
  if (Atomics.compareExchange(control, slotOf(task.worker, STARTED), 0, 1) !== 0) return;
  let reply: PartialsReply;
  let evaluations = 0;
  try {
    const done = work(task, control);
    evaluations = done.evaluations;
    reply = { failures: done.failures, computed: done.computed, crash: null };
  } catch (error) {
    lowerStop(control, 0);
    // Out of time before its first entry: it leaves them to the main thread, which meets the same
    // deadline. Anything else is a bug, reported in one line.
    reply = {
      failures: [],
      computed: 0,
      crash: error instanceof LimitExceeded ? null : error instanceof Error ? error.message : String(error),
    };
  }
  replies.postMessage({ ...reply, id: task.id });
  Atomics.store(control, slotOf(task.worker, EVALUATIONS), evaluations);
  Atomics.store(control, slotOf(task.worker, DONE), 1);
  Atomics.notify(control, slotOf(task.worker, DONE));
}

/**
 * The loop of a pool worker: tasks arrive on `tasks`, answers leave on `replies`. A task shares
 * the partials of one large claim, or (`kind: 'grade'`) the submissions of a class.
 */
export function servePartials(tasks: MessagePort, replies: MessagePort): void {
  tasks.on('message', (task: (PartialsTask & { id: number }) | GradeTask) =>
    'kind' in task ? serveGrade(task, replies) : serve(task, replies),
  );
}
