import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import type { MessagePort, Worker } from 'node:worker_threads';

/**
 * The argument a pool worker is started with: the CLI script checks for it before anything else,
 * so that the main thread never loads worker_threads (a dozen of Node's modules) unless it starts
 * a worker.
 */
export const WORKER_FLAG = '--mcheck-partials-worker';

/** Most workers a run starts, whatever the machine: past that, memory bandwidth is the limit. */
export const MAX_WORKERS = 8;

/** Workers by default: one per core beyond the main thread's. */
export const DEFAULT_WORKERS = Math.max(0, Math.min(MAX_WORKERS, availableParallelism() - 1));

/** A started worker and the port on which it answers a task. */
export interface PoolWorker {
  readonly worker: Worker;
  /** The main thread's end, read with receiveMessageOnPort while it waits. */
  readonly replies: MessagePort;
}

let threads: typeof import('node:worker_threads') | null = null;

/** node:worker_threads, loaded on first need. */
function workerThreads(): typeof import('node:worker_threads') {
  threads ??= createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
  return threads;
}

let entry: string | null = null;
let started: PoolWorker[] = [];

/**
 * The script a worker runs: the CLI's own bundle, which serves tasks when it finds itself in a
 * worker. Until this is set (by the CLI), every claim runs in-process: the library never starts
 * threads on its own.
 */
export function setWorkerEntry(script: string): void {
  entry = script;
}

/**
 * The workers, started on first need and kept for the run; unreferenced, so they never keep the
 * process alive. Empty when workers are off.
 */
export function poolWorkers(wanted: number): readonly PoolWorker[] {
  if (entry === null || wanted === 0) return [];
  while (started.length < wanted) {
    const { port1, port2 } = new (workerThreads().MessageChannel)();
    const worker = new (workerThreads().Worker)(entry, {
      argv: [WORKER_FLAG],
      workerData: { replies: port2 },
      transferList: [port2],
      stdout: false,
      stderr: false,
    });
    worker.unref();
    port1.unref();
    // A worker that fails or exits is dropped: later claims run without it, and the main thread,
    // which never waits for a worker that has not taken its task, goes on alone.
    const drop = (): void => {
      started = started.filter((w) => w.worker !== worker);
    };
    worker.on('error', drop);
    worker.on('exit', drop);
    started.push({ worker, replies: port1 });
  }
  return started.slice(0, wanted);
}

/** Drops a worker that stopped answering: it is terminated, and no later claim uses it. */
export function dropWorker(w: PoolWorker): void {
  started = started.filter((s) => s !== w);
  void w.worker.terminate();
}

/** The next reply waiting on a worker's port, without waiting for one; undefined if none. */
export function takeReply(w: PoolWorker): unknown {
  return (workerThreads().receiveMessageOnPort(w.replies) as { message: unknown } | undefined)?.message;
}

/** Stops the workers (tests, and runs that want their threads back). */
export async function stopWorkers(): Promise<void> {
  const all = started;
  started = [];
  await Promise.all(all.map((w) => w.worker.terminate()));
}
