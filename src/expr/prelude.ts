import { FUNCTIONS, type LanguageFunction } from './language/index.js';

/**
 * Every function an expression may call, by name: the language's {@link FUNCTIONS}, for lookup
 * (by the compiler, and by the spec loader, which refuses these as declared names). A Map, so
 * that `constructor` or `toString` is never found on a prototype.
 */
export const PRELUDE: ReadonlyMap<string, LanguageFunction> = new Map(FUNCTIONS.map((f) => [f.name, f]));
