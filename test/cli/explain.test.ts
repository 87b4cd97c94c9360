import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANSI, prettyRows, runCli, runShell, stackTraceSigns } from '../helpers/run-cli.js';
import { spec } from '../helpers/spec-text.js';

const WRONG_DET = 'test/fixtures/wrong/wrong-det-gradient-missing-transpose.yaml';

/** The inputs an explanation prints, by name: `X (2×2) =`, `r (where, 2×1) =`, `G (upstream, 3×1) =`. */
function inputNames(stdout: string): string[] {
  return stdout.split('\n').flatMap((l) => /^ {2}(\S+) \((?:where, |upstream, )?\d+×\d+\) =$/.exec(l)?.[1] ?? []);
}

/** The matrix rows of the two sides and their difference, as three bracketed groups per line. */
function sideRows(stdout: string): string[][] {
  return stdout
    .split('\n')
    .filter((l) => /^ {2}\[/.test(l))
    .map((l) => l.match(/\[[^\]]*\]/g) ?? []);
}

/** The text of the line saying which draw is shown. */
function shownLine(stdout: string): string {
  return stdout.split('\n').find((l) => l.startsWith('  showing ')) ?? '';
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'mcheck-explain-'));
}

/** Six vars and four where values; the first claim reads A and x through u and v, the second only y. */
const MANY_VARS = spec`
  id: many-vars
  dims:
    n: [2, 3]
  vars:
    A: { shape: [n, n] }
    B: { shape: [n, n] }
    C: { shape: [n, n] }
    x: { shape: [n] }
    y: { shape: [n] }
    z: { shape: [n] }
  where:
    u: A * x
    v: u + x
    w: B * y
    q: C * z
  claims:
    - name: through-where
      kind: gradient
      f: v' * v
      wrt: x
      expect: 2 * (A + eye(n))' * v
    - name: direct
      kind: gradient
      f: y' * y
      wrt: y
      expect: 2 * y
`;

describe('mcheck explain shows what the claim reads', () => {
  it('prints only the vars and where values a claim uses, through where values transitively', () => {
    const file = join(tempDir(), 'many.yaml');
    writeFileSync(file, MANY_VARS);
    const through = runCli(['explain', file, '--claim', 'through-where']);
    expect(through.code).toBe(0);
    expect(inputNames(through.stdout)).toEqual(['A', 'x', 'u', 'v']);
    const direct = runCli(['explain', file, '--claim', 'direct']);
    expect(inputNames(direct.stdout)).toEqual(['y']);
  });

  it('shows the upstream array of a backprop claim', () => {
    const r = runCli(['explain', 'identities/backprop-linear.yaml', '--claim', 'dl/dx']);
    expect(r.code).toBe(0);
    expect(inputNames(r.stdout)).toEqual(['W', 'x', 'G']);
    expect(r.stdout).toMatch(/^ {2}G \(upstream, \d×1\) =$/m);
  });
});

