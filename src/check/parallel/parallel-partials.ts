import { now } from '../../clock.js';
import { type Mat, MathError } from '../../linalg/mat.js';
import { copyOf } from '../../linalg/alloc.js';
import type { Tick } from '../plan/claim-progress.js';
import { type Partials, type StencilName, partialAt, scratchCopy } from '../../numeric/finite-diff.js';
import { LimitExceeded, countEvaluations, remainingBudget, spentEvaluations } from '../../budget.js';
import {
  type EntryFailure,
  type ObjectiveSource,
  type PartialsReply,
  type PartialsJob,
  type PartialsTask,
  COMPLETED,
  DONE,
  EVALUATED,
  EVALUATIONS,
  STARTED,
  lowerStop,
  slotOf,
} from './partials-task.js';
import { type Shared, computeEntry, computeShare, shareOf } from './share-partials.js';
import { type PoolWorker, dropWorker, poolWorkers, takeReply } from './worker-pool.js';

/**
 * Estimated time of a claim's remaining partials above which they are shared with workers. A
 * worker's first task costs it tens of milliseconds to start and compile the expressions, so a
 * claim of a few hundred milliseconds or more gains; smaller ones stay in-process.
 */
export const PARALLEL_MIN_MS = 200;

let threshold = PARALLEL_MIN_MS;

/** Changes the threshold above (tests set 0 to send every claim through the workers). */
export function setParallelThreshold(ms: number): void {
  threshold = ms;
}

/** Waiting for a worker, the main thread wakes this often to check the claim's deadline. */
const WAIT_SLICE_MS = 100;

/**
 * How long past the claim's deadline the main thread waits for a worker that took a task. A
 * worker stops itself at the deadline; one still silent this much later was killed (out of
 * memory, say): it is dropped, and the main thread computes what it left.
 */
const GIVE_UP_MS = 10_000;

let nextTaskId = 1;

/** Partials computed by workers and in all, since the process started: how much the workers took on. */
const counts = { shared: 0, byWorkers: 0 };

/** Partials of shared claims, and how many of them workers computed (for the benchmark and tests). */
export function sharedPartials(): { readonly shared: number; readonly byWorkers: number } {
  return { ...counts };
}

/** A claim's partials to compute, how workers rebuild f, and how many workers may help. */
export interface PartialsRequest extends PartialsJob {
  /** How a worker rebuilds the objective (called only when the partials are shared). */
  readonly source: () => ObjectiveSource;
  readonly workers: number;
  /** Told after each entry (and while the main thread waits for workers), or null. */
  readonly tick: Tick | null;
}

/**
 * The partial derivatives of f at x along every entry, as {@link centralPartials} computes them,
 * shared with the pool's workers when the first entry shows the rest will take long. The outcome
 * is the in-process one to the bit: the same partials, the same first kink or error, whichever
 * thread met it.
 */
export function partialsOf(request: PartialsRequest): Partials {
  const { objective, x0, baseTrace, stencil } = request;
  const n = x0.re.length;
  const probe = scratchCopy(x0);
  const started = now();
  const spent = spentEvaluations();
  const first = partialAt(objective, { probe, k: 0 }, baseTrace, stencil);
  if (first === null) return { ok: false, kinkAt: 0 };
  const perEntry = spentEvaluations() - spent;
  const estimate = (now() - started) * (n - 1);
  const workers = estimate >= threshold && first.im === null ? poolWorkers(request.workers) : [];
  // Shared only when the claim's evaluation budget covers every entry, so no thread can stop on it.
  if (workers.length > 0 && remainingBudget().evaluations >= perEntry * (n - 1)) {
    const result = shared(request, first, request.source(), workers);
    if (result !== null) return result;
  }
  const partials = [first];
  const { tick } = request;
  for (let k = 1; k < n; k++) {
    const d = partialAt(objective, { probe, k }, baseTrace, stencil);
    if (d === null) return { ok: false, kinkAt: k };
    partials.push(d);
    if (tick !== null) tick(k + 1, n, spentEvaluations());
  }
  return { ok: true, partials };
}

/** A shared run's tick: entries finished by every thread, and the evaluations since `spentEvaluations` at its start. */
function progressOf({ tick, x0 }: PartialsRequest, share: Shared): (() => void) | null {
  if (tick === null) return null;
  const base = spentEvaluations();
  const { control } = share;
  return () => tick(Atomics.load(control, COMPLETED), x0.re.length, base + Atomics.load(control, EVALUATED));
}

/** One shared run: its id, the arrays every thread writes into, and when it must end. */
interface Run {
  readonly id: number;
  readonly share: Shared;
  readonly deadline: number;
  /** Tells the request's tick how far every thread has got, or null. */
  readonly progress: (() => void) | null;
}

