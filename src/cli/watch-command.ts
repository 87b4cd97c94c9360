import { type FSWatcher, statSync, watch } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Chalk } from 'chalk';
import { runIdentities } from '../check/run.js';
import type { RunReport } from '../check/result/run-report.js';
import { UserError } from '../errors.js';
import { PLAIN, paletteOf } from '../report/figures.js';
import { prettyReporter } from '../report/pretty.js';
import { loadIdentities } from '../spec-file/load-identities.js';
import { isSystemError, systemReason } from '../spec-file/system-error.js';
import { type Flags, replayOf, settingsOf, verifyOptions } from './apply-options.js';
import type { CommandContext } from './command-context.js';
import type { CommandSettings } from './command-settings.js';
import { type Io, wantsColor } from './io.js';
import { packageVersion, specFolder } from './paths.js';
import { cacheOf } from './run-command.js';
import { rerunOf } from '../report/replay.js';
import { progressDisplay } from './progress.js';
import { surveyRoles } from './watch/survey-roles.js';
import { WatchSession } from './watch/watch-session.js';

/** Options of `check` and `all` that watch mode refuses: it prints the pretty report, of the whole watched set. */
const REFUSED = ['reporter', 'shard'] as const;

/** The options of the table that `mcheck watch` leaves out (by commander name): the refused ones, and --watch. */
export const WATCH_LEAVES_OUT: ReadonlySet<string> = new Set([...REFUSED, 'watch']);

/** Clears the screen and its scrollback, and puts the cursor home: each rerun starts on a clean terminal. */
const CLEAR = '\u001b[2J\u001b[3J\u001b[H';

/**
 * Throws unless a person is at a terminal: watch mode waits for keys and redraws the screen, so
 * in a CI job or a pipe it would hang until killed, never giving a verdict.
 */
function refuseUnattended(io: Io, stdinIsTTY: boolean): void {
  const instead = 'to check once, use mcheck check PATH... or mcheck all';
  const ci = io.env.CI;
  if (ci !== undefined && ci !== '' && ci !== 'false')
    throw new UserError(`watch mode does not run under CI (CI=${ci}): nobody is there to press q; ${instead}`);
  if (!stdinIsTTY || !io.stdoutIsTTY)
    throw new UserError(`watch mode needs a terminal for stdin and stdout (it reads keys and redraws); ${instead}`);
}

/** Throws for options that do not go with watch mode (reached through `check --watch` or `all --watch`). */
function refuseOptions(flags: Flags, paths: readonly string[]): void {
  for (const name of REFUSED)
    if (flags[name] !== undefined)
      throw new UserError(`--${name} does not go with watch mode; use it with mcheck check or mcheck all`);
  if (paths.length > 0 && (flags.dir !== undefined || flags.bundled === true))
    throw new UserError('--dir and --bundled choose the folder to watch when no PATH is given; give one or the other');
}

/** The parts of the session that run, read and print, with the command's settings. */
function checkingDeps(
  settings: CommandSettings,
  { io, cwd }: CommandContext,
  roots: readonly string[],
  folder: string | null,
) {
  const cache = cacheOf(settings.cache, cwd);
  const palette = wantsColor(io, settings.color) ? paletteOf(new Chalk({ level: 1 })) : PLAIN;
  const replay = replayOf(settings.run);
  const words = folder === null ? ['watch', ...roots] : ['all', '--dir', folder];
  const context = { palette, replay, version: packageVersion(), folder, rerun: rerunOf(words, replay) };
  return {
    survey: (files: readonly string[] | null) => surveyRoles({ roots, limits: settings.run.limits, cache }, files),
    run: (paths: readonly string[], claims: readonly string[] | null) => {
      const run = claims === null ? settings.run : { ...settings.run, claims };
      const loaded = loadIdentities(paths, run.limits, cache);
      const progress = progressDisplay(io);
      const report = runIdentities(loaded.identities, loaded.errors, run, progress.onProgress);
      progress.done();
      return report;
    },
    format: (report: RunReport) => prettyReporter(report, context),
    write: io.stdout,
    clear: () => io.stdout(CLEAR),
  };
}

