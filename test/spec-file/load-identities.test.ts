import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSpecFiles, loadIdentities, loadSpecFile } from '../../src/spec-file/load-identities.js';
import { REPO_ROOT } from '../helpers/run-cli.js';

// Loading files and folders: many files in one run, ids unique across them, and the fixture sets.

const fixtures = (set: string): string => join(REPO_ROOT, 'test', 'fixtures', set);
const specFilesIn = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => join(dir, f));

/** A one-claim spec with `id`, after `comment` lines (so the id line is comment lines + 1). */
const sumSpec = (id: string, comment = ''): string =>
  `${comment === '' ? '' : `${comment}\n`}id: ${id}\nvars:\n  x: { shape: [3] }\nclaims:\n  - kind: gradient\n    f: sum(x)\n    wrt: x\n    expect: ones(3, 1)\n`;

let tmp = '';
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'mcheck-load-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('duplicate ids across files', () => {
  it('keeps the first file and reports the second, at its id line, naming the first', () => {
    const dir = join(tmp, 'dup');
    mkdirSync(dir);
    const a = join(dir, 'a.yaml');
    const b = join(dir, 'b.yaml');
    writeFileSync(a, sumSpec('same-id', '# first'));
    writeFileSync(b, sumSpec('same-id', '# second\n# (one more comment line)'));
    const loaded = loadIdentities([a, b]);
    expect(loaded.identities.map((i) => i.file)).toEqual([a]);
    expect(loaded.errors).toHaveLength(1);
    const [e] = loaded.errors;
    expect(e).toMatchObject({ file: b, line: 3, column: 5 });
    expect(e!.message).toMatch(/id "same-id" is already used by/);
    expect(e!.message).toContain(`${a}:2`);
  });

  it('blames whichever file comes second on the command line', () => {
    const a = join(tmp, 'dup', 'a.yaml');
    const b = join(tmp, 'dup', 'b.yaml');
    const loaded = loadIdentities([b, a]);
    expect(loaded.identities.map((i) => i.file)).toEqual([b]);
    expect(loaded.errors.map((e) => [e.file, e.line])).toEqual([[a, 2]]);
  });

  it('takes files of a folder in name order, so the later name is the duplicate', () => {
    const loaded = loadIdentities([join(tmp, 'dup')]);
    expect(loaded.identities.map((i) => i.file)).toEqual([join(tmp, 'dup', 'a.yaml')]);
    expect(loaded.errors.map((e) => e.file)).toEqual([join(tmp, 'dup', 'b.yaml')]);
  });

  it('does not report a file as a duplicate of itself when it is reached twice (folder and file)', () => {
    const dir = join(tmp, 'twice');
    mkdirSync(dir);
    const file = join(dir, 'only.yaml');
    writeFileSync(file, sumSpec('only-once'));
    // The same file, spelt the way a folder walk finds it and the way a user may type it.
    const relDir = relative(process.cwd(), dir);
    const loaded = loadIdentities([relDir, `./${relDir}/only.yaml`]);
    expect(loaded.errors).toEqual([]);
    expect(loaded.identities.map((i) => i.id)).toEqual(['only-once']);
  });
});

describe('paths', () => {
  it('reports a path that does not exist, naming it, and still loads the others', () => {
    const good = join(tmp, 'good.yaml');
    writeFileSync(good, sumSpec('good-one'));
    const missing = join(tmp, 'no-such-file.yaml');
    const loaded = loadIdentities([missing, good]);
    expect(loaded.identities.map((i) => i.id)).toEqual(['good-one']);
    expect(loaded.errors).toHaveLength(1);
    expect(loaded.errors[0]).toMatchObject({ file: missing, line: null });
    expect(loaded.errors[0]!.message).toMatch(/no such file/);
  });

  it('reports a folder without specs', () => {
    const empty = join(tmp, 'empty-folder');
    mkdirSync(empty);
    writeFileSync(join(empty, 'notes.txt'), 'not a spec');
    const { files, errors } = findSpecFiles([empty]);
    expect(files).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.file).toBe(empty);
    expect(errors[0]!.message).toMatch(/no spec files/);
  });

  it('finds .yaml, .yml and .json below a folder, skipping hidden folders and other files', () => {
    const root = join(tmp, 'tree');
    mkdirSync(join(root, 'sub'), { recursive: true });
    mkdirSync(join(root, '.hidden'));
    writeFileSync(join(root, 'a.yaml'), sumSpec('tree-a'));
    writeFileSync(join(root, 'sub', 'b.yml'), sumSpec('tree-b'));
    writeFileSync(
      join(root, 'sub', 'c.json'),
      JSON.stringify({ id: 'tree-c', vars: { x: { shape: [2] } }, claims: [{ kind: 'equal', lhs: 'x', rhs: 'x' }] }),
    );
    writeFileSync(join(root, '.hidden', 'd.yaml'), sumSpec('tree-d'));
    writeFileSync(join(root, 'README.md'), '# not a spec');
    const loaded = loadIdentities([root]);
    expect(loaded.errors).toEqual([]);
    expect(loaded.identities.map((i) => i.id).sort()).toEqual(['tree-a', 'tree-b', 'tree-c']);
  });
});

describe('the malformed fixtures', () => {
  const files = specFilesIn(fixtures('malformed'));

  it('exist', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it.each(files.map((f) => [relative(REPO_ROOT, f), f]))(
    '%s is refused with located, readable errors',
    (_name, file) => {
      const text = readFileSync(file, 'utf8');
      const lineCount = text.split('\n').length;
      const loaded = loadSpecFile(file);
      expect(loaded.identity).toBeNull();
      expect(loaded.errors.length).toBeGreaterThan(0);
      for (const e of loaded.errors) {
        expect(e.file).toBe(file);
        expect(e.line).not.toBeNull();
        expect(e.line!).toBeGreaterThanOrEqual(1);
        expect(e.line!).toBeLessThanOrEqual(lineCount);
        expect(e.column!).toBeGreaterThanOrEqual(1);
        expect(e.message).not.toMatch(/\bundefined\b(?! name)|\[object|\bNaN\b|^\s*$/);
        expect(e.message).not.toContain('\n');
      }
      // The fixture's header says where the error is: "Expected: spec error at line N".
      const expectedLine = /Expected:[^\n]*?\bline (\d+)/.exec(text)?.[1];
      if (expectedLine !== undefined) {
        expect(loaded.errors.map((e) => e.line)).toContain(Number(expectedLine));
      }
    },
  );
});

describe('the valid sets', () => {
  it.each([
    ['the bundled identities', join(REPO_ROOT, 'identities')],
    ['test/fixtures/correct', fixtures('correct')],
    ['test/fixtures/wrong', fixtures('wrong')],
  ])('%s load without errors, one identity per file, ids unique', (_name, dir) => {
    const files = specFilesIn(dir);
    const loaded = loadIdentities([dir]);
    expect(loaded.errors).toEqual([]);
    expect(loaded.identities).toHaveLength(files.length);
    expect(new Set(loaded.identities.map((i) => i.id)).size).toBe(files.length);
    for (const identity of loaded.identities) expect(identity.claims.length).toBeGreaterThan(0);
  });

  it('the bundled set has at least 20 claims', () => {
    const loaded = loadIdentities([join(REPO_ROOT, 'identities')]);
    expect(loaded.identities.flatMap((i) => i.claims).length).toBeGreaterThanOrEqual(20);
  });
});
