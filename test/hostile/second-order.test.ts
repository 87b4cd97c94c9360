import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultSettings, loadIdentities, runIdentities, type RunSettings } from '../../src/index.js';
import { flat } from '../helpers/flat-result.js';

// The claim kinds of v2 (hessian, differential, jacobians of any shape, conventions) under many
// seeds: correct fixtures pass, wrong ones fail, in full and in fast mode, and the noise of the
// correct Hessians stays far below the tolerance.

const SETTINGS: RunSettings = { ...defaultSettings(), workers: 0, diagnose: false };
const CORRECT = ['hessian-claims', 'differential-claims', 'gradient-conventions', 'jacobian-matrix-wrt'].map(
  (f) => `test/fixtures/correct/${f}.yaml`,
);
const WRONG = readdirSync('test/fixtures/wrong')
  .filter((f) => /^wrong-(hessian|differential|convention|jacobian-kron)/.test(f))
  .map((f) => `test/fixtures/wrong/${f}`);

/** The rows of every seed from 1 to `seeds` that do not have the status wanted. */
function against(files: readonly string[], settings: RunSettings, seeds: number, want: 'pass' | 'fail'): string[] {
  const loaded = loadIdentities(files);
  expect(loaded.errors).toEqual([]);
  const odd: string[] = [];
  for (let seed = 1; seed <= seeds; seed++)
    for (const r of runIdentities(loaded.identities, [], { ...settings, seed }).results.map(flat))
      if (r.status !== want) odd.push(`seed ${seed} ${r.row}: ${r.status} ${r.message ?? ''}`);
  return odd;
}

describe('second-order and structured claims under many seeds', () => {
  it('covers every new kind among the wrong fixtures', () => {
    expect(WRONG.length).toBeGreaterThanOrEqual(10);
  });

  it('passes every correct claim under 100 seeds × 20 trials (full mode)', () => {
    expect(against(CORRECT, { ...SETTINGS, trials: 20 }, 100, 'pass')).toEqual([]);
  }, 240_000);

  it('fails every wrong claim under each of 100 seeds (full mode)', () => {
    expect(against(WRONG, SETTINGS, 100, 'fail')).toEqual([]);
  }, 120_000);

  it('passes the correct and fails the wrong in fast mode, under 50 seeds', () => {
    const fast = { ...SETTINGS, mode: { name: 'fast', probes: 3 } } as const;
    expect(against(CORRECT, fast, 50, 'pass')).toEqual([]);
    expect(against(WRONG, fast, 50, 'fail')).toEqual([]);
  }, 120_000);

  it('keeps the error of correct Hessians 100 times below the default tolerance', () => {
    const tight = { ...SETTINGS, trials: 5, tolerance: { rtol: 1e-7, atol: 1e-10 } };
    const odd = against(['test/fixtures/correct/hessian-claims.yaml', 'identities/hessians.yaml'], tight, 20, 'pass');
    // At a hundredth of the tolerance a draw may be too noisy to decide, never a mismatch.
    expect(odd.filter((o) => !o.includes('inconclusive'))).toEqual([]);
    expect(odd.length).toBeLessThanOrEqual(2);
  }, 120_000);
});

describe('what a failing differential shows', () => {
  it('names the part of the product rule that is wrong, and explain labels each direction', async () => {
    const { runCli } = await import('../helpers/run-cli.js');
    const file = 'test/fixtures/wrong/wrong-differential-missing-term.yaml';
    const check = runCli(['check', file, '--no-color']);
    expect(check.stdout).toContain('hint: the terms in dA match and those in dX do not: a term of the product rule');
    const explain = runCli(['explain', file, '--dims', 'n=2,m=1', '--no-color']);
    expect(explain.stdout).toMatch(/\]\s+along dA = E\(1,1\) \(the other directions 0\)\n/);
    expect(explain.stdout).toMatch(/\*[^\n]*\]\s+along dX = E\(2,1\)/);
    expect(explain.stdout).toContain('along random direction 3');
  });
});
