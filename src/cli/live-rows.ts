import type { OnProgress, RunOutline } from '../check/run.js';
import type { ClaimResult } from '../check/result/claim-result.js';
import type { RunReport } from '../check/result/run-report.js';
import { prettyHead, prettyLayout, prettyReporter, prettyRow, prettyTail } from '../report/pretty.js';
import type { ReporterContext } from '../report/reporter.js';
import { type Io, underCi } from './io.js';
import type { ProgressDisplay } from './progress.js';
import type { ReporterTarget } from './targets.js';

/** The pretty report printed as the run goes: the header and rows as they come, then the rest. */
export interface LiveRows {
  readonly start: (outline: RunOutline) => void;
  readonly result: (result: ClaimResult) => void;
  /** What is left to print of the whole report: all of it when the run never started the rows. */
  readonly rest: (report: RunReport) => string;
}

/**
 * Whether the pretty report is printed as the run goes: for a person watching, when it goes to
 * stdout and stdout is a terminal, not under CI (where a log is read whole), and not with a bail,
 * whose report may stop before the rows the layout was made for.
 */
export function streamsRows(io: Io, targets: readonly ReporterTarget[], bail: boolean): boolean {
  const pretty = targets.some((t) => t.file === null && t.name === 'pretty');
  return pretty && io.stdoutIsTTY && !underCi(io.env) && !bail;
}

/**
 * The pretty report written to `write` in parts: the header when the run starts, each row when
 * its claim is checked, the errors and summary from `rest`. The layout (the width of the row
 * names, the number of files) comes from the outline, which names every row the report will
 * hold, so the parts add up to the bytes the pretty reporter makes of the whole report.
 */
export function liveRows(write: (text: string) => void, ctx: ReporterContext): LiveRows {
  let width: number | null = null;
  return {
    start: (outline) => {
      const layout = prettyLayout(outline.rows, outline.errors);
      width = layout.width;
      write(prettyHead(outline, layout.files, ctx));
    },
    result: (r) => {
      if (width !== null) write(prettyRow(r, width, ctx));
    },
    rest: (report) => (width === null ? prettyReporter(report, ctx) : prettyTail(report, ctx)),
  };
}

/** A progress display that also prints the rows as they come, its line cleared before each. */
export function withLiveRows({ onProgress, done }: ProgressDisplay, rows: LiveRows): OnProgress {
  const { claim } = onProgress;
  const told = (finished: number, total: number, row: string): void => onProgress(finished, total, row);
  const parts = {
    start: rows.start,
    result: (r: ClaimResult) => {
      done();
      rows.result(r);
    },
  };
  return Object.assign(told, claim === undefined ? parts : { ...parts, claim });
}
