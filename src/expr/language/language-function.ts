import type { Mat } from '../../linalg/mat.js';
import { mapReal } from '../../linalg/elementwise.js';
import type { KinkTrace } from '../kink-trace.js';

/** How a function is evaluated: on its arguments' values, recording its kinks when traced. */
export type Call = (args: readonly Mat[], trace: KinkTrace | null) => Mat;

/**
 * What a function or operator does with complex values (only eigvals makes them), decided when
 * the spec is loaded, whatever a draw gives:
 * - `refuses`: defined for real values only; an argument that may be complex is a spec error;
 * - `keeps`: takes complex values, and its result may be complex where an argument may be;
 * - `first`: as `keeps` for its first argument; the others (an exponent, a divisor) must be real;
 * - `drops`: takes complex values and gives real ones (abs, real, norm);
 * - `makes`: gives complex values from real ones (eigvals).
 */
export type ComplexRule = 'refuses' | 'keeps' | 'first' | 'drops' | 'makes';

/** One function an expression may call: the compiler takes its name and arity from here. */
export interface LanguageFunction {
  readonly name: string;
  /** Fewest and most arguments accepted; a call with any other number is refused at load time. */
  readonly minArgs: number;
  readonly maxArgs: number;
  /** What it computes, in one line. */
  readonly summary: string;
  /**
   * What it records in the kink trace (it is non-smooth there, so a finite difference across a
   * change of it says nothing), or null for a function that is smooth wherever it is defined.
   */
  readonly kink: string | null;
  readonly complex: ComplexRule;
  readonly call: Call;
}

/** A smooth function of one argument applied to each entry (real values only). */
export function entrywise(name: string, f: (x: number) => number, summary: string): LanguageFunction {
  return { name, minArgs: 1, maxArgs: 1, summary, kink: null, complex: 'refuses', call: ([a]) => mapReal(a!, name, f) };
}

/** A smooth function of exactly `arity` arguments. */
export function fixed(name: string, arity: number, summary: string, call: Call): LanguageFunction {
  return { name, minArgs: arity, maxArgs: arity, summary, kink: null, complex: 'refuses', call };
}

/** A smooth function of one required and one optional argument. */
export function optionalSecond(name: string, summary: string, call: Call): LanguageFunction {
  return { name, minArgs: 1, maxArgs: 2, summary, kink: null, complex: 'refuses', call };
}

/** The function with another complex rule (the helpers above make real-only functions). */
export function complexRule(fn: LanguageFunction, complex: ComplexRule): LanguageFunction {
  return { ...fn, complex };
}
