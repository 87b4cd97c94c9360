import { mkdirSync, readFileSync, symlinkSync, writeFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, type CliResult, stackTraceSigns } from '../helpers/run-cli.js';
import { type JsonReport, mcheck, runJson, tempDir } from './ci-helpers.js';

// A small class graded as a TA would: the course's questions (test/fixtures/grading/questions)
// against one folder per student. alice answers everything correctly; bob gets some wrong; carol
// leaves answers out; dave tries to change what is asked (vars, tolerance) in an answer file; erin
// has two answer files for one question; frank's answer is a symbolic link to a question file;
// gina has an answer that does not compile, an answer to a worked example and to no claim.

const GRADING = join(REPO_ROOT, 'test/fixtures/grading');
const CLASS = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'gina'];
const grade = (args: readonly string[] = []) =>
  runJson(['grade', '--questions', 'questions', ...CLASS.map((s) => `class/${s}`), ...args], { cwd: GRADING });

let run: CliResult;
let report: JsonReport;

beforeAll(() => {
  ({ run, report } = grade());
});

const rowsOf = (submission: string) => report.results.filter((r) => r.submission === submission);
const statusOf = (submission: string) => Object.fromEntries(rowsOf(submission).map((r) => [r.claim, r.status]));

describe('mcheck grade: a score per submission', () => {
  it('scores each submission: the points of its passing question claims, out of all of them', () => {
    expect(report.scores).toEqual([
      { submission: 'alice', points: 8, maxPoints: 8 },
      { submission: 'bob', points: 4, maxPoints: 8 },
      { submission: 'carol', points: 3, maxPoints: 8 },
      { submission: 'dave', points: 2, maxPoints: 8 },
      { submission: 'erin', points: 2, maxPoints: 8 },
      { submission: 'frank', points: 3, maxPoints: 8 },
      { submission: 'gina', points: 3, maxPoints: 8 },
    ]);
  });

  it('gives every submission a row per question claim, the same ids in each without collision', () => {
    for (const s of CLASS) {
      expect(rowsOf(s).map((r) => r.row)).toEqual([
        'hw3-linear/dW',
        'hw3-linear/dx',
        'hw3-linear/worked',
        'hw3-linear/back',
        'hw3-trace/dX',
        'hw3-trace/same',
      ]);
    }
    expect(report.errors.some((e) => e.code === 'duplicate_id')).toBe(false);
  });

  it('exits 2 (some submissions have errors) and prints a line per submission in the terminal', () => {
    expect(run.code).toBe(2);
    const pretty = mcheck(['grade', '--questions', 'questions', 'class/alice', 'class/bob', '--no-color'], {
      cwd: GRADING,
    });
    expect(pretty.stdout).toMatch(/^alice +8\/8 points$/m);
    expect(pretty.stdout).toMatch(/^bob +4\/8 points$/m);
    expect(pretty.stdout).toContain('bob/hw3-linear/dx');
    expect(pretty.code).toBe(1);
  });

  it('checks a wrong answer as written and reruns it with the question and the answer file', () => {
    const dx = rowsOf('bob').find((r) => r.claim === 'dx')!;
    expect(dx).toMatchObject({ status: 'fail', points: 0, maxPoints: 1, file: 'class/bob/linear.yaml', line: 4 });
    expect(dx.sources).toEqual(['questions/hw3-linear.yaml', 'class/bob/linear.yaml']);
    expect(dx.repro).toMatch(/^mcheck check questions\/hw3-linear\.yaml class\/bob\/linear\.yaml --claim dx --seed 1/);
    const rerun = mcheck(dx.repro!.split(' ').slice(1), { cwd: GRADING });
    expect(rerun.code).toBe(1);
    expect(rerun.stdout).toContain(dx.message!.split(' (trial')[0]);
  });

  it('fails a claim with no answer, worth 0, and still checks a worked example', () => {
    expect(statusOf('carol')).toEqual({
      dW: 'pass',
      dx: 'fail',
      worked: 'pass',
      back: 'fail',
      dX: 'fail',
      same: 'fail',
    });
    const dx = rowsOf('carol').find((r) => r.claim === 'dx')!;
    expect(dx.message).toBe('no answer');
    expect(dx.notes).toEqual(['class/carol/linear.yaml gives no claims.dx']);
    expect(dx.repro).toBeNull();
    expect(rowsOf('carol').find((r) => r.claim === 'dX')!.notes).toEqual([
      'no answer file of the run says answers: hw3-trace',
    ]);
  });

  it('refuses an answer file that changes vars or tolerance as a whole, costing its question every point', () => {
    const error = report.errors.find((e) => e.file === 'class/dave/linear.yaml')!;
    expect(error).toMatchObject({ code: 'unrecognized_keys', line: 3 });
    expect(error.message).toMatch(
      /unknown keys "vars", "tolerance"; an answer file has only answers, title, where and claims/,
    );
    const linear = rowsOf('dave').filter((r) => r.id === 'hw3-linear');
    expect(linear.map((r) => [r.status, r.points])).toEqual([
      ['error', 0],
      ['error', 0],
      ['error', 0],
      ['error', 0],
    ]);
    expect(linear[0]!.message).toBe('not graded: the answer file class/dave/linear.yaml has errors');
    expect(statusOf('dave')).toMatchObject({ dX: 'pass', same: 'pass' });
  });

  it('refuses two answer files for one question, naming both, and grades none of its claims', () => {
    const error = report.errors.find((e) => e.file.startsWith('class/erin/'))!;
    expect(error.code).toBe('answers');
    expect(error.message).toBe(
      'two answer files answer hw3-linear: class/erin/linear-a.yaml and class/erin/linear-b.yaml; neither is graded',
    );
    expect(
      rowsOf('erin')
        .filter((r) => r.id === 'hw3-linear')
        .every((r) => r.status === 'error'),
    ).toBe(true);
  });

  it('refuses a symbolic link in a submission, naming it, and reads nothing through it', () => {
    const error = report.errors.find((e) => e.file.startsWith('class/frank/'))!;
    expect(error).toMatchObject({ code: 'link', file: 'class/frank/linear.yaml' });
    expect(statusOf('frank')).toMatchObject({ dW: 'fail', dx: 'fail', back: 'fail' });
  });

  it('costs a broken answer only its claim, and reports answers to a worked example or to no claim', () => {
    const dx = rowsOf('gina').find((r) => r.claim === 'dx')!;
    expect(dx).toMatchObject({ status: 'error', file: 'class/gina/linear.yaml', line: 4, points: 0 });
    expect(dx.message).toMatch(/^claims\.dx: cannot parse .*\(at class\/gina\/linear\.yaml:4:7\)$/);
    const messages = report.errors.filter((e) => e.file === 'class/gina/linear.yaml').map((e) => [e.line, e.message]);
    expect(messages).toEqual([
      [5, 'claims.worked: hw3-linear/worked is a worked example (the question gives its expect); it takes no answer'],
      [6, 'claims.dz: the question hw3-linear has no claim named "dz" (claims: dW, dx, worked, back)'],
    ]);
    expect(statusOf('gina')).toMatchObject({ dW: 'pass', worked: 'pass' });
  });

  it('marks hidden claims and prints the seed it graded with, also a random one', () => {
    expect(
      rowsOf('alice')
        .filter((r) => r.hidden)
        .map((r) => r.claim),
    ).toEqual(['back']);
    const random = grade(['--seed', 'random']).report;
    expect(random.seed).not.toBe(1);
    expect(random.scores.find((s) => s.submission === 'alice')).toEqual({
      submission: 'alice',
      points: 8,
      maxPoints: 8,
    });
  });
});

