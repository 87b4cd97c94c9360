// The classes of false verdicts mcheck guards against, each with fixtures of its own: degenerate
// dims, values below atol, a loose spec tolerance, kinks at layer sizes, near-singular sums,
// one-class batches and complex values. bench/soundness.mjs runs the same fixtures under many
// more seeds.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROBES } from '../../src/check/plan/mode.js';
import { defaultSettings, loadIdentities, runIdentities, type RunSettings } from '../../src/index.js';
import { runCli } from '../helpers/run-cli.js';
import type { JsonReport } from '../helpers/json-report.js';

// The library's defaults, without diagnoses or worker threads: the verdicts alone.
const SETTINGS: RunSettings = { ...defaultSettings(), diagnose: false, workers: 0 };

/** The statuses of every claim of the files, under each seed in turn. */
function statuses(files: string[], seeds: number, settings: Partial<RunSettings> = {}): string[] {
  const loaded = loadIdentities(files);
  expect(loaded.errors).toEqual([]);
  const out: string[] = [];
  for (let seed = 1; seed <= seeds; seed++) {
    const report = runIdentities(loaded.identities, [], { ...SETTINGS, ...settings, seed });
    for (const r of report.results) out.push(`${r.row} ${r.status}`);
  }
  return out;
}

describe('verdicts that degenerate draws, tiny values or loose tolerances cannot fool', () => {
  it('fails a formula right only at a dim of 1 or at equal dims, under every one of 100 seeds', () => {
    const files = [
      'test/fixtures/wrong/wrong-vec-outer-as-kron.yaml',
      'test/fixtures/wrong/wrong-det-kron-exponents.yaml',
    ];
    const all = statuses(files, 100);
    expect(all).toHaveLength(200);
    expect(all.filter((s) => !s.endsWith(' fail'))).toEqual([]);
  });

  it('passes their correct forms, and values below atol only when they are right at their own scale', () => {
    const correct = ['test/fixtures/correct/degenerate-dims.yaml', 'test/fixtures/correct/tiny-values.yaml'];
    expect(statuses(correct, 20, { trials: 20 }).filter((s) => !s.endsWith(' pass'))).toEqual([]);
    const wrong = statuses(['test/fixtures/wrong/wrong-tiny-values.yaml'], 20);
    expect(wrong.filter((s) => !s.endsWith(' fail'))).toEqual([]);
  });

  it('says in the row when a spec tolerance is looser than the run, and when values are tiny', () => {
    const run = runCli([
      'check',
      'test/fixtures/ci/tolerance/loose-spec.yaml',
      'test/fixtures/correct/tiny-values.yaml',
      '--reporter',
      'json',
    ]);
    const report = JSON.parse(run.stdout) as JsonReport;
    const loose = report.results.find((r) => r.id === 'loose-spec-tolerance')!;
    expect(loose.status).toBe('pass');
    expect(loose.notes).toEqual([
      "the spec's own tolerance (rtol 1e+2, atol 1e+2) is looser than the run's (rtol 1e-5, atol 1e-8)",
      'every value lies below the chosen atol 1e+2: atol alone passed it',
    ]);
    const tiny = report.results.filter((r) => r.id === 'tiny-values');
    for (const r of tiny) expect(r.notes).toEqual(['every value lies below atol 1e-8: compared at their own scale']);
    const pretty = runCli(['check', 'test/fixtures/ci/tolerance/loose-spec.yaml', '--no-color']);
    expect(pretty.stdout).toMatch(/\n {5}note: the spec's own tolerance \(rtol 1e\+2, atol 1e\+2\) is looser/);
  });
});

describe('verdicts at kinks, near singularities, one-class batches and complex values', () => {
  it('passes near-singular sums, one-class batches and complex functions under 20 seeds × 20 trials', () => {
    const files = [
      'test/fixtures/correct/near-singular-sum.yaml',
      'test/fixtures/correct/one-class-batch.yaml',
      'test/fixtures/correct/complex-functions.yaml',
    ];
    expect(statuses(files, 20, { trials: 20 }).filter((s) => !s.endsWith(' pass'))).toEqual([]);
  });

  it('passes a correct ReLU layer at 48×48×48 in full mode, within the default time limit', () => {
    const run = runCli(['check', 'test/fixtures/layers/relu-layer-48.yaml', '--reporter', 'json']);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.results.map((r) => [r.row, r.status, r.message])).toEqual([
      ['relu-layer-48/dX', 'pass', null],
      ['relu-layer-48/dW', 'pass', null],
    ]);
  }, 60_000);

  it('passes it at 256×256×256 in fast mode', () => {
    const all = statuses(['test/fixtures/layers/relu-layer-256.yaml'], 1, {
      mode: { name: 'fast', probes: DEFAULT_PROBES },
    });
    expect(all).toEqual(['relu-layer-256/dX pass', 'relu-layer-256/dW pass']);
  }, 60_000);
});
