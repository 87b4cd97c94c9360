/**
 * mcheck's parser is mathjs's, built from mathjs's factories with only what parsing needs: it must
 * give the very trees `math.parse` gives, and the same syntax errors.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as mathParse } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseExpression } from '../../../src/expr/parser.js';
import { REPO_ROOT } from '../../helpers/run-cli.js';

/** Every expression of the bundled identities and the fixtures, plus some syntax corners. */
function corpus(): string[] {
  const found = new Set<string>([
    "x' * A * x",
    'A .* B ./ C .^ 2',
    '-x + +y',
    '[1, 2; 3, 4]',
    '[a; b]',
    'f(x)(y)',
    'a ? b : c',
    'x = 2',
    '2x',
    '3 (a + b)',
    'a < b',
    'a == b != c',
    '1e-3 * x',
    '0x1F',
    '0b101',
    'sum(A, 1)',
    "(A')'",
    'A[1, 2]',
    '0x1.8',
    '0b1.01',
    '0o7.4',
    '0xFFi8',
    '0x7Fi8',
    '0b101i4',
    '1.5e+3',
    '.5',
    'NaN',
  ]);
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(entry.name)) {
        let value: unknown;
        try {
          value = parseDocument(readFileSync(path, 'utf8')).toJS() as unknown;
        } catch (error) {
          // The alias bomb among the hostile fixtures: it has no expressions to offer.
          if (error instanceof ReferenceError && /alias/.test(error.message)) continue;
          throw error;
        }
        collect(value);
      }
    }
  };
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value !== null && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (['f', 'expect', 'lhs', 'rhs'].includes(key) && typeof v === 'string') found.add(v);
        else if (key === 'where' && v !== null && typeof v === 'object')
          Object.values(v).forEach((w) => typeof w === 'string' && found.add(w));
        else collect(v);
      }
    }
  };
  walk(join(REPO_ROOT, 'identities'));
  walk(join(REPO_ROOT, 'test', 'fixtures'));
  return [...found];
}

describe('parseExpression', () => {
  const sources = corpus();

  it('reads a corpus of over 100 expressions', () => {
    expect(sources.length).toBeGreaterThan(100);
  });

  it('gives the same tree as math.parse for each', () => {
    for (const source of sources) {
      let expected: unknown;
      try {
        expected = JSON.parse(JSON.stringify(mathParse(source)));
      } catch (error) {
        if (error instanceof SyntaxError) continue; // compared below
        throw error;
      }
      expect(JSON.parse(JSON.stringify(parseExpression(source))), source).toEqual(expected);
    }
  });

  it('throws the same syntax errors', () => {
    for (const source of ['x +', '(a', 'a b c)', '[1, 2', "'unterminated", '2 ** 3 **', '0x1FFi8']) {
      expect(() => mathParse(source), source).toThrow();
      expect(() => parseExpression(source), source).toThrow(
        (() => {
          try {
            mathParse(source);
          } catch (error) {
            return (error as Error).message;
          }
          return '';
        })(),
      );
    }
  });

  it('throws only SyntaxError on bad input, the one error compileExpression turns into "cannot parse"', () => {
    for (const source of [
      'x +',
      '(a',
      'a b c)',
      '[1, 2',
      "'unterminated",
      '2 ** 3 **',
      '0x1FFi8',
      '0xZ',
      '[1, 2; 3]',
    ]) {
      expect(() => parseExpression(source), source).toThrow(SyntaxError);
    }
  });
});
