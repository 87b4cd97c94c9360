import { RawSpec } from './schema.js';
import type { Identity } from './identity.js';
import type { SpecError } from './spec-error.js';
import type { Locate } from './document.js';
import type * as z from 'zod';
import { describeIssue, dotPath, looksLikeSplitExpression } from './describe-issue.js';
import { invalidName, type NameRole } from './names.js';
import { ResolveContext } from './resolve-context.js';
import { DEFAULT_LIMITS, type Limits } from '../limits.js';
import { resolveDims, resolveVars, resolveWhere, type Declared } from './resolve-declarations.js';
import { resolveClaims } from './resolve-claims.js';

/** The outcome of resolving one file: an identity, or the errors that stop it. */
export type Resolved =
  { readonly ok: true; readonly identity: Identity } | { readonly ok: false; readonly errors: readonly SpecError[] };

function describeRoot(data: unknown): string {
  if (Array.isArray(data)) return 'a list';
  if (data === null || typeof data !== 'object') return `${typeof data === 'string' ? 'text' : typeof data}`;
  return 'a mapping';
}

const ROLES: Record<string, NameRole> = { vars: 'var', where: 'where name', dims: 'dims symbol' };

/**
 * Reports every mapping key `__proto__`: the schema's records would drop it silently (it is no
 * ordinary property), so it would neither be refused nor used.
 */
export function reportReservedKeys(ctx: ResolveContext, value: unknown, path: (string | number)[]): void {
  if (value === null || typeof value !== 'object') return;
  for (const key of Object.keys(value)) {
    if (key === '__proto__') {
      const role = path.length === 1 ? ROLES[String(path[0])] : undefined;
      const message =
        role !== undefined
          ? invalidName(key, role)!
          : `"__proto__" is a reserved word${path.length ? ` (in ${dotPath(path)})` : ''}`;
      ctx.error('name', message, [...path, key], true);
    }
    const child = (value as Record<string, unknown>)[key];
    reportReservedKeys(ctx, child, [...path, Array.isArray(value) ? Number(key) : key]);
  }
}

/** A copy of `data` without the keys that unknown-key issues name. */
function withoutUnknownKeys(data: unknown, issues: readonly z.core.$ZodIssue[]): unknown {
  const copy = structuredClone(data);
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    let node = copy as Record<string | number, unknown>;
    for (const step of issue.path) node = node[step as string | number] as Record<string | number, unknown>;
    for (const key of issue.keys) delete node[key];
  }
  return copy;
}

/**
 * Checks data against the schema and records every issue. When the only issues are unknown keys,
 * the data without them is checked again and returned, so that names and expressions are still
 * checked and all of a file's problems are reported in one run.
 */
export function validate<T>(ctx: ResolveContext, schema: z.ZodType<T>, data: unknown): T | null {
  const parsed = schema.safeParse(data, { reportInput: true });
  if (parsed.success) return ctx.errors.length === 0 ? parsed.data : null;
  for (const issue of parsed.error.issues) {
    const d = describeIssue(issue);
    ctx.error(d.code, d.message, d.path, d.asKey);
  }
  // A key that is the tail of an expression cut at a comma leaves that expression cut too:
  // checking it would only report the same mistake again.
  const onlyUnknownKeys = parsed.error.issues.every(
    (i) => i.code === 'unrecognized_keys' && !i.keys.some(looksLikeSplitExpression),
  );
  if (!onlyUnknownKeys) return null;
  const retry = schema.safeParse(withoutUnknownKeys(data, parsed.error.issues));
  return retry.success ? retry.data : null;
}

/**
 * Validates parsed data against the schema, then resolves names, shapes and expressions into an
 * {@link Identity}. The problems of a file are reported together (a structural problem other than
 * an unknown key stops the name and expression checks, which need the structure); a file with any
 * problem yields no identity, so nothing half-checked is ever run.
 */
export function resolveSpec(file: string, data: unknown, locate: Locate, limits: Limits = DEFAULT_LIMITS): Resolved {
  const ctx = new ResolveContext(file, locate, limits);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    ctx.error('root', `a spec must be a mapping with id, vars and claims, got ${describeRoot(data)}`, []);
    return { ok: false, errors: ctx.errors };
  }
  reportReservedKeys(ctx, data, []);
  const raw = validate(ctx, RawSpec, data);
  if (raw === null) return { ok: false, errors: ctx.errors };
  const declared: Declared = new Map();
  const dims = resolveDims(ctx, raw, declared);
  const vars = resolveVars(ctx, raw, dims, declared);
  const where = resolveWhere(ctx, raw, declared);
  const question = raw.question ?? false;
  const { claims, open } = resolveClaims(ctx, raw.claims, { id: raw.id, declared, vars, dims, question });
  if (ctx.errors.length > 0) return { ok: false, errors: ctx.errors };
  const identity: Identity = {
    id: raw.id,
    title: raw.title ?? null,
    source: raw.source ?? null,
    latex: raw.latex ?? null,
    file,
    location: ctx.locate(['id']),
    dims,
    vars,
    where,
    trials: raw.trials ?? null,
    tolerance: { rtol: raw.tolerance?.rtol ?? null, atol: raw.tolerance?.atol ?? null },
    toleranceLocation: ctx.locate(raw.tolerance === undefined ? ['id'] : ['tolerance']),
    claims,
    question,
    open,
  };
  return { ok: true, identity };
}
