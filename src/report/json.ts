import type { RunReport } from '../check/result.js';
import { replayCommand, shrunkCommand } from './replay.js';
import type { Reporter } from './reporter.js';

/** NaN and infinities are not JSON; they are reported as null. */
function finite(x: number | null): number | null {
  return x !== null && Number.isFinite(x) ? x : null;
}

/**
 * The machine-readable report. Its fields are a stable interface for CI and tools:
 * `{ seed, mode, probes, summary: { passed, failed, errors }, results: [...], errors: [...] }`
 * (`probes` is null in full mode).
 */
export const jsonReporter: Reporter = (report: RunReport, ctx) => {
  const body = {
    seed: report.seed,
    mode: report.mode.name,
    probes: report.mode.name === 'fast' ? report.mode.probes : null,
    summary: report.summary,
    results: report.results.map((r) => ({
      id: r.id,
      claim: r.claim,
      row: r.row,
      kind: r.kind,
      file: r.file,
      line: r.line,
      status: r.status,
      maxAbsError: finite(r.maxAbsError),
      maxRelError: finite(r.maxRelError),
      trials: r.trials,
      message: r.message,
      hint: r.hint,
      repro: r.status === 'fail' ? replayCommand(r, ctx.replay) : null,
      worst:
        r.status === 'fail' && r.worst !== null
          ? { index: r.worst.index, analytic: finite(r.worst.analytic), numeric: finite(r.worst.numeric) }
          : null,
      noise: finite(r.noise),
      failedTrial: r.failedTrial,
      dims: r.failedDims,
      smallest: r.shrunk === null ? null : { dims: r.shrunk.dims, repro: shrunkCommand(r, ctx.replay) },
    })),
    errors: report.errors.map((e) => ({ file: e.file, line: e.line, column: e.column, message: e.message })),
  };
  return JSON.stringify(body, null, 2) + '\n';
};
