import { type Mat, scalar } from '../../linalg/mat.js';

/** A named number an expression may use. */
export interface LanguageConstant {
  readonly name: string;
  readonly value: number;
  readonly summary: string;
}

/** The named constants. Declared names (vars, where, dims) shadow them, so a var may be called `e`. */
export const CONSTANTS: readonly LanguageConstant[] = [
  { name: 'pi', value: Math.PI, summary: 'π, the ratio of a circle to its diameter' },
  { name: 'e', value: Math.E, summary: "e, the base of the natural logarithm (Euler's number)" },
];

/** The constants' values as 1×1 matrices by name, for the compiler: built once, shared by every evaluation. */
export const CONSTANT_VALUES: ReadonlyMap<string, Mat> = new Map(CONSTANTS.map((c) => [c.name, scalar(c.value)]));
