/**
 * README.md's section on expressions is the language's manual; src/expr/language is its
 * definition. This test holds the two to each other: every function, operator and constant the
 * compiler admits is documented, in the bullet of its kind, and everything documented exists.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BROADCASTING,
  CONSTANTS,
  ELEMENTWISE_FUNCTIONS,
  FUNCTIONS,
  JS_INTERNALS,
  MATRIX_FUNCTIONS,
  OPERATORS,
  SCALAR_RULE,
} from '../../../src/expr/language/index.js';

const README = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

/** The text under a `##`-to-`####` heading, up to the next heading outside a code block. */
function section(markdown: string, heading: string): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => /^#{2,4} /.test(line) && line.replace(/^#+ /, '').trim() === heading);
  if (start < 0) throw new Error(`README.md has no heading "${heading}"`);
  let fenced = false;
  let end = start + 1;
  for (; end < lines.length; end++) {
    if (lines[end]!.startsWith('```')) fenced = !fenced;
    else if (!fenced && /^#{1,4} /.test(lines[end]!)) break;
  }
  return lines.slice(start + 1, end).join('\n');
}

/** The bullet of a section that starts with `label`, its continuation lines included. */
function bullet(text: string, label: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`- ${label}`));
  if (start < 0) throw new Error(`no bullet "- ${label}" in the section`);
  let end = start + 1;
  while (end < lines.length && lines[end]!.startsWith('  ')) end++;
  return lines.slice(start, end).join('\n');
}

/** The contents of the `code spans` of a text. */
function spans(text: string): string[] {
  return [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
}

/** Function names a bullet documents: names called in a span, and spans that are lists of bare names. */
function functionNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const span of spans(text)) {
    for (const m of span.matchAll(/([A-Za-z_][A-Za-z0-9_]*)\s*\(/g)) names.add(m[1]!);
    if (/^[a-z][a-z0-9]*( [a-z][a-z0-9]*)*$/.test(span)) span.split(' ').forEach((n) => names.add(n));
  }
  return names;
}

/** The calls written out in a text (`sum(A, 1)`), with their numbers of arguments. */
function calls(text: string): { readonly name: string; readonly args: number; readonly written: string }[] {
  return spans(text).flatMap((span) =>
    [...span.matchAll(/([A-Za-z_][A-Za-z0-9_]*)\(([^()]*)\)/g)].map((m) => ({
      name: m[1]!,
      args: m[2]!.trim() === '' ? 0 : m[2]!.split(',').length,
      written: m[0],
    })),
  );
}

/** Operator tokens of a bullet: spans that are lists of symbols (`.* ./ .^`) or of words (`and or not`). */
function operatorTokens(text: string): Set<string> {
  const tokens = new Set<string>();
  for (const span of spans(text)) {
    if (/[[\](),;]/.test(span)) continue; // a matrix literal or an example, not a list of operators
    const parts = span.split(/\s+/);
    if (parts.every((p) => /^[^A-Za-z0-9]+$/.test(p)) || parts.every((p) => /^[a-z]+$/.test(p))) {
      parts.forEach((p) => tokens.add(p));
    }
  }
  return tokens;
}

const sorted = (xs: Iterable<string>): string[] => [...new Set(xs)].sort();
const flat = (text: string): string => text.replace(/\s+/g, ' ');

const EXPRESSIONS = section(README, 'Expressions');

describe("README.md's section on expressions", () => {
  it('documents exactly the elementwise functions, in its bullet on them', () => {
    const documented = functionNames(bullet(EXPRESSIONS, 'Elementwise functions:'));
    expect(sorted(documented)).toEqual(sorted(ELEMENTWISE_FUNCTIONS.map((f) => f.name)));
  });

  it('documents exactly the matrix functions, in its bullet on them', () => {
    const documented = functionNames(bullet(EXPRESSIONS, 'Matrix functions:'));
    expect(sorted(documented)).toEqual(sorted(MATRIX_FUNCTIONS.map((f) => f.name)));
  });

  it('writes every call with a number of arguments the function takes', () => {
    const text = bullet(EXPRESSIONS, 'Elementwise functions:') + bullet(EXPRESSIONS, 'Matrix functions:');
    const written = calls(text);
    expect(written.length).toBeGreaterThan(20);
    for (const { name, args, written: source } of written) {
      const f = FUNCTIONS.find((g) => g.name === name);
      expect(f, source).toBeDefined();
      expect(args, source).toBeGreaterThanOrEqual(f!.minArgs);
      expect(args, source).toBeLessThanOrEqual(f!.maxArgs);
    }
  });

  it('shows every function that takes a second argument with one', () => {
    const text = bullet(EXPRESSIONS, 'Elementwise functions:') + bullet(EXPRESSIONS, 'Matrix functions:');
    const withTwo = new Set(
      calls(text)
        .filter((c) => c.args === 2)
        .map((c) => c.name),
    );
    const twoOrMore = FUNCTIONS.filter((f) => f.maxArgs === 2 && f.name !== 'identity').map((f) => f.name);
    // `identity` is documented as the same as `eye`, which is shown with both.
    expect(sorted(twoOrMore.filter((n) => !withTwo.has(n)))).toEqual([]);
  });

  it('documents exactly the operators', () => {
    const documented = operatorTokens(bullet(EXPRESSIONS, 'Operators:'));
    expect(sorted(documented)).toEqual(sorted(OPERATORS.map((o) => o.symbol)));
  });

  it('documents exactly the constants', () => {
    const documented = spans(bullet(EXPRESSIONS, 'Constants'));
    expect(sorted(documented)).toEqual(sorted(CONSTANTS.map((c) => c.name)));
  });
});

describe('the rest of README.md agrees with the language', () => {
  it('states the 1×1 rule and the broadcasting rule in the words of the module', () => {
    const shapes = flat(section(README, 'Shapes'));
    expect(shapes).toContain(SCALAR_RULE);
    expect(shapes).toContain(BROADCASTING.rule);
    expect(shapes).toContain(BROADCASTING.refusal);
  });

  it('names as kinks exactly the non-smooth functions, and the comparisons', () => {
    const kinks = bullet(section(README, 'How the verdict is reached'), '**Kinks.**');
    const kinked = FUNCTIONS.filter((f) => f.kink !== null).map((f) => f.name);
    expect(sorted(spans(kinks))).toEqual(sorted(kinked));
    expect(kinks).toMatch(/ and comparisons /);
    const comparisons = /comparisons `([^`]+)`/.exec(bullet(EXPRESSIONS, 'Operators:'));
    expect(comparisons).not.toBeNull();
    const kinkedOperators = OPERATORS.filter((o) => o.kink !== null).map((o) => o.symbol);
    expect(sorted(kinkedOperators)).toEqual(sorted(comparisons![1]!.split(/\s+/)));
  });

  it('says that the JavaScript internals are refused as names', () => {
    const untrusted = flat(section(README, 'Untrusted specs'));
    for (const name of JS_INTERNALS) expect(untrusted).toContain(`\`${name}\``);
  });
});
