import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { progressDisplay } from '../../src/cli/progress.js';
import type { Io } from '../../src/cli/io.js';
import { runCli } from '../helpers/run-cli.js';

// The progress line on stderr: only for a person at a terminal (stderr a TTY, not CI), only
// once the run has taken more than a second, and cleared at the end only if it was shown.

const CLEAR = '\r\u001b[K';

interface FakeIo extends Io {
  readonly out: string[];
  readonly err: string[];
}

function fakeIo(
  options: { stdoutIsTTY?: boolean; stderrIsTTY?: boolean; env?: Record<string, string | undefined> } = {},
): FakeIo {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    env: options.env ?? {},
    stdoutIsTTY: options.stdoutIsTTY ?? true,
    stderrIsTTY: options.stderrIsTTY ?? true,
  };
}

const T0 = new Date('2030-01-01T00:00:00Z').getTime();

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
});

afterEach(() => {
  vi.useRealTimers();
});

/** Drives a display through a run of `total` claims, `msPerClaim` apart. */
function drive(io: FakeIo, total: number, msPerClaim: number): void {
  const p = progressDisplay(io);
  for (let i = 0; i < total; i++) {
    vi.setSystemTime(T0 + i * msPerClaim);
    p.onProgress(i, total, `identity-${i}/claim`);
  }
  p.done();
}

describe('progressDisplay on a terminal, outside CI', () => {
  it('shows nothing during the first second', () => {
    const io = fakeIo();
    const p = progressDisplay(io);
    p.onProgress(0, 10, 'a/first');
    vi.setSystemTime(T0 + 500);
    p.onProgress(1, 10, 'a/second');
    vi.setSystemTime(T0 + 999);
    p.onProgress(2, 10, 'a/third');
    expect(io.err).toEqual([]);
    p.done();
    // Nothing was shown, so there is nothing to clear.
    expect(io.err).toEqual([]);
    expect(io.out).toEqual([]);
  });

  it('shows "checking k/N row" on stderr once more than a second has passed, each time replacing the line', () => {
    const io = fakeIo();
    const p = progressDisplay(io);
    p.onProgress(0, 10, 'a/first');
    vi.setSystemTime(T0 + 1001);
    p.onProgress(3, 10, 'b/fourth');
    vi.setSystemTime(T0 + 1500);
    p.onProgress(4, 10, 'b/fifth');
    expect(io.err).toHaveLength(2);
    expect(io.err[0]!.startsWith(CLEAR)).toBe(true);
    expect(io.err[0]).toContain('checking 4/10 b/fourth');
    expect(io.err[1]).toContain('checking 5/10 b/fifth');
    for (const line of io.err) expect(line).not.toContain('\n');
    expect(io.out).toEqual([]);
  });

  it('clears the line in done() when it showed something', () => {
    const io = fakeIo();
    const p = progressDisplay(io);
    vi.setSystemTime(T0 + 2000);
    p.onProgress(0, 2, 'a/x');
    const before = io.err.length;
    p.done();
    expect(io.err.length).toBe(before + 1);
    expect(io.err.at(-1)).toBe(CLEAR);
  });

  it('keeps a long row short', () => {
    const io = fakeIo();
    const p = progressDisplay(io);
    vi.setSystemTime(T0 + 5000);
    const row = `long-identity/${'x'.repeat(200)}`;
    p.onProgress(0, 1, row);
    expect(io.err).toHaveLength(1);
    expect(io.err[0]!.length).toBeLessThan(120);
    expect(io.err[0]).toContain(row.slice(0, 40));
  });

  it('counts the time from when the display was made, not from the first claim', () => {
    const io = fakeIo();
    const p = progressDisplay(io);
    vi.setSystemTime(T0 + 1200);
    p.onProgress(0, 1, 'a/only');
    expect(io.err).toHaveLength(1);
  });

  it.each([
    ['', 'empty'],
    ['false', '"false"'],
  ])('treats CI=%j (%s) as not CI', (value) => {
    const io = fakeIo({ env: { CI: value } });
    drive(io, 5, 400);
    expect(io.err.length).toBeGreaterThan(0);
    expect(io.err.at(-1)).toBe(CLEAR);
  });
});

describe('progressDisplay stays silent', () => {
  const silent: Record<string, Parameters<typeof fakeIo>[0]> = {
    'when stderr is not a terminal': { stderrIsTTY: false },
    'when neither is a terminal': { stdoutIsTTY: false, stderrIsTTY: false },
    'under CI=true': { env: { CI: 'true' } },
    'under CI=1': { env: { CI: '1' } },
  };

  it.each(Object.entries(silent))('%s, even after many seconds, and done() writes nothing', (_, options) => {
    const io = fakeIo(options);
    drive(io, 20, 1001);
    expect(io.err).toEqual([]);
    expect(io.out).toEqual([]);
  });

  it('the same long run on a terminal outside CI does show progress (the cases above are not vacuous)', () => {
    const io = fakeIo();
    drive(io, 20, 1001);
    expect(io.err.length).toBe(19 + 1); // claims 2..20, then the clearing
  });

  it('hears nothing of the claims when off: the engine then skips its per-entry telling', () => {
    for (const options of Object.values(silent))
      expect(progressDisplay(fakeIo(options)).onProgress.claim).toBe(undefined);
    expect(progressDisplay(fakeIo()).onProgress.claim).toBeDefined();
  });
});

