import { GREEK_UNICODE, type Notation, accentOf, split } from './notation.js';

const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '-': '⁻',
  '+': '⁺',
};
const SUBSCRIPT: Record<string, string> = {
  '0': '₀',
  '1': '₁',
  '2': '₂',
  '3': '₃',
  '4': '₄',
  '5': '₅',
  '6': '₆',
  '7': '₇',
  '8': '₈',
  '9': '₉',
};

/** `text` in superscript characters, or null when one of its characters has none. */
function superscript(text: string): string | null {
  const chars = [...text].map((c) => SUPERSCRIPT[c]);
  return chars.every((c) => c !== undefined) ? chars.join('') : null;
}

const UNICODE_OPERATORS: Record<string, string> = {
  '-': ' − ',
  '.*': ' ⊙ ',
  './': ' ⊘ ',
  '*': '·',
  '<=': ' ≤ ',
  '>=': ' ≥ ',
  '==': ' = ',
  '!=': ' ≠ ',
  kron: ' ⊗ ',
};

/** The combining marks of the accents a name may end with. */
const COMBINING = { hat: '\u0302', bar: '\u0304', tilde: '\u0303' } as const;

/** Plain Unicode, for a terminal. */
export const UNICODE: Notation = {
  name: 'unicode',
  symbol(name) {
    const { stem, index } = split(name);
    const accented = accentOf(stem);
    const base =
      accented === null
        ? (GREEK_UNICODE[stem] ?? stem)
        : (GREEK_UNICODE[accented.base] ?? accented.base) + COMBINING[accented.accent];
    if (index === null) return base;
    const sub = [...index].map((c) => SUBSCRIPT[c]);
    return sub.every((c) => c !== undefined) ? base + sub.join('') : `${base}_${index}`;
  },
  number: (value) => (value === Infinity ? '∞' : String(value).replace(/^-/, '−')),
  paren: (inner) => `(${inner})`,
  transpose: (base) => `${base}ᵀ`,
  power: (base, exp, plain) => {
    const sup = plain === null ? null : superscript(plain);
    if (sup !== null) return `${base}${sup}`;
    return /^[\w.]+$/.test(exp) ? `${base}^${exp}` : `${base}^(${exp})`;
  },
  frac: (top, bottom) => `${top}/${bottom}`,
  operator: (op) => UNICODE_OPERATORS[op] ?? ` ${op} `,
  call: (name, args) => `${UNICODE.word(name)}(${args.join(', ')})`,
  delimited: (left, inner, right) => `${UNICODE_DELIMITERS[left] ?? left}${inner}${UNICODE_DELIMITERS[right] ?? right}`,
  sub: (base, index) => `${base}_${index}`,
  index: (base, parts) => `${base}[${parts.map((part) => part.replace(/ /g, '')).join(', ')}]`,
  cases: (value, condition, otherwise) => `(${value} if ${condition}, else ${otherwise})`,
  matrix: (rows) => `[${rows.map((r) => r.join(', ')).join('; ')}]`,
  differential: (inner) => `d${inner}`,
  del: '∂',
  del2: '∂²',
  dotPower: (base, exp, plain) => {
    const sup = plain === null ? null : superscript(plain);
    return sup !== null ? `${base}∘${sup}` : `${base}.^${exp}`;
  },
  word: (name) => (name === 'sigmoid' ? 'σ' : name),
  sqrt: (inner) => (/^[\w()ᵀ]+$/u.test(inner) ? `√${inner}` : `√(${inner})`),
  special: (which) => ({ I: 'I', '1': '𝟏', '0': '𝟎' })[which],
  text: (words) => `  (${words})`,
};

const UNICODE_DELIMITERS: Record<string, string> = { '\\|': '‖', '\\lfloor': '⌊', '\\rfloor': '⌋' };
