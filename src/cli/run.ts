import { CommanderError } from 'commander';
import { createProgram } from './program.js';
import type { Io } from './io.js';
import { UserError } from '../errors.js';

/** Exit code for a spec or usage error, and for anything unexpected. */
const USAGE_ERROR = 2;

/**
 * Runs the CLI on `argv` (without the node and script words) and returns the exit code. The only
 * place that catches everything: a UserError (an unreadable config, a bad flag) is printed as
 * `mcheck: MESSAGE`; any other exception is a bug, reported in one line (with the stack under
 * `--debug` or MCHECK_DEBUG=1), never as a raw trace.
 */
export async function run(argv: readonly string[], io: Io, cwd: string): Promise<number> {
  const debug = argv.includes('--debug') || io.env.MCHECK_DEBUG === '1';
  const args = argv.filter((a) => a !== '--debug');
  const state = { exitCode: 0 };
  const program = createProgram(io, cwd, state);
  try {
    if (args.length === 0) {
      io.stderr(program.helpInformation());
      return USAGE_ERROR;
    }
    await program.parseAsync(args, { from: 'user' });
    return state.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : USAGE_ERROR;
    if (error instanceof UserError) {
      io.stderr(`mcheck: ${error.message}\n`);
      return USAGE_ERROR;
    }
    io.stderr(`mcheck: internal error: ${(error as Error).message}\n`);
    io.stderr(
      debug ? `${(error as Error).stack}\n` : 'This is a bug in mcheck. Rerun with --debug to see where it happened.\n',
    );
    return USAGE_ERROR;
  }
}
