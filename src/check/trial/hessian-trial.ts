import { type Mat, checkSize, formatShape, zeros } from '../../linalg/mat.js';
import { KinkTrace } from '../../expr/kink-trace.js';
import { attempt } from '../../errors.js';
import { SECOND_STEP, type Surface, mixedNoise, mixedOnPiece } from '../../numeric/second-diff.js';
import { stepFor, type Objective } from '../../numeric/finite-diff.js';
import type { Expression } from '../../spec-file/identity.js';
import type { TrialContext } from '../kinds/claim-kind.js';
import type { Tick } from '../plan/claim-progress.js';
import { spentEvaluations } from '../../budget.js';
import { type Packing, pack, packedObjective, packingOf } from './packing.js';
import { type TrialOutcome, finish } from './outcome.js';
import { randomDirection } from './probe-trial.js';
import { scopeOf, whereNeeded } from './scope.js';

/** What a hessian trial differentiates: f, twice, by vec(x) and vec(y) (y = x for one var). */
export interface HessianClaim {
  readonly f: Expression;
  readonly wrt: readonly [string] | readonly [string, string];
  readonly expect: Expression;
}

/** One trial's pieces: f of the packed vars, the draw packed, its kinks, f there, the two blocks. */
interface Setup {
  readonly F: Objective;
  readonly z0: Mat;
  readonly baseTrace: KinkTrace;
  readonly f0: number;
  readonly x: Packing['vars'][number];
  readonly y: Packing['vars'][number];
  /** Told after each row of a full Hessian, or null. */
  readonly tick: Tick | null;
}

/** g(s, t) = F(z0 + s·e_a + t·e_b), one scratch copy of z0 restored after each evaluation. */
function coordinateSurface({ F, z0 }: Setup, a: number, b: number): Surface {
  const probe = zeros(z0.rows, 1);
  probe.re.set(z0.re);
  return (s, t, trace) => {
    probe.re[a] = z0.re[a]! + s;
    probe.re[b] = z0.re[b]! + (a === b ? s + t : t);
    try {
      return F(probe, trace).re[0]!;
    } finally {
      probe.re[a] = z0.re[a]!;
      probe.re[b] = z0.re[b]!;
    }
  };
}

/** The steps of entries a and b of z: SECOND_STEP relative to each entry, a power of two. */
const stepsOf = (z0: Mat, a: number, b: number): [number, number] => [
  stepFor(z0.re[a]!, SECOND_STEP),
  stepFor(z0.re[b]!, SECOND_STEP),
];

/** Every entry ∂²f/∂vec(x)_i∂vec(y)_j (a symmetric Hessian's lower half mirrored), or a kink. */
function fullHessian(setup: Setup): Mat | null {
  const { x, y, z0, baseTrace } = setup;
  const [nx, ny] = [x.rows * x.cols, y.rows * y.cols];
  checkSize(nx, ny, 'the hessian');
  const out = zeros(nx, ny);
  const single = x.name === y.name;
  const entries = single ? (nx * (nx + 1)) / 2 : nx * ny;
  for (let i = 0, done = 0; i < nx; i++) {
    for (let j = single ? i : 0; j < ny; j++, done++) {
      const [a, b] = [x.offset + i, y.offset + j];
      const piece = mixedOnPiece(coordinateSurface(setup, a, b), stepsOf(z0, a, b), baseTrace);
      if (piece === null) return null;
      out.re[i * ny + j] = piece.value;
      if (single) out.re[j * ny + i] = piece.value;
    }
    if (setup.tick !== null) setup.tick(done, entries, spentEvaluations());
  }
  return out;
}

/** The pieces of a trial, or why f cannot give a Hessian at this draw. */
function setupOf(ctx: TrialContext, claim: HessianClaim): Setup | TrialOutcome {
  const { identity, draw } = ctx;
  const packing = packingOf(draw, claim.wrt);
  const F = packedObjective({
    identity: { where: whereNeeded(identity.where, claim.f.names) },
    f: claim.f.evaluate,
    draw,
    packing,
  });
  const z0 = pack(packing, draw.vars);
  const baseTrace = new KinkTrace();
  const f0 = attempt('f', () => F(z0, baseTrace));
  if (!f0.ok) return { type: 'error', message: f0.message };
  if (f0.value.rows !== 1 || f0.value.cols !== 1)
    return { type: 'error', message: `f is ${formatShape(f0.value)}, but a hessian claim needs a scalar f` };
  const [x, y] = [packing.vars[0]!, packing.vars.at(-1)!];
  return { F, z0, baseTrace, f0: f0.value.re[0]!, x, y, tick: ctx.tick };
}

/** expect at the draw, or the failure that says why it cannot be evaluated. */
function expectAt(ctx: TrialContext, claim: HessianClaim): Mat | TrialOutcome {
  const value = attempt('expect', () => claim.expect.evaluate(scopeOf(ctx.identity, ctx.draw, null), null));
  return value.ok ? value.value : { type: 'fail', message: value.message };
}

/** What the reference is, in messages. */
function targetOf(claim: HessianClaim): string {
  const [x, y = x] = claim.wrt;
  return `the hessian (len(vec ${x})×len(vec ${y}))`;
}

