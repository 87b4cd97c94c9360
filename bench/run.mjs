#!/usr/bin/env node
// `npm run bench`: how fast mcheck is on this machine, as ratios against baselines measured in
// the same run (whole processes interleaved, medians). Prints a report, writes bench/results.json.
// `--quick` takes fewer repetitions and skips full mode at n = 128 (about a minute on two cores).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'mcheck.js');
const QUICK = process.argv.includes('--quick');
// `--only grading` (or startup, modes, hessians): one section, for working on it; no results file.
const ONLY = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const PYTHON = '/usr/bin/python3';
const SIZES = [4, 16, 64, 128];

// Targets of the performance work, checked at the end.
const TARGETS = {
  startupRatio: 2,
  noCacheRatio: 2.5,
  torchRatio: 0.5,
  gradeSpeedup: 1.8,
  gradeMs: 10_000,
  gradePeakMb: 300,
  fastMsAt128: 1000,
  fastPeakMbAt128: 200,
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** One whole process: wall time in ms, peak resident memory in MB and CPU time in ms (when GNU time is there). */
function measure([command, ...args]) {
  const argv = GNU_TIME ? ['-f', '%M %U %S', command, ...args] : args;
  const started = performance.now();
  const r = spawnSync(GNU_TIME ?? command, argv, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 1 << 26,
  });
  const ms = performance.now() - started;
  const [kb, user, system] = GNU_TIME ? r.stderr.trim().split('\n').pop().split(' ').map(Number) : [NaN, NaN, NaN];
  const cpuMs = Number.isFinite(user + system) ? (user + system) * 1000 : null;
  return { ms, mb: Number.isFinite(kb) ? kb / 1024 : null, cpuMs, code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the commands in turn, `reps` rounds, so that drift of the machine hits them all alike. */
function interleaved(commands, reps) {
  const runs = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let r = 0; r < reps; r++) for (const [name, argv] of Object.entries(commands)) runs[name].push(measure(argv));
  return Object.fromEntries(
    Object.entries(runs).map(([name, rs]) => [
      name,
      {
        ms: median(rs.map((x) => x.ms)),
        mb: rs[0].mb === null ? null : Math.max(...rs.map((x) => x.mb)),
        cpuMs: rs[0].cpuMs === null ? null : median(rs.map((x) => x.cpuMs)),
        runs: rs.length,
        last: rs[rs.length - 1],
      },
    ]),
  );
}

const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const fmtUs = (us) => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(1)} µs`);
const table = (header, rows) => {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
};

/** A spec of the gradient of log|det X| at a fixed n, one trial. */
function logdetSpec(dir, n) {
  const file = join(dir, `logdet-${n}.yaml`);
  writeFileSync(
    file,
    `id: logdet-${n}\ndims:\n  n: ${n}\nvars:\n  X: { shape: [n, n], sample: invertible }\ntrials: 1\nclaims:\n  - kind: gradient\n    f: log(abs(det(X)))\n    wrt: X\n    expect: inv(X)'\n`,
  );
  return file;
}

const mcheck = (...args) => ['node', BIN, ...args];

/**
 * A spec of the Hessian of log|det M| at a fixed n, one trial: -K·(M⁻ᵀ ⊗ M⁻¹), written as
 * -(T .* T') with T = Q'·P (P = kron(ones(1, n), M⁻¹), Q = kron(eye(n), ones(1, n))), whose entry
 * ((i, j), (k, l)) is (M⁻¹)_jk: the commutation matrix never formed.
 */
function logdetHessianSpec(dir, n) {
  const file = join(dir, `logdet-hessian-${n}.yaml`);
  const where = "  A: inv(M)\n  P: kron(ones(1, n), A)\n  Q: kron(eye(n), ones(1, n))\n  T: Q' * P\n";
  writeFileSync(
    file,
    `id: logdet-hessian-${n}\ndims:\n  n: ${n}\nvars:\n  M: { shape: [n, n], sample: invertible }\ntrials: 1\nwhere:\n${where}claims:\n  - kind: hessian\n    f: log(abs(det(M)))\n    wrt: M\n    expect: -(T .* T')\n`,
  );
  return file;
}

