import { Command, CommanderError } from 'commander';
import { specJsonSchema } from '../spec-file/json-schema.js';
import { formatFunctions } from '../report/functions.js';
import type { Io } from './io.js';
import { packageVersion } from './paths.js';
import { loadConfig } from './config.js';
import type { Flags } from './apply-options.js';
import type { CommandContext } from './command-context.js';
import { registerOptions } from './register-options.js';
import { runCommand } from './run-command.js';
import { explainCommand } from './explain-command.js';
import { listCommand } from './list-command.js';
import { initCommand } from './init-command.js';
import { gradeCommand } from './grade-command.js';
import { WATCH_LEAVES_OUT, watchCommand } from './watch-command.js';
import { UserError } from '../errors.js';

const EXAMPLES = `
Examples:
  $ mcheck all                          check every spec in ./identities
  $ mcheck all --bundled                check the bundled hint-sheet set
  $ mcheck all --dir my-derivations     check every spec in a folder
  $ mcheck check hw3.yaml               check one file
  $ mcheck check hw3.yaml --claim dW --seed 7 --trials 20
  $ mcheck watch                        rerun the claims of each spec you save, until q
  $ mcheck explain hw3.yaml --claim dW  show one draw: inputs, both sides, differing entries
  $ mcheck all --reporter pretty --reporter junit=report.xml
  $ mcheck all --reporter html=report.html   a web page: formulas typeset, heatmaps of failures
  $ mcheck all --shard 1/4              the first of four parallel CI jobs
  $ mcheck check layer.yaml --mode fast a large claim: 3 random projections, not every entry
  $ mcheck init                         scaffold identities/, a CI workflow and editor wiring,
                                        with this mcheck packed into vendor/
  $ mcheck init --from github:OWNER/REPO#v0.1.0   the same, depending on a git tag
  $ mcheck list                         list identities and claims without running them
  $ mcheck check questions answers      a course's questions, completed by a student's answers
  $ mcheck grade --questions Q subs/*   grade a class: a score per submission folder

Exit codes: 0 all claims passed, 1 a claim failed, 2 a spec or usage error.
Defaults can also come from mcheck.config.json (or .yaml) in the working directory.`;

const GRADE_EXAMPLES = `
Examples:
  $ mcheck grade --questions course/hw3 submissions/*     a score per submission
  $ mcheck grade --questions course/hw3 submissions/* --reporter csv=grades.csv
  $ mcheck grade --questions course/hw3 submissions/* --reporter html=class.html   a gradebook page
  $ mcheck grade --questions course/hw3 submissions/* --seed random   draws no one could know
  $ mcheck check course/hw3 my-answers                    one submission, as a student checks it

Each SUBMISSION folder holds answer files (answers: ID, where, claims); its name names it in
every report. Symbolic links in a submission are refused. Exit codes as for check.`;

const WATCH_HELP = `
Keys: a rerun all, f rerun the failing claims, Enter rerun the last run, h help, q quit.

A saved spec reruns its claims; a question reruns with its answer files, an answer file with its
question. Every run has the same seed (--seed, else the config's, else 1). q exits with the code
mcheck all would give for the claims as last checked: 0 all pass, 1 a claim fails, 2 a spec error.
Needs a terminal, and refuses to run under CI (exit 2): use mcheck check or mcheck all there.

Examples:
  $ mcheck watch                        watch ./identities (or the config's dir)
  $ mcheck watch hw3.yaml --trials 20   watch one file
  $ mcheck check course/hw3 mine --watch   a course's questions, and one's answers to them`;

/**
 * Runs an action with the context of its command (the config loaded once) and keeps its exit
 * code; an action that goes on (watch mode) gives a promise, which commander waits for.
 */
type Act = (action: (context: CommandContext) => number | Promise<number>) => void | Promise<void>;

/** `all` and `check`: one run, or with --watch, watch mode. */
function checkOrWatch(paths: string[] | null, flags: Flags, context: CommandContext): number | Promise<number> {
  return flags.watch === true ? watchCommand(paths, flags, context) : runCommand(paths, flags, context);
}

/** `mcheck watch`: the options of `all`, but those that do not go with it. */
function addWatchCommand(program: Command, act: Act): void {
  const watch = program.command('watch').description('rerun the claims of each spec file you save, until q');
  registerOptions(watch.argument('[paths...]', 'spec files or folders (default: as for all)'), 'all', WATCH_LEAVES_OUT)
    .addHelpText('after', WATCH_HELP)
    .action((paths: string[], flags: Flags) => act((context) => watchCommand(paths, flags, context)));
}

