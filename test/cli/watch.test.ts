import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunSettings, runIdentities } from '../../src/check/run.js';
import { replayOf } from '../../src/cli/apply-options.js';
import { createProgram } from '../../src/cli/program.js';
import type { Io } from '../../src/cli/io.js';
import { OPTIONS } from '../../src/cli/option-table.js';
import { surveyRoles } from '../../src/cli/watch/survey-roles.js';
import { DEBOUNCE_MS, KEYS_HELP, WatchSession } from '../../src/cli/watch/watch-session.js';
import { defaultSettings } from '../../src/index.js';
import { PLAIN } from '../../src/report/figures.js';
import { prettyReporter } from '../../src/report/pretty.js';
import { loadIdentities } from '../../src/spec-file/load-identities.js';
import { BIN, prettyRows, runCli, stackTraceSigns } from '../helpers/run-cli.js';
import { spec } from '../helpers/spec-text.js';

/** A spec with two gradient claims; `quad` is right unless `wrong`. */
const linear = (wrong = false): string => spec`
  id: lin
  dims:
    n: [2, 3]
  vars:
    A: { shape: [n, n] }
    x: { shape: [n] }
  claims:
    - name: quad
      kind: gradient
      f: x' * A * x
      wrt: x
      expect: ${wrong ? '2 * A * x' : "(A + A') * x"}
    - name: lin
      kind: gradient
      f: sum(A * x)
      wrt: x
      expect: A' * ones(n, 1)
`;

const QUESTION = spec`
  id: q-trace
  question: true
  dims:
    n: [2, 3]
  vars:
    A: { shape: [n, n] }
    X: { shape: [n, n] }
  claims:
    - name: dX
      kind: gradient
      f: trace(A * X)
      wrt: X
`;

const answer = (expect: string): string => `answers: q-trace\nclaims:\n  dX: ${expect}\n`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mcheck-watch-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const CLEARED = '<cleared>';

/** A session over real runs, with a timer, a clock and a terminal that the test holds. */
function harness(roots: readonly string[]) {
  const settings: RunSettings = { ...defaultSettings(), workers: 0 };
  const timers = new Set<{ action: () => void; ms: number }>();
  const state = { out: '', quit: null as number | null, runs: [] as (readonly string[] | null)[] };
  const session = new WatchSession(roots, {
    survey: (files) => surveyRoles({ roots, limits: settings.limits, cache: null }, files),
    run: (paths, claims) => {
      state.runs.push(claims);
      const loaded = loadIdentities(paths, settings.limits);
      return runIdentities(loaded.identities, loaded.errors, claims === null ? settings : { ...settings, claims });
    },
    format: (report) =>
      prettyReporter(report, {
        palette: PLAIN,
        replay: replayOf(settings),
        version: 'test',
        folder: null,
        rerun: 'mcheck all',
      }),
    write: (text) => void (state.out += text),
    clear: () => void (state.out += CLEARED),
    schedule: (action, ms) => {
      const timer = { action, ms };
      timers.add(timer);
      return () => timers.delete(timer);
    },
    clock: () => new Date(2024, 0, 1, 12, 34, 56),
    quit: (code) => void (state.quit = code),
  });
  /** The output since the last call. */
  const take = (): string => {
    const out = state.out;
    state.out = '';
    return out;
  };
  /** Lets the debounce time pass: runs the timers still set. */
  const elapse = (): void => {
    const due = [...timers];
    timers.clear();
    for (const t of due) t.action();
  };
  return { session, state, timers, take, elapse };
}

/** The summary line of an output. */
const summary = (out: string): string => /^\[12:34:56\] .*$/m.exec(out)?.[0] ?? '';