/**
 * One full-mode trial of a hessian claim: every second derivative of f by central differences
 * (the cross stencil, Richardson-extrapolated), against expect entry by entry, with the noise of
 * an entry estimated when a comparison needs it.
 */
export function hessianTrial(ctx: TrialContext, claim: HessianClaim): TrialOutcome {
  const setup = setupOf(ctx, claim);
  if ('type' in setup) return setup;
  if (ctx.mode.name === 'fast') return fastHessian(ctx, claim, setup);
  const numeric = attempt('f near the draw', () => fullHessian(setup));
  if (!numeric.ok) return { type: 'error', message: numeric.message };
  if (numeric.value === null) return { type: 'kink' };
  const analytic = expectAt(ctx, claim);
  if ('type' in analytic) return analytic;
  const noise = ([i, j]: readonly [number, number]): number | null => {
    const [a, b] = [setup.x.offset + i - 1, setup.y.offset + j - 1];
    return mixedNoise(coordinateSurface(setup, a, b), stepsOf(setup.z0, a, b), setup.baseTrace, setup.f0);
  };
  const labels = { analytic: 'expect', target: targetOf(claim), numeric: 'the numeric hessian' };
  return finish({ analytic, numeric: numeric.value, probes: false }, noise, labels);
}

/** u'·E·v, row by row: each row's dot product with v, weighed by u. */
function bilinear(e: Mat, { u, v }: { readonly u: Float64Array; readonly v: Float64Array }): number {
  let sum = 0;
  for (let i = 0; i < e.rows; i++) {
    const ui = u[i]!;
    if (ui === 0) continue;
    let row = 0;
    const base = i * e.cols;
    for (let j = 0; j < e.cols; j++) row += e.re[base + j]! * v[j]!;
    sum += ui * row;
  }
  return sum;
}

/** g(s, t) = F(z0 + s·U + t·V) along two packed directions. */
function directionSurface({ F, z0 }: Setup, U: Mat, V: Mat): Surface {
  const at = zeros(z0.rows, 1);
  return (s, t, trace) => {
    for (let i = 0; i < z0.re.length; i++) at.re[i] = z0.re[i]! + s * U.re[i]! + t * V.re[i]!;
    return F(at, trace).re[0]!;
  };
}

/** A random direction of var `v`'s shape, packed into z (zero elsewhere). */
function packedDirection(setup: Setup, v: Setup['x'], rng: TrialContext['rng']): Mat {
  const d = randomDirection(v.rows, v.cols, rng);
  const out = zeros(setup.z0.rows, 1);
  // randomDirection is row-major; z holds vec order.
  for (let c = 0, i = 0; c < v.cols; c++)
    for (let r = 0; r < v.rows; r++, i++) out.re[v.offset + i] = d.re[r * v.cols + c]!;
  return out;
}

/**
 * A fast-mode trial: for K random directions u (of x) and v (of y), vec(u)'·expect·vec(v)
 * against the mixed second directional derivative of f along u and v, eight evaluations each.
 */
function fastHessian(ctx: TrialContext, claim: HessianClaim, setup: Setup): TrialOutcome {
  const { x, y, z0, baseTrace } = setup;
  const probes = ctx.mode.name === 'fast' ? ctx.mode.probes : 0;
  let largest = 0;
  for (const value of z0.re) largest = Math.max(largest, Math.abs(value));
  const step = stepFor(largest, SECOND_STEP);
  const pairs = Array.from(
    { length: probes },
    () => [packedDirection(setup, x, ctx.rng), packedDirection(setup, y, ctx.rng)] as const,
  );
  const numeric = zeros(probes, 1);
  for (const [p, [U, V]] of pairs.entries()) {
    const piece = attempt('f near the draw', () =>
      mixedOnPiece(directionSurface(setup, U, V), [step, step], baseTrace),
    );
    if (!piece.ok) return { type: 'error', message: piece.message };
    if (piece.value === null) return { type: 'kink' };
    numeric.re[p] = piece.value.value;
  }
  const expect = expectAt(ctx, claim);
  if ('type' in expect) return expect;
  const [nx, ny] = [x.rows * x.cols, y.rows * y.cols];
  if (expect.rows !== nx || expect.cols !== ny)
    return { type: 'fail', message: `expect is ${formatShape(expect)} but ${targetOf(claim)} is ${nx}×${ny}` };
  const analytic = zeros(probes, 1);
  for (const [p, [U, V]] of pairs.entries()) {
    analytic.re[p] = bilinear(expect, {
      u: U.re.subarray(x.offset, x.offset + nx),
      v: V.re.subarray(y.offset, y.offset + ny),
    });
  }
  const noise = ([p]: readonly [number, number]): number | null =>
    mixedNoise(directionSurface(setup, ...pairs[p - 1]!), [step, step], baseTrace, setup.f0);
  const labels = { analytic: "u'·expect·v", target: 'the probes', numeric: 'the mixed second directional derivative' };
  return finish({ analytic, numeric, probes: true }, noise, labels);
}