/** Posts the run's task to every worker, each with its own slots in the control array. */
function post(
  run: Run,
  source: ObjectiveSource,
  workers: readonly PoolWorker[],
  work: { entries: number; chunk: number; stencil: StencilName },
): void {
  const { share } = run;
  const { limits } = remainingBudget();
  workers.forEach((w, worker) => {
    const task: PartialsTask & { id: number } = {
      id: run.id,
      worker,
      objective: source,
      control: share.control.buffer as SharedArrayBuffer,
      values: share.values.buffer as SharedArrayBuffer,
      done: share.done.buffer as SharedArrayBuffer,
      length: share.length,
      ...work,
      deadline: run.deadline,
      limits,
    };
    w.worker.postMessage(task);
  });
}

/** The shared run of a claim's partials; null when one is complex, which only one thread can hold. */
function shared(
  job: PartialsRequest,
  first: Mat,
  source: ObjectiveSource,
  workers: readonly PoolWorker[],
): Partials | null {
  const n = job.x0.re.length;
  const share = shareOf(n, first, workers.length);
  const run: Run = { id: nextTaskId++, share, deadline: remainingBudget().deadline, progress: progressOf(job, share) };
  const work = { entries: n, chunk: Math.max(1, Math.floor(n / 1024)), stencil: job.stencil };
  post(run, source, workers, work);
  let failures: EntryFailure[] = [];
  let crash: unknown = null;
  try {
    failures = computeShare(job, run.share, work, run.progress).failures;
  } catch (error) {
    crash = error;
    lowerStop(run.share.control, 0);
  }
  workers.forEach((w, worker) => {
    const reply = collect(w, worker, run);
    if (reply === null) return;
    failures.push(...reply.failures);
    counts.byWorkers += reply.computed;
    if (reply.crash !== null) crash ??= new Error(`a worker failed: ${reply.crash}`);
  });
  if (crash !== null) throw crash;
  counts.shared += n;
  return settleShare(job, failures, run.share, first);
}

/**
 * Worker w's reply to task `id`, after it is done; null when it had not started (it is told to skip
 * the task) or never answered (it is dropped, and its entries are left to the main thread).
 * Counts the worker's evaluations into the claim's budget.
 */
function collect(w: PoolWorker, worker: number, run: Run): PartialsReply | null {
  const { id, deadline } = run;
  const { control } = run.share;
  if (Atomics.compareExchange(control, slotOf(worker, STARTED), 0, 2) === 0) return null;
  const done = slotOf(worker, DONE);
  const giveUp = Math.min(deadline, Date.now() + 86_400_000) + GIVE_UP_MS;
  while (Atomics.load(control, done) === 0) {
    Atomics.wait(control, done, 0, WAIT_SLICE_MS);
    if (run.progress !== null) run.progress();
    if (Date.now() > deadline) lowerStop(control, 0);
    if (Date.now() > giveUp) {
      dropWorker(w);
      return null;
    }
  }
  countEvaluations(Atomics.load(control, slotOf(worker, EVALUATIONS)));
  for (;;) {
    const received = takeReply(w) as (PartialsReply & { id: number }) | undefined;
    if (received === undefined) throw new Error('a worker marked its task done without replying');
    if (received.id === id) return received;
  }
}

/**
 * The first failure in entry order decides, as in-process. Entries below it that no thread
 * finished (a limit stopped them, or a worker died) are computed here first, in order, so that an
 * earlier failure, or the limit, is met exactly as a single thread would meet it: a limit met by
 * another thread decides nothing by itself. Null when a partial is complex.
 */
export function settleShare(
  job: PartialsJob,
  failures: readonly EntryFailure[],
  share: Shared,
  first: Mat,
): Partials | null {
  const n = job.x0.re.length;
  const earliest = failures
    .filter((f) => f.kind !== 'limit')
    .reduce<EntryFailure | null>((a, f) => (a === null || f.index < a.index ? f : a), null);
  const probe = scratchCopy(job.x0);
  for (let k = 1; k < (earliest?.index ?? n); k++) {
    if (Atomics.load(share.done, k) === 1) continue;
    const missing = computeEntry(job, probe, k, share);
    if (missing?.kind === 'limit') throw new LimitExceeded(missing.limit!, missing.message);
    if (missing !== null) return decide(missing);
  }
  if (earliest !== null) return decide(earliest);
  const { length } = share;
  const partials = Array.from({ length: n }, (_, k): Mat => ({
    rows: first.rows,
    cols: first.cols,
    re: copyOf(share.values.subarray(k * length, (k + 1) * length)),
    im: null,
  }));
  return { ok: true, partials };
}

/** What a kink, domain error or complex partial at the first failing entry means for the claim. */
function decide(failure: EntryFailure): Partials | null {
  if (failure.kind === 'kink') return { ok: false, kinkAt: failure.index };
  if (failure.kind === 'complex') return null;
  throw new MathError(failure.message);
}
