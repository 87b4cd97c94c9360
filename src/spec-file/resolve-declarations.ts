import { didYouMean } from './describe-issue.js';
import { RANGED_KINDS, SQUARE_KINDS, type SampleKind } from '../numeric/samplers.js';
import type { RawSpecShell } from './schema.js';
import type { DimSpec, ShapeEntry, VarSpec, WhereSpec } from './identity.js';
import { invalidName, type NameRole } from './names.js';
import { parseSize } from './size-expression.js';
import type { ResolveContext } from './resolve-context.js';
import type { SpecPath } from './document.js';
import { describeLimit } from '../limits.js';

/** The declared names of a spec and what each one is. */
export type Declared = Map<string, NameRole>;

/** A name about to be declared: what it names and where it is written. */
interface Declaration {
  readonly name: string;
  readonly role: NameRole;
  readonly path: SpecPath;
}

/** Adds a name to `declared`, or reports why it cannot be one (invalid, or declared before). */
function declare(ctx: ResolveContext, declared: Declared, { name, role, path }: Declaration): boolean {
  const invalid = invalidName(name, role);
  if (invalid !== null) {
    ctx.error('name', invalid, path, true);
    return false;
  }
  const previous = declared.get(name);
  if (previous !== undefined) {
    ctx.error('name', `${role} "${name}" is already declared as a ${previous}`, path, true);
    return false;
  }
  declared.set(name, role);
  return true;
}

/** `dims:` → DimSpec[]; ranges must be increasing and within the dim limit. */
export function resolveDims(ctx: ResolveContext, raw: RawSpecShell, declared: Declared): DimSpec[] {
  const dims: DimSpec[] = [];
  for (const [name, value] of Object.entries(raw.dims ?? {})) {
    if (!declare(ctx, declared, { name, role: 'dims symbol', path: ['dims', name] })) continue;
    ctx.dimsNames.add(name);
    const [min, max] = typeof value === 'number' ? [value, value] : value;
    if (min > max) ctx.error('dims', `dims ${name}: the range [${min}, ${max}] is empty (min > max)`, ['dims', name]);
    else if (max > ctx.limits.dim)
      ctx.error('limit', `dims ${name}: ${max} exceeds ${describeLimit(ctx.limits, 'dim')}`, ['dims', name]);
    else dims.push({ name, min, max });
  }
  return dims;
}

/** The smallest and largest value of a shape entry over the dims ranges. */
export function sizeBounds(entry: ShapeEntry, dims: readonly DimSpec[]): readonly [number, number] {
  if (typeof entry === 'number') return [entry, entry];
  const d = dims.find((x) => x.name === entry);
  if (d !== undefined) return [d.min, d.max];
  const size = parseSize(entry);
  return size === null ? [1, 1] : size.bounds(new Map(dims.map((x) => [x.name, [x.min, x.max] as const])));
}

/** The fixed value of a shape entry, or null when it is drawn from a range. */
function fixedSize(entry: ShapeEntry, dims: readonly DimSpec[]): number | null {
  const [lo, hi] = sizeBounds(entry, dims);
  return lo === hi ? lo : null;
}

/** True when the shape is square on every draw. */
function alwaysSquare(shape: readonly ShapeEntry[], dims: readonly DimSpec[]): boolean {
  if (shape.length === 0) return true;
  const [a, b] = [shape[0]!, shape[1] ?? 1];
  if (a === b) return true;
  const fa = fixedSize(a, dims);
  return fa !== null && fa === fixedSize(b, dims);
}

/** A var's shape, with what its entries may name. */
interface ShapeToCheck {
  /** The var's name. */
  readonly name: string;
  readonly shape: readonly ShapeEntry[];
  /** The dims that were accepted. */
  readonly dims: readonly DimSpec[];
  readonly declared: Declared;
}

/**
 * Why a shape entry that is no dims symbol cannot be a size (not integer arithmetic of dims
 * symbols, or a value below 1 on some draw); null when it can; undefined when it reads a dims
 * symbol that was refused (its own error says why).
 */
function sizeProblem(
  entry: string,
  dims: readonly DimSpec[],
  declared: Declared,
): { code: 'shape'; message: string } | null | undefined {
  const list = dims.length ? ` (dims: ${dims.map((d) => d.name).join(', ')})` : '';
  const size = parseSize(entry);
  if (size === null)
    return {
      code: 'shape',
      message: `shape entry "${entry}" is not a dims symbol${list} or integer arithmetic of them (n - 1, 2 * n)`,
    };
  const unknown = [...size.symbols].filter((s) => !dims.some((d) => d.name === s));
  if (unknown.some((s) => declared.get(s) === 'dims symbol')) return undefined;
  if (unknown.length > 0) {
    const which = unknown[0] === entry.trim() ? '' : `: "${unknown[0]}"`;
    const near = didYouMean(
      unknown[0]!,
      dims.map((d) => d.name),
    );
    return { code: 'shape', message: `shape entry "${entry}"${which} is not a dims symbol${near}${list}` };
  }
  const [lo] = sizeBounds(entry, dims);
  if (lo < 1) {
    const ranges = [...size.symbols]
      .map((s) => {
        const d = dims.find((x) => x.name === s)!;
        return `${s} in [${d.min}, ${d.max}]`;
      })
      .join(', ');
    return { code: 'shape', message: `shape entry "${entry}" can be ${lo} (${ranges}); every size must be at least 1` };
  }
  return null;
}

