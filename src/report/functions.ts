import { FUNCTIONS, type LanguageFunction } from '../expr/language/index.js';

/** How a function is called: `sum(A[, d])`, `reshape(A, m, n)`. */
function signature(f: LanguageFunction): string {
  const names = ['A', 'B', 'C'].slice(0, f.maxArgs);
  const required = names.slice(0, f.minArgs).join(', ');
  const optional = names
    .slice(f.minArgs)
    .map((n) => `, ${n}`)
    .join('');
  return `${f.name}(${required}${optional.length > 0 ? `[${optional}]` : ''})`;
}

/** `mcheck functions`: every function an expression may call, with what it computes and where it kinks. */
export function formatFunctions(): string {
  const rows = FUNCTIONS.map((f) => [signature(f), f.summary + (f.kink === null ? '' : ` (kink: ${f.kink})`)] as const);
  const width = Math.max(...rows.map(([s]) => s.length));
  return rows.map(([s, what]) => `${s.padEnd(width)}  ${what}`).join('\n') + '\n';
}
