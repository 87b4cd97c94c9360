import type { RunReport } from '../check/result/run-report.js';
import type { WorstEntry } from '../numeric/closeness.js';
import { type ClaimResult, messageOf } from '../check/result/claim-result.js';
import { failureView } from './failure-view.js';
import type { ReplayFlags } from './replay.js';
import type { Reporter } from './reporter.js';

/** NaN and infinities are not JSON; they are reported as null. */
function finite(x: number | null): number | null {
  return x !== null && Number.isFinite(x) ? x : null;
}

/** The entry that decided a failure, both sides with their imaginary parts (null where real). */
function worstOf(worst: WorstEntry) {
  const im = (x: number | null): number | null => (x === null ? null : finite(x));
  return {
    index: worst.index,
    analytic: finite(worst.analytic),
    numeric: finite(worst.numeric),
    analyticIm: im(worst.analyticIm),
    numericIm: im(worst.numericIm),
  };
}

/** One result row of the JSON report; every field is present, null where it does not apply. */
function jsonRow(r: ClaimResult, replay: ReplayFlags) {
  const failure = r.status === 'fail' ? r.failure : null;
  const at = r.status === 'fail' ? r.failure : r.status === 'error' ? r.error : null;
  const view = failureView(r, replay);
  const worst = failure?.worst ?? null;
  return {
    id: r.id,
    claim: r.claim,
    row: r.row,
    kind: r.kind,
    file: r.file,
    line: r.line,
    sources: r.sources,
    submission: r.submission,
    status: r.status,
    points: r.points,
    maxPoints: r.maxPoints,
    hidden: r.hidden,
    graded: r.graded,
    maxAbsError: finite(r.maxAbsError),
    maxRelError: finite(r.maxRelError),
    trials: r.trials,
    message: messageOf(r),
    notes: r.notes,
    hint: failure?.hint ?? null,
    repro: view?.rerun ?? null,
    worst: worst === null ? null : worstOf(worst),
    noise: finite(failure?.noise ?? null),
    failedTrial: at?.trial ?? null,
    dims: at?.dims ?? null,
    smallest: failure?.shrunk ? { dims: failure.shrunk.dims, repro: view!.smallest!.command } : null,
    latex: r.latex,
  };
}

/**
 * The machine-readable report. Its fields are a stable interface for CI and tools:
 * `{ seed, mode, probes, summary: { passed, failed, errors, limited }, scores: [...], results: [...],
 * errors: [...] }`
 * (`probes` is null in full mode).
 */
export const jsonReporter: Reporter = (report: RunReport, ctx) => {
  const body = {
    seed: report.seed,
    mode: report.mode.name,
    probes: report.mode.name === 'fast' ? report.mode.probes : null,
    summary: report.summary,
    scores: report.scores,
    results: report.results.map((r) => jsonRow(r, ctx.replay)),
    errors: report.errors.map((e) => ({
      file: e.file,
      line: e.line,
      column: e.column,
      message: e.message,
      code: e.code,
      path: e.path,
    })),
  };
  return JSON.stringify(body, null, 2) + '\n';
};