/** True when every entry of the shape is an accepted dims symbol or a size within the dim limit. */
function checkShape(ctx: ResolveContext, { name, shape, dims, declared }: ShapeToCheck): boolean {
  for (const [i, entry] of shape.entries()) {
    // A dims symbol that was declared but refused has its own error already.
    if (typeof entry === 'string' && declared.get(entry) === 'dims symbol' && !dims.some((d) => d.name === entry))
      return false;
    if (typeof entry === 'string' && !dims.some((d) => d.name === entry)) {
      const problem = sizeProblem(entry, dims, declared);
      if (problem === undefined) return false;
      if (problem !== null) {
        ctx.error(problem.code, `var ${name}: ${problem.message}`, ['vars', name, 'shape', i]);
        return false;
      }
      const [, hi] = sizeBounds(entry, dims);
      if (hi > ctx.limits.dim) {
        ctx.error('limit', `var ${name}: "${entry}" can be ${hi}, over ${describeLimit(ctx.limits, 'dim')}`, [
          'vars',
          name,
          'shape',
          i,
        ]);
        return false;
      }
    }
    if (typeof entry === 'number' && entry > ctx.limits.dim) {
      ctx.error('limit', `var ${name}: size ${entry} exceeds ${describeLimit(ctx.limits, 'dim')}`, [
        'vars',
        name,
        'shape',
        i,
      ]);
      return false;
    }
  }
  return true;
}

/** Why a var's `range` cannot be used with its sample, or null. */
function rangeProblem(range: readonly [number, number] | undefined, sample: SampleKind): string | null {
  if (range === undefined) return null;
  if (!RANGED_KINDS.has(sample)) return `range is for uniform and positive vars, not ${sample}`;
  const [a, b] = range;
  if (!(a < b)) return `range [${a}, ${b}] is empty: it needs a < b`;
  if (sample === 'positive' && !(a > 0)) return `a positive var's range needs 0 < a, got [${a}, ${b}]`;
  return null;
}

/** Why an orthonormal var's shape may have more columns than rows on some draw, or null. */
function tallProblem(shape: readonly ShapeEntry[], dims: readonly DimSpec[], sample: SampleKind): string | null {
  if (sample !== 'orthonormal') return null;
  const bounds = (e: ShapeEntry | undefined): readonly [number, number] =>
    e === undefined ? [1, 1] : sizeBounds(e, dims);
  const [rows, cols] = [bounds(shape[0]), bounds(shape[1])];
  if (shape[0] === shape[1] || rows[0] >= cols[1]) return null;
  return `sample orthonormal needs at least as many rows as columns on every draw; [${shape.join(', ')}] can have rows ${rows[0]} < columns ${cols[1]}`;
}

/** `vars:` → VarSpec[]; shapes name declared dims, square-only samples get square shapes. */
export function resolveVars(
  ctx: ResolveContext,
  raw: RawSpecShell,
  dims: readonly DimSpec[],
  declared: Declared,
): VarSpec[] {
  const vars: VarSpec[] = [];
  const entries = Object.entries(raw.vars);
  if (entries.length === 0) ctx.error('vars', 'vars needs at least one var', ['vars'], true);
  for (const [name, v] of entries) {
    if (!declare(ctx, declared, { name, role: 'var', path: ['vars', name] })) continue;
    if (!checkShape(ctx, { name, shape: v.shape, dims, declared })) continue;
    const sample: SampleKind = v.sample ?? 'normal';
    const square = v.shape.length === 2 && alwaysSquare(v.shape, dims);
    if (SQUARE_KINDS.has(sample) && !alwaysSquare(v.shape, dims)) {
      ctx.error('sample', `var ${name}: sample ${sample} needs a square shape, got [${v.shape.join(', ')}]`, [
        'vars',
        name,
        'sample',
      ]);
      continue;
    }
    const problem = rangeProblem(v.range, sample) ?? tallProblem(v.shape, dims, sample);
    if (problem !== null) {
      ctx.error('sample', `var ${name}: ${problem}`, ['vars', name, v.range !== undefined ? 'range' : 'sample']);
      continue;
    }
    const vector = v.shape.length < 2 || v.shape[0] === 1 || v.shape[1] === 1;
    vars.push({ name, shape: v.shape, sample, square, vector, range: v.range ?? null });
  }
  return vars;
}

/**
 * `where:` → WhereSpec[], each compiled against the names declared before it and the upstream
 * names of the backprop claims (a value that reads one exists only in that claim's expect).
 */
export function resolveWhere(
  ctx: ResolveContext,
  raw: RawSpecShell,
  declared: Declared,
  upstreams: ReadonlySet<string>,
): WhereSpec[] {
  const where: WhereSpec[] = [];
  for (const [name, source] of Object.entries(raw.where ?? {})) {
    const names = new Set([...declared.keys(), ...upstreams]);
    if (!declare(ctx, declared, { name, role: 'where name', path: ['where', name] })) continue;
    const expr = ctx.compile(source, names, ['where', name]);
    if (expr !== null) where.push({ name, expr });
    if (expr?.complex === true) ctx.complexNames.add(name);
  }
  return where;
}
