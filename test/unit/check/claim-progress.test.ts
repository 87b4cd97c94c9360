/**
 * What the engine tells a live display while it checks a claim: each trial before it runs, and
 * after each finite-difference entry how many of the trial's entries are done and the
 * evaluations so far; and, for a run, its outline first and each row as soon as it is checked.
 */
import { describe, expect, it } from 'vitest';
import { checkClaim } from '../../../src/check/check-claim.js';
import type { ClaimProgress } from '../../../src/check/plan/claim-progress.js';
import { type OnProgress, type RunOutline, runIdentities } from '../../../src/check/run.js';
import type { ClaimResult } from '../../../src/check/result/claim-result.js';
import { defaultSettings } from '../../../src/index.js';
import { loadIdentities } from '../../../src/spec-file/load-identities.js';
import type { Identity } from '../../../src/spec-file/identity.js';
import { REPO_ROOT } from '../../helpers/run-cli.js';
import { loadText, spec } from '../../helpers/spec-text.js';
import { join } from 'node:path';

const SETTINGS = { ...defaultSettings(), workers: 0 };

function identityOf(text: string): Identity {
  const { identity, errors } = loadText(text);
  expect(errors).toEqual([]);
  return identity!;
}

/** A listener that keeps what it heard. */
function recorder(): { progress: ClaimProgress; heard: string[]; ticks: [number, number, number][] } {
  const heard: string[] = [];
  const ticks: [number, number, number][] = [];
  const progress: ClaimProgress = {
    trial: (index, of) => void heard.push(`trial ${index}/${of}`),
    tick: (done, total, evaluations) => {
      ticks.push([done, total, evaluations]);
      if (done === total) heard.push(`entries ${total}`);
    },
  };
  return { progress, heard, ticks };
}

const GRADIENT = spec`
  id: g
  dims:
    n: 3
  vars:
    X: { shape: [n, n] }
  claims:
    - name: right
      kind: gradient
      f: trace(X * X)
      wrt: X
      expect: 2 * X'
    - name: wrong
      kind: gradient
      f: trace(X * X)
      wrt: X
      expect: 2 * X
`;

describe('a claim with a progress listener', () => {
  it('hears each trial, then its entries one by one up to the last, with evaluations that only grow', () => {
    const identity = identityOf(GRADIENT);
    const r = recorder();
    const result = checkClaim(identity, identity.claims[0]!, SETTINGS, r.progress);
    expect(result.status).toBe('pass');
    expect(r.heard).toEqual([1, 2, 3, 4, 5].flatMap((t) => [`trial ${t}/5`, 'entries 9']));
    expect(r.ticks.every(([, total]) => total === 9)).toBe(true);
    // Entries 2..9 of each trial (the first tells nothing: its time decides whether to share).
    expect(r.ticks.slice(0, 8).map(([done]) => done)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    const evaluations = r.ticks.map(([, , e]) => e);
    expect(evaluations).toEqual([...evaluations].sort((a, b) => a - b));
    expect(evaluations[0]).toBeGreaterThan(0);
  });

  it('hears only the trials of the check, not those the diagnosis reruns', () => {
    const identity = identityOf(GRADIENT);
    const r = recorder();
    const result = checkClaim(identity, identity.claims[1]!, { ...SETTINGS, diagnose: true }, r.progress);
    expect(result.status).toBe('fail');
    expect(r.heard).toEqual(['trial 1/5', 'entries 9']);
  });

  it('hears the entries of a full Hessian, row by row, up to all of its independent entries', () => {
    const identity = identityOf(spec`
      id: h
      dims:
        n: 4
      vars:
        x: { shape: [n] }
        A: { shape: [n, n] }
      claims:
        - kind: hessian
          f: x' * A * x
          wrt: x
          expect: A + A'
    `);
    const r = recorder();
    expect(checkClaim(identity, identity.claims[0]!, { ...SETTINGS, trials: 1 }, r.progress).status).toBe('pass');
    // A symmetric Hessian of 4×4 is computed on its 10 entries on and below the diagonal.
    expect(r.ticks.map(([done, total]) => `${done}/${total}`)).toEqual(['4/10', '7/10', '9/10', '10/10']);
  });

  it('tells nothing without a listener, and checks to the same row', () => {
    const identity = identityOf(GRADIENT);
    const told = checkClaim(identity, identity.claims[1]!, SETTINGS, recorder().progress);
    expect(checkClaim(identity, identity.claims[1]!, SETTINGS)).toEqual(told);
  });
});

describe('a run with a listener', () => {
  it('tells its outline first, then each row as soon as its claim is checked, in the order of the report', () => {
    const loaded = loadIdentities([join(REPO_ROOT, 'test/fixtures/wrong'), join(REPO_ROOT, 'identities')]);
    const events: string[] = [];
    const outlines: RunOutline[] = [];
    const rows: ClaimResult[] = [];
    const onProgress: OnProgress = Object.assign(
      (done: number, total: number, row: string) => void events.push(`claim ${done}/${total} ${row}`),
      {
        start: (outline: RunOutline) => void (outlines.push(outline), events.push('start')),
        result: (r: ClaimResult) => void (rows.push(r), events.push(`row ${r.row}`)),
      },
    );
    const settings = { ...SETTINGS, diagnose: false, grep: /inverse|trace/ };
    const report = runIdentities(loaded.identities, loaded.errors, settings, onProgress);
    expect(report.results.length).toBeGreaterThan(3);
    expect(outlines).toHaveLength(1);
    const [outline] = outlines;
    expect(events[0]).toBe('start');
    expect(outline!.rows.map((r) => [r.row, r.sources, r.submission])).toEqual(
      report.results.map((r) => [r.row, r.sources, r.submission]),
    );
    expect(outline!.errors).toEqual(report.errors);
    expect([outline!.seed, outline!.mode]).toEqual([report.seed, report.mode]);
    expect(rows).toEqual(report.results);
    // Each row right after its claim, before the next claim starts.
    const expected = report.results.flatMap((r, i) => [`claim ${i}/${report.results.length} ${r.row}`, `row ${r.row}`]);
    expect(events.slice(1)).toEqual(expected);
  });
});
