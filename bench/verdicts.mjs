#!/usr/bin/env node
// `node bench/verdicts.mjs [BASE] [--statuses]`: proves that a change kept every verdict. Builds commit BASE
// (default: origin/main's merge base, else HEAD~1) in a temporary git worktree, then runs both
// builds on the bundled identities and on every fixture folder, in full and fast mode, with and
// without workers, and compares the JSON reports byte for byte. Fields a change adds on purpose
// are listed in ADDED and removed from the new report before comparing; nothing else may differ.
// With --statuses only each row's status is compared (not the exit code), for a change that moves
// the numbers on purpose (another step, another kernel) but must keep every verdict. Rows that
// exist on one side only (fixtures added since BASE) are listed, not counted as differences.
// With --failures every field of every row is compared, and the exit code, except the error
// figures of passing rows and the relative error of failed ones (taken over every entry larger
// than atol, which may be a passing entry): for a change that measures passing entries
// differently (a cheaper first pass) but must leave every verdict, message, hint, worst entry,
// noise and largest absolute error exactly as they were.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ARGS = process.argv.slice(2);
const STATUSES = ARGS.includes('--statuses');
const FAILURES = ARGS.includes('--failures');
const BASE = ARGS.find((a) => !a.startsWith('--')) ?? 'HEAD~1';

// Fields of the JSON report that did not exist at BASE: [array of the report, field].
const ADDED = [
  ['errors', 'code'],
  ['errors', 'path'],
];

// test/fixtures/layers holds layer-sized claims for fast mode and the tests; in full mode each
// would only run into the time limit, in every variant.
const FOLDERS = [
  'identities',
  ...readdirSync(join(ROOT, 'test/fixtures'))
    .filter((d) => d !== 'layers')
    .map((d) => `test/fixtures/${d}`),
];
const VARIANTS = [
  { name: 'full', args: ['--workers', '0'] },
  { name: 'full, workers', args: [] },
  { name: 'fast', args: ['--mode', 'fast', '--workers', '0'] },
  { name: 'fast, workers', args: ['--mode', 'fast'] },
];

function sh(cmd, args, cwd) {
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** A build of BASE in a worktree, sharing this checkout's node_modules. */
function baseBuild() {
  const dir = mkdtempSync(join(tmpdir(), 'mcheck-base-'));
  sh('git', ['worktree', 'add', '--detach', dir, BASE], ROOT);
  sh('ln', ['-s', join(ROOT, 'node_modules'), join(dir, 'node_modules')], dir);
  sh('npm', ['run', '--silent', 'build'], dir);
  return dir;
}

function report(root, folder, args) {
  // The fixtures are read from this checkout in both runs, so both see the same specs.
  const r = spawnSync(
    'node',
    [join(root, 'bin/mcheck.js'), 'all', '--dir', join(ROOT, folder), '--reporter', 'json', '--no-cache', ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      maxBuffer: 1 << 28,
    },
  );
  return { code: r.status, out: r.stdout.split(ROOT).join('<root>') };
}

/** The after report without the ADDED fields the before report lacks (a base older than them). */
function withoutAdded(text, beforeText) {
  let json, before;
  try {
    [json, before] = [JSON.parse(text), JSON.parse(beforeText)];
  } catch {
    return text;
  }
  for (const [array, field] of ADDED) {
    const had = (before[array] ?? []).some((row) => field in row);
    if (!had) for (const row of json[array] ?? []) delete row[field];
  }
  return JSON.stringify(json, null, 2) + '\n';
}

/** Row -> status of a JSON report, or null where it is not JSON. */
function statusesOf(text) {
  try {
    return new Map(JSON.parse(text).results.map((r) => [r.row, r.status]));
  } catch {
    return null;
  }
}

/** True when both reports give every row they share the same status; rows on one side only are printed. */
function sameStatuses(before, after, label) {
  const [a, b] = [statusesOf(before.out), statusesOf(after.out)];
  if (a === null || b === null) return before.out === after.out;
  let ok = true;
  for (const [row, status] of b) {
    if (!a.has(row)) console.log(`new row: ${label}: ${row} ${status}`);
    else if (a.get(row) !== status) ok = false;
  }
  return ok;
}

/** A report's rows by row, with the error figures --failures leaves out; null where it is not JSON. */
function failuresOf(text) {
  try {
    return new Map(
      JSON.parse(text).results.map((r) => [
        r.row,
        JSON.stringify({ ...r, maxAbsError: r.status === 'pass' ? null : r.maxAbsError, maxRelError: null }),
      ]),
    );
  } catch {
    return null;
  }
}

/** True when both reports agree on every shared row but in passing rows' error figures, and in the exit code. */
function sameFailures(before, after, label) {
  const [a, b] = [failuresOf(before.out), failuresOf(withoutAdded(after.out, before.out))];
  if (a === null || b === null) return before.out === after.out;
  let ok = before.code === after.code;
  for (const [row, text] of b) {
    if (!a.has(row)) console.log(`new row: ${label}: ${row}`);
    else if (a.get(row) !== text) {
      console.log(`row differs: ${label}: ${row}`);
      ok = false;
    }
  }
  return ok;
}

const base = baseBuild();
let differ = 0,
  same = 0;
try {
  for (const folder of FOLDERS) {
    if (!existsSync(join(ROOT, folder))) continue;
    for (const v of VARIANTS) {
      const before = report(base, folder, v.args);
      const after = report(ROOT, folder, v.args);
      const label = `${folder} (${v.name})`;
      const ok = STATUSES
        ? sameStatuses(before, after, label)
        : FAILURES
          ? sameFailures(before, after, label)
          : before.code === after.code && before.out === withoutAdded(after.out, before.out);
      if (ok) same++;
      else {
        differ++;
        console.log(`DIFFERENT: ${folder} (${v.name}): exit ${before.code} -> ${after.code}`);
      }
    }
  }
} finally {
  sh('git', ['worktree', 'remove', '--force', base], ROOT);
  rmSync(base, { recursive: true, force: true });
}
console.log(
  `${same} reports identical, ${differ} different (base ${BASE}, ${FOLDERS.length} folders x ${VARIANTS.length} variants)`,
);
process.exit(differ === 0 ? 0 : 1);
