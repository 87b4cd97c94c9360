/**
 * The expression language in one place, as data: every function with its arity and kink, every
 * operator, the constants, the reserved names and the shape rules. The compiler admits exactly
 * what is listed here, and a test holds the README's section on expressions to the same lists.
 */
export { FUNCTIONS } from './functions.js';
export { ELEMENTWISE_FUNCTIONS } from './elementwise-functions.js';
export { MATRIX_FUNCTIONS } from './matrix-functions.js';
export type { LanguageFunction, Call, ComplexRule } from './language-function.js';
export { OPERATORS, UNARY_OPERATORS, BINARY_OPERATORS } from './operators.js';
export type { LanguageOperator, Unary, Binary } from './operators.js';
export { CONSTANTS, CONSTANT_VALUES, type LanguageConstant } from './constants.js';
export { RESERVED_NAMES, PARSER_WORDS, JS_INTERNALS } from './reserved-names.js';
export { SCALAR_RULE, BROADCASTING, type ShapePair } from './shape-rules.js';
