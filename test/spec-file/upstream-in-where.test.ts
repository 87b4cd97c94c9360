import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/limits.js';
import { FULL_MODE } from '../../src/check/plan/mode.js';
import { loadIdentities, runIdentities, type RunSettings } from '../../src/index.js';
import { describeErrors, errorsOf, spec } from '../helpers/spec-text.js';

// A backprop claim's upstream name may be read in `where`; those values exist only in that claim's expect.

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

function statuses(file: string, seed: number): string[] {
  const loaded = loadIdentities([file]);
  expect(loaded.errors).toEqual([]);
  const report = runIdentities(loaded.identities, loaded.errors, { ...SETTINGS, seed });
  return report.results.map((r) => `${r.row} ${r.status}`);
}

describe('the upstream name in where', () => {
  it('checks batch normalisation with the centred upstream named once, under several seeds', () => {
    for (const seed of [1, 2, 3]) {
      expect(statuses('test/fixtures/correct/batchnorm-upstream-in-where.yaml', seed)).toEqual([
        'batchnorm-upstream-in-where/dX pass',
        'batchnorm-upstream-in-where/dgamma pass',
        'batchnorm-upstream-in-where/dbeta pass',
        'batchnorm-upstream-in-where/a claim that is not backprop, beside where values that read G pass',
      ]);
    }
  });

  it('fails the backward pass without the projection term', () => {
    expect(statuses('test/fixtures/wrong/wrong-batchnorm-missing-projection.yaml', 1)).toEqual([
      'wrong-batchnorm-missing-projection/dX fail',
    ]);
  });

  it('refuses f, another claim or another upstream reading a where value that reads the upstream', () => {
    const text = spec`
      id: misreads
      vars: { x: { shape: [3] } }
      where: { g2: 2 * G }
      claims:
        - { name: own, kind: backprop, f: x, upstream: G, wrt: x, expect: g2 }
        - { name: in f, kind: backprop, f: x .* g2, upstream: G, wrt: x, expect: g2 }
        - { name: other, kind: backprop, f: x, upstream: H, wrt: x, expect: g2 }
        - { name: gradient, kind: gradient, f: sum(x), wrt: x, expect: g2 }
    `;
    expect(describeErrors(errorsOf(text))).toEqual([
      '6:38 claims[1] "in f": f is what the upstream weighs, so it reads g2, which reads the upstream G; only the expect of a backprop claim with upstream: G can read it',
      '7:71 claims[2] "other": expect reads g2, which reads the upstream G; only the expect of a backprop claim with upstream: G can read it',
      '8:66 claims[3] "gradient": expect reads g2, which reads the upstream G; only the expect of a backprop claim with upstream: G can read it',
    ]);
  });
});
