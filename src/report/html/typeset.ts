import { createRequire } from 'node:module';
import type Katex from 'katex';
import { xmlEscape } from '../xml-escape.js';

let loaded: typeof Katex | null = null;

/**
 * KaTeX, loaded on first use: only an HTML report needs it, and every other run should not pay
 * for its load. `require`, not `import()`: the bundle runs as a script, which has no dynamic import.
 */
function katex(): typeof Katex {
  loaded ??= createRequire(import.meta.url)('katex') as typeof Katex;
  return loaded;
}

/** A formula as HTML: typeset, or its TeX as code when it could not be (`ok` false). */
export interface Typeset {
  readonly html: string;
  readonly ok: boolean;
}

/**
 * Typesets `tex` with KaTeX as HTML and MathML (the MathML is what a screen reader reads). A spec's
 * LaTeX is untrusted: no \href or \includegraphics (trust off), macro expansion and sizes capped.
 * TeX that does not parse is shown as itself, marked, rather than as KaTeX's red error text.
 */
export function typeset(tex: string, display: boolean): Typeset {
  const key = `${display ? 'D' : 'I'}${tex}`;
  const known = typesetCache.get(key);
  if (known !== undefined) return known;
  const done = typesetOnce(tex, display);
  if (typesetCache.size < MAX_CACHED) typesetCache.set(key, done);
  return done;
}

/**
 * Formulas typeset so far in this process: a class's report repeats the same answers (and the
 * same worked examples) hundreds of times, and KaTeX took most of the time of writing it.
 */
const typesetCache = new Map<string, Typeset>();
const MAX_CACHED = 20_000;

function typesetOnce(tex: string, display: boolean): Typeset {
  try {
    const html = katex().renderToString(tex, {
      displayMode: display,
      throwOnError: true,
      output: 'htmlAndMathml',
      strict: 'ignore',
      trust: false,
      maxSize: 20,
      maxExpand: 500,
    });
    // The TeX annotation repeats the source in every formula; nothing reads it on a page.
    return { html: html.replace(/<annotation encoding="application\/x-tex">[\s\S]*?<\/annotation>/, ''), ok: true };
  } catch {
    return { html: `<code class="tex" title="could not be typeset">${xmlEscape(tex)}</code>`, ok: false };
  }
}
