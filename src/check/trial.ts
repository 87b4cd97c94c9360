import { type Mat, checkSize, zeros, isVector, formatShape } from '../linalg/mat.js';
import { transpose } from '../linalg/products.js';
import { KinkTrace } from '../expr/kink-trace.js';
import { stencilNoise, type Objective } from '../numeric/finite-diff.js';
import { partialsOf } from './parallel-partials.js';
import { type ObjectiveSource, plainDraw, toPlain } from './partials-task.js';
import { drawSample } from '../numeric/samplers.js';
import type { Rng } from '../numeric/rng.js';
import type { Claim, Identity, Expression } from '../spec-file/identity.js';
import { type Draw, scopeOf } from './draw.js';
import { objectiveOf } from './objective.js';
import { isDomainError } from '../budget.js';
import { type NoiseAt, type TrialOutcome, attempt, finish } from './outcome.js';
import { type CheckMode, FULL_MODE } from './mode.js';
import { probeTrial } from './probe-trial.js';

export type { NoiseAt, TrialOutcome } from './outcome.js';

type Layout = 'gradient' | 'denominator' | 'numerator';

/**
 * Runs one trial of `claim` on `draw`, in full or fast mode; `rng` supplies the upstream array of a
 * backprop claim and the directions of fast mode.
 */
export function runTrial(
  identity: Identity,
  claim: Claim,
  draw: Draw,
  rng: Rng,
  mode: CheckMode = FULL_MODE,
): TrialOutcome {
  if (claim.kind === 'equal') return equalTrial(identity, claim.lhs, claim.rhs, draw);
  const wrt = claim.wrt;
  const objective = objectiveOf(identity, claim.f.evaluate, draw, wrt, null);
  const baseTrace = new KinkTrace();
  const f0 = attempt('f', () => objective(draw.vars.get(wrt)!, baseTrace));
  if (!f0.ok) return { type: 'error', message: f0.message };
  const shape = formatShape(f0.value);
  if (claim.kind === 'gradient' && (f0.value.rows !== 1 || f0.value.cols !== 1)) {
    return {
      type: 'error',
      message: `f is ${shape}, but a gradient claim needs a scalar f (use a backprop claim for arrays)`,
    };
  }
  if (claim.kind === 'jacobian' && !isVector(f0.value)) {
    return { type: 'error', message: `f is ${shape}, but a jacobian claim needs a vector f (try vec(f))` };
  }
  if (claim.kind === 'jacobian') checkSize(draw.vars.get(wrt)!.re.length, f0.value.re.length, 'the jacobian');
  if (claim.kind !== 'backprop') {
    const layout: Layout = claim.kind === 'gradient' ? 'gradient' : claim.layout;
    if (mode.name === 'fast') {
      return probeTrial({
        identity,
        draw,
        objective,
        baseTrace,
        f0: f0.value,
        expect: claim.expect,
        wrt,
        upstream: null,
        layout,
        probes: mode.probes,
        rng,
      });
    }
    return derivativeTrial(
      identity,
      draw,
      objective,
      baseTrace,
      claim.expect,
      wrt,
      null,
      layout,
      sourceOf(identity, claim.f, draw, wrt, null),
    );
  }
  const g = drawSample('normal', f0.value.rows, f0.value.cols, rng);
  const loss = objectiveOf(identity, claim.f.evaluate, draw, wrt, g);
  const upstream = { name: claim.upstream, value: g };
  if (mode.name === 'fast') {
    return probeTrial({
      identity,
      draw,
      objective: loss,
      baseTrace,
      f0: f0.value,
      expect: claim.expect,
      wrt,
      upstream,
      layout: 'gradient',
      probes: mode.probes,
      rng,
    });
  }
  return derivativeTrial(
    identity,
    draw,
    loss,
    baseTrace,
    claim.expect,
    wrt,
    upstream,
    'gradient',
    sourceOf(identity, claim.f, draw, wrt, g),
  );
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

/** How a worker rebuilds the objective of a claim: its sources, the draw and the upstream array. */
function sourceOf(
  identity: Identity,
  f: Expression,
  draw: Draw,
  wrt: string,
  upstream: Mat | null,
): () => ObjectiveSource {
  return () => ({
    where: identity.where.map((w) => ({ name: w.name, source: w.expr.source })),
    f: f.source,
    names: [...identity.vars.map((v) => v.name), ...identity.dims.map((d) => d.name)],
    wrt,
    ...plainDraw(draw),
    upstream: upstream === null ? null : toPlain(upstream),
  });
}

function derivativeTrial(
  identity: Identity,
  draw: Draw,
  objective: Objective,
  baseTrace: KinkTrace,
  expect: Expression,
  wrt: string,
  upstream: { readonly name: string; readonly value: Mat } | null,
  layout: Layout,
  source: () => ObjectiveSource,
): TrialOutcome {
  const x0 = draw.vars.get(wrt)!;
  let result;
  try {
    result = partialsOf(objective, x0, baseTrace, source);
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
  const target =
    layout === 'gradient'
      ? `wrt ${wrt}`
      : `the ${layout}-layout jacobian (len(${layout === 'denominator' ? 'wrt)×len(f' : 'f)×len(wrt'}))`;
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
