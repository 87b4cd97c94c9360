import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSpecText } from '../../src/spec-file/document.js';
import { loadSpecFile } from '../../src/spec-file/load-identities.js';
import { describeErrors, errorsOf, identityOf, spec } from '../helpers/spec-text.js';

// Reading a file into data: YAML syntax, empty and binary files, JSON specs.

const tmp = mkdtempSync(join(tmpdir(), 'mcheck-docs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('YAML syntax errors', () => {
  it('reports an unclosed flow sequence at its line and column, as a YAML syntax error', () => {
    const text = spec`
      id: unclosed
      dims:
        n: [2, 4]
      vars:
        x: { shape: [n }
      claims:
        - kind: gradient
          f: x' * x
          wrt: x
          expect: 2 * x
    `;
    const errors = errorsOf(text, 'hw/unclosed.yaml');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'hw/unclosed.yaml', line: 5, column: 18 });
    expect(errors[0]!.message).toMatch(/^YAML syntax: /);
    expect(errors[0]!.message).toMatch(/\]/); // says which bracket is missing
  });

  it('reports a tab used as indentation at the line of the tab', () => {
    const text = 'id: tabs\nvars:\n\tx: { shape: [2] }\nclaims:\n  - kind: equal\n    lhs: x\n    rhs: x\n';
    const errors = errorsOf(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 3, column: 1 });
    expect(errors[0]!.message).toMatch(/^YAML syntax: .*[Tt]ab/);
  });

  it('reports a badly indented key at its own line', () => {
    const text = spec`
      id: indent
      vars:
        x:
          shape: [2]
         sample: normal
      claims:
        - kind: equal
          lhs: x
          rhs: x
    `;
    const errors = errorsOf(text);
    expect(describeErrors(errors)).toHaveLength(1);
    expect(errors[0]!.line).toBe(5);
    expect(errors[0]!.message).toMatch(/^YAML syntax: /);
  });

  it('keeps the message on one line, without the parser\'s "at line N, column M" suffix or code excerpt', () => {
    const errors = errorsOf('id: x\nvars: [\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).not.toContain('\n');
    expect(errors[0]!.message).not.toMatch(/at line \d+/);
    expect(errors[0]!.line).toBeGreaterThanOrEqual(2);
  });
});

describe('duplicate keys', () => {
  it('refuses a key repeated inside a claim, pointing at the second occurrence', () => {
    const text = spec`
      id: duplicate-expect
      dims:
        n: [2, 4]
      vars:
        x: { shape: [n] }
      claims:
        - kind: gradient
          f: x' * x
          wrt: x
          expect: x
          expect: 2 * x
    `;
    const errors = errorsOf(text, 'dup.yaml');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'dup.yaml', line: 11, column: 5 });
    expect(errors[0]!.message).toMatch(/unique|duplicate/i);
  });

  it('refuses a repeated top-level key (the second id)', () => {
    const text = spec`
      id: first
      id: second
      vars:
        x: { shape: [2] }
      claims:
        - kind: equal
          lhs: x
          rhs: x
    `;
    const errors = errorsOf(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 2, column: 1 });
    expect(errors[0]!.message).toMatch(/unique|duplicate/i);
  });
});

