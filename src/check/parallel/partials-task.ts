import type { Mat } from '../../linalg/mat.js';
import type { KinkTrace } from '../../expr/kink-trace.js';
import type { Objective, StencilName } from '../../numeric/finite-diff.js';
import type { Limits } from '../../limits.js';
import type { Draw } from '../trial/draw.js';

/**
 * The protocol between the main thread and the workers that share a claim's partial derivatives.
 * Entries are handed out through an atomic counter in shared memory, results are written into a
 * shared array, and the first failure (lowest entry) wins, so the outcome is the one an
 * in-process run would reach, to the bit.
 */

/** Slots of the shared control array. */
export const NEXT = 0; // the next entry to hand out
export const STOP = 1; // entries at or past this are not computed: a failure was found below it
// Entries finished by every thread, and the evaluations they took: what a live display shows.
export const COMPLETED = 2;
export const EVALUATED = 3;
/** Per worker w: STARTED (0 waiting, 1 started, 2 cancelled before it started), DONE, EVALUATIONS. */
export const WORKER_SLOTS = 4;
export const SLOTS_PER_WORKER = 3;
export const STARTED = 0,
  DONE = 1,
  EVALUATIONS = 2;

/** Index of slot `slot` of worker w in the control array. */
export function slotOf(w: number, slot: number): number {
  return WORKER_SLOTS + w * SLOTS_PER_WORKER + slot;
}

/** A real matrix as it crosses threads: its own compact buffer (never a shared slab). */
export interface PlainMat {
  readonly rows: number;
  readonly cols: number;
  readonly re: Float64Array;
}

export function toPlain(m: Mat): PlainMat {
  return { rows: m.rows, cols: m.cols, re: m.re.slice() };
}

export function fromPlain(m: PlainMat): Mat {
  return { rows: m.rows, cols: m.cols, re: m.re, im: null };
}

/** How a worker rebuilds the objective: sources to compile, the draw, the upstream array. */
export interface ObjectiveSource {
  readonly where: readonly { readonly name: string; readonly source: string }[];
  readonly f: string;
  /**
   * The names of the vars and dims. Each `where` source is compiled, as in the main thread, with
   * these and the `where` names before it (a later one must not shadow a constant such as e);
   * f with all of them.
   */
  readonly names: readonly string[];
  readonly wrt: string;
  readonly dims: readonly (readonly [string, number])[];
  readonly vars: readonly (readonly [string, PlainMat])[];
  readonly upstream: PlainMat | null;
}

/** One claim's partials, as posted to worker w. */
export interface PartialsTask {
  readonly worker: number;
  readonly objective: ObjectiveSource;
  readonly control: SharedArrayBuffer;
  readonly values: SharedArrayBuffer;
  /** One byte per entry, set (atomically, after its values) once its partial is in `values`. */
  readonly done: SharedArrayBuffer;
  /** Entries of f (the length of each partial). */
  readonly length: number;
  readonly entries: number;
  readonly chunk: number;
  readonly stencil: StencilName;
  /** The claim's deadline by the wall clock (Date.now()), and its limits. */
  readonly deadline: number;
  readonly limits: Limits;
}

/**
 * Why an entry has no partial: a kink, a domain error of f, a limit, or a complex value (which
 * the shared array cannot hold: the claim is then computed in one thread).
 */
export interface EntryFailure {
  readonly index: number;
  readonly kind: 'kink' | 'error' | 'limit' | 'complex';
  readonly message: string;
  readonly limit: keyof Limits | null;
}

/** A worker's answer, on its reply port, before it marks DONE. */
export interface PartialsReply {
  readonly failures: readonly EntryFailure[];
  /** Entries whose partials this worker computed. */
  readonly computed: number;
  /** A bug in the worker (its message), which the main thread reports as an internal error. */
  readonly crash: string | null;
}

/** Lowers STOP to `index` if it is higher: entries past the first failure need not be computed. */
export function lowerStop(control: Int32Array, index: number): void {
  for (;;) {
    const current = Atomics.load(control, STOP);
    if (index >= current || Atomics.compareExchange(control, STOP, current, index) === current) return;
  }
}

/** Draw and upstream in plain form. */
export function plainDraw(draw: Draw): Pick<ObjectiveSource, 'dims' | 'vars'> {
  return { dims: [...draw.dims], vars: [...draw.vars].map(([name, m]) => [name, toPlain(m)] as const) };
}

/** What a claim's partials are of: f as a function of wrt, the draw's wrt, the kinks f passes there. */
export interface PartialsJob {
  readonly objective: Objective;
  readonly x0: Mat;
  readonly baseTrace: KinkTrace;
  /** The stencil every thread takes the partials with. */
  readonly stencil: StencilName;
}