/** The Hessian figures: full mode at n = 12 (144×144), fast mode at n = 64 (4096×4096 expect). */
function hessians() {
  const dir = mkdtempSync(join(tmpdir(), 'mcheck-bench-hessian-'));
  const commands = {
    'node -e 0': ['node', '-e', '0'],
    'full, n = 12': mcheck('check', logdetHessianSpec(dir, 12), '--reporter', 'json'),
    'fast, n = 64': mcheck(
      'check',
      logdetHessianSpec(dir, 64),
      '--mode',
      'fast',
      '--limit',
      'elements=20000000',
      '--reporter',
      'json',
    ),
  };
  const r = interleaved(commands, QUICK ? 3 : 5);
  for (const name of ['full, n = 12', 'fast, n = 64']) {
    const row = JSON.parse(r[name].last.stdout).results[0];
    if (row.status !== 'pass') throw new Error(`hessian ${name}: ${row.status} ${row.message}`);
  }
  const base = r['node -e 0'].ms;
  console.log('\n## Hessian of log|det M|, whole processes (one trial; fast mode: 3 probes)\n');
  console.log(
    table(
      ['run', 'time', 'ratio to node -e 0', 'peak memory'],
      Object.entries(r).map(([k, v]) => [
        k,
        fmtMs(v.ms),
        (v.ms / base).toFixed(2),
        v.mb === null ? '?' : `${v.mb.toFixed(0)} MB`,
      ]),
    ),
  );
  return {
    baselineMs: base,
    fullMs12: r['full, n = 12'].ms,
    fastMs64: r['fast, n = 64'].ms,
    fastMb64: r['fast, n = 64'].mb,
  };
}

function startup() {
  const commands = {
    'node -e 0': ['node', '-e', '0'],
    'mcheck --version': mcheck('--version'),
    'mcheck all': mcheck('all'),
    // Every spec parsed again: what a first run on a fresh checkout costs.
    'mcheck all --no-cache': mcheck('all', '--no-cache'),
  };
  const r = interleaved(commands, QUICK ? 7 : 15);
  if (r['mcheck all'].last.code !== 0) throw new Error(`mcheck all failed:\n${r['mcheck all'].last.stdout}`);
  const base = r['node -e 0'].ms;
  console.log('\n## Start-up (whole processes, medians)\n');
  console.log(
    table(
      ['command', 'time', 'ratio to node -e 0'],
      Object.entries(r).map(([k, v]) => [k, fmtMs(v.ms), (v.ms / base).toFixed(2)]),
    ),
  );
  const noCacheMs = r['mcheck all --no-cache'].ms;
  return {
    baselineMs: base,
    versionMs: r['mcheck --version'].ms,
    allMs: r['mcheck all'].ms,
    ratio: r['mcheck all'].ms / base,
    noCacheMs,
    noCacheRatio: noCacheMs / base,
    runs: r['mcheck all'].runs,
  };
}

/** Microseconds per call of fn, from timed batches after a warm-up. */
function perCall(fn) {
  for (let i = 0; i < 3; i++) fn();
  let reps = 1;
  for (;;) {
    const t = performance.now();
    for (let i = 0; i < reps; i++) fn();
    const ms = performance.now() - t;
    if (ms > 150 || reps > 1e6) return (ms / reps) * 1000;
    reps *= 4;
  }
}

