import type * as z from 'zod';
import { CLAIM_KINDS, allowedKeys } from './schema.js';
import { closest } from '../util/closest.js';
import type { SpecPath } from './document.js';

/** A schema problem in the spec author's words, with where to point. */
export interface DescribedIssue {
  /** zod's code for the issue, forwarded as the spec error's code. */
  readonly code: z.core.$ZodIssueCode;
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

/** What every description of one issue starts from. */
interface IssueContext {
  readonly path: SpecPath;
  /** The path as the messages name it, `claims[2].expect`. */
  readonly where: string;
  /** The value at the path (the issue was validated with `reportInput`). */
  readonly input: unknown;
  /** The issue, described at `path` unless told otherwise. */
  readonly at: (message: string, path?: SpecPath, asKey?: boolean) => DescribedIssue;
}

/** Words of other tools and notes for mcheck's keys, kinds and samples. */
const SYNONYMS: Readonly<Record<string, string>> = {
  variables: 'vars',
  var: 'vars',
  inputs: 'vars',
  expected: 'expect',
  expectation: 'expect',
  answer: 'expect',
  function: 'f',
  fn: 'f',
  with_respect_to: 'wrt',
  respect_to: 'wrt',
  dims_: 'dims',
  sizes: 'dims',
  backward: 'backprop',
  vjp: 'backprop',
  equals: 'equal',
  identity: 'equal',
  positive_definite: 'spd',
  posdef: 'spd',
  pd: 'spd',
  gaussian: 'normal',
  randn: 'normal',
  rand: 'uniform',
  sym: 'symmetric',
  ortho: 'orthogonal',
  lower_triangular: 'lower',
  upper_triangular: 'upper',
  antisymmetric: 'skew',
  skew_symmetric: 'skew',
};

/** ` (did you mean "expect"?)` for a word close to one of `known` (or another tool's word for it), else nothing. */
export function didYouMean(word: string, known: Iterable<string>): string {
  const all = [...known];
  const synonym = SYNONYMS[word.toLowerCase().replace(/[- ]/g, '_')];
  const near = synonym !== undefined && all.includes(synonym) ? [synonym] : closest(word, all);
  return near.length === 0 ? '' : ` (did you mean ${near.map((n) => JSON.stringify(n)).join(', ')}?)`;
}

/** `unknown key "titel"`, pointing at the (first) key, with the closest keys, and explaining a split expression. */
function describeUnknownKeys(issue: z.core.$ZodIssueUnrecognizedKeys, c: IssueContext): DescribedIssue {
  const keys = issue.keys.map((k) => JSON.stringify(k)).join(', ');
  const split = issue.keys.some(looksLikeSplitExpression) ? SPLIT : '';
  const known = allowedKeys(c.path, c.input);
  const near = split === '' && issue.keys.length === 1 ? didYouMean(issue.keys[0]!, known) : '';
  return c.at(
    `unknown key${issue.keys.length > 1 ? 's' : ''} ${keys}${c.where ? ` in ${c.where}` : ''}${near}${split}`,
    [...c.path, issue.keys[0]!],
    true,
  );
}

/** What a required key is for, said when it is missing. */
const KEY_HELP: Readonly<Record<string, string>> = {
  upstream: ' (the name expect reads the upstream gradient by, such as upstream: G)',
  wrt: ' (the var the claim differentiates by)',
  f: ' (the function the claim differentiates)',
  vars: ' (the random inputs: vars: { x: { shape: [n] } })',
  shape: ' ([] a scalar, [n] a vector, [m, n] a matrix)',
  lhs: ' (an equal claim compares lhs with rhs)',
};

/** A missing key, pointing at the mapping that lacks it. */
function describeMissing(c: IssueContext): DescribedIssue {
  const key = String(c.path[c.path.length - 1]);
  return c.at(`missing required key "${key}"${KEY_HELP[key] ?? ''}`, c.path.slice(0, -1));
}

/** The fix for a value of the wrong type where a habit explains it: a tuple for a shape, a mapping of claims. */
function typeFix(c: IssueContext): string {
  const last = c.path.at(-1);
  if (last === 'shape' && typeof c.input === 'string')
    return `; write the shape as a YAML list: shape: [${c.input.replace(/^[([]|[)\]]$/g, '').trim()}]`;
  if (last === 'claims' && c.input !== null && typeof c.input === 'object')
    return '; write claims as a YAML list, each claim starting with "- " on its own line (- name: dx)';
  if (last === 'wrt' && Array.isArray(c.input))
    return '; this kind takes one var: write one claim per var, or use kind: differential (wrt: [x, y]) for several';
  return '';
}

/** A value of the wrong type, or a missing key (zod reports those as `undefined` of a type). */
function describeInvalidType(issue: z.core.$ZodIssueInvalidType, c: IssueContext): DescribedIssue {
  if (c.input === undefined) return describeMissing(c);
  const fix = typeFix(c);
  return c.at(
    `${c.where || 'the spec'} must be ${A[issue.expected] ?? issue.expected}, got ${describeValue(c.input)}${fix}`,
  );
}

/**
 * A value that fits no alternative: the tail of a split expression (a key with no value), a
 * claim without a valid `kind`, a missing key, or a value that is neither expression nor range.
 */
function describeInvalidUnion(issue: z.core.$ZodIssueInvalidUnion, c: IssueContext): DescribedIssue {
  const last = c.path.at(-1);
  if ((c.input === undefined || c.input === null) && typeof last === 'string' && looksLikeSplitExpression(last))
    return c.at(`unexpected key "${last}"${SPLIT}`, c.path, true);
  if ((issue as { discriminator?: string }).discriminator !== undefined) {
    const kind = (c.input as { kind?: unknown } | undefined)?.kind;
    const list = CLAIM_KINDS.join(', ');
    if (kind === undefined) return c.at(`missing required key "kind" (one of ${list})`, c.path.slice(0, -1));
    const near = typeof kind === 'string' ? didYouMean(kind, CLAIM_KINDS) : '';
    return c.at(`kind must be one of ${list}, got ${describeValue(kind)}${near}`);
  }
  if (c.input === undefined) return describeMissing(c);
  const wanted =
    last === 'wrt'
      ? 'a var name, or a list of var names (two for a hessian: [x, y])'
      : c.path.includes('dims')
        ? 'a whole number or a range [min, max]'
        : 'an expression (text)';
  const range = typeof c.input === 'string' ? /^\s*(\d+)\s*(?:\.\.\.?|-|–|:|to)\s*(\d+)\s*$/.exec(c.input) : null;
  const fix = range === null ? '' : `; write the range as a list: [${range[1]}, ${range[2]}]`;
  return c.at(`${c.where} must be ${wanted}, got ${describeValue(c.input)}${fix}`);
}

/** A string of the wrong form: control characters in a name, or an id that is not kebab-case. */
function describeFormat(c: IssueContext): DescribedIssue {
  if (c.path.at(-1) === 'name') return c.at(`${c.where} must not contain control characters (newlines, escapes)`);
  return c.at(
    `${c.where} must be kebab-case (lowercase letters and digits joined by -), got ${describeValue(c.input)}`,
  );
}

/** Rewrites one zod issue (validated with `reportInput`) into a spec error message. */
export function describeIssue(issue: z.core.$ZodIssue): DescribedIssue {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const c: IssueContext = {
    path,
    where: dotPath(path),
    input: (issue as { input?: unknown }).input,
    at: (message, p = path, asKey = false) => ({ code: issue.code, message, path: p, asKey }),
  };
  switch (issue.code) {
    case 'unrecognized_keys':
      return describeUnknownKeys(issue, c);
    case 'invalid_type':
      return describeInvalidType(issue, c);
    case 'invalid_union':
      return describeInvalidUnion(issue, c);
    case 'invalid_value': {
      const near = typeof c.input === 'string' ? didYouMean(c.input, issue.values.map(String)) : '';
      return c.at(
        `${c.where} must be one of ${issue.values.map(String).join(', ')}, got ${describeValue(c.input)}${near}`,
      );
    }
    case 'too_small':
    case 'too_big':
      return c.at(describeBound(issue, c.where, c.input));
    case 'invalid_format':
      return describeFormat(c);
    default:
      return c.at(`${c.where}: ${issue.message}`);
  }
}
