import { type Mat, scalar } from '../../linalg/mat.js';
import type { KinkTrace } from '../../expr/kink-trace.js';
import type { Evaluator } from '../../expr/compile.js';
import { MathError, isDomainError } from '../../errors.js';
import type { Identity, WhereSpec } from '../../spec-file/identity.js';
import type { Draw } from './draw.js';

/**
 * The full scope of a draw: dims (as numbers), vars, with `replace` overriding one var, then the
 * `where` values computed in order from them.
 */
export function scopeOf(
  identity: Identity,
  draw: Draw,
  trace: KinkTrace | null,
  replace: { readonly name: string; readonly value: Mat } | null = null,
): Map<string, Mat> {
  return scopeMaker(identity, draw)(replace === null ? [] : [[replace.name, replace.value]], trace);
}

/** The `where` values of an identity, in order: all a scope needs beyond the draw. */
export interface WhereValues {
  readonly where: readonly {
    readonly name: string;
    /** Its evaluator, and the names it reads (a worker's rebuilt where values read only the draw's). */
    readonly expr: { readonly evaluate: Evaluator; readonly names?: ReadonlySet<string> };
  }[];
}

/** Vars replaced in a scope, by name. */
export type Replacements = readonly (readonly [name: string, value: Mat])[];

/** Builds the scope of one draw with some vars replaced; see {@link scopeMaker}. */
export type ScopeMaker = (replace: Replacements, trace: KinkTrace | null) => Map<string, Mat>;

/**
 * The scopes of one draw, for the thousands of finite-difference evaluations of a trial: dims and
 * vars are entered once, and each call sets the replaced vars and recomputes the `where` values
 * in order, so a `where` value always follows the perturbed var. Every call returns the same
 * map, changed: it is good until the next call.
 */
export function scopeMaker(identity: WhereValues, draw: Draw): ScopeMaker {
  const scope = new Map<string, Mat>();
  for (const [name, value] of draw.dims) scope.set(name, scalar(value));
  for (const [name, value] of draw.vars) scope.set(name, value);
  const outside = outsideNames(identity, scope);
  let replaced: Replacements = [];
  return (replace, trace) => {
    for (const [name] of replaced) scope.set(name, draw.vars.get(name)!);
    replaced = replace;
    for (const [name, value] of replace) scope.set(name, value);
    for (const [i, w] of identity.where.entries()) {
      // A where value that reads a backprop upstream exists only where that upstream is given.
      const needs = outside[i]!;
      if (needs.length > 0 && needs.some((n) => !scope.has(n))) continue;
      try {
        scope.set(w.name, w.expr.evaluate(scope, trace));
      } catch (error) {
        if (isDomainError(error)) throw new MathError(`where ${w.name}: ${error.message}`);
        throw error;
      }
    }
    return scope;
  };
}

/**
 * For each `where` value, the names it reads, directly or through earlier ones, that neither the
 * draw nor a `where` value gives: a backprop claim's upstream, which only that claim's expect
 * puts in scope. Usually none, so the scopes of a trial cost no check.
 */
function outsideNames(identity: WhereValues, scope: ReadonlyMap<string, Mat>): string[][] {
  const whereNames = new Set(identity.where.map((w) => w.name));
  const needs = new Map<string, string[]>();
  return identity.where.map((w) => {
    const own = [...(w.expr.names ?? [])].flatMap((n) =>
      scope.has(n) ? [] : whereNames.has(n) ? (needs.get(n) ?? []) : [n],
    );
    const all = [...new Set(own)];
    needs.set(w.name, all);
    return all;
  });
}

/**
 * The `where` values an expression that reads `reads` needs, directly or through other `where`
 * values, in their order. An objective evaluated thousands of times computes only these: a
 * helper that only expect reads (a relu mask, a layer-sized product) would cost as much as f.
 */
export function whereNeeded(where: readonly WhereSpec[], reads: ReadonlySet<string>): WhereSpec[] {
  const needed = new Set(reads);
  const out: WhereSpec[] = [];
  // Backwards: a where value reads only names declared before it.
  for (let i = where.length - 1; i >= 0; i--) {
    const w = where[i]!;
    if (!needed.has(w.name)) continue;
    out.push(w);
    for (const name of w.expr.names) needed.add(name);
  }
  return out.reverse();
}
