import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runIdentities } from '../../src/check/run.js';
import { replayOf } from '../../src/cli/apply-options.js';
import type { Io } from '../../src/cli/io.js';
import { liveRows, streamsRows, withLiveRows } from '../../src/cli/live-rows.js';
import { progressDisplay } from '../../src/cli/progress.js';
import { defaultSettings } from '../../src/index.js';
import { PLAIN, paletteOf } from '../../src/report/figures.js';
import { prettyReporter } from '../../src/report/pretty.js';
import type { ReporterContext } from '../../src/report/reporter.js';
import { loadIdentities } from '../../src/spec-file/load-identities.js';
import { BIN, REPO_ROOT, prettyRows, runCli } from '../helpers/run-cli.js';
import { spec } from '../helpers/spec-text.js';

// The pretty report printed as the run goes, on a terminal: the same bytes as the whole report,
// each row as soon as its claim is checked, and the progress line of a long claim cleared
// before its row. In pipes and under CI, nothing of it.

const SETTINGS = { ...defaultSettings(), workers: 0 };
const CLEAR = '\r\u001b[K';

/** A terminal's Io that keeps what went to stdout and stderr, in order. */
function terminal(): Io & { readonly writes: (readonly ['out' | 'err', string])[] } {
  const writes: (readonly ['out' | 'err', string])[] = [];
  return {
    writes,
    stdout: (t) => void writes.push(['out', t]),
    stderr: (t) => void writes.push(['err', t]),
    env: {},
    stdoutIsTTY: true,
    stderrIsTTY: true,
  };
}

describe('the pretty report in parts', () => {
  const context = (colour: boolean): ReporterContext => ({
    palette: colour ? paletteOf(new Chalk({ level: 1 })) : PLAIN,
    replay: replayOf(SETTINGS),
    version: 'test',
    folder: 'somewhere',
    rerun: 'mcheck all',
  });

  it.each([
    ['test/fixtures/wrong', false],
    ['test/fixtures/hints', true],
    ['test/fixtures/malformed', false],
    ['identities', true],
  ])('adds up to the whole report for %s (colour %s)', (dir, colour) => {
    const loaded = loadIdentities([join(REPO_ROOT, dir)]);
    const io = terminal();
    const live = liveRows(io.stdout, context(colour));
    const report = runIdentities(loaded.identities, loaded.errors, SETTINGS, withLiveRows(progressDisplay(io), live));
    const streamed = io.writes.filter(([to]) => to === 'out').map(([, t]) => t);
    expect(streamed).toHaveLength(1 + report.results.length); // the header, then one write a row
    expect(streamed.join('') + live.rest(report)).toBe(prettyReporter(report, context(colour)));
  });

  it('is the whole report at the end when the run never started the rows (a graded class)', () => {
    const live = liveRows(() => {}, context(false));
    const loaded = loadIdentities([join(REPO_ROOT, 'test/fixtures/wrong')]);
    const report = runIdentities(loaded.identities, loaded.errors, { ...SETTINGS, diagnose: false });
    expect(live.rest(report)).toBe(prettyReporter(report, context(false)));
  });

  it('is printed in parts only for a pretty report to a terminal, outside CI, without --bail', () => {
    const pretty = [{ name: 'pretty', file: null }];
    const tty = terminal();
    expect(streamsRows(tty, pretty, false)).toBe(true);
    expect(streamsRows({ ...tty, stdoutIsTTY: false }, pretty, false)).toBe(false);
    expect(streamsRows({ ...tty, env: { CI: 'true' } }, pretty, false)).toBe(false);
    expect(streamsRows({ ...tty, env: { CI: 'false' } }, pretty, false)).toBe(true);
    expect(streamsRows(tty, pretty, true)).toBe(false);
    expect(streamsRows(tty, [{ name: 'json', file: null }], false)).toBe(false);
    expect(streamsRows(tty, [{ name: 'pretty', file: 'out.txt' }], false)).toBe(false);
  });
});

describe('rows and the progress line on one terminal', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('clears the progress line before each row', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const io = terminal();
    const progress = progressDisplay(io);
    // The run has taken over a second, so each claim's start draws the line.
    vi.setSystemTime(Date.now() + 5000);
    const live = liveRows(io.stdout, {
      palette: PLAIN,
      replay: replayOf(SETTINGS),
      version: 'test',
      folder: null,
      rerun: 'mcheck all',
    });
    const loaded = loadIdentities([join(REPO_ROOT, 'identities/trace-gradient.yaml')]);
    const report = runIdentities(loaded.identities, [], SETTINGS, withLiveRows(progress, live));
    expect(report.results.length).toBeGreaterThan(0);
    const rows = io.writes.flatMap(([to, text], i) => (to === 'out' && text.startsWith(' ✓') ? [i] : []));
    expect(rows).toHaveLength(report.results.length);
    for (const i of rows) {
      expect(io.writes[i - 2]![1].startsWith(`${CLEAR} checking `)).toBe(true);
      expect(io.writes[i - 2]![1]).toContain('trace-gradient');
      expect(io.writes[i - 1]).toEqual(['err', CLEAR]);
    }
  });
});

