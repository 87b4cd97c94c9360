import { RawSpecShell } from './schema.js';
import type { Identity } from './identity.js';
import type { SpecError } from './spec-error.js';
import type { Locate } from './document.js';
import { dotPath } from './describe-issue.js';
import { validate } from './validate.js';
import { invalidName, type NameRole } from './names.js';
import { ResolveContext } from './resolve-context.js';
import { DEFAULT_LIMITS, type Limits } from '../limits.js';
import { resolveDims, resolveVars, resolveWhere, type Declared } from './resolve-declarations.js';
import { resolveClaims } from './resolve-claims.js';
import { upstreamNamesOf } from './upstream-reads.js';

/**
 * The outcome of resolving one file: an identity with the errors of the claims it leaves out (a
 * broken claim is an error of its own, the other claims still run), or the errors that stop the
 * whole file (YAML, the dims, the vars, a `where`: every claim reads them).
 */
export type Resolved =
  | { readonly ok: true; readonly identity: Identity; readonly errors: readonly SpecError[] }
  | { readonly ok: false; readonly errors: readonly SpecError[] };

/** True for an error inside one claim, `claims[i]...`: it stops that claim alone. */
function inClaim(error: SpecError): boolean {
  return error.path[0] === 'claims' && typeof error.path[1] === 'number';
}

/** The names claims are given as written, before any checking: errors name a claim by its name. */
function claimNamesOf(data: object): ReadonlyMap<number, string> {
  const claims = (data as { claims?: unknown }).claims;
  const names = new Map<number, string>();
  if (!Array.isArray(claims)) return names;
  claims.forEach((c: unknown, i) => {
    const name = (c as { name?: unknown } | null)?.name;
    // eslint-disable-next-line no-control-regex
    if (typeof name === 'string' && name !== '' && !/[\u0000-\u001f\u007f]/.test(name)) names.set(i, name);
  });
  return names;
}

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

/** The identity of a validated spec: its declarations, then its claims, each on its own. */
function resolveIdentity(ctx: ResolveContext, raw: RawSpecShell): Identity {
  const declared: Declared = new Map();
  const dims = resolveDims(ctx, raw, declared);
  const vars = resolveVars(ctx, raw, dims, declared);
  const upstreams = upstreamNamesOf(raw.claims, new Set([...declared.keys(), ...Object.keys(raw.where ?? {})]));
  const where = resolveWhere(ctx, raw, declared, upstreams);
  const question = raw.question ?? false;
  const scope = { id: raw.id, declared, vars, dims, question, where, upstreams };
  const { claims, open } = resolveClaims(ctx, raw.claims, scope);
  return {
    id: raw.id,
    title: raw.title ?? null,
    source: raw.source ?? null,
    latex: raw.latex ?? null,
    file: ctx.file,
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
}

/**
 * Validates parsed data against the schema, then resolves names, shapes and expressions into an
 * {@link Identity}. The problems of a file are reported together (a structural problem other than
 * an unknown key stops the name and expression checks, which need the structure). A problem of
 * the file as a whole yields no identity; a problem inside a claim leaves that claim out, and the
 * identity keeps the others, so nothing half-checked is ever run and nothing sound is lost.
 */
export function resolveSpec(file: string, data: unknown, locate: Locate, limits: Limits = DEFAULT_LIMITS): Resolved {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const ctx = new ResolveContext(file, locate, limits);
    ctx.error('root', `a spec must be a mapping with id, vars and claims, got ${describeRoot(data)}`, []);
    return { ok: false, errors: ctx.errors };
  }
  const ctx = new ResolveContext(file, locate, limits, claimNamesOf(data));
  reportReservedKeys(ctx, data, []);
  // A reserved key outside the claims is dropped by the schema: what is left is not what was written.
  const reserved = ctx.errors.some((e) => !inClaim(e));
  const raw = validate(ctx, RawSpecShell, data);
  if (raw === null || reserved) return { ok: false, errors: ctx.errors };
  const identity = resolveIdentity(ctx, raw);
  const fileErrors = ctx.errors.some((e) => !inClaim(e));
  if (fileErrors || identity.claims.length + identity.open.length === 0) return { ok: false, errors: ctx.errors };
  return { ok: true, identity, errors: ctx.errors };
}
