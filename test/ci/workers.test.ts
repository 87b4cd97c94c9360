/**
 * Claims shared with worker threads give the same report, to the bit, as claims run in-process.
 * Every derivative claim is sent through a worker here (threshold 0), with the built bundle as the
 * worker's script, the way the CLI runs it.
 */
import { cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_LIMITS,
  FULL_MODE,
  loadIdentities,
  runIdentities,
  resolveSpec,
  type RunSettings,
  type RunReport,
} from '../../src/index.js';
import {
  setParallelThreshold,
  settleShare,
  sharedPartials,
  PARALLEL_MIN_MS,
} from '../../src/check/parallel/parallel-partials.js';
import { computeEntry, type Shared } from '../../src/check/parallel/share-partials.js';
import { compileExpression } from '../../src/expr/compile.js';
import { KinkTrace } from '../../src/expr/kink-trace.js';
import type { Mat } from '../../src/linalg/mat.js';
import { centralPartials, scratchCopy, type Objective } from '../../src/numeric/finite-diff.js';
import { poolWorkers, setWorkerEntry, stopWorkers } from '../../src/check/parallel/worker-pool.js';
import { gradeSubmissions } from '../../src/grade/grade-submissions.js';
import { gradedByWorkers } from '../../src/grade/parallel-grade.js';
import { loadFiles } from '../../src/spec-file/load-identities.js';
import { REPO_ROOT, runCli } from '../helpers/run-cli.js';
import { flat } from '../helpers/flat-result.js';

const SETTINGS: RunSettings = {
  seed: 1,
  trials: null,
  tolerance: { rtol: 1e-5, atol: 1e-8 },
  trial: null,
  dims: new Map(),
  diagnose: true,
  claims: [],
  grep: null,
  shard: null,
  bail: false,
  limits: DEFAULT_LIMITS,
  mode: FULL_MODE,
  workers: 0,
  maxTolerance: { rtol: null, atol: null },
};

function run(paths: string[], settings: Partial<RunSettings>, workers: number): Omit<RunReport, 'durationsMs'> {
  const loaded = loadIdentities(paths.map((p) => join(REPO_ROOT, p)));
  const { durationsMs: _, ...report } = runIdentities(loaded.identities, loaded.errors, {
    ...SETTINGS,
    ...settings,
    workers,
  });
  return report;
}

function runSpec(
  data: Record<string, unknown>,
  settings: Partial<RunSettings>,
  workers: number,
): Omit<RunReport, 'durationsMs'> {
  const r = resolveSpec('inline.yaml', data, () => ({ line: 1, column: 1 }));
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  const { durationsMs: _, ...report } = runIdentities([r.identity], [], { ...SETTINGS, ...settings, workers });
  return report;
}

