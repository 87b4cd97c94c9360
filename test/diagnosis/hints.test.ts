import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/limits.js';
import { FULL_MODE } from '../../src/check/plan/mode.js';
import { loadIdentities, runIdentities, type RunSettings } from '../../src/index.js';
import type { FlatResult } from '../helpers/flat-result.js';
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

function run(paths: string[], settings: Partial<RunSettings> = {}): FlatResult[] {
  const loaded = loadIdentities(paths);
  expect(loaded.errors).toEqual([]);
  return runIdentities(loaded.identities, loaded.errors, { ...SETTINGS, ...settings }).results.map(flat);
}

/** Each classic mistake, by row, and the words its hint must contain. */
const EXPECTED_HINTS: Record<string, RegExp> = {
  'wrong-det-gradient-missing-transpose': /matches after transposing/,
  'wrong-trace-ax-missing-transpose/square': /matches after transposing: expect should be \(A\)'/,
  'wrong-trace-ax-missing-transpose/rectangular': /matches after transposing/,
  "wrong-backprop-matmul-transpose/dL/dY as G' X": /matches after transposing/,
  'wrong-inverse-gradient-sign/<W, inv(X)>': /sign error/,
  "wrong-inverse-gradient-sign/a' inv(X) b": /sign error/,
  'wrong-squared-norm-missing-factor': /constant factor: the numeric gradient is 2 × expect/,
  'wrong-by-one-part-in-a-thousand/determinant gradient': /constant factor: .* 0\.9990 × expect/,
  'wrong-jacobian-layout-mixup/W in denominator layout': /layout mix-up: .*numerator/,
  "wrong-jacobian-layout-mixup/W' in numerator layout": /layout mix-up: .*denominator/,
  'wrong-quadratic-form-symmetric': /holds only for symmetric inputs: it passes when A is drawn symmetric/,
  'hint-equal-dims-only': /holds only when the dims are equal/,
  'hint-layout': /layout mix-up/,
  'hint-factor': /4 × expect/,
  'hint-dim-factor/mean loss':
    /depends on N: the numeric gradient is 1\/N × expect on every trial: a missing factor 1\/N/,
  'hint-dim-factor/scaled dot': /depends on d: the numeric gradient is 1\/√d × expect/,
};

describe('near-miss hints', () => {
  const results = run(['test/fixtures/wrong', 'test/fixtures/hints']);

  it.each(Object.entries(EXPECTED_HINTS))('%s gets its hint', (row, pattern) => {
    const r = results.find((x) => x.row === row);
    expect(r?.status).toBe('fail');
    expect(r?.hint).toMatch(pattern);
  });

  it('gives no hint where no single near miss explains the failure', () => {
    // inv(XY) = inv(X) inv(Y) is wrong in the order of the factors, which is no listed near miss.
    expect(results.find((x) => x.row === 'wrong-inverse-of-product')?.hint).toBeNull();
  });

  it('never names a mistake the failure does not show', () => {
    // Right only for symmetric A, but no transpose of the rhs fixes it; and right only for m = n,
    // which the ranges never allow.
    for (const row of ['wrong-symmetric-only-no-transpose', 'wrong-dims-swapped-disjoint']) {
      const r = results.find((x) => x.row === row);
      expect(r?.status, row).toBe('fail');
      expect(r?.hint, row).toBeNull();
    }
  });

  it('names the transpose that fixes a symmetric-only failure', () => {
    const r = results.find((x) => x.row === 'wrong-backprop-matmul-transpose/dL/dX as G Y');
    expect(r?.hint).toMatch(/it passes with Y' in place of the 1st Y of expect: a transpose is missing/);
  });

  it('never hints on a passing claim', () => {
    const passing = run(['identities', 'test/fixtures/correct']);
    expect(passing.length).toBeGreaterThan(60);
    for (const r of passing) {
      expect(r.status).toBe('pass');
      expect(r.hint).toBeNull();
      expect(r.shrunk).toBeNull();
    }
  });

  it('hints the same way under other seeds', () => {
    const other = run(['test/fixtures/wrong'], { seed: 99 });
    expect(other.find((x) => x.row === 'wrong-squared-norm-missing-factor')?.hint).toMatch(/2 × expect/);
    expect(other.find((x) => x.row === 'wrong-det-gradient-missing-transpose')?.hint).toMatch(/transposing/);
  });
});

describe('evidence and shrinking', () => {
  const results = run(['test/fixtures/wrong/wrong-det-gradient-missing-transpose.yaml']);
  const r = results[0]!;

  it('names the worst entry and a noise far below the mismatch', () => {
    expect(r.worst).not.toBeNull();
    const gap = Math.abs(r.worst!.analytic - r.worst!.numeric);
    expect(r.noise).not.toBeNull();
    expect(r.noise!).toBeLessThan(1e-6);
    expect(gap).toBeGreaterThan(1e4 * r.noise!);
  });

  it('finds the smallest failing dims, and that case fails when replayed', () => {
    expect(r.shrunk).toEqual({ dims: { n: 2 }, trial: expect.any(Number) });
    const replay = run(['test/fixtures/wrong/wrong-det-gradient-missing-transpose.yaml'], {
      trial: r.shrunk!.trial,
      dims: new Map(Object.entries(r.shrunk!.dims)),
    });
    expect(replay[0]!.status).toBe('fail');
    expect(replay[0]!.failedDims).toEqual({ n: 2 });
  });

  it('replays the failing trial alone with the same numbers', () => {
    const replay = run(['test/fixtures/wrong/wrong-det-gradient-missing-transpose.yaml'], { trial: r.failedTrial });
    expect(replay[0]!.status).toBe('fail');
    expect(replay[0]!.worst).toEqual(r.worst);
    expect(replay[0]!.failedDims).toEqual(r.failedDims);
  });
});
