/**
 * mcheck's programmatic API: load identity specs, check them, format the report. The CLI is a
 * thin shell over these functions.
 */
import { loadIdentities } from './spec-file/load-identities.js';
import { runIdentities, type RunSettings } from './check/run.js';
import type { RunReport } from './check/result.js';

export { loadIdentities, loadSpecFile, findSpecFiles } from './spec-file/load-identities.js';
export { parseSpecText } from './spec-file/document.js';
export { resolveSpec } from './spec-file/resolve-spec.js';
export { runIdentities, type RunSettings, type OnProgress } from './check/run.js';
export { ALL, type Selection } from './check/select.js';
export { explainClaim, type Explanation } from './check/explain.js';
export { specJsonSchema } from './spec-file/json-schema.js';
export { checkClaim, DEFAULT_TRIALS, type ClaimSettings } from './check/check-claim.js';
export { MAX_REDRAWS } from './check/run-trials.js';
export { FULL_MODE, DEFAULT_PROBES, MAX_PROBES, describeMode, type CheckMode } from './check/mode.js';
export type { ClaimResult, RunReport, SpecError, Status, Summary } from './check/result.js';
export type { Identity, Claim, VarSpec, DimSpec, Location } from './spec-file/identity.js';
export { compileExpression } from './expr/compile.js';
export { DEFAULT_RTOL, DEFAULT_ATOL, isClose, type Tolerance } from './numeric/closeness.js';
export { DEFAULT_STEP, centralPartials, stepFor } from './numeric/finite-diff.js';
export { createRng } from './numeric/rng.js';
export { drawSample, SAMPLE_KINDS, type SampleKind } from './numeric/samplers.js';
export { REPORTERS } from './report/reporters.js';
export { DEFAULT_LIMITS, type Limits } from './limits.js';
export { LimitExceeded } from './budget.js';

/**
 * Loads every spec under `paths` (files or directories) and checks every claim.
 *
 * @example
 * const report = checkPaths(['identities'], {
 *   seed: 1, trials: null, tolerance: { rtol: 1e-5, atol: 1e-8 }, trial: null, dims: new Map(), diagnose: true,
 *   claims: [], grep: null, shard: null, bail: false, limits: DEFAULT_LIMITS, mode: FULL_MODE,
 * });
 * report.summary; // { passed: 28, failed: 0, errors: 0 } on the bundled set
 */
export function checkPaths(paths: readonly string[], settings: RunSettings): RunReport {
  const loaded = loadIdentities(paths);
  return runIdentities(loaded.identities, loaded.errors, settings);
}
