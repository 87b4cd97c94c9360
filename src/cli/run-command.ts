import { Chalk } from 'chalk';
import { loadIdentities } from '../spec-file/load-identities.js';
import { type OnProgress, type RunSettings, runIdentities } from '../check/run.js';
import { selectionMisses } from '../check/select.js';
import { REPORTERS } from '../report/reporters.js';
import { PLAIN, paletteOf } from '../report/figures.js';
import type { RunReport, Summary } from '../check/result/run-report.js';
import { type ReplayFlags, rerunOf } from '../report/replay.js';
import { UserError } from '../errors.js';
import { type Io, wantsColor } from './io.js';
import { packageVersion, specFolder, cacheDir, buildStamp } from './paths.js';
import { specCache, type SpecCache } from '../spec-file/spec-cache.js';
import { writeReport, type ReporterTarget } from './targets.js';
import { progressDisplay } from './progress.js';
import { type LiveRows, liveRows, streamsRows, withLiveRows } from './live-rows.js';
import { type Flags, replayOf, settingsOf, verifyOptions } from './apply-options.js';
import type { CommandContext } from './command-context.js';
import type { CommandSettings } from './command-settings.js';
import { resolveTargets, withGuesses } from './resolve-targets.js';

/**
 * The exit code of a run: 2 when the specs or the run itself need fixing (a spec error, an
 * expression that cannot be evaluated, a report that could not be written); 1 when a claim
 * failed or a limit stopped it before it was decided; 0 when every claim passed.
 */
export function exitCodeOf(summary: Summary, written: boolean): number {
  if (!written || summary.errors > summary.limited) return 2;
  return summary.failed > 0 || summary.limited > 0 ? 1 : 0;
}

/** The spec cache of a run, unless --no-cache (or there is no node_modules folder to keep it in). */
export function cacheOf(enabled: boolean, cwd: string): SpecCache | null {
  const stamp = enabled ? buildStamp() : null;
  const dir = stamp === null ? null : cacheDir(cwd);
  return dir === null || stamp === null ? null : specCache(dir, stamp);
}

/**
 * The reporters of a run: flags, else config, else pretty. Reporters that all write to files
 * leave the terminal the pretty report, so a run never goes silent. Under GitHub Actions
 * annotations are added, unless stdout already carries a machine-readable report they would corrupt.
 */
function targetsOf(reporters: readonly ReporterTarget[] | null, io: Io): readonly ReporterTarget[] {
  const pretty: ReporterTarget = { name: 'pretty', file: null };
  const given = reporters ?? [];
  const targets = given.every((t) => t.file !== null) ? [pretty, ...given] : given;
  const stdoutIsMachineReadable = targets.some((t) => t.file === null && t.name !== 'pretty');
  if (io.env.GITHUB_ACTIONS === 'true' && !stdoutIsMachineReadable && !targets.some((t) => t.name === 'github')) {
    return [...targets, { name: 'github', file: null }];
  }
  return targets;
}

/** What `emit` writes where. */
interface Emission {
  readonly report: RunReport;
  readonly targets: readonly ReporterTarget[];
  readonly replay: ReplayFlags;
  readonly color: boolean;
  readonly io: Io;
  /** The folder `mcheck all` checks, for the header; null for `check`. */
  readonly folder: string | null;
  /** The command that reruns the whole run. */
  readonly rerun: string;
  /** The pretty report's rows, printed to the terminal as the run went; null when not. */
  readonly live: LiveRows | null;
}

/** What a reporter writing to `t` is given besides the report: colour only for pretty on a terminal. */
function contextOf(
  t: ReporterTarget,
  { replay, color, io, folder, rerun }: Omit<Emission, 'report' | 'targets' | 'live'>,
) {
  const colored = t.file === null && t.name === 'pretty' && wantsColor(io, color);
  const palette = colored ? paletteOf(new Chalk({ level: 1 })) : PLAIN;
  return { palette, replay, version: packageVersion(), folder, rerun };
}

