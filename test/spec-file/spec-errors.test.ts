import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { aliasError } from '../../src/spec-file/alias-error.js';
import { parseSpecText } from '../../src/spec-file/document.js';
import { findSpecFiles, loadIdentities, loadSpecFile } from '../../src/spec-file/load-identities.js';
import { SPEC_ERROR_CODES, type SpecError } from '../../src/spec-file/spec-error.js';
import { DEFAULT_LIMITS } from '../../src/limits.js';
import { REPO_ROOT } from '../helpers/run-cli.js';
import { errorsOf, spec } from '../helpers/spec-text.js';

// Spec errors as data: a code from the documented union, and the path of the problem in the spec.
// The file-system cases use ENOTDIR and ELOOP, because the tests run as root, for whom a chmod 000
// file or folder stays readable (EACCES cannot be provoked that way).

const fixture = (set: string, name: string): string => join(REPO_ROOT, 'test', 'fixtures', set, name);
const codesAndPaths = (errors: readonly SpecError[]): { code: string; path: readonly (string | number)[] }[] =>
  errors.map((e) => ({ code: e.code, path: e.path }));

const tmp = mkdtempSync(join(tmpdir(), 'mcheck-spec-errors-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('codes', () => {
  const files = ['malformed', 'hostile'].flatMap((set) =>
    readdirSync(join(REPO_ROOT, 'test', 'fixtures', set)).map((f) => fixture(set, f)),
  );

  it.each(files)('every error of %s has a code of the union and a path of keys and indices', (file) => {
    for (const e of loadSpecFile(file).errors) {
      expect(SPEC_ERROR_CODES.has(e.code), e.code).toBe(true);
      expect(Array.isArray(e.path)).toBe(true);
      for (const step of e.path) expect(['string', 'number']).toContain(typeof step);
    }
  });

  it('holds mcheck’s own codes and the zod issue codes that describeIssue forwards', () => {
    for (const code of ['not_found', 'unreadable', 'syntax', 'aliases', 'unresolved_alias', 'expression', 'wrt'])
      expect(SPEC_ERROR_CODES.has(code as never), code).toBe(true);
    for (const code of ['unrecognized_keys', 'invalid_type', 'invalid_union', 'invalid_value', 'too_small', 'too_big'])
      expect(SPEC_ERROR_CODES.has(code as never), code).toBe(true);
    expect(SPEC_ERROR_CODES.has('no-such-code' as never)).toBe(false);
  });
});

describe('paths', () => {
  it.each([
    ['negative-rtol.yaml', [{ code: 'too_small', path: ['tolerance', 'rtol'] }]],
    ['trials-not-a-number.yaml', [{ code: 'invalid_type', path: ['trials'] }]],
    ['unknown-sample-kind.yaml', [{ code: 'invalid_value', path: ['vars', 'X', 'sample'] }]],
    ['square-sample-not-square.yaml', [{ code: 'sample', path: ['vars', 'X', 'sample'] }]],
    ['undefined-symbol.yaml', [{ code: 'expression', path: ['claims', 0, 'expect'] }]],
    ['unknown-function.yaml', [{ code: 'expression', path: ['claims', 0, 'f'] }]],
    ['unknown-key-flow-split.yaml', [{ code: 'unrecognized_keys', path: ['claims', 0, '1)'] }]],
    ['wrt-where-value.yaml', [{ code: 'wrt', path: ['claims', 0, 'wrt'] }]],
    // A missing key points at the mapping that lacks it: here the spec itself.
    ['missing-claims.yaml', [{ code: 'invalid_type', path: [] }]],
    // Syntax errors lie in the text, not in the data: a line and column, no path.
    ['yaml-syntax-error.yaml', [{ code: 'syntax', path: [] }]],
    ['duplicate-claim-keys.yaml', [{ code: 'syntax', path: [] }]],
  ])('%s', (name, expected) => {
    expect(codesAndPaths(loadSpecFile(fixture('malformed', name)).errors)).toEqual(expected);
  });

  it('keeps the index of the claim and the key of the expression', () => {
    const text = spec`
      id: second-claim
      vars:
        x: { shape: [3] }
      claims:
        - kind: gradient
          f: sum(x)
          wrt: x
          expect: ones(3, 1)
        - kind: gradient
          f: x' * x
          wrt: x
          expect: 2 * y
    `;
    expect(codesAndPaths(errorsOf(text))).toEqual([{ code: 'expression', path: ['claims', 1, 'expect'] }]);
  });

  it('gives a key error the path of the key, and a whole-document error the empty path', () => {
    const text = 'id: keys\nvars:\n  x: { shape: [3], smaple: normal }\nclaims:\n  - { kind: equal, lhs: x, rhs: x }\n';
    expect(codesAndPaths(errorsOf(text))).toEqual([{ code: 'unrecognized_keys', path: ['vars', 'x', 'smaple'] }]);
    expect(codesAndPaths(errorsOf('- a\n- b\n'))).toEqual([{ code: 'root', path: [] }]);
    expect(codesAndPaths(errorsOf('# nothing\n'))).toEqual([{ code: 'empty', path: [] }]);
  });

  it('points a duplicate id at the id of the second file', () => {
    const body = 'vars:\n  x: { shape: [3] }\nclaims:\n  - { kind: equal, lhs: x, rhs: x }\n';
    writeFileSync(join(tmp, 'a.yaml'), `id: twice\n${body}`);
    writeFileSync(join(tmp, 'b.yaml'), `id: twice\n${body}`);
    const loaded = loadIdentities([join(tmp, 'a.yaml'), join(tmp, 'b.yaml')]);
    expect(codesAndPaths(loaded.errors)).toEqual([{ code: 'duplicate_id', path: ['id'] }]);
  });
});

