import { type Mat, formatShape, zeros } from '../../linalg/mat.js';
import { storageOfVec } from '../../linalg/vec-order.js';
import { KinkTrace } from '../../expr/kink-trace.js';
import { type Attempt, attempt } from '../../errors.js';
import { directionalDerivative, directionalNoise } from '../../numeric/directional.js';
import type { Objective } from '../../numeric/finite-diff.js';
import type { Expression } from '../../spec-file/identity.js';
import type { TrialContext } from '../kinds/claim-kind.js';
import { coordinateDirections, randomStructured, structureOf } from './directions.js';
import { type Packing, pack, packedObjective, packingOf } from './packing.js';
import { type TrialOutcome, finish } from './outcome.js';
import { scopeOf, whereNeeded } from './scope.js';

/** What a differential trial checks: f, the vars it moves, their direction names, expect. */
export interface DifferentialClaim {
  readonly f: Expression;
  readonly wrt: readonly string[];
  readonly directions: readonly string[];
  readonly expect: Expression;
}

/** Random directions checked in full mode besides the coordinate ones: they show linearity at work. */
export const RANDOM_DIRECTIONS = 3;

/** One direction of every moved var at once, and how a message names it. */
interface Move {
  readonly values: ReadonlyMap<string, Mat>;
  readonly says: string;
}

/** The directions of a trial: each coordinate direction of each var (full mode) and random ones. */
function movesOf(ctx: TrialContext, claim: DifferentialClaim, packing: Packing): Move[] {
  const structures = packing.vars.map((v) => structureOf(ctx.identity.vars.find((x) => x.name === v.name)!.sample));
  const none = (): Map<string, Mat> => new Map(packing.vars.map((v) => [v.name, zeros(v.rows, v.cols)]));
  const moves: Move[] = [];
  if (ctx.mode.name === 'full') {
    packing.vars.forEach((v, i) => {
      for (const d of coordinateDirections(v.rows, v.cols, structures[i]!)) {
        const values = none().set(v.name, d.value);
        const others = packing.vars.length > 1 ? ' (the other directions 0)' : '';
        moves.push({ values, says: `along ${claim.directions[i]} = ${d.says}${others}` });
      }
    });
  }
  const random = ctx.mode.name === 'full' ? RANDOM_DIRECTIONS : ctx.mode.probes;
  for (let p = 0; p < random; p++) {
    const values = new Map(
      packing.vars.map((v, i) => [v.name, randomStructured(v.rows, v.cols, structures[i]!, ctx.rng)]),
    );
    moves.push({ values, says: `along random direction ${p + 1}` });
  }
  return moves;
}

/** expect with the directions bound to a move, or why it cannot be evaluated. */
/** expect along a move: the draw's scope is computed once per trial, the directions bound to each move. */
type ExpectAlong = (move: ReadonlyMap<string, Mat>) => Attempt<Mat>;

function expectEvaluator(ctx: TrialContext, claim: DifferentialClaim): ExpectAlong {
  let base: Map<string, Mat> | null = null;
  return (move) =>
    attempt('expect', () => {
      base ??= scopeOf(ctx.identity, ctx.draw, null);
      const scope = new Map(base);
      claim.wrt.forEach((w, i) => scope.set(claim.directions[i]!, move.get(w)!));
      return claim.expect.evaluate(scope, null);
    });
}

/** The largest |entry| of an array. */
function largest(m: Mat): number {
  let out = 0;
  for (let k = 0; k < m.re.length; k++) out = Math.max(out, Math.abs(m.re[k]!), Math.abs(m.im?.[k] ?? 0));
  return out;
}

/**
 * Why expect is not linear in the directions, or null: a differential is 0 when every direction
 * is 0, and doubles when they double. Both hold exactly in floating point for a linear expect
 * (scaling by 2 is exact), so any departure beyond rounding is a term that is not a differential.
 */