describe('files that are not a spec mapping', () => {
  it.each([
    ['an empty file', ''],
    ['a file of blank lines', '\n\n   \n'],
    ['a file of comments only', '# nothing here yet\n# still nothing\n'],
  ])('refuses %s as empty, naming the file', (_what, text) => {
    const errors = errorsOf(text, 'empty.yaml');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.file).toBe('empty.yaml');
    expect(errors[0]!.message).toMatch(/empty/);
  });

  it('refuses a file that is a list, at line 1, saying a spec is a mapping', () => {
    const text = spec`
      - id: a
      - id: b
    `;
    const errors = errorsOf(text, 'list.yaml');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'list.yaml', line: 1, column: 1 });
    expect(errors[0]!.message).toMatch(/mapping/);
    expect(errors[0]!.message).toMatch(/list/);
  });

  it.each([
    ['a bare word', 'hello\n', /text/],
    ['a number', '42\n', /number/],
  ])('refuses a file that is %s', (_what, text, got) => {
    const errors = errorsOf(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/mapping/);
    expect(errors[0]!.message).toMatch(got);
  });

  it('refuses text containing NUL bytes as not a text file', () => {
    const errors = errorsOf('id: x\u0000\u0001\u0002\nvars: {}\n', 'junk.yaml');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.file).toBe('junk.yaml');
    expect(errors[0]!.message).toMatch(/not a text file|binary|NUL/i);
  });

  it('refuses a binary file on disk (random bytes with NULs) without throwing', () => {
    const file = join(tmp, 'junk.yaml');
    const bytes = Buffer.alloc(512);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 131 + 7) % 256; // includes 0x00 and invalid UTF-8
    writeFileSync(file, bytes);
    const loaded = loadSpecFile(file);
    expect(loaded.identity).toBeNull();
    expect(loaded.errors).toHaveLength(1);
    expect(loaded.errors[0]!.file).toBe(file);
    expect(loaded.errors[0]!.message).toMatch(/not a text file|binary|NUL/i);
  });

  it('never throws on arbitrary junk text and always names the file', () => {
    const junk = [
      '{{{{',
      ']]]',
      '- - - :',
      ': : :',
      '&a [*a, *a]',
      '"unterminated',
      '{ a: 1, a: 2 }',
      '%YAML 9.9\n---\nx',
    ];
    for (const text of junk) {
      const doc = parseSpecText('junk.yaml', text);
      if (!doc.ok) {
        expect(doc.errors.length).toBeGreaterThan(0);
        for (const e of doc.errors) expect(e.file).toBe('junk.yaml');
      } else {
        // It parsed as YAML: then resolving must refuse it (none of these is a spec).
        expect(() => errorsOf(text, 'junk.yaml')).not.toThrow();
      }
    }
  });
});

describe('JSON specs', () => {
  const good = `{
  "id": "json-sum-gradient",
  "dims": { "n": [2, 4] },
  "vars": {
    "x": { "shape": ["n"] }
  },
  "claims": [
    {
      "name": "ones",
      "kind": "gradient",
      "f": "sum(x)",
      "wrt": "x",
      "expect": "ones(n, 1)"
    }
  ]
}
`;

  it('loads a JSON file with the same structure as a YAML spec', () => {
    const identity = identityOf(good, 'sum.json');
    expect(identity.id).toBe('json-sum-gradient');
    expect(identity.vars.map((v) => v.name)).toEqual(['x']);
    expect(identity.dims).toEqual([{ name: 'n', min: 2, max: 4 }]);
    expect(identity.claims).toHaveLength(1);
    expect(identity.claims[0]).toMatchObject({ kind: 'gradient', row: 'json-sum-gradient/ones', wrt: 'x' });
    // Positions work in JSON too: the claim starts on line 8, its id on line 2.
    expect(identity.claims[0]!.location.line).toBe(8);
    expect(identity.location.line).toBe(2);
  });

  it('loads a JSON spec from disk through loadSpecFile', () => {
    const file = join(tmp, 'sum.json');
    writeFileSync(file, good);
    const loaded = loadSpecFile(file);
    expect(loaded.errors).toEqual([]);
    expect(loaded.identity?.id).toBe('json-sum-gradient');
  });

  it('reports an unknown key of a JSON spec at its line and column', () => {
    const text = good.replace('"wrt": "x",', '"wrt": "x", "layout": "numerator",');
    const errors = errorsOf(text, 'sum.json');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'sum.json', line: 12, column: 19 });
    expect(errors[0]!.message).toMatch(/unknown key "layout"/);
  });

  it('reports an undefined name in a JSON expression at the line of that expression', () => {
    const text = good.replace('"expect": "ones(n, 1)"', '"expect": "ones(n, 1) + q"');
    const errors = errorsOf(text, 'sum.json');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 13, column: 17 });
    expect(errors[0]!.message).toMatch(/"q"/);
  });

  it('reports a JSON syntax error (a missing comma) at the line where it is noticed', () => {
    const text = good.replace('  },\n  "claims"', '  }\n  "claims"');
    const errors = errorsOf(text, 'sum.json');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(7);
    expect(errors[0]!.message).toMatch(/,/);
  });

  it('reports a JSON type error (trials as a string) at its line', () => {
    const text = good.replace('"dims": { "n": [2, 4] },', '"dims": { "n": [2, 4] }, "trials": "5",');
    const errors = errorsOf(text, 'sum.json');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(3);
    expect(errors[0]!.message).toMatch(/trials/);
    expect(errors[0]!.message).toMatch(/number/);
  });
});
