import * as z from 'zod';
import { DEFAULT_TRIALS, MAX_RUN_TRIALS } from '../check/check-claim.js';
import { DEFAULT_PROBES, FULL_MODE, MAX_PROBES } from '../check/plan/mode.js';
import { defaultSettings } from '../index.js';
import { describeLimit, LIMIT_NAMES, type Limits } from '../limits.js';
import { REPORTERS } from '../report/reporters.js';
import { withLimits, withRun } from './command-settings.js';
import { type CommandName, type OptionEntry, option } from './option-entry.js';
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
import { collectTargets, firstBadTarget, parseTarget } from './targets.js';

const DEFAULTS = defaultSettings();
const RUN: readonly CommandName[] = ['all', 'check', 'grade'];
const EVERY: readonly CommandName[] = ['all', 'check', 'grade', 'explain'];

/** The first size of `dims` above the run's dim limit, as a message; or null. */
function dimsAboveLimit(dims: ReadonlyMap<string, number>, limits: Limits): string | null {
  const [name, size] = [...dims].find(([, n]) => n > limits.dim) ?? [];
  return name === undefined ? null : `--dims ${name}=${size} is above ${describeLimit(limits, 'dim')}`;
}

/** `--max-rtol` or `--max-atol` (config `maxRtol`, `maxAtol`): the loosest tolerance a spec may set. */
function capOption(key: 'rtol' | 'atol', consequence: string): OptionEntry {
  return option({
    flags: `--max-${key} <x>`,
    parse: parseTolerance,
    help: `loosest ${key} a spec may set for itself${consequence}`,
    commands: RUN,
    config: { key: `max${key[0]!.toUpperCase()}${key.slice(1)}`, schema: z.number().nonnegative(), read: (x) => x },
    set: (s, value) => withRun(s, { maxTolerance: { ...s.run.maxTolerance, [key]: value } }),
  });
}

/**
 * Every option of `mcheck all`, `check` and `explain`, in the order of their help. Each entry is
 * the whole truth about its option: flag, parser, help, commands, config key, where its value goes
 * in the settings (the flag's, else the config file's, else the default), and what a rerun repeats.
 */
