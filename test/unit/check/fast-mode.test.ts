/**
 * Fast mode: random projections instead of every entry. Correct claims of every kind pass, wrong
 * ones fail (the honesty that matters), and it takes O(probes) evaluations, not O(entries).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../../src/limits.js';
import { checkClaim, type ClaimSettings } from '../../../src/check/check-claim.js';
import type { FlatResult } from '../../helpers/flat-result.js';
import { DEFAULT_PROBES, FULL_MODE, type CheckMode } from '../../../src/check/plan/mode.js';
import type { Identity } from '../../../src/spec-file/identity.js';
import { resolveSpec } from '../../../src/spec-file/resolve-spec.js';
import { flat } from '../../helpers/flat-result.js';

const FAST: CheckMode = { name: 'fast', probes: DEFAULT_PROBES };

const SETTINGS: ClaimSettings = {
  seed: 1,
  trials: 20,
  tolerance: { rtol: 1e-5, atol: 1e-8 },
  trial: null,
  dims: new Map(),
  diagnose: false,
  limits: DEFAULT_LIMITS,
  mode: FAST,
  workers: 0,
};

function identityOf(data: Record<string, unknown>): Identity {
  const r = resolveSpec(`${String(data['id'])}.yaml`, data, () => ({ line: 1, column: 1 }));
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.identity;
}

function check(data: Record<string, unknown>, settings: Partial<ClaimSettings> = {}): FlatResult {
  const identity = identityOf(data);
  return flat(checkClaim(identity, identity.claims[0]!, { ...SETTINGS, ...settings }));
}

const spec = (
  claim: Record<string, unknown>,
  vars: Record<string, unknown>,
  dims: Record<string, unknown> = { n: [2, 6], m: [2, 5] },
) => ({ id: 'fast', dims, vars, claims: [claim] });

const CORRECT: Record<string, Record<string, unknown>> = {
  "gradient of x'Ax": spec(
    { kind: 'gradient', f: "x' * A * x", wrt: 'x', expect: "(A + A') * x" },
    { A: { shape: ['n', 'n'] }, x: { shape: ['n'] } },
  ),
  'gradient of log|det X| by a matrix': spec(
    { kind: 'gradient', f: 'log(abs(det(X)))', wrt: 'X', expect: "inv(X)'" },
    { X: { shape: ['n', 'n'], sample: 'invertible' } },
  ),
  'backprop through W x': spec(
    { kind: 'backprop', f: 'W * x', upstream: 'G', wrt: 'W', expect: "G * x'" },
    { W: { shape: ['m', 'n'] }, x: { shape: ['n'] } },
  ),
  'jacobian of W x, denominator layout': spec(
    { kind: 'jacobian', f: 'W * x', wrt: 'x', expect: "W'" },
    { W: { shape: ['m', 'n'] }, x: { shape: ['n'] } },
  ),
  'jacobian of W x, numerator layout': spec(
    { kind: 'jacobian', f: 'W * x', wrt: 'x', expect: 'W', layout: 'numerator' },
    { W: { shape: ['m', 'n'] }, x: { shape: ['n'] } },
  ),
  'jacobian of tanh(W x)': spec(
    { kind: 'jacobian', f: 'tanh(W * x)', wrt: 'x', expect: "W' * diag(1 - tanh(W * x) .^ 2)" },
    { W: { shape: ['m', 'n'] }, x: { shape: ['n'] } },
  ),
};

const WRONG: Record<string, Record<string, unknown>> = {
  'one part in a thousand': spec(
    { kind: 'gradient', f: 'log(abs(det(X)))', wrt: 'X', expect: "1.001 * inv(X)'" },
    { X: { shape: ['n', 'n'], sample: 'invertible' } },
  ),
  'a missing transpose': spec(
    { kind: 'gradient', f: 'log(abs(det(X)))', wrt: 'X', expect: 'inv(X)' },
    { X: { shape: ['n', 'n'], sample: 'invertible' } },
  ),
  '2Ax for a general A': spec(
    { kind: 'gradient', f: "x' * A * x", wrt: 'x', expect: '2 * A * x' },
    { A: { shape: ['n', 'n'] }, x: { shape: ['n'] } },
  ),
  'a sign error in backprop': spec(
    { kind: 'backprop', f: 'W * x', upstream: 'G', wrt: 'x', expect: "-W' * G" },
    { W: { shape: ['m', 'n'] }, x: { shape: ['n'] } },
  ),
  'the other layout of a square jacobian': spec(
    { kind: 'jacobian', f: 'W * x', wrt: 'x', expect: 'W' },
    { W: { shape: ['n', 'n'] }, x: { shape: ['n'] } },
  ),
  'one wrong entry': spec(
    { kind: 'gradient', f: 'sum(x .^ 2)', wrt: 'x', expect: '2 * x + 0.01 * [1; zeros(n - 1, 1)]' },
    { x: { shape: ['n'] } },
  ),
};

describe('fast mode', () => {
  for (const [name, data] of Object.entries(CORRECT)) {
    it(`passes a correct claim over 20 trials: ${name}`, () => {
      const r = check(data);
      expect(r.message).toBeNull();
      expect(r.status).toBe('pass');
      expect(r.trials).toBe(20);
    });
  }

  for (const [name, data] of Object.entries(WRONG)) {
    it(`fails a wrong claim under 50 seeds: ${name}`, () => {
      for (let seed = 1; seed <= 50; seed++) expect(check(data, { seed, trials: null }).status).toBe('fail');
    });
  }

  it('says which probe failed, in the projections, and the replayable trial', () => {
    const r = check(WRONG['a missing transpose']!);
    expect(r.message).toMatch(
      /on probe \d \(a random direction v; the probe furthest outside tolerance\): expect projected on v .*numeric derivative along v/,
    );
    expect(r.failedTrial).toBe(1);
    expect(r.worst!.index[1]).toBe(1);
    expect(r.worst!.index[0]).toBeLessThanOrEqual(DEFAULT_PROBES);
  });

  it('fails an expect of the wrong shape before projecting it', () => {
    const r = check(
      spec(
        { kind: 'gradient', f: 'sum(W * x)', wrt: 'W', expect: 'x * ones(1, m)' },
        { W: { shape: ['m', 'n'] }, x: { shape: ['n'] } },
        { m: 2, n: 3 },
      ),
    );
    expect(r.status).toBe('fail');
    expect(r.message).toContain('expect is 3×2 but wrt W is 2×3');
  });

  it('needs 4 evaluations per probe where full mode needs 4 per entry', () => {
    // A 30×30 gradient: full mode needs 3600 evaluations, fast mode 12 plus a few.
    const big = spec({ kind: 'gradient', f: 'sum(X .^ 2)', wrt: 'X', expect: '2 * X' }, { X: { shape: [30, 30] } }, {});
    const limits = { ...DEFAULT_LIMITS, evaluations: 100 };
    expect(check(big, { limits, trials: 1 }).status).toBe('pass');
    const full = check(big, { limits, trials: 1, mode: FULL_MODE });
    expect(full.status).toBe('error');
    expect(full.message).toMatch(/evaluations/);
  });

  it('is reproducible: the same seed gives the same numbers, another seed other ones', () => {
    const data = CORRECT['gradient of log|det X| by a matrix']!;
    expect(check(data)).toEqual(check(data));
    expect(check(data, { seed: 2 }).maxAbsError).not.toBe(check(data).maxAbsError);
  });
});