describe('partial derivatives shared with a worker', () => {
  beforeAll(() => {
    setWorkerEntry(join(REPO_ROOT, 'dist', 'mcheck.cjs'));
    setParallelThreshold(0);
  });
  afterAll(async () => {
    setParallelThreshold(PARALLEL_MIN_MS);
    await stopWorkers();
  });

  it('give the same report on the bundled identities and every fixture, diagnoses included', () => {
    const paths = ['identities', 'test/fixtures/correct', 'test/fixtures/wrong', 'test/fixtures/hints'];
    const before = sharedPartials().byWorkers;
    const shared = run(paths, {}, 1);
    expect(sharedPartials().byWorkers).toBeGreaterThan(before); // not vacuous: the worker took entries
    expect(shared.results.length).toBeGreaterThan(70);
    expect(shared).toEqual(run(paths, {}, 0));
  });

  it('give the same redraws and verdicts when kinks fall in different threads', () => {
    // abs(sin(2e6 x)) has a kink every 1.6e-6: about one entry in 25 lies within even the
    // smallest step of one, so every draw of 2000 entries has kinks, in some thread or other.
    const spec = {
      id: 'kinks',
      vars: { X: { shape: [40, 50], sample: 'uniform' } },
      claims: [{ kind: 'gradient', f: 'sum(abs(sin(2e6 * X)))', wrt: 'X', expect: 'sign(X)' }],
    };
    const shared = runSpec(spec, { trials: 3, diagnose: false }, 1);
    expect(shared.results.map(flat)[0]!.message).toMatch(/kink|inconclusive/);
    expect(shared).toEqual(runSpec(spec, { trials: 3, diagnose: false }, 0));
  });

  it('leave the main thread to finish alone when a worker cannot start', async () => {
    const broken = join(mkdtempSync(join(tmpdir(), 'mcheck-broken-')), 'worker.cjs');
    writeFileSync(broken, "throw new Error('this worker cannot start');\n");
    await stopWorkers();
    setWorkerEntry(broken);
    try {
      const spec = {
        id: 'big',
        vars: { X: { shape: [30, 30], sample: 'invertible' } },
        claims: [{ kind: 'gradient', f: 'log(abs(det(X)))', wrt: 'X', expect: "inv(X)'" }],
      };
      const alone = runSpec(spec, { trials: 2 }, 0);
      expect(runSpec(spec, { trials: 2 }, 1)).toEqual(alone);
      await new Promise((resolve) => setTimeout(resolve, 500)); // the worker's error arrives, and is handled
      expect(runSpec(spec, { trials: 2 }, 1)).toEqual(alone);
    } finally {
      await stopWorkers();
      setWorkerEntry(join(REPO_ROOT, 'dist', 'mcheck.cjs'));
    }
  });

  it('compile each where value with the names before it, as the main thread does (e stays the constant)', () => {
    const spec = {
      id: 'shadow',
      vars: { X: { shape: [30, 30], sample: 'invertible' } },
      where: { A: 'e * X', e: '2 * X' },
      claims: [{ kind: 'gradient', f: 'log(abs(det(A)))', wrt: 'X', expect: "inv(X)'" }],
    };
    const shared = runSpec(spec, { trials: 1 }, 1);
    expect(shared.results[0]!.status).toBe('pass');
    expect(shared).toEqual(runSpec(spec, { trials: 1 }, 0));
  });

  it('count the evaluations a single thread would: a claim exactly at its evaluation limit passes both ways', () => {
    // 50×50: f at the draw, expect, two evaluations per entry (the first pass, which decides a
    // correct claim): 1 + 1 + 5000.
    const spec = {
      id: 'at-limit',
      vars: { X: { shape: [50, 50], sample: 'invertible' } },
      claims: [{ kind: 'gradient', f: 'log(abs(det(X)))', wrt: 'X', expect: "inv(X)'" }],
    };
    const limits = { ...DEFAULT_LIMITS, evaluations: 5_002 };
    expect(runSpec(spec, { trials: 1, limits }, 0).results[0]!.status).toBe('pass');
    expect(runSpec(spec, { trials: 1, limits }, 1).results[0]!.status).toBe('pass');
    expect(
      runSpec(spec, { trials: 1, limits: { ...limits, evaluations: 5_001 } }, 1).results.map(flat)[0]!.message,
    ).toMatch(/evaluations/);
  });

  it("tell the main thread's progress display the entries and evaluations of every thread", () => {
    const spec = {
      id: 'told',
      vars: { X: { shape: [30, 30], sample: 'invertible' } },
      claims: [{ kind: 'gradient', f: 'log(abs(det(X)))', wrt: 'X', expect: "inv(X)'" }],
    };
    const r = resolveSpec('inline.yaml', spec, () => ({ line: 1, column: 1 }));
    if (!r.ok) throw new Error('spec did not resolve');
    const ticks: [number, number, number][] = [];
    const claim = { trial: () => {}, tick: (...t: [number, number, number]) => void ticks.push(t) };
    const before = sharedPartials().byWorkers;
    const report = runIdentities(
      [r.identity],
      [],
      { ...SETTINGS, trials: 1, workers: 1 },
      Object.assign(() => {}, { claim }),
    );
    expect(report.results[0]!.status).toBe('pass');
    expect(sharedPartials().byWorkers).toBeGreaterThan(before); // the worker took entries
    expect(ticks.length).toBeGreaterThan(0);
    expect(ticks.every(([done, total]) => total === 900 && done >= 1 && done <= 900)).toBe(true);
    const done = ticks.map(([d]) => d);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    // f at the draw and expect, then two evaluations an entry (the first pass), in whichever thread
    // (an entry or two per thread may be counted done before its evaluations are added, or
    // evaluated before it is counted).
    for (const [d, , evaluations] of ticks) {
      expect(evaluations).toBeLessThanOrEqual(2 + 2 * (d + 8));
      expect(evaluations).toBeGreaterThanOrEqual(2 + 2 * (d - 2));
    }
  });

  it('stop at the claim time limit, and say so, in every thread', () => {
    const spec = {
      id: 'slow',
      vars: { X: { shape: [120, 120], sample: 'invertible' } },
      claims: [{ kind: 'gradient', f: 'log(abs(det(X)))', wrt: 'X', expect: "inv(X)'" }],
    };
    const limits = { ...DEFAULT_LIMITS, timeoutMs: 300 };
    const started = Date.now();
    const shared = runSpec(spec, { limits, trials: 1 }, 1);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(shared.results[0]!.status).toBe('error');
    expect(shared.results.map(flat)[0]!.message).toMatch(/ran out of time after .*: the limit of 0.3 s/);
  });
});

