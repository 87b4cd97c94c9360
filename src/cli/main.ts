import { run } from './run.js';
import type { Io } from './io.js';

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
};

void run(process.argv.slice(2), io, process.cwd()).then((code) => {
  process.exitCode = code;
});
