import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LIMITS,
  FULL_MODE,
  loadIdentities,
  runIdentities,
  resolveSpec,
  checkClaim,
  type RunSettings,
} from '../../src/index.js';
import { flat } from '../helpers/flat-result.js';

const SETTINGS: RunSettings = {
  seed: 1,
  trials: 20,
  tolerance: { rtol: 1e-5, atol: 1e-8 },
  trial: null,
  dims: new Map(),
  diagnose: false,
  claims: [],
  grep: null,
  shard: null,
  bail: false,
  limits: DEFAULT_LIMITS,
  mode: FULL_MODE,
  workers: 0,
  maxTolerance: { rtol: null, atol: null },
};

describe('numerical honesty', () => {
  it('every bundled identity passes under 100 seeds × 20 trials', () => {
    const loaded = loadIdentities(['identities']);
    expect(loaded.errors).toEqual([]);
    const failures: string[] = [];
    let runs = 0;
    for (let seed = 1; seed <= 100; seed++) {
      for (const r of runIdentities(loaded.identities, [], { ...SETTINGS, seed }).results.map(flat)) {
        runs++;
        if (r.status !== 'pass') failures.push(`seed ${seed} ${r.row}: ${r.message}`);
      }
    }
    expect(runs).toBeGreaterThanOrEqual(100 * 20);
    expect(failures).toEqual([]);
  }, 120_000);

  it('a draw the finite differences cannot resolve is inconclusive, not a pass or a plain failure', () => {
    // sin(1e4 t) turns over within the step: the stencil's noise estimate dwarfs the tolerance.
    const spec = {
      id: 'too-fast',
      vars: { t: { shape: [] } },
      claims: [{ kind: 'gradient', f: 'sin(10000 * t)', wrt: 't', expect: '10000 * cos(10000 * t)' }],
    };
    const resolved = resolveSpec('too-fast.yaml', spec, () => ({ line: 1, column: 1 }));
    if (!resolved.ok) throw new Error('spec did not resolve');
    const r = flat(checkClaim(resolved.identity, resolved.identity.claims[0]!, { ...SETTINGS, trials: 3 }));
    expect(r.status).toBe('fail');
    expect(r.message).toMatch(
      /inconclusive: 6 draws in a row could not decide: the finite differences are (too noisy|unreliable on this draw)/,
    );
  });

  it('a draw on a repeated eigenvalue is a kink: redrawn, then inconclusive, never a plain verdict', () => {
    // Q'Q = I for every orthonormal Q: its eigenvalues are always tied, where λ_max has no gradient.
    const spec = {
      id: 'tied-spectrum',
      vars: { Q: { shape: [4, 2], sample: 'orthonormal' } },
      where: { V: "eigvecsh(Q' * Q)" },
      claims: [{ kind: 'gradient', f: "max(eigvalsh(Q' * Q))", wrt: 'Q', expect: "2 * Q * V[:, 2] * V[:, 2]'" }],
    };
    const resolved = resolveSpec('tied-spectrum.yaml', spec, () => ({ line: 1, column: 1 }));
    if (!resolved.ok) throw new Error('spec did not resolve');
    const r = flat(checkClaim(resolved.identity, resolved.identity.claims[0]!, { ...SETTINGS, trials: 2 }));
    expect(r.status).toBe('fail');
    expect(r.message).toMatch(/inconclusive: 6 draws in a row could not decide: .*eigvalsh.* on a tie/);
  });

  it('the same seed gives the same report whatever the order of the files, at 25 trials', () => {
    const forward = loadIdentities(['test/fixtures/correct', 'identities']);
    const backward = loadIdentities(['identities', 'test/fixtures/correct']);
    for (const seed of [1, 2, 3]) {
      const settings = { ...SETTINGS, seed, trials: 25 };
      const a = runIdentities(forward.identities, [], settings).results;
      const b = runIdentities([...backward.identities].reverse(), [], settings).results;
      const byRow = (rs: typeof a) => [...rs].sort((x, y) => x.row.localeCompare(y.row));
      expect(byRow(b)).toEqual(byRow(a));
      expect(a.every((r) => r.status === 'pass')).toBe(true);
    }
  }, 120_000);
});
