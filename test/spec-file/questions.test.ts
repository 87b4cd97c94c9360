import { describe, expect, it } from 'vitest';
import { parseSpecText } from '../../src/spec-file/document.js';
import { answeredIdOf, resolveAnswerSheet } from '../../src/spec-file/answer-sheet.js';
import { answerQuestions } from '../../src/spec-file/answer-questions.js';
import { DEFAULT_LIMITS } from '../../src/limits.js';
import { runIdentities } from '../../src/check/run.js';
import { defaultSettings } from '../../src/index.js';
import type { Identity } from '../../src/spec-file/identity.js';
import { describeErrors, errorsOf, identityOf, spec } from '../helpers/spec-text.js';

// Question files (question: true) and answer files (answers: ID), as the spec format defines them.

const QUESTION = spec`
  id: q
  question: true
  dims:
    n: [2, 3]
  vars:
    x: { shape: [n] }
    A: { shape: [n, n] }
  where:
    y: A * x
  claims:
    - name: dx
      kind: gradient
      f: x' * A * x
      wrt: x
      points: 3
    - name: back
      kind: backprop
      f: A * x
      upstream: G
      wrt: x
    - name: same
      kind: equal
      lhs: trace(A)
    - name: given
      kind: gradient
      f: x' * x
      wrt: x
      expect: 2 * x
`;

/** An answer file's text, paired with the question above; its errors and the answered question. */
function answer(text: string, question: Identity = identityOf(QUESTION, 'q.yaml')) {
  const doc = parseSpecText('a.yaml', text);
  if (!doc.ok) throw new Error('the answer text does not parse');
  const sheet = resolveAnswerSheet('a.yaml', doc.data, doc.locate, DEFAULT_LIMITS);
  const answered = answerQuestions([question], [sheet.file], DEFAULT_LIMITS);
  return { sheetErrors: sheet.errors, errors: answered.errors, identity: answered.identities[0]! };
}

/** Each row's claim and status, with the reason where it did not pass. */
function verdicts(identity: Identity): string[] {
  const report = runIdentities([identity], [], { ...defaultSettings(), workers: 0 });
  return report.results.map(
    (r) =>
      `${r.claim} ${r.status}${r.status === 'pass' ? '' : `: ${r.status === 'fail' ? r.failure.message : r.error.message}`}`,
  );
}

describe('question files', () => {
  it('keep the claims without expect (or rhs) open, and the others as worked examples', () => {
    const q = identityOf(QUESTION, 'q.yaml');
    expect(q.question).toBe(true);
    expect(q.open.map((c) => [c.name, c.slot, c.points])).toEqual([
      ['dx', 'expect', 3],
      ['back', 'expect', 1],
      ['same', 'rhs', 1],
    ]);
    expect(q.claims.map((c) => c.name)).toEqual(['given']);
    expect(q.open[1]!.extraNames).toEqual(new Set(['G']));
  });

  it('name every claim, and only they may leave out expect or say hidden', () => {
    const unnamed = spec`
      id: q
      question: true
      vars: { x: { shape: [2] } }
      claims:
        - { kind: gradient, f: sum(x), wrt: x }
    `;
    expect(describeErrors(errorsOf(unnamed))).toEqual([
      '5:5 claims[0] has no name; every claim of a question file needs one',
    ]);
    const notAQuestion = spec`
      id: s
      vars: { x: { shape: [2] } }
      claims:
        - { name: a, kind: gradient, f: sum(x), wrt: x, hidden: true }
    `;
    expect(describeErrors(errorsOf(notAQuestion))).toEqual([
      '4:59 claims[0] "a": hidden is for the claims of a question file (question: true)',
      '4:5 missing required key "expect" in claims[0] "a" (only a question file, question: true, may leave it to answer files)',
    ]);
  });

  it('refuse points of 0 or less', () => {
    const text = spec`
      id: s
      vars: { x: { shape: [2] } }
      claims:
        - { kind: gradient, f: sum(x), wrt: x, expect: ones(2, 1), points: 0 }
    `;
    expect(errorsOf(text)[0]!.message).toMatch(/points/);
  });
});

describe('answer files', () => {
  it('complete the open claims with their expressions, helpers included, and check them', () => {
    const { errors, identity } = answer(spec`
      answers: q
      where:
        S: A + A'
      claims:
        dx: S * x
        back: A' * G
        same: trace(A')
    `);
    expect(errors).toEqual([]);
    expect(identity.open).toEqual([]);
    expect(verdicts(identity)).toEqual(['dx pass', 'back pass', 'same pass', 'given pass']);
    expect(identity.claims.find((c) => c.name === 'dx')!.location).toMatchObject({ file: 'a.yaml', line: 5 });
  });

  it('fail what they leave out with "no answer", worth 0', () => {
    const { identity } = answer('answers: q\nclaims:\n  dx: A * x\n');
    const [dx, ...rest] = verdicts(identity);
    expect(dx).toMatch(/^dx fail: mismatch/);
    expect(rest).toEqual(['back fail: no answer', 'same fail: no answer', 'given pass']);
  });

  it('may not reuse a name of the question, nor read the upstream name in where', () => {
    const { errors } = answer(spec`
      answers: q
      where:
        y: x
        G: x
        z: G
      claims:
        dx: 2 * x
    `);
    expect(describeErrors(errors)).toEqual([
      '3:3 where name "y" is a name of the question q; choose another',
      '4:3 where name "G" is a name of the question q; choose another',
      expect.stringMatching(/^5:6 where\.z: .*"G"/) as unknown as string,
    ]);
  });

  it('keep only answers, title, where and claims: anything else is an error of the whole file', () => {
    const doc = parseSpecText('a.yaml', 'answers: q\nf: x\nclaims:\n  dx: x\n');
    if (!doc.ok) throw new Error('unreachable');
    const sheet = resolveAnswerSheet('a.yaml', doc.data, doc.locate, DEFAULT_LIMITS);
    expect(sheet.file).toMatchObject({ question: 'q', sheet: null });
    expect(sheet.errors.map((e) => e.message)).toEqual([
      'unknown key "f"; an answer file has only answers, title, where and claims (what is asked, such as vars, f or tolerance, belongs to the question)',
    ]);
  });

  it('name their question: an unknown id, or a spec that is no question, is an error', () => {
    const spec1 = identityOf(
      'id: s\nvars: { x: { shape: [2] } }\nclaims:\n  - { kind: equal, lhs: x, rhs: x }\n',
      's.yaml',
    );
    const doc = parseSpecText('a.yaml', 'answers: s\nclaims:\n  dx: x\n');
    if (!doc.ok) throw new Error('unreachable');
    const sheet = resolveAnswerSheet('a.yaml', doc.data, doc.locate, DEFAULT_LIMITS);
    const paired = answerQuestions(
      [spec1],
      [sheet.file, { file: 'b.yaml', question: 'nope', sheet: null }],
      DEFAULT_LIMITS,
    );
    expect(paired.errors.map((e) => `${e.file}:${e.line} ${e.message}`)).toEqual([
      'a.yaml:1 answers: s (s.yaml) is not a question file (question: true)',
      'b.yaml:null answers: no question file of this run has the id "nope"',
    ]);
  });

  it('read the id of a file that does not parse from its text', () => {
    expect(answeredIdOf('answers: hw-3  # mine\nclaims: [\n')).toBe('hw-3');
    expect(answeredIdOf("answers: 'hw-3'\n")).toBe('hw-3');
    expect(answeredIdOf('id: hw-3\n')).toBeNull();
    expect(answeredIdOf('  answers: nested\n')).toBeNull();
  });
});
