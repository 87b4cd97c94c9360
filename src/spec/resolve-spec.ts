import { RawSpec } from './schema.js';
import type { Identity } from './identity.js';
import type { SpecError } from '../check/result.js';
import type { Locate } from './document.js';
import { describeIssue } from './describe-issue.js';
import { ResolveContext } from './resolve-context.js';
import { resolveDims, resolveVars, resolveWhere, type Declared } from './resolve-declarations.js';
import { resolveClaims } from './resolve-claims.js';

/** The outcome of resolving one file: an identity, or the errors that stop it. */
export type Resolved =
  | { readonly ok: true; readonly identity: Identity }
  | { readonly ok: false; readonly errors: readonly SpecError[] };

function describeRoot(data: unknown): string {
  if (Array.isArray(data)) return 'a list';
  if (data === null || typeof data !== 'object') return `${typeof data === 'string' ? 'text' : typeof data}`;
  return 'a mapping';
}

/**
 * Validates parsed data against the schema, then resolves names, shapes and expressions into an
 * {@link Identity}. All problems of a file are reported together; a file with any problem yields
 * no identity, so nothing half-checked is ever run.
 */
export function resolveSpec(file: string, data: unknown, locate: Locate): Resolved {
  const ctx = new ResolveContext(file, locate);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    ctx.error('root', `a spec must be a mapping with id, vars and claims, got ${describeRoot(data)}`, []);
    return { ok: false, errors: ctx.errors };
  }
  const parsed = RawSpec.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const d = describeIssue(issue);
      ctx.error(d.code, d.message, d.path, d.asKey);
    }
    return { ok: false, errors: ctx.errors };
  }
  const raw = parsed.data;
  const declared: Declared = new Map();
  const dims = resolveDims(ctx, raw, declared);
  const vars = resolveVars(ctx, raw, dims, declared);
  const where = resolveWhere(ctx, raw, declared);
  const claims = resolveClaims(ctx, raw.claims, { id: raw.id, declared, vars, dims });
  if (ctx.errors.length > 0) return { ok: false, errors: ctx.errors };
  const identity: Identity = {
    id: raw.id,
    title: raw.title ?? null,
    source: raw.source ?? null,
    latex: raw.latex ?? null,
    file,
    location: ctx.locate(['id']),
    dims, vars, where,
    trials: raw.trials ?? null,
    tolerance: { rtol: raw.tolerance?.rtol ?? null, atol: raw.tolerance?.atol ?? null },
    claims,
  };
  return { ok: true, identity };
}
