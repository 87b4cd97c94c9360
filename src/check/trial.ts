import { type Mat, MathError, zeros, isVector, formatShape } from '../linalg/mat.js';
import { arith } from '../linalg/elementwise.js';
import { sum } from '../linalg/reduce.js';
import { transpose } from '../linalg/products.js';
import { KinkTrace } from '../expr/kink-trace.js';
import { centralPartials, type Objective } from '../numeric/finite-diff.js';
import { drawSample } from '../numeric/samplers.js';
import { firstNonFinite } from '../numeric/closeness.js';
import type { Rng } from '../numeric/rng.js';
import type { Claim, Identity, Expression } from '../spec/identity.js';
import { type Draw, scopeOf, shapeMismatch } from './draw.js';

/** What one trial of one claim came to, before tolerances are applied. */
export type TrialOutcome =
  | { readonly type: 'compare'; readonly analytic: Mat; readonly numeric: Mat }
  | { readonly type: 'fail'; readonly message: string }
  | { readonly type: 'error'; readonly message: string }
  | { readonly type: 'kink' };

/** Evaluation problems become messages; anything else is a bug and propagates. */
type Attempt = { readonly ok: true; readonly value: Mat } | { readonly ok: false; readonly message: string };

function attempt(label: string, run: () => Mat): Attempt {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    if (error instanceof MathError) return { ok: false, message: `${label}: ${error.message}` };
    throw error;
  }
}

/** Runs one trial of `claim` on `draw`; `rng` supplies the upstream array of a backprop claim. */
export function runTrial(identity: Identity, claim: Claim, draw: Draw, rng: Rng): TrialOutcome {
  if (claim.kind === 'equal') return equalTrial(identity, claim.lhs, claim.rhs, draw);
  const wrt = claim.wrt;
  const objective: Objective = (x, trace) => claim.f.evaluate(scopeOf(identity, draw, trace, { name: wrt, value: x }), trace);
  const baseTrace = new KinkTrace();
  const f0 = attempt('f', () => objective(draw.vars.get(wrt)!, baseTrace));
  if (!f0.ok) return { type: 'error', message: f0.message };
  if (claim.kind === 'gradient') {
    if (f0.value.rows !== 1 || f0.value.cols !== 1) {
      return { type: 'error', message: `f is ${formatShape(f0.value)}, but a gradient claim needs a scalar f (use a backprop claim for arrays)` };
    }
    return derivativeTrial(identity, draw, objective, baseTrace, claim.expect, wrt, null, 'gradient');
  }
  if (claim.kind === 'jacobian') {
    if (!isVector(f0.value)) {
      return { type: 'error', message: `f is ${formatShape(f0.value)}, but a jacobian claim needs a vector f (try vec(f))` };
    }
    return derivativeTrial(identity, draw, objective, baseTrace, claim.expect, wrt, null, claim.layout);
  }
  const g = drawSample('normal', f0.value.rows, f0.value.cols, rng);
  const loss: Objective = (x, trace) => sum(arith(g, objective(x, trace), 'mul', '.*'));
  const upstream = { name: claim.upstream, value: g };
  return derivativeTrial(identity, draw, loss, baseTrace, claim.expect, wrt, upstream, 'gradient');
}

function equalTrial(identity: Identity, lhs: Expression, rhs: Expression, draw: Draw): TrialOutcome {
  let values: Map<string, Mat>;
  try {
    values = scopeOf(identity, draw, null);
  } catch (error) {
    if (error instanceof MathError) return { type: 'error', message: error.message };
    throw error;
  }
  const left = attempt('lhs', () => lhs.evaluate(values, null));
  if (!left.ok) return { type: 'error', message: left.message };
  const right = attempt('rhs', () => rhs.evaluate(values, null));
  if (!right.ok) return { type: 'fail', message: right.message };
  return finish(right.value, left.value, left.value.rows, left.value.cols, 'rhs', 'lhs', 'lhs');
}

/** Shape check, then finiteness, then a comparison. */
function finish(
  analytic: Mat, numeric: Mat, rows: number, cols: number, analyticLabel: string, target: string, numericLabel: string,
): TrialOutcome {
  if (analytic.rows !== rows || analytic.cols !== cols) {
    return { type: 'fail', message: shapeMismatch(analyticLabel, analytic, rows, cols, target) };
  }
  const badNumeric = firstNonFinite(numeric);
  if (badNumeric !== null) {
    return { type: 'fail', message: `${numericLabel} is NaN or infinite at (${badNumeric.join(',')}) on this draw` };
  }
  const badAnalytic = firstNonFinite(analytic);
  if (badAnalytic !== null) {
    return { type: 'fail', message: `${analyticLabel} is NaN or infinite at (${badAnalytic.join(',')}) on this draw` };
  }
  return { type: 'compare', analytic, numeric };
}

type Shape = 'gradient' | 'denominator' | 'numerator';

function derivativeTrial(
  identity: Identity, draw: Draw, objective: Objective, baseTrace: KinkTrace, expect: Expression,
  wrt: string, upstream: { readonly name: string; readonly value: Mat } | null, shape: Shape,
): TrialOutcome {
  const x0 = draw.vars.get(wrt)!;
  let result;
  try {
    result = centralPartials(objective, x0, baseTrace);
  } catch (error) {
    if (error instanceof MathError) return { type: 'error', message: `f near the draw: ${error.message}` };
    throw error;
  }
  if (!result.ok) return { type: 'kink' };
  const numeric = assemble(result.partials, x0, shape);
  const analytic = attempt('expect', () => {
    const scope = scopeOf(identity, draw, null);
    if (upstream !== null) scope.set(upstream.name, upstream.value);
    return expect.evaluate(scope, null);
  });
  if (!analytic.ok) return { type: 'fail', message: analytic.message };
  const target = shape === 'gradient' ? `wrt ${wrt}` : `the ${shape}-layout jacobian (len(${shape === 'denominator' ? 'wrt)×len(f' : 'f)×len(wrt'}))`;
  return finish(analytic.value, numeric, numeric.rows, numeric.cols, 'expect', target, 'the numeric derivative');
}

/**
 * Lays the partial derivatives out as the claim's kind expects: a gradient has wrt's shape; a
 * denominator-layout jacobian is len(wrt)×len(f) with (i, j) = ∂f_j/∂x_i; numerator is its transpose.
 */
function assemble(partials: readonly Mat[], x0: Mat, shape: Shape): Mat {
  const complex = partials.some((p) => p.im !== null);
  if (shape === 'gradient') {
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
  return shape === 'denominator' ? out : transpose(out, false);
}
