import { type Mat, checkSize, zeros, isVector, formatShape } from '../linalg/mat.js';
import { arith } from '../linalg/elementwise.js';
import { sum } from '../linalg/reduce.js';
import { transpose } from '../linalg/products.js';
import { KinkTrace } from '../expr/kink-trace.js';
import { centralPartials, stencilNoise, type Objective } from '../numeric/finite-diff.js';
import { drawSample } from '../numeric/samplers.js';
import { firstNonFinite } from '../numeric/closeness.js';
import type { Rng } from '../numeric/rng.js';
import type { Claim, Identity, Expression } from '../spec/identity.js';
import { type Draw, scopeOf, shapeMismatch } from './draw.js';
import { isDomainError } from '../budget.js';

/** Estimates the numerical noise of the reference at a 1-based (row, column) entry; null if it cannot. */
export type NoiseAt = (index: readonly [number, number]) => number | null;

/** What one trial of one claim came to, before tolerances are applied. */
export type TrialOutcome =
  | { readonly type: 'compare'; readonly analytic: Mat; readonly numeric: Mat; readonly noise: NoiseAt }
  /** `expect` evaluated, but to the wrong shape: kept, because its transpose may be the answer. */
  | { readonly type: 'shape'; readonly analytic: Mat; readonly numeric: Mat; readonly message: string }
  | { readonly type: 'fail'; readonly message: string }
  | { readonly type: 'error'; readonly message: string }
  | { readonly type: 'kink' }
  /** Redrawn too often: the finite differences could not resolve the tolerance on these draws. */
  | { readonly type: 'noisy'; readonly message: string };

/** Evaluation problems become messages; anything else is a bug and propagates. */
type Attempt = { readonly ok: true; readonly value: Mat } | { readonly ok: false; readonly message: string };

function attempt(label: string, run: () => Mat): Attempt {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    if (isDomainError(error)) return { ok: false, message: `${label}: ${error.message}` };
    throw error;
  }
}

type Layout = 'gradient' | 'denominator' | 'numerator';

/** Runs one trial of `claim` on `draw`; `rng` supplies the upstream array of a backprop claim. */
export function runTrial(identity: Identity, claim: Claim, draw: Draw, rng: Rng): TrialOutcome {
  if (claim.kind === 'equal') return equalTrial(identity, claim.lhs, claim.rhs, draw);
  const wrt = claim.wrt;
  const objective: Objective = (x, trace) => claim.f.evaluate(scopeOf(identity, draw, trace, { name: wrt, value: x }), trace);
  const baseTrace = new KinkTrace();
  const f0 = attempt('f', () => objective(draw.vars.get(wrt)!, baseTrace));
  if (!f0.ok) return { type: 'error', message: f0.message };
  const shape = formatShape(f0.value);
  if (claim.kind === 'gradient' && (f0.value.rows !== 1 || f0.value.cols !== 1)) {
    return { type: 'error', message: `f is ${shape}, but a gradient claim needs a scalar f (use a backprop claim for arrays)` };
  }
  if (claim.kind === 'jacobian' && !isVector(f0.value)) {
    return { type: 'error', message: `f is ${shape}, but a jacobian claim needs a vector f (try vec(f))` };
  }
  if (claim.kind === 'jacobian') checkSize(draw.vars.get(wrt)!.re.length, f0.value.re.length, 'the jacobian');
  if (claim.kind !== 'backprop') {
    const layout: Layout = claim.kind === 'gradient' ? 'gradient' : claim.layout;
    return derivativeTrial(identity, draw, objective, baseTrace, claim.expect, wrt, null, layout);
  }
  const g = drawSample('normal', f0.value.rows, f0.value.cols, rng);
  const loss: Objective = (x, trace) => sum(arith(g, objective(x, trace), 'mul', '.*'));
  return derivativeTrial(identity, draw, loss, baseTrace, claim.expect, wrt, { name: claim.upstream, value: g }, 'gradient');
}

