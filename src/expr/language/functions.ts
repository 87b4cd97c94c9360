import { ELEMENTWISE_FUNCTIONS } from './elementwise-functions.js';
import { MATRIX_FUNCTIONS } from './matrix-functions.js';
import type { LanguageFunction } from './language-function.js';

/** Every function an expression may call, elementwise then matrix ones. Nothing else is callable. */
export const FUNCTIONS: readonly LanguageFunction[] = [...ELEMENTWISE_FUNCTIONS, ...MATRIX_FUNCTIONS];
