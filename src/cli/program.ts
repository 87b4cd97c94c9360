import { Command } from 'commander';
import { specJsonSchema } from '../spec-file/json-schema.js';
import { DEFAULT_ATOL, DEFAULT_RTOL } from '../numeric/closeness.js';
import { DEFAULT_TRIALS } from '../check/check-claim.js';
import { REPORTERS } from '../report/reporters.js';
import {
  collect,
  parseDims,
  parseLimit,
  parseMode,
  parsePattern,
  parsePositiveInt,
  parseProbes,
  parseSeconds,
  parseSeed,
  parseShard,
  parseTolerance,
  parseWorkers,
} from './options.js';
import { DEFAULT_WORKERS } from '../check/worker-pool.js';
import { DEFAULT_PROBES } from '../check/mode.js';
import { DEFAULT_LIMITS, LIMIT_NAMES } from '../limits.js';
import type { Io } from './io.js';
import { packageVersion } from './paths.js';
import { collectTargets } from './targets.js';
import { DEFAULT_SEED, runCommand, type RunFlags } from './run-command.js';
import { explainCommand, listCommand } from './explain-command.js';
import { initCommand } from './init-command.js';

const EXAMPLES = `
Examples:
  $ mcheck all                          check every spec in ./identities (or the bundled set)
  $ mcheck all --dir my-derivations     check every spec in a folder
  $ mcheck check hw3.yaml               check one file
  $ mcheck check hw3.yaml --claim dW --seed 7 --trials 20
  $ mcheck explain hw3.yaml --claim dW  show one draw: inputs, both sides, differing entries
  $ mcheck all --reporter pretty --reporter junit=report.xml
  $ mcheck all --shard 1/4              the first of four parallel CI jobs
  $ mcheck check layer.yaml --mode fast a large claim: 3 random projections, not every entry
  $ mcheck init                         scaffold identities/, a CI workflow and editor wiring
  $ mcheck list                         list identities and claims without running them

Exit codes: 0 all claims passed, 1 a claim failed, 2 a spec or usage error.
Defaults can also come from mcheck.config.json (or .yaml) in the working directory.`;

function addRunOptions(cmd: Command): Command {
  return cmd
    .option('--seed <n>', `seed of the random draws, or "random" (default: ${DEFAULT_SEED})`, parseSeed)
    .option(
      '--trials <n>',
      `random draws per claim, overriding the specs' own (default: ${DEFAULT_TRIALS})`,
      parsePositiveInt,
    )
    .option('--rtol <x>', `relative tolerance where a spec sets none (default: ${DEFAULT_RTOL})`, parseTolerance)
    .option('--atol <x>', `absolute tolerance where a spec sets none (default: ${DEFAULT_ATOL})`, parseTolerance)
    .option(
      '--mode <mode>',
      'full: central differences along every entry; fast: along a few random directions (default: full)',
      parseMode,
    )
    .option('--probes <k>', `random directions per trial in fast mode (default: ${DEFAULT_PROBES})`, parseProbes)
    .option(
      '--workers <n>',
      `threads that share the finite differences of a large claim; 0 runs everything in-process (default: ${DEFAULT_WORKERS}, one per extra core)`,
      parseWorkers,
    )
    .option(
      '--reporter <name[=file]>',
      `${Object.keys(REPORTERS).join(', ')}; to a file with =FILE (repeatable; default: pretty)`,
      collectTargets,
    )
    .option('--claim <name>', 'only claims with this name or row (repeatable)', collect)
    .option('--grep <pattern>', 'only claims whose row matches this regular expression', parsePattern)
    .option('--shard <i/n>', 'only the i-th of n disjoint parts of the run', parseShard)
    .option('--bail', 'stop after the first claim that does not pass')
    .option('--trial <k>', 'run only trial k of each claim (to replay a failure)', parsePositiveInt)
    .option('--dims <sizes>', 'fix dims sizes, e.g. m=2,n=3 (to replay a shrunk failure)', parseDims)
    .option('--no-hints', 'on a failure, skip the search for a near miss and a smaller case')
    .option(
      '--timeout <seconds>',
      `time budget of each claim (default: ${DEFAULT_LIMITS.timeoutMs / 1000})`,
      parseSeconds,
    )
    .option('--limit <name=value>', `raise a limit: ${Object.keys(LIMIT_NAMES).join(', ')} (repeatable)`, parseLimit)
    .option('--no-cache', 'parse every spec file, ignoring and not writing node_modules/.cache/mcheck')
    .option('--no-color', 'plain output (also: NO_COLOR=1)');
}

/**
 * The command-line program. Actions store their exit code in `state.exitCode`; nothing here
 * calls process.exit, so the program can run inside tests.
 */
export function createProgram(io: Io, cwd: string, state: { exitCode: number }): Command {
  const program = new Command('mcheck')
    .description('Check matrix-calculus identities numerically: random draws, central finite differences.')
    .version(packageVersion(), '-v, --version')
    .addHelpText('after', EXAMPLES)
    .showHelpAfterError('(run mcheck --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  addRunOptions(program.command('all').description('check every spec in a folder'))
    .option('--dir <dir>', 'folder of specs (default: ./identities, else the bundled set)')
    .addHelpText('after', EXAMPLES)
    .action((flags: RunFlags) => {
      state.exitCode = runCommand(null, flags, io, cwd);
    });
  addRunOptions(
    program
      .command('check')
      .description('check spec files (or folders of them)')
      .argument('<files...>', 'spec files or folders'),
  )
    .addHelpText('after', EXAMPLES)
    .action((files: string[], flags: RunFlags) => {
      state.exitCode = runCommand(files, flags, io, cwd);
    });
  program
    .command('explain')
    .description('show one draw of each claim: inputs, both sides, the differing entries')
    .argument('<files...>', 'spec files or folders')
    .option('--claim <name>', 'only claims with this name or row (repeatable)', collect)
    .option('--seed <n>', `seed of the random draws (default: ${DEFAULT_SEED})`, parseSeed)
    .option('--trial <k>', 'which trial to show (default: 1)', parsePositiveInt)
    .option('--dims <sizes>', 'fix dims sizes, e.g. m=2,n=3', parseDims)
    .option('--rtol <x>', 'relative tolerance where a spec sets none', parseTolerance)
    .option('--atol <x>', 'absolute tolerance where a spec sets none', parseTolerance)
    .option('--timeout <seconds>', 'time budget of each claim', parseSeconds)
    .option('--limit <name=value>', 'raise a limit (repeatable)', parseLimit)
    .option('--no-color', 'plain output (also: NO_COLOR=1)')
    .action((files: string[], flags: RunFlags) => {
      state.exitCode = explainCommand(files, flags, io, cwd);
    });
  program
    .command('list')
    .description('list identities and their claims without running them')
    .argument('[paths...]', 'spec files or folders (default: as for all)')
    .action((paths: string[]) => {
      state.exitCode = listCommand(paths, io, cwd);
    });
  program
    .command('init')
    .description('scaffold a project: an example spec, a CI workflow, editor wiring')
    .argument('[dir]', 'project folder', '.')
    .action((dir: string) => {
      state.exitCode = initCommand(dir, io, cwd);
    });
  program
    .command('schema')
    .description('print the JSON Schema of the spec format (for editors)')
    .action(() => {
      io.stdout(JSON.stringify(specJsonSchema(packageVersion()), null, 2) + '\n');
    });
  return program;
}
