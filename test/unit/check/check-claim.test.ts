/**
 * checkClaim on small identities built through resolveSpec from plain objects shaped like YAML
 * specs: the verdicts the spec format promises, and reproducibility.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../../src/limits.js';
import { FULL_MODE } from '../../../src/check/plan/mode.js';
import { checkClaim, type ClaimSettings } from '../../../src/check/check-claim.js';
import { runIdentities } from '../../../src/check/run.js';
import type { FlatResult } from '../../helpers/flat-result.js';
import type { Identity } from '../../../src/spec-file/identity.js';
import { resolveSpec } from '../../../src/spec-file/resolve-spec.js';
import { flat } from '../../helpers/flat-result.js';

const locate = () => ({ line: 1, column: 1 });

function identityOf(data: Record<string, unknown>): Identity {
  const r = resolveSpec(`${String(data['id'])}.yaml`, data, locate);
  if (!r.ok) throw new Error(`spec did not resolve: ${r.errors.map((e) => e.message).join('; ')}`);
  return r.identity;
}

const SETTINGS: ClaimSettings = {
  seed: 1,
  trials: null,
  tolerance: { rtol: 1e-5, atol: 1e-8 },
  trial: null,
  dims: new Map(),
  diagnose: false,
  limits: DEFAULT_LIMITS,
  mode: FULL_MODE,
  workers: 0,
};

/** Checks the only (or the named) claim of a spec. */
function check(data: Record<string, unknown>, settings: ClaimSettings = SETTINGS, name?: string): FlatResult {
  const identity = identityOf(data);
  const claim = name === undefined ? identity.claims[0]! : identity.claims.find((c) => c.name === name)!;
  expect(claim).toBeDefined();
  return flat(checkClaim(identity, claim, settings));
}

const quadratic = (expect: string, trials = 20) => ({
  id: 'quadratic-form',
  dims: { n: [2, 6] },
  vars: { A: { shape: ['n', 'n'] }, x: { shape: ['n'] } },
  trials,
  claims: [{ kind: 'gradient', f: "x' * A * x", wrt: 'x', expect }],
});

describe('gradient claims', () => {
  it("a correct gradient passes over 20 trials: d(x'Ax)/dx = (A + A')x", () => {
    const r = check(quadratic("(A + A') * x"));
    expect(r.status).toBe('pass');
    expect(r.trials).toBe(20);
    expect(r.message).toBeNull();
    expect(r.failedTrial).toBeNull();
    expect(r.maxAbsError).not.toBeNull();
    expect(r.maxRelError!).toBeLessThan(1e-7);
  });

  it('the same formula times 1.001 fails, with a relative error of about 1e-3', () => {
    const r = check(quadratic("1.001 * (A + A') * x"));
    expect(r.status).toBe('fail');
    expect(r.message).toMatch(/mismatch/);
    expect(r.message).toMatch(/\(\d+,1\)/); // an entry of the n×1 gradient, 1-based
    expect(r.failedTrial).toBe(1);
    expect(r.maxRelError!).toBeGreaterThan(0.9e-3);
    expect(r.maxRelError!).toBeLessThan(1.1e-3);
    expect(r.worst).not.toBeNull();
  });

  it('a failure keeps both sides at the failing draw for the pictures, every entry outside tolerance marked', () => {
    const identity = identityOf(quadratic("1.001 * (A + A') * x"));
    const r = checkClaim(identity, identity.claims[0]!, SETTINGS);
    if (r.status !== 'fail') throw new Error(`expected a failure, got ${r.status}`);
    const e = r.failure.evidence!;
    expect(e.sides).toEqual(['expect', 'numeric']);
    expect(e.cols).toBe(1);
    expect(e.outside.every(Boolean)).toBe(true);
    e.numeric.values.forEach((v, k) => expect(e.analytic.values[k]! / v).toBeCloseTo(1.001, 6));
  });

  it('the symmetric-A shortcut 2Ax fails for a non-symmetric A', () => {
    expect(check(quadratic('2 * A * x')).status).toBe('fail');
  });

  it('an expect of the transposed shape fails with a clear reason', () => {
    const r = check({
      id: 'linear-in-x',
      dims: { m: 2, n: 3 },
      vars: { C: { shape: ['m', 'n'] }, X: { shape: ['m', 'n'] } },
      claims: [{ kind: 'gradient', f: 'sum(C .* X)', wrt: 'X', expect: "C'" }],
    });
    expect(r.status).toBe('fail');
    expect(r.message).toContain('expect is 3×2 but wrt X is 2×3');
  });

  it('NaN in expect fails with a reason', () => {
    const r = check({
      id: 'nan-expect',
      vars: { x: { shape: [3] } },
      claims: [{ kind: 'gradient', f: 'sum(x)', wrt: 'x', expect: 'ones(3, 1) * log(-1)' }],
    });
    expect(r.status).toBe('fail');
    expect(r.message).toMatch(/NaN/);
  });

  it('an infinite f fails with a reason, not a crash', () => {
    const r = check({
      id: 'inf-f',
      vars: { x: { shape: [2] } },
      claims: [{ kind: 'gradient', f: 'sum(x) / 0', wrt: 'x', expect: 'ones(2, 1)' }],
    });
    expect(r.status).toBe('fail');
    expect(r.message).toMatch(/NaN or infinite/);
  });

  it("an f that is not scalar is an 'error'", () => {
    const r = check({
      id: 'vector-f',
      vars: { A: { shape: [3, 3] }, x: { shape: [3] } },
      claims: [{ kind: 'gradient', f: 'A * x', wrt: 'x', expect: "A'" }],
    });
    expect(r.status).toBe('error');
    expect(r.message).toMatch(/scalar/);
  });

  it("a where value follows the perturbed var: d log det X / dX = inv(X)' with D = det(X)", () => {
    const r = check({
      id: 'det-where',
      dims: { n: [2, 4] },
      vars: { X: { shape: ['n', 'n'], sample: 'invertible' } },
      where: { D: 'det(X)' },
      trials: 10,
      claims: [{ kind: 'gradient', f: 'D', wrt: 'X', expect: "D * inv(X)'" }],
    });
    expect(r.status).toBe('pass');
  });

  it('the missing transpose in d det X / dX fails (X is not symmetric)', () => {
    const r = check({
      id: 'det-no-transpose',
      dims: { n: [2, 4] },
      vars: { X: { shape: ['n', 'n'], sample: 'invertible' } },
      claims: [{ kind: 'gradient', f: 'det(X)', wrt: 'X', expect: 'det(X) * inv(X)' }],
    });
    expect(r.status).toBe('fail');
  });
});

