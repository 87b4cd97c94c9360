/**
 * The errors of mcheck, in one place. Three families, each caught only where it is meant:
 *
 * - {@link MathError}: the mathematics of an expression went wrong on a draw (a shape, a domain,
 *   a singular matrix). Never a bug: it becomes a message of the claim, through {@link attempt}.
 * - {@link LimitExceeded}: a limit of the claim (time, evaluations, elements) was reached. It is a
 *   MathError, so that code stopping on domain errors stops on it too, but the engine tells it
 *   apart with {@link isDomainError} and turns the whole claim into an error naming the limit.
 * - {@link UserError}: something the user can fix outside a spec (an unreadable config file, a
 *   bad flag); the CLI prints its message and exits 2, never "internal error".
 *
 * Anything else that is thrown is a bug, and propagates to the CLI's one top-level catch.
 */
import type { Limits } from './limits.js';

/** An error in the mathematics of an expression (shapes, domains, sizes): never a bug. */
export class MathError extends Error {
  override readonly name: string = 'MathError';
}

/** A limit reached while checking a claim: the claim becomes an error naming the limit. */
export class LimitExceeded extends MathError {
  override readonly name: string = 'LimitExceeded';
  constructor(
    readonly limit: keyof Limits,
    message: string,
  ) {
    super(message);
  }
}

/** A problem the user can fix outside a spec: printed as `mcheck: MESSAGE`, exit code 2. */
export class UserError extends Error {
  override readonly name: string = 'UserError';
}

/**
 * True for an error in the mathematics of a spec (a shape, a domain), which becomes a message;
 * false for a limit, which stops the whole claim, and for anything else, which is a bug.
 */
export function isDomainError(error: unknown): error is MathError {
  return error instanceof MathError && !(error instanceof LimitExceeded);
}

/** A value, or the message of the domain error that prevented it. */
export type Attempt<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/**
 * Runs `run`, turning a domain error into a message prefixed with `label` (`"f: matrix is
 * singular"`); limits and bugs propagate. The one place where expected failures become values.
 */
export function attempt<T>(label: string | null, run: () => T): Attempt<T> {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    if (isDomainError(error))
      return { ok: false, message: label === null ? error.message : `${label}: ${error.message}` };
    throw error;
  }
}

/** Runs `run`, turning a limit into a value; domain errors and bugs propagate. */
export function withinLimits<T>(
  run: () => T,
): { readonly ok: true; readonly value: T } | { readonly ok: false; readonly limit: LimitExceeded } {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    if (error instanceof LimitExceeded) return { ok: false, limit: error };
    throw error;
  }
}