describe('a class graded on several threads', () => {
  const questionsDir = join(REPO_ROOT, 'test/fixtures/grading/questions');
  const classDir = join(REPO_ROOT, 'test/fixtures/grading/class');
  const grade = (workers: number, submissions: string[]) => {
    const questions = loadFiles([questionsDir], DEFAULT_LIMITS, null);
    const request = { questions: questions.identities, questionErrors: [], questionsDir, submissions, cache: null };
    const { durationsMs: _, ...report } = gradeSubmissions(request, { ...SETTINGS, workers });
    return report;
  };
  beforeAll(() => {
    setWorkerEntry(join(REPO_ROOT, 'dist', 'mcheck.cjs'));
  });
  afterAll(async () => {
    await stopWorkers();
  });

  it('gives the report of one thread, in submission order, with the workers taking submissions', async () => {
    // The worker up before the class starts, so that it takes its share on a busy machine too.
    // (A worker started earlier is online already, and says nothing: the timeout ends the wait.)
    await new Promise((resolve) => {
      poolWorkers(1)[0]!.worker.once('online', resolve);
      setTimeout(resolve, 3000);
    });
    // The class twelve times over, each copy under a name of its own: enough for a worker to take some.
    const copies = mkdtempSync(join(tmpdir(), 'mcheck-class-'));
    const submissions = readdirSync(classDir).flatMap((name) =>
      Array.from({ length: 12 }, (_, k) => {
        const copy = join(copies, `${name}-${k}`);
        cpSync(join(classDir, name), copy, { recursive: true });
        return copy;
      }),
    );
    const before = gradedByWorkers();
    const shared = grade(1, submissions);
    expect(gradedByWorkers()).toBeGreaterThan(before); // not vacuous: the worker graded some
    expect(shared).toEqual(grade(0, submissions));
    expect(shared.scores.map((s) => s.submission)).toEqual(submissions.map((f) => basename(f)));
    expect(shared.results.length).toBeGreaterThan(200);
  });
});

describe('settling a shared run', () => {
  const f = compileExpression('sum(abs(v))', new Set(['v']));
  const objective: Objective = (v, trace) => (f.ok ? f.evaluate(new Map([['v', v]]), trace) : v);
  // Entries 2 and 4 are within even the smallest step of abs's kink.
  const x0: Mat = { rows: 6, cols: 1, re: Float64Array.of(1, 2, 1e-10, 3, 2e-10, 4), im: null };
  const smooth: Mat = { ...x0, re: Float64Array.of(1, 2, 5, 3, 6, 4) };

  function share(x: Mat, done: readonly number[]): { shared: Shared; first: Mat; base: KinkTrace } {
    const base = new KinkTrace();
    objective(x, base);
    const shared: Shared = {
      control: new Int32Array(new SharedArrayBuffer(8)),
      values: new Float64Array(new SharedArrayBuffer(48)),
      done: new Uint8Array(new SharedArrayBuffer(6)),
      length: 1,
    };
    const probe = scratchCopy(x);
    for (const k of done)
      expect(computeEntry({ objective, x0: x, baseTrace: base, stencil: 'fourth-order' }, probe, k, shared)).toBeNull();
    return { shared, first: { rows: 1, cols: 1, re: shared.values.slice(0, 1), im: null }, base };
  }

  it('computes the entries no thread finished, to the same partials as one thread', () => {
    const { shared, first, base } = share(smooth, [0, 1, 3]);
    const settled = settleShare({ objective, x0: smooth, baseTrace: base, stencil: 'fourth-order' }, [], shared, first);
    const alone = centralPartials(objective, smooth, base);
    expect(settled).toEqual(alone);
  });

  it('meets an earlier kink among the unfinished entries before the failure another thread found', () => {
    const { shared, first, base } = share(x0, [0, 1]);
    const settled = settleShare(
      { objective, x0, baseTrace: base, stencil: 'fourth-order' },
      [{ index: 4, kind: 'kink', message: '', limit: null }],
      shared,
      first,
    );
    expect(settled).toEqual({ ok: false, kinkAt: 2 });
    expect(centralPartials(objective, x0, base)).toEqual({ ok: false, kinkAt: 2 });
  });
});

describe('mcheck --workers', () => {
  it('gives the same JSON report with workers and without', () => {
    // n = 60: 3600 entries, several hundred milliseconds, so the claim is shared.
    const args = [
      'check',
      'test/fixtures/correct/log-det-gradient.yaml',
      '--dims',
      'n=60',
      '--trials',
      '1',
      '--reporter',
      'json',
    ];
    const one = runCli([...args, '--workers', '1']);
    const none = runCli([...args, '--workers', '0']);
    expect(one.code).toBe(0);
    expect(one.stderr).toBe('');
    expect(one.stdout).toBe(none.stdout);
  });

  it('refuses a count outside 0..8', () => {
    const r = runCli(['all', '--workers', '9']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--workers.*from 0 to 8/);
  });
});