/** Watches each root: a folder with everything below it, a file through its folder (a save may replace the file). */
function watchRoots(roots: readonly string[], onChange: (path: string) => void, onError: (e: Error) => void) {
  const watchers: FSWatcher[] = [];
  const stop = (): void => watchers.forEach((w) => w.close());
  for (const root of roots) {
    try {
      const watcher = statSync(root).isDirectory()
        ? watch(root, { recursive: true }, (_event, name) => name !== null && onChange(join(root, name)))
        : watch(dirname(root), (_event, name) => name === basename(root) && onChange(root));
      watchers.push(watcher.on('error', onError));
    } catch (error) {
      stop();
      if (!isSystemError(error)) throw error;
      throw new UserError(`cannot watch ${root}: ${systemReason(error)}`);
    }
  }
  return stop;
}

/** Reads keys from a terminal in raw mode (no echo, no Enter needed); returns a function that stops. */
function readKeys(stdin: NodeJS.ReadStream, onKey: (key: string) => void): () => void {
  const onData = (chunk: string): void => {
    // An escape sequence (an arrow key) comes as one chunk, and is no key of ours.
    if (!chunk.startsWith('\u001b')) for (const key of chunk) onKey(key);
  };
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.on('data', onData).resume();
  return () => {
    stdin.off('data', onData).setRawMode(false).pause();
  };
}

/**
 * Runs a session until `q`: its timers, the watchers and the keys, all stopped when it ends. A
 * throw in any callback (a bug, a watcher's error) also ends it, and reaches the CLI's one catch.
 */
function superviseSession(roots: readonly string[], checking: ReturnType<typeof checkingDeps>): Promise<number> {
  return new Promise((resolve, reject) => {
    const stops: (() => void)[] = [];
    const end = (finish: () => void): void => {
      stops.splice(0).forEach((stop) => stop());
      finish();
    };
    const guard =
      <A extends unknown[]>(fn: (...args: A) => void) =>
      (...args: A): void => {
        try {
          fn(...args);
        } catch (error) {
          end(() => reject(error));
        }
      };
    const schedule = (action: () => void, ms: number): (() => void) => {
      const timer = setTimeout(guard(action), ms);
      return () => clearTimeout(timer);
    };
    const quit = (code: number): void => end(() => resolve(code));
    const session = new WatchSession(roots, { ...checking, schedule, clock: () => new Date(), quit });
    const stopped = (e: Error): void => end(() => reject(new UserError(`stopped watching: ${e.message}`)));
    guard(() => {
      const changed = guard((path: string) => session.fileChanged(path));
      stops.push(watchRoots(roots, changed, stopped));
      stops.push(
        readKeys(
          process.stdin,
          guard((key: string) => session.key(key)),
        ),
      );
      session.start();
    })();
  });
}

/** The roots to watch: PATHs, else the folder `mcheck all` checks; and that folder, for the report's header. */
function rootsOf(paths: readonly string[], settings: CommandSettings, cwd: string) {
  const folder = paths.length === 0 ? specFolder(cwd, settings) : null;
  return { roots: folder === null ? paths : [folder], folder };
}

/**
 * `mcheck watch [PATH...]` (and `check --watch`, `all --watch`): runs every watched claim, then
 * reruns the claims of each spec file saved, and those paired with it, until `q`. Resolves with
 * the exit code `mcheck all` would give for the claims as last checked. Refuses (exit 2) without
 * a terminal or under CI, where nobody could press q.
 */
export function watchCommand(paths: readonly string[] | null, flags: Flags, context: CommandContext): Promise<number> {
  refuseUnattended(context.io, process.stdin.isTTY === true);
  refuseOptions(flags, paths ?? []);
  const settings = settingsOf(flags, context.config);
  verifyOptions(flags, settings);
  const { roots, folder } = rootsOf(paths ?? [], settings, context.cwd);
  return superviseSession(roots, checkingDeps(settings, context, roots, folder));
}
