import { DEFAULT_LIMITS, describeLimit, type Limits } from './limits.js';
import { now } from './clock.js';
import { LimitExceeded } from './errors.js';
import { installHooks } from './linalg/hooks.js';

export { LimitExceeded, isDomainError } from './errors.js';

interface Active {
  readonly limits: Limits;
  readonly started: number;
  readonly deadline: number;
  evaluations: number;
}

/**
 * The budget of the claim being checked. Module state on purpose: compiled expressions are
 * closures built once per spec and called millions of times, and the check must cost one
 * comparison; the engine installs a budget around each claim with {@link withBudget}.
 */
let active: Active | null = null;

/** Runs `fn` under a fresh budget of time and evaluations; restores the previous one after. */
export function withBudget<T>(limits: Limits, fn: () => T, remainingMs: number = limits.timeoutMs): T {
  const previous = active;
  const started = now();
  active = { limits, started, deadline: started + remainingMs, evaluations: 0 };
  try {
    return fn();
  } finally {
    active = previous;
  }
}

/**
 * Work, in entries of operands, between two readings of the clock. Reading it costs more than a
 * small operation, and thousands of those run per evaluation of a small claim; any operand over
 * this size reads it before its operation starts, so a large operation never starts late, and
 * the small ones in between add up to at most milliseconds.
 */
export const POLL_WORK = 1 << 14;

let pending = 0;

/**
 * Throws when the claim's time is up; called before every operation of every expression with the
 * entries of its operands. The clock is read once per POLL_WORK entries (at once by default).
 */
export function pollBudget(work: number = POLL_WORK): void {
  pending += work + 1;
  if (pending < POLL_WORK) return;
  pending = 0;
  if (active !== null && now() > active.deadline) {
    throw new LimitExceeded(
      'timeoutMs',
      `the claim ran out of time${pace(active)}: ${describeLimit(active.limits, 'timeoutMs')}`,
    );
  }
}

/** ` after 12000 evaluations of its expressions (0.8 ms each)`: how far a claim got in its time. */
function pace(a: Active): string {
  if (a.evaluations === 0) return '';
  const each = (now() - a.started) / a.evaluations;
  return ` after ${a.evaluations} evaluations of its expressions (${each >= 100 ? Math.round(each) : each.toPrecision(2)} ms each)`;
}

/** Counts one expression evaluation against the budget, and checks the time too. */
export function countEvaluation(): void {
  if (active === null) return;
  if (++active.evaluations > active.limits.evaluations) {
    throw new LimitExceeded(
      'evaluations',
      `the claim needs too many evaluations: ${describeLimit(active.limits, 'evaluations')}`,
    );
  }
  pollBudget(1);
}

/**
 * What is left of the claim's budget: evaluations, and milliseconds (by the wall clock, which
 * other threads share). Infinite outside a budget.
 */
export function remainingBudget(): {
  readonly evaluations: number;
  readonly deadline: number;
  readonly limits: Limits;
} {
  if (active === null) return { evaluations: Infinity, deadline: Infinity, limits: DEFAULT_LIMITS };
  const deadline = Date.now() + (active.deadline - now());
  return { evaluations: active.limits.evaluations - active.evaluations, deadline, limits: active.limits };
}

/** Evaluations counted so far under the current budget. */
export function spentEvaluations(): number {
  return active?.evaluations ?? 0;
}

/** Counts evaluations made elsewhere (by a worker) for this claim; they were within budget. */
export function countEvaluations(n: number): void {
  if (active !== null) active.evaluations += n;
}

/** Throws before a matrix of rows×cols entries is allocated, if that is over the limit. */
export function checkElements(rows: number, cols: number, what: string): void {
  const limits = active?.limits ?? DEFAULT_LIMITS;
  if (rows * cols > limits.elements) {
    throw new LimitExceeded('elements', `${what} of ${rows}×${cols} exceeds ${describeLimit(limits, 'elements')}`);
  }
}

// linalg cannot read the budget (it is the bottom layer); it calls these through its hooks.
// Installed when this module loads, so before any budget can be active.
installHooks({ checkElements, poll: pollBudget });
