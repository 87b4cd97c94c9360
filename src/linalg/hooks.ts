/**
 * What linalg asks of whoever runs it, without knowing who that is: a size check before every
 * allocation and a poll inside long loops. linalg is the bottom layer, so it cannot read the
 * run's budget itself; src/budget.ts installs its own check and poll here when it is loaded,
 * which is before any budget can be active. The defaults keep linalg safe on its own.
 */
import { LimitExceeded } from '../errors.js';

/** Throws (a LimitExceeded) before a matrix of rows×cols entries, called `what`, is allocated. */
export type SizeCheck = (rows: number, cols: number, what: string) => void;

/** Throws to stop a long loop (the claim's time is up); called about once per O(n²) of work. */
export type Poll = () => void;

/**
 * Most entries of a matrix until a size check is installed; also the run's default `elements`
 * limit, so that linalg on its own refuses exactly what a run without a raised limit refuses.
 */
export const DEFAULT_MAX_ELEMENTS = 1_000_000;

function refuseOverDefault(rows: number, cols: number, what: string): void {
  if (rows * cols > DEFAULT_MAX_ELEMENTS) {
    throw new LimitExceeded(
      'elements',
      `${what} of ${rows}×${cols} exceeds the limit of ${DEFAULT_MAX_ELEMENTS} entries`,
    );
  }
}

/** The hooks a run installs, both at once: see {@link installHooks}. */
export interface Hooks {
  readonly checkElements: SizeCheck;
  readonly poll: Poll;
}

/** The hooks until a run installs its own: at most {@link DEFAULT_MAX_ELEMENTS} entries, and no poll. */
export const DEFAULT_HOOKS: Hooks = { checkElements: refuseOverDefault, poll: () => {} };

// Module-level variables, not an object's fields: a call through them costs what a direct call
// costs, and the size check runs before every allocation of every evaluation.
let sizeCheck: SizeCheck = DEFAULT_HOOKS.checkElements;
let poller: Poll = DEFAULT_HOOKS.poll;

/** Replaces the size check and the poll for every later linalg call. */
export function installHooks(hooks: Hooks): void {
  sizeCheck = hooks.checkElements;
  poller = hooks.poll;
}

/** Runs the installed size check (by default: at most {@link DEFAULT_MAX_ELEMENTS} entries). */
export function checkElements(rows: number, cols: number, what: string): void {
  sizeCheck(rows, cols, what);
}

/** Runs the installed poll (by default: nothing). */
export function poll(): void {
  poller();
}
