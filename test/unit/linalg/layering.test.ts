/**
 * linalg is the bottom layer: it imports nothing from outside src/linalg but src/errors.ts, so
 * it cannot read run state (budgets, limits, the engine); it reaches them only through hooks.ts.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const LINALG = new URL('../../../src/linalg/', import.meta.url);

describe('src/linalg', () => {
  it('imports only its own modules and ../errors.js', () => {
    const files = readdirSync(LINALG).filter((name) => name.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = readFileSync(new URL(file, LINALG), 'utf8');
      const specifiers = [...text.matchAll(/^(?:import|export)\b[^'"]*?from\s+'([^']+)'/gm)].map((m) => m[1]!);
      for (const specifier of specifiers) {
        expect(specifier === '../errors.js' || /^\.\/[\w-]+\.js$/.test(specifier), `${file}: ${specifier}`).toBe(true);
      }
    }
  });
});
