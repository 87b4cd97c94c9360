import { compileExpression } from '../../expr/compile.js';
import type { Claim, Expression } from '../../spec-file/identity.js';

/** An occurrence of a var in an expression's source: where it starts, 0-based. */
interface Occurrence {
  readonly name: string;
  readonly at: number;
}

/** The analytic side of a claim: `rhs` of an equal claim, else `expect`. */
function analyticOf(claim: Claim): Expression {
  return claim.kind === 'equal' ? claim.rhs : claim.expect;
}

/** The claim with another analytic side. */
function withAnalytic(claim: Claim, expr: Expression): Claim {
  return claim.kind === 'equal' ? { ...claim, rhs: expr } : { ...claim, expect: expr };
}

/** Every place `names` occur as names in `source` (not as part of a longer name or a call). */
function occurrences(source: string, names: readonly string[]): Occurrence[] {
  const out: Occurrence[] = [];
  for (const m of source.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) {
    const next = source.slice(m.index + m[0].length).trimStart()[0];
    if (names.includes(m[0]) && next !== '(' && source[m.index - 1] !== '.') out.push({ name: m[0], at: m.index });
  }
  return out;
}

/** `source` with the given occurrences transposed. */
function transposed(source: string, at: readonly Occurrence[]): string {
  let out = source;
  for (const o of [...at].sort((a, b) => b.at - a.at)) {
    out = `${out.slice(0, o.at)}(${o.name}')${out.slice(o.at + o.name.length)}`;
  }
  return out;
}

/** A variant of a claim's analytic side, and how to say what it changes. */
export interface Variant {
  readonly claim: Claim;
  readonly says: string;
}

/**
 * Variants of the claim whose analytic side has a transpose where a var's value is used: one
 * occurrence at a time, every occurrence of one var, and the symmetrised form (e + e with the vars
 * transposed) / 2, which is right exactly when what differs changes sign under A → A' (the
 * missing A' of 2Ax for the gradient of x'Ax). A symmetric-only failure is a missing transpose when
 * one of these passes on general inputs.
 */
export function transposeVariants(claim: Claim, vars: readonly string[]): Variant[] {
  const analytic = analyticOf(claim);
  const side = claim.kind === 'equal' ? 'rhs' : 'expect';
  const found = occurrences(analytic.source, vars);
  const tries: { source: string; says: string }[] = found.map((o, k) => ({
    source: transposed(analytic.source, [o]),
    says: `it passes with ${o.name}' in place of the ${ordinal(found.filter((f, j) => f.name === o.name && j <= k).length)} ${o.name} of ${side}`,
  }));
  for (const name of vars) {
    const all = found.filter((o) => o.name === name);
    if (all.length > 1)
      tries.push({
        source: transposed(analytic.source, all),
        says: `it passes with ${name}' in place of every ${name} of ${side}`,
      });
  }
  if (found.length > 0) {
    tries.push({
      source: `((${analytic.source}) + (${transposed(analytic.source, found)})) / 2`,
      says: `${side} is right for the symmetric part and off by a term that changes sign when the inputs are transposed (as 2Ax is, for the gradient (A + A')x of x'Ax)`,
    });
  }
  return tries.flatMap(({ source, says }) => {
    const compiled = compileExpression(source, analytic.names, Infinity);
    if (!compiled.ok) return [];
    return [{ claim: withAnalytic(claim, { ...analytic, source, evaluate: compiled.evaluate }), says }];
  });
}

function ordinal(n: number): string {
  return n === 1 ? '1st' : n === 2 ? '2nd' : n === 3 ? '3rd' : `${n}th`;
}
