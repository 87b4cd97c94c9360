/**
 * The spec cache: a cached parse must be indistinguishable from a live one (same data, same
 * positions for every error), and anything that could differ is not cached or not used.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSpecText, type SpecDocument } from '../../src/spec-file/document.js';
import { specCache } from '../../src/spec-file/spec-cache.js';
import { resolveSpec } from '../../src/spec-file/resolve-spec.js';
import { REPO_ROOT, runCli } from '../helpers/run-cli.js';

const fresh = (): string => mkdtempSync(join(tmpdir(), 'mcheck-cache-'));

function ok(doc: SpecDocument): Extract<SpecDocument, { ok: true }> {
  if (!doc.ok) throw new Error(doc.errors.map((e) => e.message).join('; '));
  return doc;
}

/** Every path of a data tree, with some that do not exist below each. */
function pathsOf(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  const out = [path, [...path, 'missing'], [...path, 7]];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...path, i])));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...path, k]));
  return out;
}

const specTexts = (): [string, string][] => {
  const dirs = ['identities', 'test/fixtures/correct', 'test/fixtures/wrong', 'test/fixtures/malformed'];
  return dirs.flatMap((d) =>
    readdirSync(join(REPO_ROOT, d)).map(
      (f) => [`${d}/${f}`, readFileSync(join(REPO_ROOT, d, f), 'utf8')] as [string, string],
    ),
  );
};

describe('the spec cache', () => {
  it('gives the data and the position of every path, key or value, that a live parse gives', () => {
    const cache = specCache(fresh(), 'test');
    let compared = 0;
    for (const [file, text] of specTexts()) {
      const live = parseSpecText(file, text);
      if (!live.ok) continue;
      parseSpecText(file, text, undefined, cache); // writes
      const hit = cache.read(text);
      expect(hit, file).not.toBeNull();
      expect(hit!.data, file).toEqual(live.data);
      for (const path of pathsOf(live.data)) {
        for (const asKey of [false, true])
          expect(hit!.locate(path, asKey), `${file} ${path.join('.')}`).toEqual(live.locate(path, asKey));
      }
      compared++;
    }
    expect(compared).toBeGreaterThan(40);
  });

  it('reports spec errors at the same places from a cached parse', () => {
    const cache = specCache(fresh(), 'test');
    for (const [file, text] of specTexts()) {
      const live = parseSpecText(file, text);
      if (!live.ok) continue;
      parseSpecText(file, text, undefined, cache);
      const cached = ok(parseSpecText(file, text, undefined, cache));
      const a = resolveSpec(file, live.data, live.locate),
        b = resolveSpec(file, cached.data, cached.locate);
      expect(b.ok ? [] : b.errors, file).toEqual(a.ok ? [] : a.errors);
    }
  });

  it('uses an entry only for the same text and the same build', () => {
    const dir = fresh();
    const text = 'id: a\nvars:\n  x: { shape: [2] }\nclaims:\n  - { kind: equal, lhs: x, rhs: x }\n';
    parseSpecText('a.yaml', text, undefined, specCache(dir, 'build-1'));
    expect(specCache(dir, 'build-1').read(text)).not.toBeNull();
    expect(specCache(dir, 'build-1').read(text.replace('[2]', '[3]'))).toBeNull();
    expect(specCache(dir, 'build-2').read(text)).toBeNull();
    // An entry whose text was altered on disk is ignored, whatever its name says.
    const [name] = readdirSync(dir);
    const entry = JSON.parse(readFileSync(join(dir, name!), 'utf8')) as { text: string };
    writeFileSync(join(dir, name!), JSON.stringify({ ...entry, text: `${entry.text} ` }));
    expect(specCache(dir, 'build-1').read(text)).toBeNull();
  });

  it('places keys that print alike (1 and "1") as a live parse does, and ignores a malformed entry', () => {
    const dir = fresh();
    const cache = specCache(dir, 'test');
    const text = 'id: a\nwhere:\n  1: x\n  "1": y\n  "a\\0b": z\nvars:\n  x: { shape: [2] }\n';
    const live = ok(parseSpecText('a.yaml', text));
    parseSpecText('a.yaml', text, undefined, cache);
    const hit = cache.read(text)!;
    for (const path of [
      ['where', '1'],
      ['where', 1],
      ['where', 'a\u0000b'],
      ['where', 'a', 'b'],
    ]) {
      for (const asKey of [false, true])
        expect(hit.locate(path, asKey), path.join('.')).toEqual(live.locate(path, asKey));
    }
    const [name] = readdirSync(dir);
    for (const junk of ['null', '[]', '{"stamp":"test"}', '{"stamp":"test","text":' + JSON.stringify(text) + '}']) {
      writeFileSync(join(dir, name!), junk);
      expect(cache.read(text), junk).toBeNull();
    }
  });

  it('keeps nothing that JSON or a lower alias limit would change: .nan, .inf, aliases', () => {
    const dir = fresh();
    const cache = specCache(dir, 'test');
    for (const text of [
      'id: a\ntrials: .nan\n',
      'id: a\ntrials: .inf\n',
      'base: &b { shape: [2] }\nvars:\n  x: *b\n',
    ]) {
      expect(parseSpecText('a.yaml', text, undefined, cache).ok).toBe(true);
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('mcheck and its cache', () => {
  /** A project folder with node_modules (where the cache lives) and a copy of some specs. */
  function project(): string {
    const dir = fresh();
    mkdirSync(join(dir, 'node_modules'));
    cpSync(join(REPO_ROOT, 'test', 'fixtures', 'malformed'), join(dir, 'specs'), { recursive: true });
    cpSync(join(REPO_ROOT, 'identities'), join(dir, 'identities'), { recursive: true });
    return dir;
  }

  it('gives the same report from a cold and a warm cache, and writes node_modules/.cache/mcheck', () => {
    const dir = project();
    const cold = runCli(['check', 'specs', 'identities', '--reporter', 'json'], { cwd: dir });
    const entries = readdirSync(join(dir, 'node_modules', '.cache', 'mcheck'));
    expect(entries.length).toBeGreaterThan(16);
    const warm = runCli(['check', 'specs', 'identities', '--reporter', 'json'], { cwd: dir });
    expect(warm.code).toBe(2);
    expect(warm.stdout).toBe(cold.stdout);
    expect(warm.stderr).toBe(cold.stderr);
  });

  it('--no-cache neither reads nor writes it', () => {
    const dir = project();
    const run = runCli(['check', 'identities', '--no-cache'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(readdirSync(join(dir, 'node_modules'))).toEqual([]);
  });
});