describe('progressDisplay with stdout piped to a file and stderr a terminal', () => {
  it('shows progress on stderr, which a person still watches', () => {
    const io = fakeIo({ stdoutIsTTY: false });
    drive(io, 20, 1001);
    expect(io.err.length).toBe(19 + 1);
    expect(io.out).toEqual([]);
  });
});

describe('a spawned run (pipes, not a terminal)', () => {
  it('writes nothing to stderr, even when it takes more than a second and CI is unset', () => {
    vi.useRealTimers();
    const started = Date.now();
    const run = runCli(['check', 'identities', 'test/fixtures/correct', '--trials', '200'], {
      env: { CI: undefined, GITHUB_ACTIONS: undefined },
    });
    const elapsed = Date.now() - started;
    expect(run.code).toBe(0);
    // Long enough that a TTY would have shown progress.
    expect(elapsed).toBeGreaterThan(1000);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toContain('\r');
    expect(run.stdout).not.toContain('checking ');
  });
});

describe('the figures of a long claim', () => {
  /** A display on a terminal, its claim started at T0 (the run too). */
  function started(total: number, row: string) {
    const io = fakeIo();
    const p = progressDisplay(io);
    p.onProgress(0, total, row);
    return { io, p, claim: p.onProgress.claim! };
  }

  it('adds the trial, the entries done, evaluations per second and the time left once the claim has run a second', () => {
    const { io, claim } = started(1, 'big/dX');
    claim.trial(1, 5, 0);
    vi.setSystemTime(T0 + 500);
    claim.tick(150, 1600, 2000);
    expect(io.err).toEqual([]); // under a second: nothing yet
    vi.setSystemTime(T0 + 1200);
    claim.tick(300, 1600, 4800);
    // 4 ms an entry: 1300 entries of this trial and 4 trials of 1600 to go.
    expect(io.err).toEqual([`${CLEAR} 1/1 big/dX · trial 1/5 · entries 300/1600 · 4000 evals/s · ~31s left`]);
  });

  it('redraws at most every 100 ms, however fast the entries come', () => {
    const { io, claim } = started(1, 'big/dX');
    claim.trial(1, 1, 0);
    for (let ms = 1000; ms <= 1500; ms += 10) {
      vi.setSystemTime(T0 + ms);
      claim.tick(ms, 100_000, ms * 40);
    }
    expect(io.err).toHaveLength(6); // at 1000, 1100, ..., 1500
    expect(io.err.at(-1)).toBe(`${CLEAR} 1/1 big/dX · entries 1500/100000 · 40k evals/s · ~1m39s left`);
  });

  it('gives a claim without entries (fast mode, equal) its trials, from the pace of those before', () => {
    const { io, claim } = started(3, 'a/b');
    claim.trial(1, 100, 0);
    vi.setSystemTime(T0 + 600);
    claim.trial(2, 100, 10);
    vi.setSystemTime(T0 + 1200);
    claim.trial(3, 100, 20);
    expect(io.err).toEqual([`${CLEAR} 1/3 a/b · trial 3/100 · 17 evals/s · ~59s left`]);
  });

  it('starts afresh with each claim: a claim is long by its own time, not the run’s', () => {
    const { io, p, claim } = started(2, 'a/first');
    vi.setSystemTime(T0 + 900);
    p.onProgress(1, 2, 'a/second');
    claim.trial(1, 1, 0);
    vi.setSystemTime(T0 + 1500);
    claim.tick(10, 100, 40);
    expect(io.err).toEqual([]); // the run is 1.5 s old, the claim 0.6 s
    vi.setSystemTime(T0 + 2000);
    claim.tick(20, 100, 80);
    expect(io.err).toHaveLength(1);
    expect(io.err[0]!.startsWith(CLEAR)).toBe(true);
    expect(io.err[0]!.slice(CLEAR.length)).toMatch(/^ 2\/2 a\/second · entries 20\/100 · 73 evals\/s · ~\d+s left$/);
  });

  it('cuts the row name, never the figures, to keep the line within the terminal', () => {
    const io: FakeIo = { ...fakeIo(), stderrColumns: 60 };
    const p = progressDisplay(io);
    const row = `a-long-identity-name/${'x'.repeat(80)}`;
    p.onProgress(0, 1, row);
    p.onProgress.claim!.trial(1, 1, 0);
    vi.setSystemTime(T0 + 1500);
    p.onProgress.claim!.tick(10, 100, 40);
    const line = io.err[0]!.slice(CLEAR.length);
    expect(line.length).toBeLessThanOrEqual(59);
    expect(line).toMatch(/^ 1\/1 a-long-\S+… · entries 10\/100 · 27 evals\/s · ~\d+s left$/);
  });
});
