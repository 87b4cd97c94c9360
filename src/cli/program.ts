import { Command, Option } from 'commander';
import { Chalk } from 'chalk';
import { checkPaths } from '../index.js';
import { loadIdentities } from '../spec/load-identities.js';
import { DEFAULT_ATOL, DEFAULT_RTOL } from '../numeric/closeness.js';
import { DEFAULT_TRIALS } from '../check/check-claim.js';
import { REPORTERS } from '../report/reporters.js';
import { PLAIN, paletteOf } from '../report/figures.js';
import { formatList } from '../report/list.js';
import { formatExplanations } from '../report/explain.js';
import { explainClaim } from '../check/explain.js';
import type { RunReport } from '../check/result.js';
import { collect, parseDims, parsePositiveInt, parseSeed, parseTolerance } from './options.js';
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
  trial?: number;
  dims?: Map<string, number>;
  hints: boolean;
  color: boolean;
}

const EXAMPLES = `
Examples:
  $ mcheck all                          check every spec in ./identities (or the bundled set)
  $ mcheck all --dir my-derivations     check every spec in a folder
  $ mcheck check hw3.yaml               check one file
  $ mcheck check hw3.yaml --claim dW --seed 7 --trials 20
  $ mcheck all --reporter json > report.json
  $ mcheck explain hw3.yaml --claim dW  show one draw: inputs, both sides, differing entries
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
    .option('--trial <k>', 'run only trial k of each claim (to replay a failure)', parsePositiveInt)
    .option('--dims <sizes>', 'fix dims sizes, e.g. m=2,n=3 (to replay a shrunk failure)', parseDims)
    .option('--no-hints', 'on a failure, skip the search for a near miss and a smaller case')
    .option('--no-color', 'plain output (also: NO_COLOR=1)');
}

/** Runs the specs under `paths` and writes the report; returns the exit code. */
function runAndReport(paths: string[], flags: RunFlags, io: Io): number {
  const report: RunReport = checkPaths(paths, {
    seed: flags.seed,
    trials: flags.trials ?? null,
    tolerance: { rtol: flags.rtol ?? DEFAULT_RTOL, atol: flags.atol ?? DEFAULT_ATOL },
    claims: flags.claim ?? [],
    trial: flags.trial ?? null,
    dims: flags.dims ?? new Map(),
    diagnose: flags.hints,
  });
  const extra = [
    ...(flags.trials !== undefined ? ['--trials', String(flags.trials)] : []),
    ...(flags.rtol !== undefined ? ['--rtol', String(flags.rtol)] : []),
    ...(flags.atol !== undefined ? ['--atol', String(flags.atol)] : []),
  ];
  const color = flags.reporter === 'pretty' && wantsColor(io, flags.color);
  const palette = color ? paletteOf(new Chalk({ level: 1 })) : PLAIN;
  const replay = { seed: flags.seed, extra, dims: flags.dims ?? new Map<string, number>() };
  io.stdout(REPORTERS[flags.reporter]!(report, { palette, replay, version: packageVersion() }));
  if (report.results.length === 0 && report.errors.length === 0) {
    io.stderr('mcheck: no claims matched\n');
    return 2;
  }
  return report.summary.errors > 0 ? 2 : report.summary.failed > 0 ? 1 : 0;
}

/** `mcheck explain`: one draw per claim, laid open. */
function explain(files: string[], flags: RunFlags, io: Io): number {
  const loaded = loadIdentities(files);
  const settings = {
    seed: flags.seed, trials: null, tolerance: { rtol: DEFAULT_RTOL, atol: DEFAULT_ATOL },
    trial: flags.trial ?? 1, dims: flags.dims ?? new Map<string, number>(), diagnose: true,
  };
  const wanted = flags.claim ?? [];
  const list = loaded.identities.flatMap((identity) => identity.claims
    .filter((c) => wanted.length === 0 || wanted.some((w) => w === c.name || w === c.row))
    .map((claim) => explainClaim(identity, claim, settings)));
  const palette = wantsColor(io, flags.color) ? paletteOf(new Chalk({ level: 1 })) : PLAIN;
  const replay = { seed: flags.seed, extra: [], dims: flags.dims ?? new Map<string, number>() };
  io.stdout(formatExplanations(list, palette, replay));
  if (loaded.errors.length > 0) io.stdout(formatList({ identities: [], errors: loaded.errors }));
  if (loaded.errors.length > 0 || list.some((e) => e.result.status === 'error')) return 2;
  return list.some((e) => e.result.status === 'fail') ? 1 : list.length === 0 ? 2 : 0;
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
  program.command('explain').description('show one draw of each claim: inputs, both sides, the differing entries')
    .argument('<files...>', 'spec files or folders')
    .option('--claim <name>', 'only claims with this name or row (repeatable)', collect)
    .option('--seed <n>', 'seed of the random draws', parseSeed, DEFAULT_SEED)
    .option('--trial <k>', 'which trial to show', parsePositiveInt)
    .option('--dims <sizes>', 'fix dims sizes, e.g. m=2,n=3', parseDims)
    .option('--no-color', 'plain output (also: NO_COLOR=1)')
    .action((files: string[], flags: RunFlags) => {
      state.exitCode = explain(files, flags, io);
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