describe('aliases', () => {
  it('reports the alias limit as the limit', () => {
    const [e] = loadSpecFile(fixture('hostile', 'alias-bomb.yaml')).errors;
    expect(e).toMatchObject({ code: 'aliases', path: [], line: 1, column: 1 });
    expect(e!.message).toMatch(/limit of 100 aliases/);
  });

  it('reports the alias limit when it is lowered below what a file uses', () => {
    const doc = parseSpecText('few.yaml', 'a: &a 1\nb: *a\nc: *a\n', { ...DEFAULT_LIMITS, aliases: 1 });
    expect(doc.ok).toBe(false);
    if (!doc.ok)
      expect(doc.errors[0]).toMatchObject({ code: 'aliases', message: expect.stringMatching(/limit of 1 /) });
  });

  it('reports an alias without an anchor as what it is, at the alias, and not as the limit', () => {
    const text = 'id: dangling\nvars:\n  x: { shape: [2] }\nclaims:\n  - kind: equal\n    lhs: *nowhere\n    rhs: x\n';
    const [e, ...rest] = errorsOf(text, 'dangling.yaml');
    expect(rest).toEqual([]);
    expect(e).toMatchObject({ code: 'unresolved_alias', file: 'dangling.yaml', line: 6, column: 10, path: [] });
    expect(e!.message).toMatch(/^YAML: Unresolved alias .*nowhere$/);
    expect(e!.message).not.toMatch(/limit/);
  });

  it('leaves errors that are not about aliases to propagate', () => {
    const doc = parseDocument('a: 1\n');
    expect(aliasError(new TypeError('Cannot read properties of undefined'), doc)).toBeNull();
    expect(aliasError(new ReferenceError('x is not defined'), doc)).toBeNull();
    expect(aliasError('Excessive alias count indicates a resource exhaustion attack', doc)).toBeNull();
  });
});

describe('paths the system refuses', () => {
  const plain = join(tmp, 'plain.yaml');
  writeFileSync(plain, 'not a folder\n');

  it('says "not a directory" for a path through a regular file, not "no such file"', () => {
    const through = join(plain, 'inner.yaml');
    const { files, errors } = findSpecFiles([through]);
    expect(files).toEqual([]);
    expect(errors).toEqual([
      {
        code: 'unreadable',
        file: through,
        line: null,
        column: null,
        message: 'cannot access the path: not a directory (ENOTDIR)',
        path: [],
      },
    ]);
  });

  it('names a symbolic-link loop as such', () => {
    symlinkSync(join(tmp, 'loop-b'), join(tmp, 'loop-a'));
    symlinkSync(join(tmp, 'loop-a'), join(tmp, 'loop-b'));
    const { errors } = findSpecFiles([join(tmp, 'loop-a')]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'unreadable', path: [] });
    expect(errors[0]!.message).toMatch(/^cannot access the path: .*\(ELOOP\)$/);
  });

  it('keeps "no such file or directory" for a path that does not exist', () => {
    const { errors } = findSpecFiles([join(tmp, 'absent.yaml')]);
    expect(errors).toEqual([expect.objectContaining({ code: 'not_found', message: 'no such file or directory' })]);
  });

  it('refuses a path with a NUL byte as no path, instead of throwing', () => {
    // Only a config file can carry one (`dir: "a\0b"`); Node's fs throws a TypeError for it.
    const { errors } = findSpecFiles(['specs\u0000.yaml']);
    expect(errors).toEqual([expect.objectContaining({ code: 'invalid_path', path: [], line: null })]);
    expect(errors[0]!.message).toMatch(/NUL/);
  });

  it('reports a spec file that cannot be read with the system’s code', () => {
    const loaded = loadSpecFile(join(plain, 'inner.yaml'));
    expect(loaded.identity).toBeNull();
    expect(loaded.errors).toEqual([
      expect.objectContaining({ code: 'unreadable', message: 'cannot read the file: ENOTDIR' }),
    ]);
  });
});

describe('the spec-file folder', () => {
  it('imports nothing from src/check', () => {
    const dir = join(REPO_ROOT, 'src', 'spec-file');
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.ts')))
      expect(readFileSync(join(dir, name), 'utf8'), name).not.toMatch(/from '\.\.\/check\//);
  });
});