function equalTrial(identity: Identity, lhs: Expression, rhs: Expression, draw: Draw): TrialOutcome {
  let values: Map<string, Mat>;
  try {
    values = scopeOf(identity, draw, null);
  } catch (error) {
    if (isDomainError(error)) return { type: 'error', message: error.message };
    throw error;
  }
  const left = attempt('lhs', () => lhs.evaluate(values, null));
  if (!left.ok) return { type: 'error', message: left.message };
  const right = attempt('rhs', () => rhs.evaluate(values, null));
  if (!right.ok) return { type: 'fail', message: right.message };
  // Both sides are computed exactly up to rounding, which grows with their size.
  let scale = 0;
  for (const v of left.value.re) scale = Math.max(scale, Math.abs(v));
  const noise: NoiseAt = () => 64 * Number.EPSILON * scale;
  return finish(right.value, left.value, noise, { analytic: 'rhs', target: 'lhs', numeric: 'lhs' });
}

/** Shape check, then finiteness, then a comparison. */
function finish(
  analytic: Mat, numeric: Mat, noise: NoiseAt, labels: { readonly analytic: string; readonly target: string; readonly numeric: string },
): TrialOutcome {
  if (analytic.rows !== numeric.rows || analytic.cols !== numeric.cols) {
    return { type: 'shape', analytic, numeric, message: shapeMismatch(labels.analytic, analytic, numeric.rows, numeric.cols, labels.target) };
  }
  const badNumeric = firstNonFinite(numeric);
  if (badNumeric !== null) {
    return { type: 'fail', message: `${labels.numeric} is NaN or infinite at (${badNumeric.join(',')}) on this draw` };
  }
  const badAnalytic = firstNonFinite(analytic);
  if (badAnalytic !== null) {
    return { type: 'fail', message: `${labels.analytic} is NaN or infinite at (${badAnalytic.join(',')}) on this draw` };
  }
  return { type: 'compare', analytic, numeric, noise };
}

function derivativeTrial(
  identity: Identity, draw: Draw, objective: Objective, baseTrace: KinkTrace, expect: Expression,
  wrt: string, upstream: { readonly name: string; readonly value: Mat } | null, layout: Layout,
): TrialOutcome {
  const x0 = draw.vars.get(wrt)!;
  let result;
  try {
    result = centralPartials(objective, x0, baseTrace);
  } catch (error) {
    if (isDomainError(error)) return { type: 'error', message: `f near the draw: ${error.message}` };
    throw error;
  }
  if (!result.ok) return { type: 'kink' };
  const numeric = assemble(result.partials, x0, layout);
  const analytic = attempt('expect', () => {
    const scope = scopeOf(identity, draw, null);
    if (upstream !== null) scope.set(upstream.name, upstream.value);
    return expect.evaluate(scope, null);
  });
  if (!analytic.ok) return { type: 'fail', message: analytic.message };
  const noise: NoiseAt = ([i, j]) => {
    const [k, out] = coordinateOf(i - 1, j - 1, numeric.cols, layout);
    return stencilNoise(objective, x0, k, out);
  };
  const target = layout === 'gradient' ? `wrt ${wrt}` : `the ${layout}-layout jacobian (len(${layout === 'denominator' ? 'wrt)×len(f' : 'f)×len(wrt'}))`;
  return finish(analytic.value, numeric, noise, { analytic: 'expect', target, numeric: 'the numeric derivative' });
}

/** Which entry of wrt, and which output entry, a (row, column) of the reference belongs to. */
function coordinateOf(i: number, j: number, cols: number, layout: Layout): [number, number] {
  if (layout === 'gradient') return [i * cols + j, 0];
  return layout === 'denominator' ? [i, j] : [j, i];
}

/**
 * Lays the partial derivatives out as the claim's kind expects: a gradient has wrt's shape; a
 * denominator-layout jacobian is len(wrt)×len(f) with (i, j) = ∂f_j/∂x_i; numerator is its transpose.
 */
function assemble(partials: readonly Mat[], x0: Mat, layout: Layout): Mat {
  const complex = partials.some((p) => p.im !== null);
  if (layout === 'gradient') {
    const out = zeros(x0.rows, x0.cols, complex);
    partials.forEach((p, k) => {
      out.re[k] = p.re[0]!;
      if (out.im !== null) out.im[k] = p.im?.[0] ?? 0;
    });
    return out;
  }
  const len = partials[0]?.re.length ?? 0;
  const out = zeros(partials.length, len, complex);
  partials.forEach((p, i) => {
    out.re.set(p.re, i * len);
    if (out.im !== null && p.im !== null) out.im.set(p.im, i * len);
  });
  return layout === 'denominator' ? out : transpose(out, false);
}