async function evaluators() {
  const api = await import(join(ROOT, 'dist', 'index.js'));
  const math = await import('mathjs');
  const exprs = ['log(abs(det(X)))', "det(X) * transpose(inv(X)) + X * W'", 'trace(inv(X) * W)', 'sum(X .* W) * X - W'];
  const rows = [];
  const results = [];
  for (const n of [4, 16, 64]) {
    const rng = api.createRng(['bench', n]);
    const X = api.drawSample('invertible', n, n, rng),
      W = api.drawSample('normal', n, n, rng);
    const rowsOf = (m) =>
      Array.from({ length: m.rows }, (_, i) => Array.from(m.re.subarray(i * m.cols, (i + 1) * m.cols)));
    const theirsScope = { X: math.matrix(rowsOf(X)), W: math.matrix(rowsOf(W)) };
    for (const source of exprs) {
      const ours = api.compileExpression(source, new Set(['X', 'W']));
      const scope = new Map([
        ['X', X],
        ['W', W],
      ]);
      const theirs = math.compile(source);
      const a = ours.evaluate(scope, null),
        b = theirs.evaluate(theirsScope);
      const bFlat = typeof b === 'number' ? [b] : b.toArray().flat();
      const scale = Math.max(...bFlat.map(Math.abs));
      const diff = Math.max(...Array.from(a.re, (v, k) => Math.abs(v - bFlat[k])));
      const oursUs = perCall(() => ours.evaluate(scope, null));
      const theirsUs = perCall(() => theirs.evaluate(theirsScope));
      rows.push([
        n,
        source,
        fmtUs(oursUs),
        fmtUs(theirsUs),
        `${(theirsUs / oursUs).toFixed(1)}×`,
        (diff / scale).toExponential(1),
      ]);
      results.push({
        n,
        source,
        oursUs,
        mathjsUs: theirsUs,
        speedup: theirsUs / oursUs,
        relativeDifference: diff / scale,
      });
    }
  }
  console.log('\n## The typed-array evaluator against mathjs (in-process, per evaluation)\n');
  console.log(table(['n', 'expression', 'mcheck', 'mathjs', 'speed-up', 'rel. difference'], rows));
  const logdet = Object.fromEntries(
    SIZES.map((n) => {
      const rng = api.createRng(['bench', 'logdet', n]);
      const scope = new Map([['X', api.drawSample('invertible', n, n, rng)]]);
      const f = api.compileExpression('log(abs(det(X)))', new Set(['X']));
      return [n, perCall(() => f.evaluate(scope, null))];
    }),
  );
  return { expressions: results, logdetUs: logdet };
}

function torchAvailable() {
  return existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import torch'], { encoding: 'utf8' }).status === 0;
}

function modes(logdetUs) {
  const dir = mkdtempSync(join(tmpdir(), 'mcheck-bench-'));
  const out = [];
  const run = (n, mode, reps, extra = {}) => {
    const file = logdetSpec(dir, n);
    const commands = {
      [mode]: mcheck('check', file, '--mode', mode, '--timeout', '900', '--reporter', 'json'),
      ...extra,
    };
    const r = interleaved(commands, reps);
    const report = JSON.parse(r[mode].last.stdout);
    const row = report.results[0];
    if (row.status !== 'pass') throw new Error(`logdet n=${n} ${mode}: ${row.status} ${row.message}`);
    const evaluations = mode === 'full' ? 4 * n * n + 1 : 4 * 3 + 1;
    out.push({
      n,
      mode,
      ms: r[mode].ms,
      mb: r[mode].mb,
      runs: r[mode].runs,
      evaluations,
      perEvaluationUs: logdetUs[n],
    });
    return r;
  };
  let torch = null;
  for (const n of SIZES) {
    if (n === 128 && QUICK) continue;
    if (n === 64 && torchAvailable()) {
      const r = run(n, 'full', 3, { torch: [PYTHON, join(ROOT, 'bench', 'torch-logdet.py'), String(n)] });
      torch = {
        ms: r.torch.ms,
        cpuMs: r.torch.cpuMs,
        mb: r.torch.mb,
        runs: r.torch.runs,
        mcheckMs: r.full.ms,
        mcheckCpuMs: r.full.cpuMs,
        ratio: r.full.ms / r.torch.ms,
      };
    } else run(n, 'full', n >= 128 ? 1 : n >= 64 ? 3 : 5);
  }
  for (const n of SIZES) run(n, 'fast', 5);
  console.log('\n## Gradient of log|det X|, whole processes (one trial; fast mode: 3 probes)\n');
  console.log(
    table(
      ['n', 'mode', 'evaluations', 'per evaluation', 'total', 'peak memory', 'runs'],
      out.map((o) => [
        o.n,
        o.mode,
        o.evaluations,
        fmtUs(o.perEvaluationUs),
        fmtMs(o.ms),
        o.mb === null ? '?' : `${o.mb.toFixed(0)} MB`,
        o.runs,
      ]),
    ),
  );
  if (torch !== null) {
    console.log(
      `\nPyTorch gradcheck of the same gradient (hand-written backward), n = 64, whole process: ${fmtMs(torch.ms)} (CPU ${torch.cpuMs === null ? '?' : fmtMs(torch.cpuMs)}); mcheck full mode: ${fmtMs(torch.mcheckMs)} (CPU ${torch.mcheckCpuMs === null ? '?' : fmtMs(torch.mcheckCpuMs)}; ratio ${torch.ratio.toFixed(2)})`,
    );
  } else
    console.log('\nPyTorch comparison skipped: /usr/bin/python3 cannot import torch (apt-get install python3-torch).');
  return { rows: out, torch };
}

