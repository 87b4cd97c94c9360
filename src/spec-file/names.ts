import { PRELUDE } from '../expr/prelude.js';
import { RESERVED_NAMES } from '../expr/language/index.js';

/** What kind of thing a name of a spec is, for messages. */
export type NameRole = 'dims symbol' | 'var' | 'where name' | 'upstream name' | 'direction name';

/**
 * Why `name` cannot name a dims symbol, var, where value or upstream array, or null when it can:
 * a letter then letters, digits or `_`; not a keyword, not a function of the prelude.
 */
export function invalidName(name: string, role: NameRole): string | null {
  if (RESERVED_NAMES.has(name)) return `${role} "${name}" is a reserved word`;
  if (!/^[\p{L}][\p{L}\p{N}_]*$/u.test(name)) {
    return `${role} "${name}" is not a valid name (a letter, then letters, digits or _)`;
  }
  if (PRELUDE.has(name)) return `${role} "${name}" is the name of a function; choose another name`;
  return null;
}