function nonlinearity(claim: DifferentialClaim, expectAlong: ExpectAlong, move: Move): string | null {
  const zero = new Map([...move.values].map(([n, m]) => [n, zeros(m.rows, m.cols)]));
  const doubled = new Map([...move.values].map(([n, m]) => [n, { ...m, re: m.re.map((x) => 2 * x) }]));
  const [e0, e1, e2] = [zero, move.values, doubled].map((m) => expectAlong(m));
  if (!e0!.ok || !e1!.ok || !e2!.ok) return null;
  const scale = Math.max(1, largest(e1!.value));
  const names = claim.directions.join(', ');
  if (largest(e0!.value) > 1e-12 * scale)
    return `expect is not linear in the directions: it is not 0 when ${names} ${claim.directions.length > 1 ? 'are' : 'is'} 0 (a term without a direction?)`;
  const gap = e2!.value.re.reduce((g, x, k) => Math.max(g, Math.abs(x - 2 * e1!.value.re[k]!)), 0);
  if (gap > 1e-12 * scale)
    return `expect is not linear in the directions: doubling ${names} does not double it (a product of directions, such as ${claim.directions[0]}' * ${claim.directions[0]}?)`;
  return null;
}

/** One row per move: the numeric derivative along it (entries of f in vec order), or a kink. */
/** f of the packed vars at the draw z0, with the kinks it passes through there. */
interface Base {
  readonly F: Objective;
  readonly z0: Mat;
  readonly trace: KinkTrace;
}

function numericRows({ F, z0, trace }: Base, dirs: readonly Mat[], f0: Mat): Mat | null {
  const len = f0.re.length;
  const out = zeros(dirs.length, len);
  for (const [p, D] of dirs.entries()) {
    const d = directionalDerivative(F, z0, D, trace);
    if (d === null) return null;
    for (let j = 0; j < len; j++) out.re[p * len + j] = d.re[storageOfVec(f0.rows, f0.cols, j)]!;
  }
  return out;
}

/**
 * One trial of a differential claim: f moved along each direction (every coordinate direction of
 * every var and a few random ones in full mode, K random ones in fast mode), the derivative at 0
 * by central differences, against expect with the direction names bound to the same directions.
 * Rows are directions, columns the entries of f in vec order.
 */
export function differentialTrial(ctx: TrialContext, claim: DifferentialClaim): TrialOutcome {
  const { identity, draw } = ctx;
  const packing = packingOf(draw, claim.wrt);
  const where = whereNeeded(identity.where, claim.f.names);
  const F = packedObjective({ identity: { where }, f: claim.f.evaluate, draw, packing });
  const z0 = pack(packing, draw.vars);
  const baseTrace = new KinkTrace();
  const f0 = attempt('f', () => F(z0, baseTrace));
  if (!f0.ok) return { type: 'error', message: f0.message };
  const moves = movesOf(ctx, claim, packing);
  const dirs = moves.map((m) => pack(packing, m.values));
  const numeric = attempt('f near the draw', () => numericRows({ F, z0, trace: baseTrace }, dirs, f0.value));
  if (!numeric.ok) return { type: 'error', message: numeric.message };
  if (numeric.value === null) return { type: 'kink' };
  const expectAlong = expectEvaluator(ctx, claim);
  const analytic = zeros(moves.length, f0.value.re.length);
  for (const [p, move] of moves.entries()) {
    const e = expectAlong(move.values);
    if (!e.ok) return { type: 'fail', message: e.message };
    if (e.value.rows !== f0.value.rows || e.value.cols !== f0.value.cols)
      return { type: 'fail', message: `expect is ${formatShape(e.value)} but f is ${formatShape(f0.value)}` };
    for (let j = 0; j < analytic.cols; j++)
      analytic.re[p * analytic.cols + j] = e.value.re[storageOfVec(e.value.rows, e.value.cols, j)]!;
  }
  const nonlinear = nonlinearity(claim, expectAlong, moves.at(-1)!);
  if (nonlinear !== null) return { type: 'fail', message: nonlinear };
  const [rows, cols] = [f0.value.rows, f0.value.cols];
  const entry = (j: number): string => {
    const k = storageOfVec(rows, cols, j - 1);
    return rows * cols === 1 ? '' : `, entry (${Math.floor(k / cols) + 1},${(k % cols) + 1}) of f`;
  };
  const place = ([p, j]: readonly [number, number]): string => `${moves[p - 1]!.says}${entry(j)}`;
  const noise = ([p, j]: readonly [number, number]): number | null =>
    directionalNoise(F, { x: z0, v: dirs[p - 1]! }, baseTrace, storageOfVec(rows, cols, j - 1));
  const labels = { analytic: 'expect', target: 'the directions', numeric: 'the numeric differential' };
  const outcome = finish({ analytic, numeric: numeric.value, probes: false }, noise, labels);
  const rowLabels = moves.map((m) => m.says);
  return outcome.type === 'compare' ? { ...outcome, place, rowLabels } : outcome;
}