/**
 * A homework of 20 claims in 4 question files, and a class of 200 submissions answering it, each
 * answer right or (for about one in five, fixed by the submission and claim) a transpose off.
 */
function gradingClass(dir) {
  const kinds = [
    ['trace(A * X)', 'X', "A'", 'A'],
    ["x' * A * x", 'x', "(A + A') * x", '2 * A * x'],
    ['sum(exp(A * x))', 'x', "A' * exp(A * x)", 'A * exp(A * x)'],
    ['logdet(X)', 'X', "inv(X)'", 'inv(X)'],
    ["trace(X' * A * X)", 'X', "(A + A') * X", '2 * A * X'],
  ];
  const questions = join(dir, 'questions');
  mkdirSync(questions, { recursive: true });
  for (let q = 0; q < 4; q++) {
    const claims = kinds
      .map(([f, wrt], c) => `  - name: c${c}\n    kind: gradient\n    f: ${JSON.stringify(f)}\n    wrt: ${wrt}`)
      .join('\n');
    const vars = '  A: { shape: [n, n] }\n  X: { shape: [n, n], sample: spd }\n  x: { shape: [n] }';
    writeFileSync(
      join(questions, `hw-${q}.yaml`),
      `id: hw-${q}\nquestion: true\ndims:\n  n: [3, ${5 + q}]\nvars:\n${vars}\nclaims:\n${claims}\n`,
    );
  }
  const submissions = [];
  for (let s = 0; s < 200; s++) {
    const folder = join(dir, 'class', `student-${String(s).padStart(3, '0')}`);
    mkdirSync(folder, { recursive: true });
    for (let q = 0; q < 4; q++) {
      const answers = kinds.map((k, c) => `  c${c}: ${JSON.stringify((s * 7 + q * 5 + c) % 5 === 0 ? k[3] : k[2])}`);
      writeFileSync(join(folder, `hw-${q}.yaml`), `answers: hw-${q}\nclaims:\n${answers.join('\n')}\n`);
    }
    submissions.push(folder);
  }
  return { questions, submissions };
}

/** Grading a class of 200 submissions of a 20-claim homework with the default workers and with none. */
function grading() {
  const dir = mkdtempSync(join(tmpdir(), 'mcheck-bench-grade-'));
  const { questions, submissions } = gradingClass(dir);
  const grade = (...extra) => mcheck('grade', '--questions', questions, ...submissions, '--reporter', 'json', ...extra);
  const r = interleaved({ 'default workers': grade(), '--workers 0': grade('--workers', '0') }, QUICK ? 1 : 3);
  const [a, b] = [r['default workers'].last.stdout, r['--workers 0'].last.stdout];
  if (a !== b) throw new Error('grading with and without workers gave different reports');
  const speedup = r['--workers 0'].ms / r['default workers'].ms;
  console.log('\n## Grading 200 submissions of a 20-claim homework (4000 rows), whole processes\n');
  console.log(
    table(
      ['run', 'time', 'peak memory'],
      Object.entries(r).map(([k, v]) => [k, fmtMs(v.ms), v.mb === null ? '?' : `${v.mb.toFixed(0)} MB`]),
    ),
  );
  console.log(`\nthe same JSON report both ways; speed-up with workers: ${speedup.toFixed(2)}×`);
  return { ms: r['default workers'].ms, serialMs: r['--workers 0'].ms, speedup, mb: r['default workers'].mb };
}

