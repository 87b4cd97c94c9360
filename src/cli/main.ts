import { CommanderError } from 'commander';
import { createProgram } from './program.js';
import type { Io } from './io.js';

/** Exit code for a spec or usage error, and for anything unexpected. */
const USAGE_ERROR = 2;

/**
 * Runs the CLI on `argv` (without the node and script words) and returns the exit code. The only
 * place that catches everything: an unexpected exception is a bug, reported in one line (with
 * the stack under MCHECK_DEBUG=1), never as a raw trace.
 */
export async function run(argv: readonly string[], io: Io, cwd: string): Promise<number> {
  const state = { exitCode: 0 };
  const program = createProgram(io, cwd, state);
  try {
    if (argv.length === 0) {
      io.stderr(program.helpInformation());
      return USAGE_ERROR;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return state.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : USAGE_ERROR;
    }
    const debug = io.env.MCHECK_DEBUG === '1';
    io.stderr(`mcheck: internal error: ${(error as Error).message}\n`);
    io.stderr(debug ? `${(error as Error).stack}\n` : 'This is a bug in mcheck. Rerun with MCHECK_DEBUG=1 to see where it happened.\n');
    return USAGE_ERROR;
  }
}

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

process.exitCode = await run(process.argv.slice(2), io, process.cwd());
