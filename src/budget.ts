import { DEFAULT_LIMITS, describeLimit, type Limits } from './limits.js';
import { MathError } from './linalg/math-error.js';

/**
 * A limit reached while checking a claim: the claim becomes an error naming the limit. It is a
 * MathError so that code catching domain errors stops on it too, but the engine tells it apart.
 */
export class LimitExceeded extends MathError {
  constructor(readonly limit: keyof Limits, message: string) {
    super(message);
  }
}

/**
 * True for an error in the mathematics of a spec (a shape, a domain), which becomes a message;
 * false for a limit, which stops the whole claim, and for anything else, which is a bug.
 */
export function isDomainError(error: unknown): error is MathError {
  return error instanceof MathError && !(error instanceof LimitExceeded);
}

interface Active {
  readonly limits: Limits;
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
export function withBudget<T>(limits: Limits, fn: () => T): T {
  const previous = active;
  active = { limits, deadline: performance.now() + limits.timeoutMs, evaluations: 0 };
  try {
    return fn();
  } finally {
    active = previous;
  }
}

/** Throws when the claim's time is up; called between operations of every expression. */
export function pollBudget(): void {
  if (active !== null && performance.now() > active.deadline) {
    throw new LimitExceeded('timeoutMs', `the claim ran out of time: ${describeLimit(active.limits, 'timeoutMs')}`);
  }
}

/** Counts one expression evaluation against the budget, and checks the time too. */
export function countEvaluation(): void {
  if (active === null) return;
  if (++active.evaluations > active.limits.evaluations) {
    throw new LimitExceeded('evaluations', `the claim needs too many evaluations: ${describeLimit(active.limits, 'evaluations')}`);
  }
  pollBudget();
}

/** Throws before a matrix of rows×cols entries is allocated, if that is over the limit. */
export function checkElements(rows: number, cols: number, what: string): void {
  const limits = active?.limits ?? DEFAULT_LIMITS;
  if (rows * cols > limits.elements) {
    throw new LimitExceeded('elements', `${what} of ${rows}×${cols} exceeds ${describeLimit(limits, 'elements')}`);
  }
}
