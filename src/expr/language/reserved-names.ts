/**
 * Words the expression parser reads as operators, keywords or literals (`and`, `mod`, `true`,
 * `NaN`, `i`...), so that a var of that name could never be referred to.
 */
export const PARSER_WORDS: readonly string[] = [
  'and',
  'or',
  'not',
  'xor',
  'mod',
  'to',
  'in',
  'end',
  'true',
  'false',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  'i',
];

/** Names of JavaScript internals: a spec must not be able to name them, whatever holds its names. */
export const JS_INTERNALS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/**
 * Names no dims symbol, var, where value or upstream array may take: the parser's words and
 * JavaScript's internals. (Function names are refused as well, by the list of functions.)
 */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([...PARSER_WORDS, ...JS_INTERNALS]);
