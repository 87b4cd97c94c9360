import type * as z from 'zod';
import { CLAIM_KINDS } from './schema.js';
import type { SpecPath } from './document.js';

/** A schema problem in the spec author's words, with where to point. */
export interface DescribedIssue {
  readonly code: string;
  readonly message: string;
  readonly path: SpecPath;
  /** Point at the key rather than its value (unknown keys). */
  readonly asKey: boolean;
}

/** `claims[2].expect`, the way the messages name a place. */
export function dotPath(path: SpecPath): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s === '' ? p : `${s}.${p}`), '');
}

function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

/** Why a key such as `1)` appears: YAML cut a flow mapping at a comma inside an expression. */
const SPLIT =
  ': a comma inside { ... } ends a YAML entry, so the expression was cut there; write the mapping in block style or quote the expression';

/** True for a key that can only come from an expression split at a comma by a flow mapping. */
export function looksLikeSplitExpression(key: string): boolean {
  return /[()[\]*+'/^]|^\s*-?\d/.test(key);
}

const A: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  object: 'a mapping',
  array: 'a list',
  tuple: 'a list',
};

/** A size or value out of bounds: `claims needs at least 1 entry`, `trials must be ≤ 1000, got 5000`. */
function describeBound(
  issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig,
  where: string,
  input: unknown,
): string {
  const small = issue.code === 'too_small';
  const bound = small ? (issue as z.core.$ZodIssueTooSmall).minimum : (issue as z.core.$ZodIssueTooBig).maximum;
  if (issue.origin === 'array') {
    return small
      ? `${where} needs at least ${bound} entr${Number(bound) === 1 ? 'y' : 'ies'}`
      : `${where} has more than ${bound} entries`;
  }
  const rel = small ? (issue.inclusive ? '≥' : '>') : issue.inclusive ? '≤' : '<';
  return `${where} must be ${rel} ${bound}, got ${describeValue(input)}`;
}

/** Rewrites one zod issue (validated with `reportInput`) into a spec error message. */
export function describeIssue(issue: z.core.$ZodIssue): DescribedIssue {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const where = dotPath(path);
  const input = (issue as { input?: unknown }).input;
  const at = (message: string, p: SpecPath = path, asKey = false): DescribedIssue => ({
    code: issue.code,
    message,
    path: p,
    asKey,
  });
  switch (issue.code) {
    case 'unrecognized_keys': {
      const keys = issue.keys.map((k) => JSON.stringify(k)).join(', ');
      const split = issue.keys.some(looksLikeSplitExpression) ? SPLIT : '';
      return at(
        `unknown key${issue.keys.length > 1 ? 's' : ''} ${keys}${where ? ` in ${where}` : ''}${split}`,
        [...path, issue.keys[0]!],
        true,
      );
    }
    case 'invalid_type':
      if (input === undefined) return at(`missing required key "${path[path.length - 1]}"`, path.slice(0, -1));
      return at(`${where || 'the spec'} must be ${A[issue.expected] ?? issue.expected}, got ${describeValue(input)}`);
    case 'invalid_union':
      if (
        (input === undefined || input === null) &&
        typeof path.at(-1) === 'string' &&
        looksLikeSplitExpression(String(path.at(-1)))
      ) {
        return at(`unexpected key "${String(path.at(-1))}"${SPLIT}`, path, true);
      }
      if ((issue as { discriminator?: string }).discriminator !== undefined) {
        const kind = (input as { kind?: unknown } | undefined)?.kind;
        const list = CLAIM_KINDS.join(', ');
        if (kind === undefined) return at(`missing required key "kind" (one of ${list})`, path.slice(0, -1));
        return at(`kind must be one of ${list}, got ${describeValue(kind)}`);
      }
      if (input === undefined) return at(`missing required key "${path[path.length - 1]}"`, path.slice(0, -1));
      return at(
        `${where} must be ${path.includes('dims') ? 'a whole number or a range [min, max]' : 'an expression (text)'}, got ${describeValue(input)}`,
      );
    case 'invalid_value':
      return at(`${where} must be one of ${issue.values.map(String).join(', ')}, got ${describeValue(input)}`);
    case 'too_small':
    case 'too_big':
      return at(describeBound(issue, where, input));
    case 'invalid_format':
      if (path.at(-1) === 'name') return at(`${where} must not contain control characters (newlines, escapes)`);
      return at(`${where} must be kebab-case (lowercase letters and digits joined by -), got ${describeValue(input)}`);
    default:
      return at(`${where}: ${issue.message}`);
  }
}