describe('a watch session, in-process', () => {
  it('reruns a file on save, after a debounce, with f (failing claims) and a (everything), and quits', () => {
    const file = join(dir, 'lin.yaml');
    writeFileSync(file, linear());
    const h = harness([dir]);
    h.session.start();
    let out = h.take();
    expect(out).not.toContain(CLEARED);
    expect(prettyRows(out).map((r) => `${r.mark} ${r.row}`)).toEqual(['✓ lin/quad', '✓ lin/lin']);
    expect(summary(out)).toBe(
      '[12:34:56] all 1 file: 2 passed, 0 failed · all watched claims pass · press h for help, q to quit',
    );

    writeFileSync(file, linear(true));
    // An editor's save is several events: one rerun, after the changes have been quiet a while.
    h.session.fileChanged(file);
    h.session.fileChanged(file);
    expect(h.timers.size).toBe(1);
    expect([...h.timers][0]!.ms).toBe(DEBOUNCE_MS);
    expect(DEBOUNCE_MS).toBeGreaterThanOrEqual(100);
    expect(DEBOUNCE_MS).toBeLessThanOrEqual(200);
    expect(h.take()).toBe('');
    h.elapse();
    out = h.take();
    expect(out.startsWith(CLEARED)).toBe(true);
    expect(prettyRows(out).map((r) => `${r.mark} ${r.row}`)).toEqual(['✗ lin/quad', '✓ lin/lin']);
    expect(out).toContain('rerun: mcheck check');
    expect(summary(out)).toContain(`changed ${file}: 1 passed, 1 failed · failing now: 1 claim ·`);

    h.session.key('f');
    out = h.take();
    expect(prettyRows(out).map((r) => `${r.mark} ${r.row}`)).toEqual(['✗ lin/quad']);
    expect(summary(out)).toContain('failing (1 claim): 0 passed, 1 failed · failing now: 1 claim');

    h.session.key('a');
    out = h.take();
    expect(prettyRows(out).map((r) => r.row)).toEqual(['lin/quad', 'lin/lin']);
    expect(summary(out)).toContain('all 1 file: 1 passed, 1 failed');

    h.session.key('h');
    expect(h.take()).toBe(KEYS_HELP);
    expect(h.state.quit).toBeNull();
    h.session.key('q');
    expect(h.state.quit).toBe(1);
    // Quit is final: no change or key runs anything after it.
    h.session.fileChanged(file);
    h.session.key('a');
    expect(h.timers.size).toBe(0);
    expect(h.take()).toBe('');
  });

  it('uses the same seed on every run, and quits with 0 once the fix passes', () => {
    const file = join(dir, 'lin.yaml');
    writeFileSync(file, linear(true));
    const h = harness([dir]);
    h.session.start();
    const first = h.take();
    writeFileSync(file, linear());
    h.session.fileChanged(file);
    h.elapse();
    const fixed = h.take();
    expect(summary(fixed)).toContain('2 passed, 0 failed · all watched claims pass');
    writeFileSync(file, linear(true));
    h.session.fileChanged(file);
    h.elapse();
    const again = h.take();
    // The same draws: the failure reads the same, numbers included.
    const rows = (out: string): string[] => prettyRows(out).map((r) => r.text);
    expect(rows(again)).toEqual(rows(first));
    writeFileSync(file, linear());
    h.session.fileChanged(file);
    h.elapse();
    h.take();
    h.session.key('f');
    expect(summary(h.take())).toContain('no failed claims to rerun');
    h.session.key('q');
    expect(h.state.quit).toBe(0);
  });

  it('reruns an answer file with its question, and a question with its answers, not the other specs', () => {
    writeFileSync(join(dir, 'lin.yaml'), linear());
    writeFileSync(join(dir, 'q.yaml'), QUESTION);
    writeFileSync(join(dir, 'q-answers.yaml'), answer("A'"));
    const h = harness([dir]);
    h.session.start();
    expect(prettyRows(h.take()).map((r) => `${r.mark} ${r.row}`)).toEqual(['✓ lin/quad', '✓ lin/lin', '✓ q-trace/dX']);

    writeFileSync(join(dir, 'q-answers.yaml'), answer('A'));
    h.session.fileChanged(join(dir, 'q-answers.yaml'));
    h.elapse();
    let out = h.take();
    expect(prettyRows(out).map((r) => `${r.mark} ${r.row}`)).toEqual(['✗ q-trace/dX']);
    expect(summary(out)).toContain(`changed ${join(dir, 'q-answers.yaml')}, with 1 paired file: 0 passed, 1 failed`);

    h.session.fileChanged(join(dir, 'q.yaml'));
    h.elapse();
    out = h.take();
    // Without its answer file the question would say "no answer": the answer is loaded with it.
    expect(prettyRows(out).map((r) => `${r.mark} ${r.row}`)).toEqual(['✗ q-trace/dX']);
    expect(out).not.toContain('no answer');

    // A second answer file for the question: both rerun with it, and the run says what all would.
    writeFileSync(join(dir, 'q-more.yaml'), answer("A'"));
    h.session.fileChanged(join(dir, 'q-more.yaml'));
    h.elapse();
    out = h.take();
    expect(out).toContain('two answer files answer q-trace');
    expect(prettyRows(out).map((r) => r.row)).toEqual(['q-trace/dX']);

    rmSync(join(dir, 'q-more.yaml'));
    rmSync(join(dir, 'q-answers.yaml'));
    h.session.fileChanged(join(dir, 'q-more.yaml'));
    h.session.fileChanged(join(dir, 'q-answers.yaml'));
    h.elapse();
    out = h.take();
    expect(summary(out)).toContain('removed');
    expect(prettyRows(out).map((r) => `${r.mark} ${r.row}`)).toEqual(['✗ q-trace/dX']);
    expect(out).toContain('no answer');
  });

  it('ignores files a run would not load: other extensions, a package.json', () => {
    writeFileSync(join(dir, 'lin.yaml'), linear());
    const h = harness([dir]);
    h.session.start();
    h.take();
    h.session.fileChanged(join(dir, 'notes.txt'));
    expect(h.timers.size).toBe(0);
    writeFileSync(join(dir, 'package.json'), '{"name": "x"}');
    h.session.fileChanged(join(dir, 'package.json'));
    h.elapse();
    expect(h.take()).toBe('');
    expect(h.state.runs).toHaveLength(1);
  });
});

