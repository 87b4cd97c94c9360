/**
 * mcheck's programmatic API: load identity specs, check them, format the report. The CLI is a
 * thin shell over these functions.
 */
import { loadIdentities } from './spec-file/load-identities.js';
import { runIdentities, type RunSettings } from './check/run.js';
import type { RunReport } from './check/result/run-report.js';
import { DEFAULT_ATOL, DEFAULT_RTOL } from './numeric/closeness.js';
import { DEFAULT_LIMITS } from './limits.js';
import { NO_CAP } from './check/tolerance-cap.js';
import { FULL_MODE } from './check/plan/mode.js';
import { DEFAULT_WORKERS } from './check/parallel/worker-pool.js';

export { loadIdentities, loadSpecFile, findSpecFiles } from './spec-file/load-identities.js';
export { parseSpecText } from './spec-file/document.js';
export { resolveSpec } from './spec-file/resolve-spec.js';
export { runIdentities, type RunSettings, type OnProgress, type RunOutline } from './check/run.js';
export type { ClaimProgress, Tick } from './check/plan/claim-progress.js';
export { ALL, type Selection } from './check/select.js';
export { explainClaim, type Explanation } from './check/diagnose/explain.js';
export { specJsonSchema } from './spec-file/json-schema.js';
export { checkClaim, DEFAULT_TRIALS, type ClaimSettings } from './check/check-claim.js';
export { MAX_REDRAWS } from './check/trial/run-trials.js';
export { FULL_MODE, DEFAULT_PROBES, MAX_PROBES, describeMode, type CheckMode } from './check/plan/mode.js';
export type { ClaimResult, Failure, RowError, Status } from './check/result/claim-result.js';
export { messageOf, failureOf } from './check/result/claim-result.js';
export type { RunReport, SpecError, Summary } from './check/result/run-report.js';
export type { Identity, Claim, VarSpec, DimSpec, Location } from './spec-file/identity.js';
export { compileExpression } from './expr/compile.js';
export { DEFAULT_RTOL, DEFAULT_ATOL, isClose, type Tolerance } from './numeric/closeness.js';
export { DEFAULT_STEP, centralPartials, stepFor } from './numeric/finite-diff.js';
export { createRng } from './numeric/rng.js';
export { drawSample, SAMPLE_KINDS, type SampleKind } from './numeric/samplers.js';
export { REPORTERS } from './report/reporters.js';
export { DEFAULT_LIMITS, type Limits } from './limits.js';
export { LimitExceeded } from './budget.js';

/** The seed when none is given: fixed, so that a CI job gives the same verdicts on every push. */
export const DEFAULT_SEED = 1;

/**
 * The settings of a run in which nothing was asked for: seed 1, the specs' own trials, the default
 * tolerances and limits, every trial, drawn dims, diagnoses on, every claim, full mode, and one
 * worker per extra core. A fresh object each call (its `dims` map is new), to spread and override.
 *
 * @example
 * const settings = { ...defaultSettings(), seed: 7, mode: { name: 'fast', probes: 5 } };
 */
export function defaultSettings(): RunSettings {
  return {
    seed: DEFAULT_SEED,
    trials: null,
    tolerance: { rtol: DEFAULT_RTOL, atol: DEFAULT_ATOL },
    trial: null,
    dims: new Map(),
    diagnose: true,
    claims: [],
    grep: null,
    shard: null,
    bail: false,
    limits: DEFAULT_LIMITS,
    mode: FULL_MODE,
    workers: DEFAULT_WORKERS,
    maxTolerance: NO_CAP,
  };
}

/**
 * Loads every spec under `paths` (files or directories) and checks every claim.
 *
 * @example
 * const report = checkPaths(['identities'], defaultSettings());
 * report.summary; // { passed: 28, failed: 0, errors: 0 } on the bundled set
 */
export function checkPaths(paths: readonly string[], settings: RunSettings): RunReport {
  const loaded = loadIdentities(paths);
  return runIdentities(loaded.identities, loaded.errors, settings);
}
