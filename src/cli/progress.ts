import type { OnProgress } from '../check/run.js';
import type { Io } from './io.js';

/** Progress is shown only for runs that take longer than this. */
const SHOW_AFTER_MS = 1000;

/**
 * A one-line progress display on stderr, for a person at a terminal: only when both streams are
 * terminals, never under CI, and only once the run has taken a second. `done()` clears it.
 */
export function progressDisplay(io: Io): { readonly onProgress: OnProgress; readonly done: () => void } {
  const enabled =
    io.stdoutIsTTY && io.stderrIsTTY && (io.env.CI === undefined || io.env.CI === '' || io.env.CI === 'false');
  const started = Date.now();
  let shown = false;
  return {
    onProgress: (done, total, row) => {
      if (!enabled || Date.now() - started < SHOW_AFTER_MS) return;
      shown = true;
      io.stderr(`\r\u001b[K checking ${done + 1}/${total} ${row.slice(0, 60)}`);
    },
    done: () => {
      if (shown) io.stderr('\r\u001b[K');
    },
  };
}