describe('mcheck explain shows the smallest failing case', () => {
  it('by default: the shrunk dims, the difference with the entries outside tolerance marked', () => {
    const r = runCli(['explain', WRONG_DET]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^✗ wrong-det-gradient-missing-transpose {2}gradient · seed 1 · trial \d+ · n=2 · /m);
    expect(shownLine(r.stdout)).toMatch(/^ {2}showing the smallest failing case: n=2, trial \d+; the run first failed/);
    expect(r.stdout).toMatch(/expect \(2×2\)\s+numeric \(2×2\)\s+expect − numeric$/m);
    const rows = sideRows(r.stdout);
    expect(rows).toHaveLength(2);
    // A missing transpose differs off the diagonal only, and there the difference is marked.
    const difference = rows.map((groups) => groups[2]!.slice(1, -1).trim().split(/\s+/));
    expect(difference.map((row) => row.map((cell) => cell.endsWith('*')))).toEqual([
      [false, true],
      [true, false],
    ]);
    expect(r.stdout).toContain('* marks entries that are not within tolerance: 2 of 4');
    expect(r.stdout).not.toMatch(ANSI);
    expect(stackTraceSigns(r)).toEqual([]);
  });

  it('whose rerun command fails the same way, and whose first failure explain shows as asked', () => {
    const r = runCli(['explain', WRONG_DET]);
    const rerun = /^ {2}rerun: (.+)$/m.exec(r.stdout)![1]!;
    expect(rerun).toMatch(/--dims n=2$/);
    const replayed = runShell(rerun);
    expect(replayed.code).toBe(1);
    expect(replayed.stdout).toMatch(/\n0 passed, 1 failed\n/);
    const first = /the run first failed on trial (\d+), at (n=\d+): (mcheck explain .+)$/m.exec(r.stdout)!;
    const shown = runShell(first[3]!);
    expect(shown.stdout).toMatch(new RegExp(`· trial ${first[1]} · ${first[2]} · `));
    expect(shownLine(shown.stdout)).toMatch(/, as asked; without --trial and --dims, explain shows the smallest/);
  });

  it('--trial 1 still shows trial 1 at its drawn dims, and --dims the dims asked for', () => {
    const trial = runCli(['explain', WRONG_DET, '--trial', '1']);
    expect(trial.code).toBe(1);
    expect(trial.stdout).toMatch(/· trial 1 · n=(\d+) · /);
    expect(trial.stdout).not.toMatch(/· n=2 · /);
    expect(shownLine(trial.stdout)).toMatch(/^ {2}showing trial 1 at n=\d+, as asked/);
    const dims = runCli(['explain', WRONG_DET, '--dims', 'n=3']);
    expect(dims.stdout).toMatch(/· trial 1 · n=3 · /);
    expect(dims.stdout).toMatch(/rerun: .* --trial 1 --dims n=3$/m);
  });

  it('a passing claim shows trial 1, says all trials pass, and marks nothing', () => {
    const r = runCli(['explain', 'identities/trace-gradient.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/· trial 1 · /);
    expect(shownLine(r.stdout)).toMatch(
      /^ {2}showing trial 1 of 5; all 5 pass; another draw: mcheck explain .* --trial 2$/,
    );
    expect(r.stdout).toMatch(/numeric \(\d+×\d+\)\s+expect − numeric/);
    expect(r.stdout).not.toContain('*');
  });

  it('colours the marked entries on a colour terminal, and keeps the markers', () => {
    const r = runCli(['explain', WRONG_DET], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(r.stdout).toMatch(ANSI);
    expect(r.stdout.match(/\*/g)!.length).toBeGreaterThanOrEqual(6);
  });

  it('summarises a large matrix: its first rows and columns, a gap, the last', () => {
    const dir = tempDir();
    const file = join(dir, 'big.yaml');
    const text = spec`
      id: big-sum
      dims: { n: [20, 20] }
      vars:
        X: { shape: [n, n] }
      claims:
        - kind: gradient
          f: sum(X)
          wrt: X
          expect: ones(n, n)
    `;
    writeFileSync(file, text);
    const r = runCli(['explain', file]);
    expect(r.code).toBe(0);
    const x = r.stdout.split('\n').filter((l) => /^ {4}\[/.test(l));
    expect(x).toHaveLength(12);
    expect(x[10]).toMatch(/^ {4}\[ +⋮( +⋮){7} +\]$/);
    expect(x[0]!.match(/…/g)).toHaveLength(1);
  });
});

describe('ids name spec files', () => {
  it('mcheck explain ID and mcheck check ID read the spec with that id in identities/', () => {
    const explain = runCli(['explain', 'det-gradient']);
    expect(explain.code).toBe(0);
    expect(explain.stdout).toMatch(/^✓ det-gradient\/transpose of the inverse .* identities\/det-gradient\.yaml:\d+$/m);
    const check = runCli(['check', 'det-gradient']);
    expect(check.code).toBe(0);
    expect(prettyRows(check.stdout).map((row) => row.row)).toEqual([
      'det-gradient/transpose of the inverse',
      'det-gradient/inverse of the transpose',
    ]);
  });

  it('a near miss is the "no such file" error with a did-you-mean of the close ids', () => {
    for (const command of ['check', 'explain']) {
      const r = runCli([command, 'det-gradiant']);
      expect(r.code).toBe(2);
      expect(r.stdout).toContain(
        'no such file or directory, nor the id of a spec in identities; did you mean det-gradient (identities/det-gradient.yaml)?',
      );
      expect(stackTraceSigns(r)).toEqual([]);
    }
    const far = runCli(['check', 'nothing-like-any-id']);
    expect(far.code).toBe(2);
    expect(far.stdout).toContain('✖ no such file or directory → at nothing-like-any-id');
  });

  it('a path that exists is a path, even when it is also an id; ids come from the config dir', () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'derivations'));
    const sumSpec = (id: string): string => spec`
      id: ${id}
      vars: { x: { shape: [2] } }
      claims:
        - kind: gradient
          f: sum(x)
          wrt: x
          expect: ones(2, 1)
    `;
    writeFileSync(join(cwd, 'derivations', 'a.yaml'), sumSpec('in-folder'));
    writeFileSync(join(cwd, 'derivations', 'b.yaml'), sumSpec('only-in-folder'));
    writeFileSync(join(cwd, 'in-folder'), sumSpec('the-file-itself'));
    writeFileSync(join(cwd, 'mcheck.config.json'), JSON.stringify({ dir: 'derivations' }));
    const path = runCli(['check', 'in-folder'], { cwd });
    expect(prettyRows(path.stdout).map((row) => row.row)).toEqual(['the-file-itself']);
    const id = runCli(['check', 'only-in-folder'], { cwd });
    expect(id.code).toBe(0);
    expect(prettyRows(id.stdout).map((row) => row.row)).toEqual(['only-in-folder']);
    const explain = runCli(['explain', 'only-in-folder'], { cwd });
    expect(explain.stdout).toMatch(/^✓ only-in-folder .* derivations\/b\.yaml:\d+$/m);
  });
});
