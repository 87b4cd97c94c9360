import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is test/helpers/run-cli.ts). */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The real executable, as installed by npm (`bin/mcheck.js` → `dist/cli/main.js`). */
export const BIN = join(REPO_ROOT, 'bin', 'mcheck.js');

export interface CliResult {
  /** Exit code, or null when the process was killed. */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  /** Working directory; the repository root by default. */
  readonly cwd?: string;
  /** Variables to set on top of the test's environment; `undefined` removes a variable. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Environment of a spawned CLI: no colour unless a test asks for it, no debug traces. */
function childEnv(overrides: Readonly<Record<string, string | undefined>>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  delete env.MCHECK_DEBUG;
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/** Spawns `node bin/mcheck.js ...args` and waits for it. */
export function runCli(args: readonly string[], options: RunOptions = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: childEnv(options.env ?? {}),
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.error !== undefined) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let shimDir: string | null = null;

/** A folder holding an `mcheck` executable that runs this checkout, for commands the CLI prints. */
function mcheckShim(): string {
  if (shimDir !== null) return shimDir;
  const dir = mkdtempSync(join(tmpdir(), 'mcheck-shim-'));
  const script = join(dir, 'mcheck');
  writeFileSync(script, `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"\n`);
  chmodSync(script, 0o755);
  shimDir = dir;
  return dir;
}

/**
 * Runs a command line exactly as a user would paste it into a POSIX shell, with `mcheck` on the
 * PATH. Used to run the `rerun:` commands the report prints, quoting included.
 */
export function runShell(command: string, options: RunOptions = {}): CliResult {
  const env = childEnv(options.env ?? {});
  env.PATH = `${mcheckShim()}:${env.PATH ?? ''}`;
  const result = spawnSync('/bin/sh', ['-c', command], {
    cwd: options.cwd ?? REPO_ROOT,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.error !== undefined) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Non-empty lines of a text. */
export function lines(text: string): string[] {
  return text.split('\n').filter((l) => l.trim() !== '');
}

/** The last non-empty line of a text ('' when there is none). */
export function lastLine(text: string): string {
  return lines(text).at(-1) ?? '';
}

/** One claim row of the pretty report. */
export interface PrettyRow {
  readonly mark: '✓' | '✗' | '!';
  readonly row: string;
  readonly abs: string;
  readonly rel: string;
  readonly trials: number;
  /** A failed row's dims of the failing draw (`m=4, n=6`), else null. */
  readonly failedAt: string | null;
  /** The whole line as printed. */
  readonly text: string;
}

const ROW = /^ ([✓✗!]) (.+?) +abs (\S+) +rel (\S+) +(\d+) trials?(?: · failed at (.+))?$/;

/** The claim rows of a pretty (uncoloured) report, in order. */
export function prettyRows(stdout: string): PrettyRow[] {
  const rows: PrettyRow[] = [];
  for (const text of stdout.split('\n')) {
    const m = ROW.exec(text);
    if (m === null) continue;
    const [mark, row, abs, rel, trials] = [m[1] as PrettyRow['mark'], m[2]!, m[3]!, m[4]!, Number(m[5])];
    rows.push({ mark, row, abs, rel, trials, failedAt: m[6] ?? null, text });
  }
  return rows;
}

/**
 * The detail lines printed under each claim row (reason, hints, `at file:line`, `rerun: ...`),
 * keyed by row: every line indented by five spaces up to the next row or blank line.
 */
export function rowDetails(stdout: string): Map<string, string[]> {
  const out = stdout.split('\n');
  const details = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const text of out) {
    const m = ROW.exec(text);
    if (m !== null) {
      current = [];
      details.set(m[2]!, current);
    } else if (current !== null && text.startsWith('     ')) {
      current.push(text);
    } else {
      current = null;
    }
  }
  return details;
}

/** The `rerun:` commands of a pretty report, in order. */
export function rerunCommands(stdout: string): string[] {
  return stdout
    .split('\n')
    .map((l) => /^\s+rerun: (.+)$/.exec(l)?.[1])
    .filter((c): c is string => c !== undefined);
}

/**
 * Signs that a JavaScript stack trace or an internal error leaked into the output. The report's
 * own `at file:line` lines have no column, so they do not match the frame pattern.
 */
export const STACK_TRACE_SIGNS: readonly RegExp[] = [
  /^\s+at .*:\d+:\d+\)?$/m, // a stack frame: `    at fn (file:1:2)` or `    at file:1:2`
  /node:internal/,
  /internal error/i,
  /^\w*Error: /m, // an uncaught error's first line
];

/** The texts of `result` that look like a stack trace (empty when clean). */
export function stackTraceSigns(result: CliResult): string[] {
  const both = `${result.stdout}\n${result.stderr}`;
  return STACK_TRACE_SIGNS.filter((re) => re.test(both)).map((re) => `${re}: ${re.exec(both)?.[0] ?? ''}`);
}

/** ANSI escape sequences. */
// eslint-disable-next-line no-control-regex
export const ANSI = /\u001b\[[0-9;]*m/;
