import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** A font face KaTeX's CSS asks for: family, style and weight (null where a rule leaves them inherited). */
interface Need {
  readonly family: string;
  readonly style: string | null;
  readonly weight: string | null;
}

const FACE = /@font-face\{[^}]*\}/g;
/** A rule of KaTeX's CSS that sets a font family: its selectors and its declarations. */
const FAMILY_RULE = /([^{}]+)\{([^{}]*font-family:(KaTeX_\w+)[^{}]*)\}/g;

const property = (body: string, name: string): string | null => new RegExp(`${name}:(\\w+)`).exec(body)?.[1] ?? null;

/** The classes of the typeset formulas: what decides which of KaTeX's rules apply. */
function classesOf(html: string): Set<string> {
  const classes = new Set<string>();
  for (const m of html.matchAll(/class="([^"]*)"/g)) for (const c of m[1]!.split(/\s+/)) classes.add(c);
  return classes;
}

/** The faces the formulas use: the base face, each rule whose selector's classes all occur, bold or italic text. */
function needsOf(css: string, classes: ReadonlySet<string>): Need[] {
  const needs: Need[] = [{ family: 'KaTeX_Main', style: 'normal', weight: '400' }];
  for (const [, selectors, body, family] of css.replace(FACE, '').matchAll(FAMILY_RULE)) {
    const applies = selectors!.split(',').some((selector) => {
      const names = [...selector.matchAll(/\.([\w-]+)/g)].map((m) => m[1]!).filter((c) => c !== 'katex');
      return names.length > 0 && names.every((c) => classes.has(c));
    });
    if (applies)
      needs.push({ family: family!, style: property(body!, 'font-style'), weight: property(body!, 'font-weight') });
  }
  // \textbf and \textit change only the weight or style of the text font.
  const bold = classes.has('textbf');
  const italic = classes.has('textit');
  if (bold || italic)
    needs.push({ family: 'KaTeX_Main', style: italic ? 'italic' : 'normal', weight: bold ? '700' : '400' });
  return needs;
}

/** Whether a face serves a need; an inherited style or weight is taken as the usual one. */
const serves = (face: string, need: Need): boolean =>
  property(face, 'font-family') === need.family &&
  property(face, 'font-style') === (need.style ?? 'normal') &&
  property(face, 'font-weight') === (need.weight === 'bold' ? '700' : (need.weight ?? '400'));

/**
 * KaTeX's stylesheet with the fonts these formulas use inlined as woff2 data, and every other
 * face left out: a report opens from a CI artifact with no network, and all of KaTeX's fonts
 * would triple its size.
 */
export function katexStyle(html: string): string {
  const resolve = createRequire(import.meta.url).resolve;
  const cssFile = resolve('katex/dist/katex.min.css');
  const css = readFileSync(cssFile, 'utf8');
  const needs = needsOf(css, classesOf(html));
  return css.replace(FACE, (face) => {
    const file = /url\((fonts\/KaTeX_[\w-]+\.woff2)\)/.exec(face)?.[1];
    if (file === undefined || !needs.some((need) => serves(face, need))) return '';
    const data = readFileSync(join(dirname(cssFile), file)).toString('base64');
    return face.replace(/src:[^;}]*/, `src:url(data:font/woff2;base64,${data}) format("woff2")`);
  });
}
