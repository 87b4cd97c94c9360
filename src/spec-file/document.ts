import { parseDocument, LineCounter, isMap, isSeq, isPair, isScalar, isNode, type Node } from 'yaml';
import type { SpecError } from '../check/result.js';
import { DEFAULT_LIMITS, describeLimit, type Limits } from '../limits.js';
import type { SpecCache } from './spec-cache.js';

/** A path into a spec: keys and list indices, as zod reports them. */
export type SpecPath = readonly (string | number)[];

/** 1-based line and column of the node at a path, or of its nearest ancestor that exists. */
export type Locate = (path: SpecPath, asKey?: boolean) => { readonly line: number; readonly column: number };

/** A parsed spec file: plain data plus the means to point back into the text. */
export type SpecDocument =
  | { readonly ok: true; readonly data: unknown; readonly locate: Locate }
  | { readonly ok: false; readonly errors: readonly SpecError[] };

function fail(
  file: string,
  message: string,
  code: string,
  line: number | null = null,
  column: number | null = null,
): SpecDocument {
  return { ok: false, errors: [{ code, file, line, column, message }] };
}

/**
 * Parses YAML (and JSON, which is YAML here, so JSON specs get line numbers too) and keeps the
 * positions of every node. Never throws: syntax errors, empty and binary files become errors.
 * With a cache, a text parsed cleanly before is not parsed again.
 */
export function parseSpecText(
  file: string,
  text: string,
  limits: Limits = DEFAULT_LIMITS,
  cache: SpecCache | null = null,
): SpecDocument {
  if (Buffer.byteLength(text) > limits.fileBytes)
    return fail(file, `the file is larger than ${describeLimit(limits, 'fileBytes')}`, 'too_large');
  if (text.includes('\u0000')) return fail(file, 'not a text file (it contains NUL bytes)', 'binary');
  const cached = cache?.read(text) ?? null;
  if (cached !== null) return { ok: true, ...cached };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    const pos = lineCounter.linePos(first.pos[0]);
    let message = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    if (first.code === 'DUPLICATE_KEY')
      message = `duplicate key ${JSON.stringify(/^[^:\n]*/.exec(text.slice(first.pos[0]))![0].trim())}`;
    return fail(file, `YAML syntax: ${message}`, 'syntax', pos.line, pos.col);
  }
  if (doc.contents === null) return fail(file, 'the file is empty', 'empty');
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: limits.aliases });
  } catch (error) {
    return fail(file, `YAML: ${(error as Error).message}: ${describeLimit(limits, 'aliases')}`, 'aliases', 1, 1);
  }
  cache?.write(text, doc, data, lineCounter);
  const locate: Locate = (path, asKey = false) => {
    const node = findNode(doc.contents as Node, path, asKey);
    const offset = node.range?.[0] ?? 0;
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  return { ok: true, data, locate };
}

/** The deepest node along `path` (the key node of the last step when `asKey`). */
function findNode(root: Node, path: SpecPath, asKey: boolean): Node {
  let node: Node = root;
  for (let i = 0; i < path.length; i++) {
    const step = path[i]!;
    let next: unknown = null;
    if (isMap(node)) {
      const pair: unknown = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
      if (!isPair(pair)) return node;
      if (i === path.length - 1 && asKey && isNode(pair.key)) return pair.key;
      next = isNode(pair.value) ? pair.value : pair.key;
    } else if (isSeq(node)) {
      next = node.items[Number(step)];
    }
    if (!isNode(next)) return node;
    node = next;
  }
  return node;
}
