import { Command, Option } from 'commander';
import { Chalk } from 'chalk';
import { checkPaths } from '../index.js';
import { loadIdentities } from '../spec/load-identities.js';
import { DEFAULT_ATOL, DEFAULT_RTOL } from '../numeric/closeness.js';
import { DEFAULT_TRIALS } from '../check/check-claim.js';
import { REPORTERS } from '../report/reporters.js';
import { PLAIN, paletteOf } from '../report/figures.js';
import { formatList } from '../report/list.js';
import type { RunReport } from '../check/result.js';
import { collect, parsePositiveInt, parseSeed, parseTolerance } from './options.js';
import { type Io, wantsColor } from './io.js';
import { defaultDir, packageVersion } from './paths.js';

/** The seed when none is given: fixed, so that a CI job gives the same verdicts on every push. */
export const DEFAULT_SEED = 1;

interface RunFlags {
  seed: number;
  trials?: number;
  rtol?: number;
  atol?: number;
  reporter: string;
  claim?: string[];
  color: boolean;
}

const EXAMPLES = `
Examples:
  $ mcheck all                          check every spec in ./identities (or the bundled set)
  $ mcheck all --dir my-derivations     check every spec in a folder
  $ mcheck check hw3.yaml               check one file
  $ mcheck check hw3.yaml --claim dW --seed 7 --trials 20
  $ mcheck all --reporter json > report.json
  $ mcheck list                         list identities and claims without running them

Exit codes: 0 all claims passed, 1 a claim failed, 2 a spec or usage error.`;

function addRunOptions(cmd: Command): Command {
  return cmd
    .option('--seed <n>', 'seed of the random draws, or "random"', parseSeed, DEFAULT_SEED)
    .option('--trials <n>', `random draws per claim, overriding the specs' own (default: ${DEFAULT_TRIALS})`, parsePositiveInt)
    .option('--rtol <x>', `relative tolerance where a spec sets none (default: ${DEFAULT_RTOL})`, parseTolerance)
    .option('--atol <x>', `absolute tolerance where a spec sets none (default: ${DEFAULT_ATOL})`, parseTolerance)
    .addOption(new Option('--reporter <name>', 'output format').choices(Object.keys(REPORTERS)).default('pretty'))
    .option('--claim <name>', 'only claims with this name or row (repeatable)', collect)
    .option('--no-color', 'plain output (also: NO_COLOR=1)');
}

/** Runs the specs under `paths` and writes the report; returns the exit code. */
function runAndReport(paths: string[], flags: RunFlags, io: Io): number {
  const report: RunReport = checkPaths(paths, {
    seed: flags.seed,
    trials: flags.trials ?? null,
    tolerance: { rtol: flags.rtol ?? DEFAULT_RTOL, atol: flags.atol ?? DEFAULT_ATOL },
    claims: flags.claim ?? [],
  });
  const extra = [
    ...(flags.trials !== undefined ? ['--trials', String(flags.trials)] : []),
    ...(flags.rtol !== undefined ? ['--rtol', String(flags.rtol)] : []),
    ...(flags.atol !== undefined ? ['--atol', String(flags.atol)] : []),
  ];
  const color = flags.reporter === 'pretty' && wantsColor(io, flags.color);
  const palette = color ? paletteOf(new Chalk({ level: 1 })) : PLAIN;
  io.stdout(REPORTERS[flags.reporter]!(report, { palette, replay: { seed: flags.seed, extra }, version: packageVersion() }));
  if (report.results.length === 0 && report.errors.length === 0) {
    io.stderr('mcheck: no claims matched\n');
    return 2;
  }
  return report.summary.errors > 0 ? 2 : report.summary.failed > 0 ? 1 : 0;
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
    .action((flags: RunFlags & { dir?: string }) => {
      state.exitCode = runAndReport([flags.dir ?? defaultDir(cwd)], flags, io);
    });
  addRunOptions(program.command('check').description('check spec files (or folders of them)').argument('<files...>', 'spec files or folders'))
    .addHelpText('after', EXAMPLES)
    .action((files: string[], flags: RunFlags) => {
      state.exitCode = runAndReport(files, flags, io);
    });
  program.command('list').description('list identities and their claims without running them')
    .argument('[paths...]', 'spec files or folders (default: as for all)')
    .action((paths: string[]) => {
      const loaded = loadIdentities(paths.length > 0 ? paths : [defaultDir(cwd)]);
      io.stdout(formatList(loaded));
      state.exitCode = loaded.errors.length > 0 ? 2 : 0;
    });
  return program;
}
