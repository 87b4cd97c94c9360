import type { OnProgress } from '../check/run.js';
import { type Io, underCi } from './io.js';
import { claimMeter } from './claim-meter.js';

/** Progress is shown only for runs that take longer than this. */
const SHOW_AFTER_MS = 1000;

/** Back to the start of the terminal's line, and erase it. */
const CLEAR = '\r\u001b[K';

/**
 * `head` and `figures` in `width` columns, so that the line never wraps (a wrapped line is not
 * replaced in place): the row name is cut (with …) before the figures, which a very narrow
 * terminal cuts too.
 */
function fit(head: string, figures: string, width: number): string {
  if (head.length + figures.length <= width) return head + figures;
  const keep = Math.max(12, width - figures.length - 1);
  return `${head.slice(0, keep)}…${figures}`.slice(0, width);
}

/** What a run tells a progress display, and `done()`, which clears its line so that a row can follow. */
export interface ProgressDisplay {
  readonly onProgress: OnProgress;
  readonly done: () => void;
}

/**
 * A one-line progress display on stderr, for a person at a terminal: only when stderr is one,
 * never under CI, and only once the run has taken a second (`checking 3/10 row`); a claim that
 * has run over a second adds its trial, entries, evaluations per second and the time left. Off,
 * it hears nothing of the claims, whose loops then read no clock. `done()` clears the line; the
 * next news draws it again.
 */
export function progressDisplay(io: Io): ProgressDisplay {
  const enabled = io.stderrIsTTY && !underCi(io.env);
  const started = Date.now();
  const width = (io.stderrColumns ?? 80) - 1;
  let [shown, head] = [false, ''];
  const show = (figures: string): void => {
    shown = true;
    // With the claim's figures the line is long: "checking" goes, the count and row stay.
    io.stderr(`${CLEAR}${fit(figures === '' ? ` checking ${head}` : ` ${head}`, figures, width)}`);
  };
  const meter = claimMeter(show, () => Date.now());
  const onProgress = (done: number, total: number, row: string): void => {
    if (!enabled) return;
    meter.begin();
    head = `${done + 1}/${total} ${row}`;
    if (Date.now() - started >= SHOW_AFTER_MS) show('');
  };
  const clear = (): void => {
    if (shown) io.stderr(CLEAR);
    shown = false;
  };
  return { onProgress: enabled ? Object.assign(onProgress, { claim: meter.progress }) : onProgress, done: clear };
}