/** What a command checks, in the words of its rerun line: `all --dir specs`, `check a.yaml`. */
export type RunWords = (settings: CommandSettings) => readonly string[];

/** Formats the report with every reporter; files are written whole. Returns false if one failed. */
function emit({ report, targets, ...context }: Emission): boolean {
  const { io, live } = context;
  let ok = true;
  for (const t of targets) {
    const streamed = live !== null && t.file === null && t.name === 'pretty';
    const text = streamed ? live.rest(report) : REPORTERS[t.name]!(report, contextOf(t, context));
    if (t.file === null) io.stdout(text);
    else {
      const problem = writeReport(t.file, text);
      if (problem !== null) {
        io.stderr(`mcheck: ${problem}\n`);
        ok = false;
      }
    }
  }
  return ok;
}

/** How a command makes its report: from the run's settings, the spec cache and a progress callback. */
export type Produce = (run: RunSettings, cache: SpecCache | null, onProgress: OnProgress) => RunReport;

/**
 * The shell of every checking command: settings from flags and config, the reporters, the run
 * with its progress display, the reports, and the exit code (0 all passed, 1 a claim failed or
 * was stopped by a limit, 2 a spec or usage error). `folder` names what `mcheck all` checks.
 */
export function reportRun(
  produce: (settings: CommandSettings) => Produce,
  flags: Flags,
  { io, cwd, config }: CommandContext,
  shape: { readonly words: RunWords; readonly folder: ((settings: CommandSettings) => string) | null },
): number {
  const settings = settingsOf(flags, config);
  const targets = targetsOf(settings.reporters, io);
  if (targets.filter((t) => t.file === null && t.name !== 'github').length > 1) {
    throw new UserError('only one reporter can write to the terminal; send the others to files with NAME=FILE');
  }
  verifyOptions(flags, settings);
  const { run } = settings;
  const checked = shape.folder === null ? null : shape.folder(settings);
  const make = produce(settings);
  const replay = replayOf(run);
  const rerun = rerunOf(shape.words(settings), replay);
  const context = { replay, color: settings.color, io, folder: checked, rerun };
  const progress = progressDisplay(io);
  const terminal: ReporterTarget = { name: 'pretty', file: null };
  const live = streamsRows(io, targets, run.bail) ? liveRows(io.stdout, contextOf(terminal, context)) : null;
  const report = make(run, cacheOf(settings.cache, cwd), live ? withLiveRows(progress, live) : progress.onProgress);
  progress.done();
  const written = emit({ report, targets, ...context, live });
  if (report.results.length === 0 && report.errors.length === 0) {
    io.stderr('mcheck: no claims matched\n');
    return run.shard !== null ? 0 : 2;
  }
  return exitCodeOf(report.summary, written);
}

/**
 * `mcheck all` (paths null: the --dir, config or default folder) and `mcheck check PATHS`: load
 * (questions completed by their answer files), run, report, and return the exit code.
 */
export function runCommand(paths: string[] | null, flags: Flags, context: CommandContext): number {
  let folder: string | null = null;
  const chooseFolder = (settings: CommandSettings): string => (folder = specFolder(context.cwd, settings));
  const produce = (): Produce => (run, cache, onProgress) => {
    const where = { cwd: context.cwd, dir: settingsOf(flags, context.config).dir };
    const targets = resolveTargets(paths ?? [folder!], where, run.limits);
    const loaded = withGuesses(loadIdentities(targets.paths, run.limits, cache), targets);
    const claims = loaded.identities.flatMap((identity) => [...identity.claims, ...identity.open]);
    for (const miss of selectionMisses(claims, run)) context.io.stderr(`mcheck: ${miss}\n`);
    return runIdentities(loaded.identities, loaded.errors, run, onProgress);
  };
  const words: RunWords = (settings) =>
    paths === null ? ['all', ...(settings.dir === null ? [] : ['--dir', settings.dir])] : ['check', ...paths];
  return reportRun(produce, flags, context, { words, folder: paths === null ? chooseFolder : null });
}