export const OPTIONS: readonly OptionEntry[] = [
  option({
    flags: '--seed <n>',
    parse: parseSeed,
    help: `seed of the random draws, or "random" (default: ${DEFAULTS.seed})`,
    commands: EVERY,
    config: {
      key: 'seed',
      schema: z.union([z.number().int().nonnegative(), z.literal('random')]),
      read: (seed) => (seed === 'random' ? parseSeed(seed) : seed),
    },
    set: (s, seed) => withRun(s, { seed }),
  }),
  option({
    flags: '--trials <n>',
    parse: parsePositiveInt,
    help: `random draws per claim, overriding the specs' own (default: ${DEFAULT_TRIALS})`,
    commands: RUN,
    config: { key: 'trials', schema: z.number().int().positive().max(MAX_RUN_TRIALS), read: (n) => n },
    set: (s, trials) => withRun(s, { trials }),
    repeat: (s) => (s.trials === null ? [] : ['--trials', String(s.trials)]),
  }),
  option({
    flags: '--rtol <x>',
    parse: parseTolerance,
    help: `relative tolerance where a spec sets none (default: ${DEFAULTS.tolerance.rtol})`,
    commands: EVERY,
    config: { key: 'rtol', schema: z.number().nonnegative(), read: (x) => x },
    set: (s, rtol) => withRun(s, { tolerance: { ...s.run.tolerance, rtol } }),
    repeat: ({ tolerance: { rtol } }) => (rtol === DEFAULTS.tolerance.rtol ? [] : ['--rtol', String(rtol)]),
  }),
  option({
    flags: '--atol <x>',
    parse: parseTolerance,
    help: `absolute tolerance where a spec sets none (default: ${DEFAULTS.tolerance.atol})`,
    commands: EVERY,
    config: { key: 'atol', schema: z.number().nonnegative(), read: (x) => x },
    set: (s, atol) => withRun(s, { tolerance: { ...s.run.tolerance, atol } }),
    repeat: ({ tolerance: { atol } }) => (atol === DEFAULTS.tolerance.atol ? [] : ['--atol', String(atol)]),
  }),
  capOption('rtol', "; a looser one is a spec error (for a course's CI)"),
  capOption('atol', '; a looser one is a spec error'),
  option({
    flags: '--mode <mode>',
    parse: parseMode,
    help: 'full: central differences along every entry; fast: along a few random directions (default: full)',
    commands: RUN,
    config: { key: 'mode', schema: z.enum(['full', 'fast']), read: (name) => name },
    set: (s, name) => withRun(s, { mode: name === 'full' ? FULL_MODE : { name, probes: DEFAULT_PROBES } }),
    repeat: (s) => (s.mode.name === 'fast' ? ['--mode', 'fast'] : []),
  }),
  option({
    flags: '--probes <k>',
    parse: parseProbes,
    help: `random directions per trial in fast mode (default: ${DEFAULT_PROBES})`,
    commands: RUN,
    config: { key: 'probes', schema: z.number().int().positive().max(MAX_PROBES), read: (k) => k },
    // Applied after --mode: the probes count only in fast mode.
    set: (s, probes) => (s.run.mode.name === 'fast' ? withRun(s, { mode: { name: 'fast', probes } }) : s),
    verify: (s) =>
      s.run.mode.name === 'fast' ? null : '--probes counts the random directions of fast mode; add --mode fast',
    repeat: (s) => (s.mode.name === 'fast' ? ['--probes', String(s.mode.probes)] : []),
  }),
  option({
    flags: '--workers <n>',
    parse: parseWorkers,
    help: `threads that share the finite differences of a large claim; 0 runs everything in-process (default: ${DEFAULTS.workers}, one per extra core)`,
    commands: RUN,
    set: (s, workers) => withRun(s, { workers }),
  }),
  option({
    flags: '--reporter <name[=file]>',
    parse: collectTargets,
    help: `${Object.keys(REPORTERS).join(', ')}; to a file with =FILE (repeatable; default: pretty)`,
    commands: RUN,
    config: {
      key: 'reporters',
      schema: z.array(z.string()).min(1),
      read: (names) => names.map(parseTarget),
      problem: (names) => {
        const bad = firstBadTarget(names);
        return bad === null ? null : { path: [bad.index], message: bad.message };
      },
    },
    set: (s, reporters) => ({ ...s, reporters }),
  }),
  option({
    flags: '--claim <name>',
    parse: collect,
    help: 'only claims with this name or row (repeatable)',
    commands: EVERY,
    set: (s, claims) => withRun(s, { claims }),
  }),
  option({
    flags: '--grep <pattern>',
    parse: parsePattern,
    help: 'only claims whose row matches this regular expression',
    commands: RUN,
    set: (s, grep) => withRun(s, { grep }),
  }),
  option({
    flags: '--shard <i/n>',
    parse: parseShard,
    help: 'only the i-th of n disjoint parts of the run',
    commands: RUN,
    set: (s, shard) => withRun(s, { shard }),
  }),
  option<boolean>({
    flags: '--bail',
    help: 'stop after the first claim that does not pass',
    commands: RUN,
    set: (s, bail) => withRun(s, { bail }),
  }),
  option({
    flags: '--trial <k>',
    parse: parsePositiveInt,
    help: 'run only trial k of each claim (to replay a failure)',
    helpIn: { explain: 'which trial to show (default: the smallest failing case, else 1)' },
    commands: EVERY,
    set: (s, trial) => withRun(s, { trial }),
  }),
  option({
    flags: '--dims <sizes>',
    parse: parseDims,
    help: 'fix dims sizes, e.g. m=2,n=3 (to replay a shrunk failure)',
    commands: EVERY,
    set: (s, dims) => withRun(s, { dims }),
    // Checked once --limit is known: the largest size is the run's dim limit.
    verify: (s, dims) => dimsAboveLimit(dims, s.run.limits),
  }),
  option<boolean>({
    flags: '--no-hints',
    help: 'on a failure, skip the search for a near miss and a smaller case',
    commands: RUN,
    set: (s, diagnose) => withRun(s, { diagnose }),
  }),
  option({
    flags: '--timeout <seconds>',
    parse: parseSeconds,
    help: `time budget of each claim (default: ${DEFAULTS.limits.timeoutMs / 1000})`,
    commands: EVERY,
    // Before --limit, so that it wins over --limit timeout=N.
    set: (s, seconds) => withLimits(s, new Map([['timeout', seconds]])),
  }),
  option({
    flags: '--limit <name=value>',
    parse: parseLimit,
    help: `raise a limit: ${Object.keys(LIMIT_NAMES).join(', ')} (repeatable)`,
    commands: EVERY,
    set: withLimits,
  }),
  option<boolean>({
    flags: '--no-cache',
    help: 'parse every spec file, ignoring and not writing node_modules/.cache/mcheck',
    commands: RUN,
    set: (s, cache) => ({ ...s, cache }),
  }),
  option<boolean>({
    flags: '--no-color',
    help: 'plain output (also: NO_COLOR=1)',
    commands: EVERY,
    set: (s, color) => ({ ...s, color }),
  }),
  option<string>({
    flags: '--dir <dir>',
    help: 'folder of specs (default: ./identities)',
    commands: ['all'],
    config: { key: 'dir', schema: z.string(), read: (dir) => dir },
    set: (s, dir) => ({ ...s, dir }),
  }),
  option<string>({
    flags: '--questions <dir>',
    help: "the course's question files (the class's answers are the SUBMISSION folders)",
    commands: ['grade'],
    set: (s, questions) => ({ ...s, questions }),
  }),
  option<boolean>({
    flags: '--bundled',
    help: "check the bundled set (every formula of a hint sheet on matrix derivatives) instead of a folder of one's own",
    commands: ['all'],
    set: (s, bundled) => ({ ...s, bundled }),
  }),
  option<boolean>({
    flags: '--watch',
    help: 'rerun the claims of each spec file saved, until q (as mcheck watch; needs a terminal)',
    commands: ['all', 'check'],
    // Nothing of the run changes: program.ts hands a command with --watch to watch mode.
    set: (s) => s,
  }),
];