describe('backprop claims', () => {
  const dense = (expect: string, m: number | [number, number], n: number | [number, number]) => ({
    id: 'dense-backprop',
    dims: { m, n },
    vars: { W: { shape: ['m', 'n'] }, x: { shape: ['n'] } },
    trials: 10,
    claims: [{ kind: 'backprop', f: 'W * x', upstream: 'G', wrt: 'W', expect }],
  });

  it("f = W x with upstream G: dL/dW = G x' passes", () => {
    const r = check(dense("G * x'", [2, 5], [2, 5]));
    expect(r.status).toBe('pass');
    expect(r.trials).toBe(10);
  });

  it("x G' (square W, so it evaluates) fails on values", () => {
    const r = check(dense("x * G'", 3, 3));
    expect(r.status).toBe('fail');
    expect(r.message).toMatch(/mismatch/);
  });

  it("x G' (rectangular W) fails on shape", () => {
    const r = check(dense("x * G'", 3, 4));
    expect(r.status).toBe('fail');
    expect(r.message).toContain('expect is 4×3 but wrt W is 3×4');
  });

  it("dL/dx = W' G passes for the other input", () => {
    const r = check({
      id: 'dense-backprop-x',
      dims: { m: [2, 4], n: [2, 4] },
      vars: { W: { shape: ['m', 'n'] }, x: { shape: ['n'] } },
      claims: [
        { kind: 'backprop', f: 'tanh(W * x)', upstream: 'G', wrt: 'x', expect: "W' * (G .* (1 - tanh(W * x) .^ 2))" },
      ],
    });
    expect(r.status).toBe('pass');
  });
});

