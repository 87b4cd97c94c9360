import { type Mat, zeros } from '../linalg/mat.js';
import { allocate, copyOf } from '../linalg/alloc.js';
import { KinkTrace } from '../expr/kink-trace.js';
import { isDomainError } from '../budget.js';
import { type OnePiece, onOnePiece } from './kink-steps.js';

/**
 * Relative step of the finite differences. The stencil below is fourth order: its truncation
 * error is about h⁴·|f⁽⁵⁾|/30 and its rounding error about ε·|f|/h (ε = 2.2e-16); the two balance
 * near h = ε^(1/5) ≈ 7e-4, and 2⁻¹⁰ (9.8e-4) is the power of two there. Rounding then costs
 * ~2e-13·|f| and truncation ~3e-14·|f⁽⁵⁾|: eleven digits or so on well-scaled problems. Where f
 * varies faster (an ill-conditioned draw) the noise estimate says so and the draw is redrawn;
 * kinks are not smoothed over but detected.
 */
export const DEFAULT_STEP = 2 ** -10;

/**
 * The step for an entry of size |x|: DEFAULT_STEP relative to max(1, |x|), rounded down to a power
 * of two, so that x ± h and x ± 2h are exact in floating point (whenever they stay in x's binade,
 * nearly always) and the stencil is symmetric.
 */
export function stepFor(x: number, relative = DEFAULT_STEP): number {
  const scale = Math.max(1, Math.abs(x));
  return 2 ** Math.floor(Math.log2(relative * scale));
}

/** f evaluated at a candidate input, recording the kinks it passes through. */
export type Objective = (x: Mat, trace: KinkTrace) => Mat;

/** The partial derivatives of f at x, one array of f's shape per entry of x (row-major). */
export type Partials =
  { readonly ok: true; readonly partials: readonly Mat[] } | { readonly ok: false; readonly kinkAt: number };

/** Offsets in steps, and weights (to divide by the step). */
export type Stencil = readonly (readonly [offset: number, weight: number])[];

/** The fourth-order central stencil. */
export const STENCIL: Stencil = [
  [-2, 1 / 12],
  [-1, -8 / 12],
  [1, 8 / 12],
  [2, -1 / 12],
];

/**
 * The second-order central difference (f(x+h) − f(x−h)) / 2h, a first pass in half the
 * evaluations: its truncation error is about h²·|f⁽³⁾|/6 and its rounding error ε·|f|/h, which
 * balance near h = ε^(1/3) ≈ 6e-6; at 2⁻¹⁷ (7.6e-6) both are about 1e-11 on well-scaled problems,
 * six orders of magnitude below the default rtol. Entries it cannot decide by a wide margin are
 * taken again with the fourth-order stencil (see full-trial.ts), so every verdict rests on it.
 */
export const TWO_POINT: Stencil = [
  [-1, -1 / 2],
  [1, 1 / 2],
];

/** The relative step of {@link TWO_POINT}. */
export const TWO_POINT_STEP = 2 ** -17;

/** The stencils by the name a worker is told: the first pass, and the one every verdict rests on. */
export const STENCILS = {
  'two-point': { stencil: TWO_POINT, step: TWO_POINT_STEP },
  'fourth-order': { stencil: STENCIL, step: DEFAULT_STEP },
} as const;

/** Which stencil a partial is taken with. */
export type StencilName = keyof typeof STENCILS;

/**
 * The fourth-order stencil with step h, for any way of moving x: `move(t, trace)` is f at x moved
 * by t (along one entry, or along a direction), recording its kinks in `trace`. Null when an
 * evaluation takes other branches of a non-smooth function than `baseTrace` does (a kink within
 * the stencil); with a null `baseTrace` kinks are not watched.
 */
export function centralStencil(
  move: (t: number, trace: KinkTrace) => Mat,
  h: number,
  baseTrace: KinkTrace | null,
  stencil: Stencil = STENCIL,
): Mat | null {
  let acc: Mat | null = null;
  // An indexed loop: destructuring iteration is slow in the interpreter, where a short run spends its time.
  for (let s = 0; s < stencil.length; s++) {
    const offset = stencil[s]![0],
      weight = stencil[s]![1];
    const trace = new KinkTrace();
    const value = move(offset * h, trace);
    if (baseTrace !== null && !trace.samePieceAs(baseTrace)) return null;
    acc = accumulate(acc, value, weight / h);
  }
  return acc;
}

/** What a stencil is taken within: the kinks of the draw to keep to, and which stencil it is. */
interface Within {
  readonly baseTrace: KinkTrace | null;
  readonly name: StencilName;
}

/** Entry k of a scratch copy `probe` of x, whose value at x is xk. */
interface Entry {
  readonly probe: Mat;
  readonly k: number;
  readonly xk: number;
}

/**
 * The stencil along entry k of x with step h: (f(x−2h) − 8f(x−h) + 8f(x+h) − f(x+2h)) / 12h.
 * Entry k is restored by assignment afterwards, because x + h − h need not equal x in floating
 * point.
 */
function stencil(f: Objective, entry: Entry, h: number, within: Within): Mat | null {
  const { probe, k, xk } = entry;
  try {
    return centralStencil(
      (t, trace) => {
        probe.re[k] = xk + t;
        return f(probe, trace);
      },
      h,
      within.baseTrace,
      STENCILS[within.name].stencil,
    );
  } finally {
    probe.re[k] = xk;
  }
}