describe('the csv reporter', () => {
  it('writes one line per submission and claim with points and the message, quoted where needed', () => {
    const dir = tempDir('csv');
    const file = join(dir, 'grades.csv');
    const r = mcheck(['grade', '--questions', 'questions', 'class/bob', 'class/erin', '--reporter', `csv=${file}`], {
      cwd: GRADING,
    });
    expect(r.code).toBe(2);
    const lines = readFileSync(file, 'utf8').split('\r\n');
    expect(lines[0]).toBe('submission,id,claim,status,points,max_points,message');
    expect(lines).toHaveLength(1 + 12 + 1);
    expect(lines[1]).toBe('bob,hw3-linear,dW,pass,2,2,');
    expect(lines[2]).toMatch(/^bob,hw3-linear,dx,fail,0,1,"?mismatch /);
    expect(lines).toContain(
      'erin,hw3-linear,dW,error,0,2,not graded: two answer files answer hw3-linear (class/erin/linear-a.yaml and class/erin/linear-b.yaml)',
    );
    expect(lines.at(-1)).toBe('');
  });
});

describe('the gradescope reporter', () => {
  let results: {
    score: number;
    output: string;
    stdout_visibility: string;
    tests: { name: string; score: number; max_score: number; status: string; output: string; visibility: string }[];
  };
  let code: number | null;

  beforeAll(() => {
    const dir = tempDir('gradescope');
    const file = join(dir, 'results.json');
    code = mcheck(['check', 'questions', 'class/bob', '--reporter', `gradescope=${file}`], { cwd: GRADING }).code;
    results = JSON.parse(readFileSync(file, 'utf8')) as typeof results;
  });

  it('gives the score and one test per claim with its points and status', () => {
    expect(code).toBe(1);
    expect(results.score).toBe(4);
    expect(results.stdout_visibility).toBe('hidden');
    expect(results.tests.map((t) => [t.name, t.score, t.max_score, t.status])).toEqual([
      ['hw3-linear/dW', 2, 2, 'passed'],
      ['hw3-linear/dx', 0, 1, 'failed'],
      ['hw3-linear/worked', 1, 1, 'passed'],
      ['hw3-linear/back', 0, 2, 'failed'],
      ['hw3-trace/dX', 0, 1, 'failed'],
      ['hw3-trace/same', 1, 1, 'passed'],
    ]);
    expect(results.tests.every((t) => t.visibility === 'visible')).toBe(true);
    expect(results.output).toContain('score 4/8 points');
  });

  it("puts the reason, hint and rerun command in a failed test's output", () => {
    const dX = results.tests.find((t) => t.name === 'hw3-trace/dX')!;
    expect(dX.output).toMatch(/^mismatch /);
    expect(dX.output).toContain("hint: matches after transposing: expect should be (A)'");
    expect(dX.output).toContain('rerun: mcheck check questions/hw3-trace.yaml class/bob/trace.yaml --claim dX');
  });

  it('shows a hidden claim by name, status and points only, never its formulas', () => {
    const back = results.tests.find((t) => t.name === 'hw3-linear/back')!;
    expect(back.output).toBe('hidden check: not passed');
  });

  it('refuses to write one results file for several submissions', () => {
    const r = mcheck(
      ['grade', '--questions', 'questions', 'class/alice', 'class/bob', '--reporter', 'gradescope=/tmp/x.json'],
      { cwd: GRADING },
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the gradescope reporter writes the results of one submission');
    expect(stackTraceSigns(r)).toEqual([]);
  });
});

describe('untrusted submissions', () => {
  it('never quotes a file a link points at, and refuses a spec in a submission', () => {
    const dir = tempDir('untrusted');
    cpSync(join(GRADING, 'questions'), join(dir, 'questions'), { recursive: true });
    mkdirSync(join(dir, 'secret'));
    writeFileSync(join(dir, 'secret/hidden.yaml'), 'answers: hw3-linear\nclaims:\n  dW: secretMarker + oops(\n');
    mkdirSync(join(dir, 'mallory'));
    symlinkSync('../secret/hidden.yaml', join(dir, 'mallory/answers.yaml'));
    symlinkSync('../secret', join(dir, 'mallory/folder'));
    writeFileSync(
      join(dir, 'mallory/own.yaml'),
      'id: hw3-linear\nquestion: true\nvars: { x: { shape: [2] } }\nclaims:\n  - { name: dW, kind: equal, lhs: x, rhs: x }\n',
    );
    const out = mcheck(['grade', '--questions', 'questions', 'mallory', '--reporter', 'json'], { cwd: dir });
    expect(out.stdout + out.stderr).not.toContain('secretMarker');
    const r = JSON.parse(out.stdout) as JsonReport;
    expect(r.errors.filter((e) => e.code === 'link').map((e) => e.file)).toEqual([
      'mallory/answers.yaml',
      'mallory/folder',
    ]);
    expect(r.errors.find((e) => e.file === 'mallory/own.yaml')!.message).toMatch(/^not an answer file/);
    expect(r.scores).toEqual([{ submission: 'mallory', points: 1, maxPoints: 8 }]);
  });

  it('costs a question its points when its answer file does not parse', () => {
    const dir = tempDir('syntax');
    cpSync(join(GRADING, 'questions'), join(dir, 'questions'), { recursive: true });
    mkdirSync(join(dir, 'sam'));
    writeFileSync(join(dir, 'sam/linear.yaml'), 'answers: hw3-linear\nclaims:\n  dW: [2 * x\n');
    const { report: r } = runJson(['check', 'questions', 'sam'], { cwd: dir });
    expect(r.errors[0]).toMatchObject({ code: 'syntax', file: 'sam/linear.yaml' });
    const linear = r.results.filter((x) => x.id === 'hw3-linear');
    expect(linear.every((x) => x.status === 'error' && x.points === 0)).toBe(true);
    expect(r.scores).toEqual([{ submission: null, points: 0, maxPoints: 8 }]);
  });
});

describe('mcheck grade usage errors', () => {
  it.each([
    [['grade', 'class/alice'], 'grade needs the questions: mcheck grade --questions DIR SUBMISSION...'],
    [['grade', '--questions', 'nope', 'class/alice'], 'nope is not a folder'],
    [
      ['grade', '--questions', 'questions', 'class/alice', 'class/alice/'],
      'would both be graded as "alice": give each submission a folder of its own name',
    ],
  ])('%j exits 2 with the fix', (args, message) => {
    const r = mcheck(args, { cwd: GRADING });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(stackTraceSigns(r)).toEqual([]);
  });
});