describe('jacobian claims', () => {
  const linear = (expect: string, layout?: 'denominator' | 'numerator') => ({
    id: 'linear-jacobian',
    dims: { m: 3, n: 4 },
    vars: { W: { shape: ['m', 'n'] }, x: { shape: ['n'] } },
    claims: [{ kind: 'jacobian', f: 'W * x', wrt: 'x', expect, ...(layout === undefined ? {} : { layout }) }],
  });

  it("denominator layout (the default): ∂(Wx)/∂x = W'", () => {
    expect(check(linear("W'")).status).toBe('pass');
    expect(check(linear("W'", 'denominator')).status).toBe('pass');
  });

  it('numerator layout: ∂(Wx)/∂x = W', () => {
    expect(check(linear('W', 'numerator')).status).toBe('pass');
  });

  it('the layouts are not interchangeable: each fails in the other with a shape reason', () => {
    const a = check(linear('W'));
    expect(a.status).toBe('fail');
    expect(a.message).toContain('3×4');
    expect(a.message).toContain('4×3');
    expect(check(linear("W'", 'numerator')).status).toBe('fail');
  });

  it("a nonlinear layer in both layouts: W' diag(d) and diag(d) W", () => {
    const spec = {
      id: 'tanh-layer',
      dims: { m: [2, 4], n: [5, 7] },
      vars: { W: { shape: ['m', 'n'] }, x: { shape: ['n'] }, b: { shape: ['m'] } },
      where: { d: '1 - tanh(W * x + b) .^ 2' },
      claims: [
        { name: 'den', kind: 'jacobian', f: 'tanh(W * x + b)', wrt: 'x', expect: "W' * diag(d)" },
        { name: 'num', kind: 'jacobian', f: 'tanh(W * x + b)', wrt: 'x', layout: 'numerator', expect: 'diag(d) * W' },
        { name: 'bias', kind: 'jacobian', f: 'tanh(W * x + b)', wrt: 'b', expect: 'diag(d)' },
        { name: 'den-wrong', kind: 'jacobian', f: 'tanh(W * x + b)', wrt: 'x', expect: "W' * diag(d) * 1.001" },
      ],
    };
    expect(check(spec, SETTINGS, 'den').status).toBe('pass');
    expect(check(spec, SETTINGS, 'num').status).toBe('pass');
    expect(check(spec, SETTINGS, 'bias').status).toBe('pass');
    expect(check(spec, SETTINGS, 'den-wrong').status).toBe('fail');
  });

  it('a matrix f in a jacobian claim is differentiated as vec(f), in vec order', () => {
    // ∂vec(x x')/∂x' = kron(x, I) + kron(I, x) (numerator layout).
    const claim = { kind: 'jacobian', f: "x * x'", wrt: 'x', layout: 'numerator' };
    const right = check({
      id: 'matrix-f',
      vars: { x: { shape: [3] } },
      claims: [{ ...claim, expect: 'kron(x, eye(3)) + kron(eye(3), x)' }],
    });
    expect(right.status).toBe('pass');
    const wrong = check({
      id: 'matrix-f',
      vars: { x: { shape: [3] } },
      claims: [{ ...claim, expect: 'kron(x, eye(3))' }],
    });
    expect(wrong.status).toBe('fail');
  });
});

describe('equal claims', () => {
  it('sum(eigvals(A)) = trace(A) passes although eigvals is complex', () => {
    const r = check({
      id: 'eig-trace',
      dims: { n: [2, 6] },
      vars: { A: { shape: ['n', 'n'] } },
      trials: 20,
      claims: [{ kind: 'equal', lhs: 'trace(A)', rhs: 'sum(eigvals(A))' }],
    });
    expect(r.status).toBe('pass');
  });

  it("vec(AXB) = kron(B', A) vec(X) passes and kron(A, B') vec(X) fails", () => {
    const spec = (rhs: string) => ({
      id: 'vec-kron',
      dims: { m: 2, n: 3, p: 4, q: 5 },
      vars: { A: { shape: ['m', 'n'] }, X: { shape: ['n', 'p'] }, B: { shape: ['p', 'q'] } },
      claims: [{ kind: 'equal', lhs: 'vec(A * X * B)', rhs }],
    });
    expect(check(spec("kron(B', A) * vec(X)")).status).toBe('pass');
    expect(check(spec("kron(A, B') * vec(X)")).status).toBe('fail');
  });

  it("a huge intermediate is an 'error' with a message, never an exception", () => {
    const r = check({
      id: 'huge',
      vars: { x: { shape: [2] } },
      trials: 1,
      claims: [{ kind: 'equal', lhs: 'sum(x)', rhs: 'sum(x) + sum(outer(ones(4000000, 1), ones(4000000, 1)))' }],
    });
    expect(['error', 'fail']).toContain(r.status);
    expect(r.message).toMatch(/limit/);
  });
});