/** The ReLU layer of 48×48×48 in full mode (5 trials, both claims): within the default claim time limit of 10 s. */
function reluLayer() {
  const r = interleaved(
    { relu: mcheck('check', 'test/fixtures/layers/relu-layer-48.yaml', '--reporter', 'json') },
    QUICK ? 1 : 3,
  );
  const report = JSON.parse(r.relu.last.stdout);
  if (report.summary.passed !== 2) throw new Error(`relu-layer-48: ${JSON.stringify(report.summary)}`);
  console.log(`\n## ReLU layer 48×48×48, full mode, 5 trials: ${fmtMs(r.relu.ms)} for both claims (whole process)`);
  return { ms: r.relu.ms };
}

if (ONLY !== null) {
  const sections = {
    startup,
    grading,
    hessians,
    relu: reluLayer,
    modes: async () => modes((await evaluators()).logdetUs),
  };
  await sections[ONLY]();
  process.exit(0);
}

const started = Date.now();
const up = startup();
const ev = await evaluators();
const md = modes(ev.logdetUs);
const hs = hessians();
const relu = reluLayer();
const gr = grading();
const fast128 = md.rows.find((r) => r.n === 128 && r.mode === 'fast');
const targets = [
  {
    target: `mcheck all at most ${TARGETS.startupRatio}× node -e 0`,
    value: `${up.ratio.toFixed(2)}×`,
    met: up.ratio <= TARGETS.startupRatio,
  },
  {
    target: `mcheck all --no-cache (a first run) at most ${TARGETS.noCacheRatio}× node -e 0`,
    value: `${up.noCacheRatio.toFixed(2)}×`,
    met: up.noCacheRatio <= TARGETS.noCacheRatio,
  },
  md.torch === null
    ? {
        target: `full mode at n = 64 at most ${TARGETS.torchRatio}× PyTorch gradcheck`,
        value: 'not measured (no torch)',
        met: null,
      }
    : {
        target: `full mode at n = 64 at most ${TARGETS.torchRatio}× PyTorch gradcheck`,
        value: `${md.torch.ratio.toFixed(2)}× its time`,
        met: md.torch.ratio <= TARGETS.torchRatio,
      },
  {
    target: `grading 200 × 20 claims at least ${TARGETS.gradeSpeedup}× faster with workers`,
    value: `${gr.speedup.toFixed(2)}×`,
    met: gr.speedup >= TARGETS.gradeSpeedup,
  },
  { target: 'grading 200 × 20 claims under 10 s', value: fmtMs(gr.ms), met: gr.ms < TARGETS.gradeMs },
  {
    target: `grading 200 × 20 claims under ${TARGETS.gradePeakMb} MB`,
    value: gr.mb === null ? '?' : `${gr.mb.toFixed(0)} MB`,
    met: gr.mb === null ? null : gr.mb < TARGETS.gradePeakMb,
  },
  { target: 'ReLU layer 48³, full mode, within the 10 s claim limit', value: fmtMs(relu.ms), met: relu.ms < 10_000 },
  { target: 'hessian full mode at n = 12 under 2 s', value: fmtMs(hs.fullMs12), met: hs.fullMs12 < 2000 },
  { target: 'hessian fast mode at n = 64 under 1 s', value: fmtMs(hs.fastMs64), met: hs.fastMs64 < 1000 },
  {
    target: `fast mode at n = 128 under ${TARGETS.fastMsAt128} ms`,
    value: fmtMs(fast128.ms),
    met: fast128.ms < TARGETS.fastMsAt128,
  },
  {
    target: `fast mode at n = 128 under ${TARGETS.fastPeakMbAt128} MB`,
    value: fast128.mb === null ? '?' : `${fast128.mb.toFixed(0)} MB`,
    met: fast128.mb === null ? null : fast128.mb < TARGETS.fastPeakMbAt128,
  },
];
console.log('\n## Targets\n');
console.log(
  table(
    ['target', 'measured', 'met'],
    targets.map((t) => [t.target, t.value, t.met === null ? '?' : t.met ? 'yes' : 'NO']),
  ),
);
const results = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: availableParallelism(),
  cpu: cpus()[0]?.model ?? null,
  quick: QUICK,
  startup: up,
  evaluator: ev,
  logdet: md,
  hessian: hs,
  relu,
  grading: gr,
  targets,
  seconds: (Date.now() - started) / 1000,
};
writeFileSync(join(ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
console.log(`\nwrote bench/results.json (${results.seconds.toFixed(0)} s)`);
