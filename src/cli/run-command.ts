import { Chalk } from 'chalk';
import { loadIdentities } from '../spec-file/load-identities.js';
import { runIdentities, type RunSettings } from '../check/run.js';
import { DEFAULT_ATOL, DEFAULT_RTOL } from '../numeric/closeness.js';
import { REPORTERS } from '../report/reporters.js';
import { PLAIN, paletteOf } from '../report/figures.js';
import type { RunReport } from '../check/result.js';
import type { ReplayFlags } from '../report/replay.js';
import { type Io, wantsColor } from './io.js';
import { loadConfig, type Config } from './config.js';
import { parseSeed } from './options.js';
import { packageVersion, defaultDir, cacheDir, buildStamp } from './paths.js';
import { specCache, type SpecCache } from '../spec-file/spec-cache.js';
import { parseTarget, writeWhole, type ReporterTarget } from './targets.js';
import { progressDisplay } from './progress.js';
import { DEFAULT_LIMITS, withOverrides, type Limits } from '../limits.js';
import { type CheckMode, DEFAULT_PROBES, FULL_MODE } from '../check/mode.js';
import { DEFAULT_WORKERS, setWorkerCount } from '../check/worker-pool.js';

/** The seed when none is given: fixed, so that a CI job gives the same verdicts on every push. */
export const DEFAULT_SEED = 1;

/** Options of `all` and `check` as commander hands them over (absent when not given). */
export interface RunFlags {
  seed?: number;
  trials?: number;
  rtol?: number;
  atol?: number;
  mode?: 'full' | 'fast';
  probes?: number;
  workers?: number;
  cache: boolean;
  reporter?: ReporterTarget[];
  claim?: string[];
  grep?: RegExp;
  shard?: { index: number; count: number };
  bail?: boolean;
  trial?: number;
  dims?: Map<string, number>;
  limit?: Map<string, number>;
  timeout?: number;
  hints: boolean;
  color: boolean;
  dir?: string;
}

/** The limits of a run: defaults, then `--limit` values, then `--timeout`. */
export function limitsOf(flags: Pick<RunFlags, 'limit' | 'timeout'>): Limits {
  const overrides = new Map(flags.limit ?? []);
  if (flags.timeout !== undefined) overrides.set('timeout', flags.timeout);
  return withOverrides(DEFAULT_LIMITS, overrides);
}

/** Flags over config over defaults, as run settings. */
export function settingsOf(flags: RunFlags, config: Config): RunSettings {
  const seed =
    flags.seed ??
    (config.seed === undefined ? DEFAULT_SEED : config.seed === 'random' ? parseSeed('random') : config.seed);
  return {
    seed,
    trials: flags.trials ?? config.trials ?? null,
    tolerance: { rtol: flags.rtol ?? config.rtol ?? DEFAULT_RTOL, atol: flags.atol ?? config.atol ?? DEFAULT_ATOL },
    trial: flags.trial ?? null,
    dims: flags.dims ?? new Map(),
    diagnose: flags.hints,
    claims: flags.claim ?? [],
    grep: flags.grep ?? null,
    shard: flags.shard ?? null,
    bail: flags.bail ?? false,
    limits: limitsOf(flags),
    mode: modeOf(flags, config),
  };
}

/** The spec cache of a run, unless --no-cache (or there is no node_modules folder to keep it in). */
function cacheOf(flags: RunFlags, cwd: string): SpecCache | null {
  const stamp = flags.cache ? buildStamp() : null;
  const dir = stamp === null ? null : cacheDir(cwd);
  return dir === null || stamp === null ? null : specCache(dir, stamp);
}

/** Flags over config over full mode; the probes count only in fast mode. */
function modeOf(flags: RunFlags, config: Config): CheckMode {
  const name = flags.mode ?? config.mode ?? 'full';
  return name === 'full' ? FULL_MODE : { name, probes: flags.probes ?? config.probes ?? DEFAULT_PROBES };
}

