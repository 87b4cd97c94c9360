import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { MessagePort } from 'node:worker_threads';
import { run } from './run.js';
import type { Io } from './io.js';
import { WORKER_FLAG, setWorkerEntry } from '../check/parallel/worker-pool.js';
import { servePartials } from '../check/parallel/partials-worker.js';

/** The CLI in the main thread: wire the process to `run`. */
function main(): void {
  // A large claim shares its partial derivatives with workers that run this same program: the
  // script node was started with (bin/mcheck.js, which loads the bundle through the code cache),
  // else the bundle itself.
  setWorkerEntry(process.argv[1] ?? fileURLToPath(import.meta.url));
  // A reader that stops early (`mcheck all | head`) is not an error worth a trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }

  const io: Io = {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    ...(process.stderr.isTTY === true && process.stderr.columns > 0 ? { stderrColumns: process.stderr.columns } : {}),
  };

  void run(process.argv.slice(2), io, process.cwd()).then((code) => {
    process.exitCode = code;
  });
}

/** A pool worker: serve the main thread's tasks. Anywhere else the flag is just an unknown option. */
function worker(): void {
  // require, not import(): the bundle runs as a vm script, which has no dynamic import.
  const threads = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
  if (threads.isMainThread || threads.parentPort === null) return main();
  servePartials(threads.parentPort, (threads.workerData as { replies: MessagePort }).replies);
}

if (process.argv[2] === WORKER_FLAG) worker();
else main();
