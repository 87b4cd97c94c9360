import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isNode, isScalar, isSeq, visit, type Document, type LineCounter, type Node } from 'yaml';
import type { Locate, SpecPath } from './document.js';
import { fnv1a, FNV_PRIME } from '../util/fnv1a.js';
import { writeWhole } from '../util/write-whole.js';

/**
 * Parsed spec files kept between runs. A cold process spends much of its start parsing YAML
 * (the parser's code has not been optimized yet when a run of small specs is over), so the data
 * of each file that parsed cleanly is kept, with the line and column of every node, under a name
 * derived from its text. An entry is used only when its text equals the file's, character for
 * character, and it was written by the same build of mcheck (`stamp`); otherwise the file is
 * parsed as usual. Writes are best effort and atomic.
 */
export interface SpecCache {
  /** The data and positions of `text`, if a matching entry exists. */
  read(text: string): Parsed | null;
  /** Keeps the parse of `text`, if it survives a round trip through JSON unchanged. */
  write(text: string, doc: Document, data: unknown, lineCounter: LineCounter): void;
}

/** A spec's data and a way to point back into its text. */
export interface Parsed {
  readonly data: unknown;
  readonly locate: Locate;
}

/** Per path (as JSON): the line and column of its value node, and of its key node. */
type Positions = Record<string, readonly [number, number, number, number]>;

interface Entry {
  readonly stamp: string;
  readonly text: string;
  readonly data: unknown;
  readonly positions: Positions;
}

const keyOf = (path: SpecPath): string => JSON.stringify(path.map(String));

/** FNV-1a over the text, twice with different offsets: a file name, not a proof (texts are compared). */
function nameOf(stamp: string, text: string): string {
  const s = `${stamp}\u0000${text}`;
  const a = fnv1a(s);
  const b = fnv1a(s, FNV_PRIME, FNV_PRIME + 2);
  return `${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}.json`;
}

/** Where a node starts, as 1-based line and column. */
function at(node: Node | null, lineCounter: LineCounter): [number, number] {
  const pos = lineCounter.linePos(node?.range?.[0] ?? 0);
  return [pos.line, pos.col];
}

/** The positions of every node of the document, as `findNode` in document.ts would find them. */
function positionsOf(root: Node, lineCounter: LineCounter): Positions {
  const out: Positions = {};
  const walk = (node: Node, path: SpecPath, key: Node | null): void => {
    // The first pair wins, as in findNode: keys 1 and "1" are different YAML keys, one path step.
    if (keyOf(path) in out) return;
    out[keyOf(path)] = [...at(node, lineCounter), ...at(key ?? node, lineCounter)];
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const value = isNode(pair.value) ? pair.value : pair.key;
        walk(value, [...path, String(pair.key.value)], pair.key);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => isNode(item) && walk(item, [...path, i], null));
    }
  };
  walk(root, [], null);
  return out;
}

/** A locate over stored positions: the deepest stored node along the path, as for a live document. */
function locateIn(positions: Positions): Locate {
  return (path, asKey = false) => {
    for (let n = path.length; n >= 0; n--) {
      const p = positions[keyOf(path.slice(0, n))];
      if (p === undefined) continue;
      const useKey = asKey && n === path.length;
      return { line: useKey ? p[2] : p[0], column: useKey ? p[3] : p[1] };
    }
    return { line: 1, column: 1 };
  };
}

/** True when JSON keeps `value` exactly: plain objects, arrays, strings, booleans, null, finite numbers (not −0). */
function jsonSafe(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(jsonSafe);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.entries(value).every(([k, v]) => k !== '__proto__' && jsonSafe(v));
}

/** True when the document expands no alias, so that no alias limit can refuse it on a later run. */
function aliasFree(doc: Document): boolean {
  let found = false;
  visit(doc, {
    Alias: () => {
      found = true;
      return visit.BREAK;
    },
  });
  return !found;
}

/** The cache in folder `dir`, for the mcheck build identified by `stamp`. */
export function specCache(dir: string, stamp: string): SpecCache {
  return {
    read(text) {
      let entry: Partial<Entry> | null;
      try {
        entry = JSON.parse(readFileSync(join(dir, nameOf(stamp, text)), 'utf8')) as Partial<Entry> | null;
      } catch {
        return null;
      }
      // Whatever is in the file, only a well-formed entry for this very text is used.
      if (entry === null || typeof entry !== 'object' || entry.stamp !== stamp || entry.text !== text) return null;
      if (typeof entry.positions !== 'object' || entry.positions === null) return null;
      return { data: entry.data, locate: locateIn(entry.positions) };
    },
    write(text, doc, data, lineCounter) {
      if (!jsonSafe(data) || !aliasFree(doc) || !isNode(doc.contents)) return;
      const entry: Entry = { stamp, text, data, positions: positionsOf(doc.contents, lineCounter) };
      const file = join(dir, nameOf(stamp, text));
      try {
        mkdirSync(dir, { recursive: true });
        writeWhole(file, JSON.stringify(entry));
      } catch {
        // A read-only or missing folder only costs the speed-up.
      }
    },
  };
}