describe('kinks', () => {
  it('relu on nonzero inputs passes: d sum(relu(x)) / dx = (x > 0)', () => {
    const r = check({
      id: 'relu-grad',
      dims: { n: [2, 8] },
      vars: { x: { shape: ['n'], sample: 'nonzero' } },
      trials: 20,
      claims: [{ kind: 'gradient', f: 'sum(relu(x))', wrt: 'x', expect: 'x > 0' }],
    });
    expect(r.status).toBe('pass');
  });

  it('a relu whose argument changes sign within every stencil is inconclusive, not a pass', () => {
    // sin(1e9 x) changes sign every π·1e-9, inside even the smallest step (h/65536 ≈ 1.5e-8): every draw sits on kinks
    const r = check({
      id: 'always-kinked',
      dims: { n: 6 },
      vars: { x: { shape: ['n'] } },
      claims: [{ kind: 'gradient', f: 'sum(relu(sin(1e9 * x)))', wrt: 'x', expect: 'zeros(n, 1)' }],
    });
    expect(r.status).toBe('fail');
    expect(r.message).toMatch(/inconclusive/);
  });
});

describe('reproducibility', () => {
  const spec = quadratic("(A + A') * x", 5);

  it('the same seed gives identical results (deep-equal)', () => {
    expect(check(spec)).toEqual(check(spec));
  });

  it('a different seed gives different errors', () => {
    const a = check(spec, { ...SETTINGS, seed: 1 });
    const b = check(spec, { ...SETTINGS, seed: 2 });
    expect(a.status).toBe('pass');
    expect(b.status).toBe('pass');
    expect(b.maxAbsError).not.toBe(a.maxAbsError);
  });

  it('a failing claim fails on the same trial with the same numbers for the same seed', () => {
    const wrong = quadratic("1.0001 * (A + A') * x", 5);
    const a = check(wrong, { ...SETTINGS, seed: 7 });
    const b = check(wrong, { ...SETTINGS, seed: 7 });
    expect(a.status).toBe('fail');
    expect(b).toEqual(a);
  });

  it('gives identical results whether the claim runs alone or after others', () => {
    const target = identityOf(spec);
    const others = [
      identityOf({ ...quadratic('2 * A * x', 3), id: 'quadratic-form-wrong' }),
      identityOf({
        id: 'other-spec',
        dims: { k: [1, 5] },
        vars: { y: { shape: ['k'] } },
        claims: [
          { kind: 'gradient', f: 'sum(exp(y))', wrt: 'y', expect: 'exp(y)' },
          { name: 'second', kind: 'equal', lhs: 'y', rhs: 'y' },
        ],
      }),
    ];
    const alone = checkClaim(target, target.claims[0]!, SETTINGS);
    for (const o of others) for (const c of o.claims) checkClaim(o, c, SETTINGS);
    const after = checkClaim(target, target.claims[0]!, SETTINGS);
    expect(after).toEqual(alone);

    const settings = {
      ...SETTINGS,
      claims: [] as string[],
      grep: null,
      shard: null,
      bail: false,
      maxTolerance: { rtol: null, atol: null },
    };
    const first = runIdentities([target, ...others], [], settings).results.find(
      (r) => r.id === target.id && r.row === alone.row,
    );
    const last = runIdentities([...others].reverse().concat(target), [], settings).results.find(
      (r) => r.id === target.id && r.row === alone.row,
    );
    expect(first).toEqual(alone);
    expect(last).toEqual(alone);
  });

  it("a claim's draws do not depend on the other claims of its own spec", () => {
    const one = identityOf({
      id: 'shared-id',
      vars: { x: { shape: [3] } },
      claims: [{ name: 'g', kind: 'gradient', f: 'sum(sin(x))', wrt: 'x', expect: 'cos(x)' }],
    });
    const two = identityOf({
      id: 'shared-id',
      vars: { x: { shape: [3] } },
      claims: [
        { name: 'first', kind: 'gradient', f: 'sum(x .^ 2)', wrt: 'x', expect: '2 * x' },
        { name: 'g', kind: 'gradient', f: 'sum(sin(x))', wrt: 'x', expect: 'cos(x)' },
      ],
    });
    const a = checkClaim(one, one.claims[0]!, SETTINGS);
    const b = checkClaim(
      two,
      two.claims.find((c) => c.name === 'g')!,
      SETTINGS,
    );
    expect(b.maxAbsError).toBe(a.maxAbsError);
    expect(b.maxRelError).toBe(a.maxRelError);
  });

  it('trials from the run override the spec, and the spec overrides the default', () => {
    expect(check(quadratic("(A + A') * x", 7)).trials).toBe(7);
    expect(check(quadratic("(A + A') * x", 7), { ...SETTINGS, trials: 3 }).trials).toBe(3);
  });

  it("a spec's tolerance overrides the run's", () => {
    const loose = { ...quadratic("1.001 * (A + A') * x", 5), tolerance: { rtol: 1e-2 } };
    const r = check(loose);
    expect(r.status).toBe('pass');
    expect(r.tolerance).toEqual({ rtol: 1e-2, atol: 1e-8 });
  });
});