/** A copy of x to perturb one entry at a time (real: only real vars are drawn). */
export function scratchCopy(x: Mat): Mat {
  return { rows: x.rows, cols: x.cols, re: copyOf(x.re), im: null };
}

/** The stencil along entry k of `probe` on one smooth piece of f (see {@link onOnePiece}). */
function partialOnPiece(f: Objective, at: EntryOf, within: Within): OnePiece | null {
  const { probe, k } = at;
  const xk = probe.re[k]!;
  return onOnePiece((step) => stencil(f, { probe, k, xk }, step, within), stepFor(xk, STENCILS[within.name].step));
}

/** Entry k of `probe`, a scratch copy of x. */
export interface EntryOf {
  readonly probe: Mat;
  readonly k: number;
}

/**
 * The partial derivative of f along entry k, by the stencil below, on `probe`, a scratch copy of
 * x that is left as it was; at a smaller step where the stencil straddles a kink, and null when
 * every step does (see {@link centralPartials}). Each entry depends on nothing but f, x and k, so
 * entries may be computed in any order, or on other threads, with the same result to the bit.
 */
export function partialAt(
  f: Objective,
  at: EntryOf,
  baseTrace: KinkTrace,
  name: StencilName = 'fourth-order',
): Mat | null {
  return partialOnPiece(f, at, { baseTrace, name })?.value ?? null;
}

/**
 * Central differences of f at x along every entry of x, with the five-point stencil above. Each
 * perturbed evaluation must take the same branches of every non-smooth function as `baseTrace`
 * (the evaluation at x itself); otherwise the stencil straddles a kink and the result is
 * `{ ok: false, kinkAt }`. An argument that is exactly 0 at x and stays 0 (a structural zero) is
 * no kink; one that leaves 0 is.
 */
export function centralPartials(f: Objective, x: Mat, baseTrace: KinkTrace): Partials {
  const probe = scratchCopy(x);
  const partials: Mat[] = [];
  for (let k = 0; k < x.re.length; k++) {
    const d = partialAt(f, { probe, k }, baseTrace);
    if (d === null) return { ok: false, kinkAt: k };
    partials.push(d);
  }
  return { ok: true, partials };
}

/**
 * An estimate of the finite-difference error in output entry `out` of the derivative along entry
 * k, at the step the partial was taken at: the larger change from that step h to h/16 and to 2h,
 * plus the rounding floor at h/16. At h/16 the fourth-order truncation error is 65536 times
 * smaller while rounding grows only 16-fold, so the change from h to h/16 is about the error at h
 * itself, even where f varies faster than the step and every stencil at h or above averages the
 * variation away. Null when f cannot be evaluated at the wider step (it leaves f's domain).
 */
export function stencilNoise(
  f: Objective,
  x: Mat,
  entry: { k: number; out: number },
  baseTrace: KinkTrace,
): number | null {
  const probe = scratchCopy(x);
  const { k, out } = entry;
  const xk = x.re[k]!;
  const within: Within = { baseTrace, name: 'fourth-order' };
  const step = partialOnPiece(f, { probe, k }, within)?.step ?? stepFor(xk);
  return noiseOf(
    (s) => stencil(f, { probe, k, xk }, s, within),
    step,
    () => f(x, new KinkTrace()),
    out,
  );
}

/**
 * The noise rule, for any stencil: `at(step)` is the stencil at that step (null where it
 * straddles a kink), h the step in use and `value()` f at the draw. The larger change from h to
 * h/16 and to 2h, plus the rounding floor at h/16, in output entry `out`. A kink met only at 2h
 * lies outside the stencil and is left out (its change measures the kink, not the noise); one
 * met at h/16 lies inside it, and the noise is then infinite. Null when f leaves its domain at
 * the wider step.
 */
export function noiseOf(at: (step: number) => Mat | null, h: number, value: () => Mat, out: number): number | null {
  try {
    const [base, fine] = [at(h), at(h / 16)];
    // A kink inside the stencil at h that its own points missed (f crossed it and came back):
    // the value at h means nothing, and no noise figure can say how little.
    if (base === null || fine === null) return Infinity;
    const change = (a: Mat | null): number =>
      a === null ? 0 : Math.hypot(a.re[out]! - base.re[out]!, (a.im?.[out] ?? 0) - (base.im?.[out] ?? 0));
    const size = Math.abs(value().re[out] ?? 0);
    return Math.max(change(fine), change(at(2 * h))) + (16 * Number.EPSILON * size) / h;
  } catch (error) {
    if (isDomainError(error)) return null;
    throw error;
  }
}
/** acc + w·value, allocating acc on first use; keeps an imaginary part if value has one. */
export function accumulate(acc: Mat | null, value: Mat, w: number): Mat {
  const out = acc ?? zeros(value.rows, value.cols, value.im !== null);
  if (out.re.length !== value.re.length) throw new Error('f changed shape under a perturbation');
  for (let i = 0; i < value.re.length; i++) out.re[i]! += w * value.re[i]!;
  if (value.im !== null) {
    const target = out.im ?? allocate(out.re.length);
    for (let i = 0; i < value.im.length; i++) target[i]! += w * value.im[i]!;
    if (out.im === null) return { ...out, im: target };
  }
  return out;
}
