import type { Rng } from '../../numeric/rng.js';
import type { DimSpec } from '../../spec-file/identity.js';

/**
 * Dims for the trial that must be able to reveal an error: no value of 1 and distinct values for
 * distinct symbols, wherever the ranges allow. A wrong formula that is right only in a degenerate
 * case (a dim of 1 makes kron(a, b) equal vec(a·b'); n = k makes the exponents of det(S ⊗ T)
 * interchangeable) passes every trial that draws such a case, and with small ranges five random
 * trials all do often enough (8 seeds in 100 for two dims in [1, 3]). The values are still random
 * among those allowed, from the trial's own generator, so the trial stays reproducible.
 */
export function revealingDims(dims: readonly DimSpec[], rng: Rng): Map<string, number> {
  const out = new Map<string, number>();
  const used = new Set<number>();
  // The narrowest ranges choose first, so that a wider one cannot take the only value they have.
  const order = [...dims].sort((a, b) => a.max - a.min - (b.max - b.min));
  for (const d of order) {
    const lo = d.max >= 2 ? Math.max(d.min, 2) : d.min;
    const value = pickUnused(lo, d.max, used, rng) ?? lo + Math.floor(rng.uniform() * (d.max - lo + 1));
    used.add(value);
    out.set(d.name, value);
  }
  return out;
}

/** A random whole number in [lo, hi] not in `used`, or null when every one is. */
function pickUnused(lo: number, hi: number, used: ReadonlySet<number>, rng: Rng): number | null {
  let free = hi - lo + 1;
  for (const u of used) if (u >= lo && u <= hi) free--;
  if (free <= 0) return null;
  let skip = Math.floor(rng.uniform() * free);
  for (let v = lo; v <= hi; v++) {
    if (used.has(v)) continue;
    if (skip-- === 0) return v;
  }
  return null;
}
