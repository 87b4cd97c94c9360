import { GREEK, type Notation, accentOf, split } from './notation.js';

/** A stem in LaTeX: a Greek letter, one italic letter, or an upright word; `xhat` as x̂, `mubar` as μ̄. */
function latexStem(stem: string, bold: boolean): string {
  const accented = accentOf(stem);
  if (accented !== null) return `\\${accented.accent}{${latexStem(accented.base, bold)}}`;
  if (GREEK.has(stem)) return bold ? `\\boldsymbol{\\${stem}}` : `\\${stem}`;
  const escaped = stem.replace(/_/g, '\\_');
  if (bold) return `\\mathbf{${escaped}}`;
  return stem.length === 1 ? stem : `\\mathit{${escaped}}`;
}

/** A number as LaTeX writes it: 1e-05 as 1 \times 10^{-5}. */
function latexNumber(value: number): string {
  if (value === Infinity) return '\\infty';
  const text = String(value);
  const e = /^(-?[\d.]+)e([+-]?\d+)$/.exec(text);
  return e === null ? text : `${e[1]} \\times 10^{${Number(e[2])}}`;
}

/** TeX. */
/**
 * Whether `inner` is taller than a line of text: only then do its brackets grow (\left…\right).
 * Plain brackets elsewhere, as a typesetter would write them, and a lighter page.
 */
const tall = (inner: string): boolean => /\\(frac|begin|sum|prod|left|sqrt)\b/.test(inner);

/** Brackets around `inner`, grown to its height when it is tall. */
const bracket = (left: string, inner: string, right: string): string =>
  tall(inner) ? `\\left${left}${inner}\\right${right}` : `${left}${inner}${right}`;

/** A base that takes a subscript: braced when it has one already (TeX allows one per base). */
const subscriptable = (base: string): string => (/_/.test(base) ? `{${base}}` : base);

export const LATEX: Notation = {
  name: 'latex',
  symbol(name, bold) {
    const { stem, index } = split(name);
    const base = latexStem(stem, bold);
    return index === null
      ? base
      : `${base}_{${index.length > 1 && !/^\d+$/.test(index) ? `\\mathrm{${index}}` : index}}`;
  },
  number: latexNumber,
  paren: (inner) => bracket('(', inner, ')'),
  transpose: (base) => `${base}^{\\top}`,
  power: (base, exp) => `${base}^{${exp}}`,
  frac: (top, bottom) => `\\frac{${top}}{${bottom}}`,
  operator: (op) => LATEX_OPERATORS[op] ?? ` ${op} `,
  call: (name, args) => `${LATEX.word(name)}${bracket('(', args.join(', '), ')')}`,
  delimited: bracket,
  sub: (base, index) => `${subscriptable(base)}_{${index}}`,
  index: (base, parts) => `${subscriptable(base)}_{${parts.join(',')}}`,
  cases: (value, condition, otherwise) =>
    `\\begin{cases} ${value} & \\text{if } ${condition} \\\\ ${otherwise} & \\text{otherwise} \\end{cases}`,
  matrix: (rows) => `\\begin{bmatrix} ${rows.map((r) => r.join(' & ')).join(' \\\\ ')} \\end{bmatrix}`,
  differential: (inner) => `\\mathrm{d}${inner}`,
  del: '\\partial ',
  del2: '\\partial^{2} ',
  dotPower: (base, exp) => `${base}^{\\circ ${exp}}`,
  word: (name) =>
    name === 'sigmoid' ? '\\sigma' : LATEX_FUNCTIONS.has(name) ? `\\${name}` : `\\operatorname{${name}}`,
  sqrt: (inner) => `\\sqrt{${inner}}`,
  special: (which, size) => (size === null ? `\\mathbf{${which}}` : `\\mathbf{${which}}_{${size}}`),
  text: (words) => `\\quad\\text{${words}}`,
};

/** Functions LaTeX has a command for. */
const LATEX_FUNCTIONS = new Set(['exp', 'log', 'sin', 'cos', 'tan', 'tanh', 'sinh', 'cosh', 'max', 'min', 'det']);

const LATEX_OPERATORS: Record<string, string> = {
  '+': ' + ',
  '-': ' - ',
  '.*': ' \\odot ',
  './': ' \\oslash ',
  '*': ' \\cdot ',
  '<': ' < ',
  '>': ' > ',
  '<=': ' \\le ',
  '>=': ' \\ge ',
  '==': ' = ',
  '!=': ' \\ne ',
  and: ' \\land ',
  or: ' \\lor ',
  xor: ' \\oplus ',
  kron: ' \\otimes ',
};