/** What a replay must repeat beyond seed, trial and dims: non-default trials and tolerances. */
function replayOf(settings: RunSettings, flags: RunFlags): ReplayFlags {
  const extra: string[] = [];
  if (settings.trials !== null) extra.push('--trials', String(settings.trials));
  if (settings.tolerance.rtol !== DEFAULT_RTOL) extra.push('--rtol', String(settings.tolerance.rtol));
  if (settings.tolerance.atol !== DEFAULT_ATOL) extra.push('--atol', String(settings.tolerance.atol));
  if (settings.mode.name === 'fast') extra.push('--mode', 'fast', '--probes', String(settings.mode.probes));
  return { seed: settings.seed, extra, dims: flags.dims ?? new Map() };
}

/**
 * The reporters of a run: flags, else config, else pretty. Under GitHub Actions annotations are
 * added, unless stdout already carries a machine-readable report they would corrupt.
 */
function targetsOf(flags: RunFlags, config: Config, io: Io): ReporterTarget[] {
  const targets = flags.reporter ?? config.reporters?.map(parseTarget) ?? [{ name: 'pretty', file: null }];
  const stdoutIsMachineReadable = targets.some((t) => t.file === null && t.name !== 'pretty');
  if (io.env.GITHUB_ACTIONS === 'true' && !stdoutIsMachineReadable && !targets.some((t) => t.name === 'github')) {
    return [...targets, { name: 'github', file: null }];
  }
  return targets;
}

/** Formats the report with every reporter; files are written whole. Returns false if one failed. */
function emit(
  report: RunReport,
  targets: readonly ReporterTarget[],
  replay: ReplayFlags,
  flags: RunFlags,
  io: Io,
): boolean {
  let ok = true;
  for (const t of targets) {
    const color = t.file === null && t.name === 'pretty' && wantsColor(io, flags.color);
    const palette = color ? paletteOf(new Chalk({ level: 1 })) : PLAIN;
    const text = REPORTERS[t.name]!(report, { palette, replay, version: packageVersion() });
    if (t.file === null) io.stdout(text);
    else {
      const problem = writeWhole(t.file, text);
      if (problem !== null) {
        io.stderr(`mcheck: ${problem}\n`);
        ok = false;
      }
    }
  }
  return ok;
}

/**
 * `mcheck all` (paths null: the --dir, config or default folder) and `mcheck check PATHS`: load,
 * run, report, and return the exit code: 0 all passed, 1 a claim failed, 2 a spec or usage error.
 */
export function runCommand(paths: string[] | null, flags: RunFlags, io: Io, cwd: string): number {
  const loadedConfig = loadConfig(cwd);
  if (!loadedConfig.ok) {
    io.stderr(`mcheck: bad config: ${loadedConfig.message}\n`);
    return 2;
  }
  const config = loadedConfig.config;
  const targets = targetsOf(flags, config, io);
  if (targets.filter((t) => t.file === null && t.name !== 'github').length > 1) {
    io.stderr('mcheck: only one reporter can write to the terminal; send the others to files with NAME=FILE\n');
    return 2;
  }
  const settings = settingsOf(flags, config);
  if (flags.probes !== undefined && settings.mode.name !== 'fast') {
    io.stderr('mcheck: --probes counts the random directions of fast mode; add --mode fast\n');
    return 2;
  }
  setWorkerCount(flags.workers ?? DEFAULT_WORKERS);
  const loaded = loadIdentities(
    paths ?? [flags.dir ?? config.dir ?? defaultDir(cwd)],
    settings.limits,
    cacheOf(flags, cwd),
  );
  const progress = progressDisplay(io);
  const report = runIdentities(loaded.identities, loaded.errors, settings, progress.onProgress);
  progress.done();
  const written = emit(report, targets, replayOf(settings, flags), flags, io);
  if (report.results.length === 0 && report.errors.length === 0) {
    io.stderr('mcheck: no claims matched\n');
    return settings.shard !== null ? 0 : 2;
  }
  if (!written || report.summary.errors > 0) return 2;
  return report.summary.failed > 0 ? 1 : 0;
}