/** `all`, `check` and `explain`: the commands whose options come from the option table. */
function addCheckCommands(program: Command, act: Act): void {
  registerOptions(program.command('all').description('check every spec in a folder'), 'all')
    .addHelpText('after', EXAMPLES)
    .action((flags: Flags) => act((context) => checkOrWatch(null, flags, context)));
  const check = program.command('check').description('check spec files (or folders of them)');
  registerOptions(check.argument('<files...>', 'spec files or folders, or spec ids'), 'check')
    .addHelpText('after', EXAMPLES)
    .action((files: string[], flags: Flags) => act((context) => checkOrWatch(files, flags, context)));
  const grade = program
    .command('grade')
    .description("grade a class: each submission folder's answers against the same questions");
  registerOptions(grade.argument('<submissions...>', 'one folder per submission'), 'grade')
    .addHelpText('after', GRADE_EXAMPLES)
    .action((dirs: string[], flags: Flags) => act((context) => gradeCommand(dirs, flags, context)));
  const explain = program
    .command('explain')
    .description('show one draw of each claim, a failure at its smallest: inputs, both sides, their difference');
  registerOptions(explain.argument('<files...>', 'spec files or folders, or spec ids'), 'explain').action(
    (files: string[], flags: Flags) => act((context) => explainCommand(files, flags, context)),
  );
}

/** How the commands without options reach the outside world. */
interface Wiring {
  readonly act: Act;
  /** Keeps the exit code of an action that needs no config. */
  readonly exit: (code: number) => void;
  readonly io: Io;
  readonly cwd: string;
}

/** `list`, `init` and `schema`, which take none of the table's options. */
function addOtherCommands(program: Command, { act, exit, io, cwd }: Wiring): void {
  program
    .command('list')
    .description('list identities and their claims without running them')
    .argument('[paths...]', 'spec files or folders (default: as for all)')
    .action((paths: string[]) => act((context) => listCommand(paths, context)));
  program
    .command('init')
    .description('scaffold a project: an example spec, a CI workflow, editor wiring')
    .argument('[dir]', 'project folder', '.')
    .option(
      '--from <spec>',
      'depend on mcheck from this npm spec (github:OWNER/REPO#TAG, a tarball URL or a path) instead of vendoring it',
    )
    .option('--vendor', 'pack this mcheck into vendor/ and depend on that tarball (the default)')
    // Not through act: a project being set up may have a broken config, which init must not need.
    .action((dir: string, opts: { from?: string; vendor?: boolean }) => {
      if (opts.from !== undefined && opts.vendor === true) throw new UserError('choose one of --from and --vendor');
      exit(initCommand(dir, { from: opts.from ?? null }, io, cwd));
    });
  program
    .command('functions')
    .description('list the functions expressions may call, with what each computes')
    .action(() => {
      io.stdout(formatFunctions());
    });
  program
    .command('schema')
    .description('print the JSON Schema of the spec format (for editors)')
    .action(() => {
      io.stdout(JSON.stringify(specJsonSchema(packageVersion()), null, 2) + '\n');
    });
}

/**
 * The command-line program. Actions store their exit code in `state.exitCode`; nothing here
 * calls process.exit, so the program can run inside tests.
 */
export function createProgram(io: Io, cwd: string, state: { exitCode: number }): Command {
  // The config is loaded when an action starts, after commander has accepted the command line.
  const act: Act = (action) => {
    const code = action({ io, cwd, config: loadConfig(cwd) });
    if (typeof code !== 'number')
      return code.then((c) => {
        state.exitCode = c;
      });
    state.exitCode = code;
    return undefined;
  };
  const program = new Command('mcheck')
    .description('Check matrix-calculus identities numerically: random draws, central finite differences.')
    .version(packageVersion(), '-v, --version')
    .option('--help-functions', 'list the functions expressions may call (as mcheck functions does)')
    .addHelpText('after', EXAMPLES)
    .showHelpAfterError('(run mcheck --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  program.on('option:help-functions', () => {
    io.stdout(formatFunctions());
    // Like --version: print and stop, whatever else the command line says.
    throw new CommanderError(0, 'mcheck.helpFunctions', '');
  });
  addCheckCommands(program, act);
  addWatchCommand(program, act);
  const exit = (code: number): void => {
    state.exitCode = code;
  };
  addOtherCommands(program, { act, exit, io, cwd });
  return program;
}