describe('the watch command', () => {
  const io: Io = { stdout: () => {}, stderr: () => {}, env: {}, stdoutIsTTY: false, stderrIsTTY: false };

  it('takes the options of all but --reporter, --shard and --watch; all and check take --watch', () => {
    const program = createProgram(io, process.cwd(), { exitCode: 0 });
    const flagsOf = (name: string): string[] =>
      program.commands.find((c) => c.name() === name)!.options.map((o) => o.flags);
    const all = flagsOf('all');
    expect(all).toContain('--watch');
    expect(flagsOf('check')).toContain('--watch');
    const left = ['--reporter <name[=file]>', '--shard <i/n>', '--watch'];
    expect(flagsOf('watch')).toEqual(all.filter((f) => !left.includes(f)));
    expect(OPTIONS.some((e) => e.flags === '--watch')).toBe(true);
  });
});

/** Environment of a spawned watch: no colour, not under CI. */
function watchEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...extra };
  for (const key of ['CI', 'FORCE_COLOR', 'MCHECK_DEBUG']) if (!(key in extra)) delete env[key];
  return env;
}

/** Single quotes for a POSIX shell. */
const quote = (s: string): string => `'${s.replaceAll("'", `'\\''`)}'`;

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

/** `mcheck ARGS` in a pseudo-terminal (util-linux script), with what it printed so far. */
function inTerminal(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv) {
  const command = [process.execPath, BIN, ...args].map(quote).join(' ');
  const child: ChildProcessWithoutNullStreams = spawn('script', ['-qfec', command, '/dev/null'], { cwd, env });
  const seen = { text: '' };
  // The terminal ends lines with \r\n.
  child.stdout.on('data', (chunk: Buffer) => void (seen.text += chunk.toString('utf8').replaceAll('\r', '')));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  /** Resolves once the output matches `pattern` `count` times; fails after 20 s. */
  const waitFor = async (pattern: RegExp, count = 1): Promise<void> => {
    const deadline = Date.now() + 20_000;
    while ((seen.text.match(new RegExp(pattern, 'g')) ?? []).length < count) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; output:\n${seen.text}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  return { child, seen, exited, waitFor };
}

describe.skipIf(!hasScript)('mcheck watch in a terminal', () => {
  it('runs, reruns a saved file, reruns the failing claim on f, and quits on q with exit 1', async () => {
    const specs = join(dir, 'specs');
    mkdirSync(specs);
    writeFileSync(join(specs, 'lin.yaml'), linear());
    const t = inTerminal(['watch', 'specs'], dir, watchEnv());
    try {
      await t.waitFor(/\] all 1 file: 2 passed, 0 failed · all watched claims pass · press h for help/);
      writeFileSync(join(specs, 'lin.yaml'), linear(true));
      await t.waitFor(/\] changed specs\/lin\.yaml: 1 passed, 1 failed · failing now: 1 claim ·/);
      t.child.stdin.write('h');
      await t.waitFor(/Watch keys:/);
      t.child.stdin.write('f');
      await t.waitFor(/\] failing \(1 claim\): 0 passed, 1 failed/);
      t.child.stdin.write('q');
      expect(await t.exited).toBe(1);
    } finally {
      t.child.kill();
    }
    const out = t.seen.text;
    // The screen is cleared before each rerun, never before the first run.
    expect(out.split('\u001b[2J')).toHaveLength(3);
    expect(out.startsWith('\u001b[2J')).toBe(false);
    expect(stackTraceSigns({ code: 1, stdout: out, stderr: '' })).toEqual([]);
  });

  it('refuses under CI, even at a terminal', async () => {
    writeFileSync(join(dir, 'lin.yaml'), linear());
    const t = inTerminal(['watch', dir], dir, watchEnv({ CI: 'true' }));
    expect(await t.exited).toBe(2);
    expect(t.seen.text).toMatch(/^mcheck: watch mode does not run under CI \(CI=true\)/);
    expect(t.seen.text).toContain('use mcheck check PATH... or mcheck all');
  });
});

describe('mcheck watch without a terminal', () => {
  const refusal =
    /^mcheck: watch mode needs a terminal for stdin and stdout .*use mcheck check PATH\.\.\. or mcheck all\n$/;

  it.each([
    ['watch', 'DIR'],
    ['all', '--watch', '--dir', 'DIR'],
    ['check', 'DIR', '--watch'],
  ])('mcheck %s %s %s… in a pipe: exit 2, saying to use check or all', (...args) => {
    writeFileSync(join(dir, 'lin.yaml'), linear());
    const argv = args.map((a) => (a === 'DIR' ? dir : a));
    const result = runCli(argv, { cwd: dir, env: { CI: undefined } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(refusal);
    expect(result.stdout).toBe('');
  });

  it.each(['true', '1'])('under CI=%s: exit 2, saying so', (ci) => {
    const result = runCli(['watch', dir], { cwd: dir, env: { CI: ci } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^mcheck: watch mode does not run under CI \\(CI=${ci}\\)`));
  });

  it('takes CI= and CI=false as no CI (and then wants a terminal)', () => {
    for (const ci of ['', 'false']) {
      const result = runCli(['watch', dir], { cwd: dir, env: { CI: ci } });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(refusal);
    }
  });
});
