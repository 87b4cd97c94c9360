import { isAlias, isNode, visit, type Document } from 'yaml';

/** A failure of yaml's `toJS` that concerns aliases, and where it stands in the text. */
export interface AliasError {
  /** `aliases`: the limit on expanded aliases was reached; `unresolved_alias`: an anchor is missing. */
  readonly code: 'aliases' | 'unresolved_alias';
  /** yaml's own message. */
  readonly message: string;
  /** Offset in the text of the alias at fault, or null when the error is about the whole file. */
  readonly offset: number | null;
}

// yaml has no error class for these: `Alias.resolve` and `Alias.toJSON` throw plain
// ReferenceErrors, told apart only by their messages. The second one is what a limit of 0 gives.
const LIMIT_MESSAGES = ['Excessive alias count indicates a resource exhaustion attack', 'Alias resolution is disabled'];
const UNRESOLVED = /^Unresolved alias \(the anchor must be set before the alias\): /;

/**
 * The offset of the first alias whose anchor is not defined before it, in yaml's visiting order
 * (the order in which `Alias.resolve` looks anchors up), or null when every alias resolves.
 */
function unresolvedAliasOffset(doc: Document): number | null {
  const anchors = new Set<string>();
  let offset: number | null = null;
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node) && !anchors.has(node.source)) {
        offset = node.range?.[0] ?? null;
        return visit.BREAK;
      }
      if (isNode(node) && node.anchor !== undefined) anchors.add(node.anchor);
      return undefined;
    },
  });
  return offset;
}

/**
 * What `error`, thrown by `doc.toJS`, says about the document's aliases; null when it is about
 * something else, which is then not an alias problem and must not be reported as one.
 */
export function aliasError(error: unknown, doc: Document): AliasError | null {
  if (!(error instanceof ReferenceError)) return null;
  if (LIMIT_MESSAGES.includes(error.message)) return { code: 'aliases', message: error.message, offset: null };
  if (UNRESOLVED.test(error.message))
    return { code: 'unresolved_alias', message: error.message, offset: unresolvedAliasOffset(doc) };
  return null;
}