// ---- The real binary, in a pseudo-terminal (util-linux script), in a pipe, and under CI ----

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

/** A claim that fails at once, on drawn dims. */
const WRONG = spec`
  id: w
  dims:
    n: [2, 4]
    m: [5, 6]
  vars:
    A: { shape: [n, m] }
    X: { shape: [m, n] }
  claims:
    - name: square
      kind: gradient
      f: trace(A * X)
      wrt: X
      expect: A
`;

/** A claim of a few seconds: 4096 entries a trial, each four LU factorisations of 64×64. */
const LONG = spec`
  id: big-logdet
  dims:
    n: 64
  vars:
    X: { shape: [n, n], sample: invertible }
  claims:
    - name: dX
      kind: gradient
      f: logdet(X)
      wrt: X
      expect: inv(X)'
`;

const ARGS = ['check', 'wrong.yaml', 'long.yaml', '--trials', '3', '--workers', '0'];

/** Environment of a spawned run: no colour (so bytes compare), not under CI unless asked. */
function envOf(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...extra };
  for (const key of ['CI', 'GITHUB_ACTIONS', 'FORCE_COLOR', 'MCHECK_DEBUG']) if (!(key in extra)) delete env[key];
  return env;
}

/** Single quotes for a POSIX shell. */
const quote = (s: string): string => `'${s.replaceAll("'", `'\\''`)}'`;

/** `mcheck ARGS` on a pseudo-terminal for stdin, stdout and stderr: everything the terminal got, in order. */
function inTerminal(cwd: string, env: NodeJS.ProcessEnv): { code: number | null; text: string } {
  const command = [process.execPath, BIN, ...ARGS].map(quote).join(' ');
  const run = spawnSync('script', ['-qfec', command, '/dev/null'], { cwd, env, encoding: 'utf8', timeout: 60_000 });
  if (run.error !== undefined) throw run.error;
  return { code: run.status, text: run.stdout };
}

/** A progress line as drawn: cleared line, then the count, the row and the figures of the long claim. */
// eslint-disable-next-line no-control-regex -- the terminal's escape for clearing the line
const FIGURES = /\r\u001b\[K 2\/2 big-logdet\/dX · trial [23]\/3 · entries \d+\/4096 · \d+k? evals\/s · ~\d+s left/;

/** What stdout alone carried: the terminal's text without the progress lines and their clearing. */
function stdoutOf(text: string): string {
  // eslint-disable-next-line no-control-regex -- the progress lines are escapes and text with no line break
  return text.replace(/\r\u001b\[K( checking [^\r\n\u001b]*| \d+\/\d+ [^\r\n\u001b]*)?/g, '').replaceAll('\r\n', '\n');
}

describe.skipIf(!hasScript)('mcheck check with a long claim', () => {
  let dir: string;
  let piped: ReturnType<typeof runCli>;
  let pipeMs: number;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mcheck-live-'));
    writeFileSync(join(dir, 'wrong.yaml'), WRONG);
    writeFileSync(join(dir, 'long.yaml'), LONG);
    const started = Date.now();
    piped = runCli(ARGS, { cwd: dir, env: { CI: undefined, GITHUB_ACTIONS: undefined } });
    pipeMs = Date.now() - started;
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('in a pipe: no progress and no escape codes on stderr, the report whole on stdout', () => {
    expect(piped.code).toBe(1);
    // Long enough that a terminal shows the claim's progress.
    expect(pipeMs).toBeGreaterThan(1500);
    expect(piped.stderr).toBe('');
    expect(piped.stdout).not.toContain('\r');
    expect(piped.stdout).not.toContain('\u001b');
    expect(prettyRows(piped.stdout).map((r) => `${r.mark} ${r.row}`)).toEqual(['✗ w/square', '✓ big-logdet/dX']);
    expect(prettyRows(piped.stdout)[0]!.failedAt).toMatch(/^n=[2-4], m=[56]$/);
  });

  it('on a terminal: the rows as they come, the progress line of the long claim, cleared before its row', () => {
    const { code, text } = inTerminal(dir, envOf());
    expect(code).toBe(1);
    expect(text).toMatch(FIGURES);
    const wrongRow = text.indexOf(' ✗ w/square');
    const firstFigures = text.search(FIGURES);
    const longRow = text.indexOf(' ✓ big-logdet/dX');
    // The failure was printed before the long claim was done, and its row after its progress.
    expect(wrongRow).toBeGreaterThan(-1);
    expect(wrongRow).toBeLessThan(firstFigures);
    expect(firstFigures).toBeLessThan(longRow);
    expect(text.slice(longRow - CLEAR.length, longRow)).toBe(CLEAR);
    expect(text.slice(longRow)).not.toContain('evals/s');
    // Apart from the progress lines, the terminal got the bytes a pipe gets.
    expect(stdoutOf(text)).toBe(piped.stdout);
  });

  it('on a terminal under CI=true: no progress, the report as in a pipe', () => {
    const { code, text } = inTerminal(dir, envOf({ CI: 'true' }));
    expect(code).toBe(1);
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain('evals/s');
    expect(text.replaceAll('\r\n', '\n')).toBe(piped.stdout);
  });
});
