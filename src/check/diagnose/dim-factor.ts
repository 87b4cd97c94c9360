import { kindOf } from '../kinds/kinds.js';
import type { ClaimPlan } from '../plan/claim-plan.js';
import type { TrialRecord } from '../trial/run-trials.js';
import { type Pair, fittedFactor, formatFactor, matchesEvery, scaled } from './pairs.js';

/** The powers of a dim a forgotten factor usually is: N, 1/N, N², 1/N², √d, 1/√d. */
const POWERS = [1, -1, 2, -2, 0.5, -0.5] as const;

/** `N`, `1/N`, `N²`, `√d`, `1/√d`, times a constant where it is not 1: `2·N`. */
function sayFactor(constant: number, dim: string, power: number): string {
  const base = Math.abs(power) === 2 ? `${dim}²` : Math.abs(power) === 0.5 ? `√${dim}` : dim;
  const inverted = power < 0;
  if (constant === 1) return inverted ? `1/${base}` : base;
  const c = formatFactor(constant);
  return inverted ? `${c}/${base}` : `${c}·${base}`;
}

/** True when c_k = C · v_k^p on every trial, to the precision the factors were fitted to. */
function follows(factors: readonly number[], values: readonly number[], constant: number, power: number): boolean {
  return factors.every((c, k) => Math.abs(c - constant * values[k]! ** power) <= 1e-6 * Math.abs(c));
}

/** The constant C of c = C · v^p, rounded to a simple fraction when it is one (1, 2, 1/2). */
function constantOf(factor: number, value: number, power: number): number {
  const c = factor / value ** power;
  const nice = formatFactor(c);
  const [p, q] = nice.split('/').map(Number);
  return nice.includes('.') || nice.includes('e') ? c : p! / (q ?? 1);
}

/**
 * A factor that grows or shrinks with a dim: on every trial the analytic value is off by c_k, and
 * c_k = C · d^p for one dims symbol d that took different values across the trials (so a fixed
 * factor is not mistaken for one) and a power p among {@link POWERS}. "the numeric gradient is
 * 1/N × expect: a missing factor 1/N in expect?" is the forgotten mean, √d the forgotten scaling.
 */
export function dimFactorHint(plan: ClaimPlan, pairs: readonly Pair[], records: readonly TrialRecord[]): string | null {
  const factors = pairs.map(fittedFactor);
  if (factors.some((c) => c === null || Math.abs(c) < 1e-9)) return null;
  const cs = factors as number[];
  if (!matchesEvery(pairs, plan.criterion, (a, k) => scaled(a, cs[k]!))) return null;
  for (const dim of plan.identity.dims) {
    const values = records.map((r) => r.draw.dims.get(dim.name) ?? NaN);
    if (values.some(Number.isNaN) || new Set(values).size < 2) continue;
    for (const power of POWERS) {
      const constant = constantOf(cs[0]!, values[0]!, power);
      if (!follows(cs, values, constant, power)) continue;
      const kind = kindOf(plan.claim);
      const side = kind.sides[0];
      const factor = sayFactor(constant, dim.name, power);
      return `off by a factor that depends on ${dim.name}: the ${kind.referenceName} is ${factor} × ${side} on every trial: a missing factor ${factor} in ${side}?`;
    }
  }
  return null;
}
