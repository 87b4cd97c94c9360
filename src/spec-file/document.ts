import { parseDocument, LineCounter, isMap, isSeq, isPair, isScalar, isNode, type Document, type Node } from 'yaml';
import { DEFAULT_LIMITS, describeLimit, type Limits } from '../limits.js';
import type { SpecCache } from './spec-cache.js';
import type { SpecError, SpecErrorCode } from './spec-error.js';
import { aliasError } from './alias-error.js';

/** A path into a spec: keys and list indices, as zod reports them. */
export type SpecPath = readonly (string | number)[];

/** 1-based line and column of the node at a path, or of its nearest ancestor that exists. */
export type Locate = (path: SpecPath, asKey?: boolean) => { readonly line: number; readonly column: number };

/** A parsed spec file: plain data plus the means to point back into the text. */
export type SpecDocument =
  | { readonly ok: true; readonly data: unknown; readonly locate: Locate }
  | { readonly ok: false; readonly errors: readonly SpecError[] };

/** A document that did not parse. */
type Failed = Extract<SpecDocument, { ok: false }>;

/** What a document-level failure says: its place in the text, if it has one. */
interface Failure {
  readonly file: string;
  readonly code: SpecErrorCode;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

/** A document that did not parse. Its errors have no path: they lie in the text, not the data. */
function fail({ file, code, message, line, column }: Failure): Failed {
  return { ok: false, errors: [{ code, file, line: line ?? null, column: column ?? null, message, path: [] }] };
}

/** The first syntax error of a document, in one line, at its place. */
function syntaxFailure(file: string, text: string, doc: Document, lineCounter: LineCounter): Failed {
  const first = doc.errors[0]!;
  const pos = lineCounter.linePos(first.pos[0]);
  let message = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  if (first.code === 'DUPLICATE_KEY')
    message = `duplicate key ${JSON.stringify(/^[^:\n]*/.exec(text.slice(first.pos[0]))![0].trim())}`;
  return fail({ file, code: 'syntax', message: `YAML syntax: ${message}`, line: pos.line, column: pos.col });
}

/**
 * The plain data of a document, or the alias problem that stops it. Any other error of `toJS` is
 * not a problem of the spec that mcheck knows of, so it propagates as what it is.
 */
function toData(
  file: string,
  doc: Document,
  lineCounter: LineCounter,
  limits: Limits,
): { readonly ok: true; readonly data: unknown } | Failed {
  try {
    return { ok: true, data: doc.toJS({ maxAliasCount: limits.aliases }) };
  } catch (error) {
    const alias = aliasError(error, doc);
    if (alias === null) throw error;
    if (alias.code === 'aliases')
      return fail({
        file,
        code: 'aliases',
        message: `YAML: ${alias.message}: ${describeLimit(limits, 'aliases')}`,
        line: 1,
        column: 1,
      });
    const pos = lineCounter.linePos(alias.offset ?? 0);
    return fail({ file, code: 'unresolved_alias', message: `YAML: ${alias.message}`, line: pos.line, column: pos.col });
  }
}

/**
 * Parses YAML (and JSON, which is YAML here, so JSON specs get line numbers too) and keeps the
 * positions of every node. Syntax errors, empty and binary files and alias problems become
 * errors; only a bug (an error that no text explains) is thrown. With a cache, a text parsed
 * cleanly before is not parsed again.
 */
export function parseSpecText(
  file: string,
  text: string,
  limits: Limits = DEFAULT_LIMITS,
  cache: SpecCache | null = null,
): SpecDocument {
  if (Buffer.byteLength(text) > limits.fileBytes)
    return fail({ file, code: 'too_large', message: `the file is larger than ${describeLimit(limits, 'fileBytes')}` });
  if (text.includes('\u0000'))
    return fail({ file, code: 'binary', message: 'not a text file (it contains NUL bytes)' });
  const cached = cache?.read(text) ?? null;
  if (cached !== null) return { ok: true, ...cached };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) return syntaxFailure(file, text, doc, lineCounter);
  if (doc.contents === null) return fail({ file, code: 'empty', message: 'the file is empty' });
  const parsed = toData(file, doc, lineCounter, limits);
  if (!parsed.ok) return parsed;
  cache?.write(text, doc, parsed.data, lineCounter);
  const locate: Locate = (path, asKey = false) => {
    const node = findNode(doc.contents as Node, path, asKey);
    const offset = node.range?.[0] ?? 0;
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  return { ok: true, data: parsed.data, locate };
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
