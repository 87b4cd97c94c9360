import { transpose } from '../../linalg/products.js';
import { negate } from '../../linalg/elementwise.js';
import { compareArrays } from '../../numeric/closeness.js';
import { toleranceFor } from '../trial/judge.js';
import { type Pair, fittedFactor, formatFactor, matchesEvery, pairsOf, scaled } from './pairs.js';
import { dimFactorHint } from './dim-factor.js';
import { kindOf } from '../kinds/kinds.js';
import type { ClaimPlan } from '../plan/claim-plan.js';
import type { DrawOptions } from '../trial/draw.js';
import { type TrialRecord, type TrialsRun, runTrials } from '../trial/run-trials.js';
import { transposeVariants } from './transpose-fix.js';
import { kronSwapVariants } from './kron-fix.js';
import { applyConvention } from '../kinds/convention.js';
import { directionParts } from './direction-parts.js';

function transposeHint(plan: ClaimPlan, pairs: readonly Pair[]): string | null {
  if (!matchesEvery(pairs, plan.criterion, (a) => transpose(a, false))) return null;
  return kindOf(plan.claim).transposeHint(plan.claim);
}

function factorHint(plan: ClaimPlan, pairs: readonly Pair[]): string | null {
  const c = fittedFactor(pairs[0]!);
  if (c === null || Math.abs(c - 1) < 1e-6 || Math.abs(c) < 1e-9) return null;
  if (!matchesEvery(pairs, plan.criterion, (a) => scaled(a, c))) return null;
  const kind = kindOf(plan.claim);
  return `off by a constant factor: the ${kind.referenceName} is ${formatFactor(c)} × ${kind.sides[0]}`;
}

/** What each other convention says when expect matches it (an `independent` gradient failed). */
const CONVENTION_HINTS = {
  distinct: (x: string) =>
    `this is the Matrix Cookbook's convention for symmetric ${x}, counting ${x.toLowerCase()}_ij and ${x.toLowerCase()}_ji once: set convention: distinct, or give the entrywise gradient G (expect holds G + G' - diag(diag(G)))`,
  symmetric: () =>
    `this is the gradient on symmetric matrices, (G + G')/2 of the entrywise gradient G: set convention: symmetric, or give G itself`,
} as const;

/** For a failed `independent` gradient wrt a symmetric var: the convention expect follows, named. */
function conventionHint(plan: ClaimPlan, pairs: readonly Pair[]): string | null {
  const { claim } = plan;
  if (claim.kind !== 'gradient' || claim.convention !== 'independent') return null;
  const v = plan.identity.vars.find((x) => x.name === claim.wrt);
  if (v === undefined || !['symmetric', 'spd'].includes(v.sample)) return null;
  for (const convention of ['distinct', 'symmetric'] as const) {
    const holds = pairs.every((p) => {
      const reference = applyConvention(p.numeric, convention);
      if (p.analytic.rows !== reference.rows || p.analytic.cols !== reference.cols) return false;
      return compareArrays(p.analytic, reference, toleranceFor(plan.criterion, p.analytic, reference)).passed;
    });
    if (holds) return CONVENTION_HINTS[convention](claim.wrt);
  }
  return null;
}

/** The first near miss of the claim's own kind that matches on every trial. */
function alterationHint(plan: ClaimPlan, pairs: readonly Pair[]): string | null {
  const kind = kindOf(plan.claim);
  const found = (kind.alterations ?? []).find(
    (a) => a.applies(plan.claim) && matchesEvery(pairs, plan.criterion, (m) => a.alter(m)),
  );
  return found === undefined ? null : found.says(plan.claim);
}

/** True when the claim passes on every trial drawn with `options`. */
function passesWith(plan: ClaimPlan, draw: DrawOptions): boolean {
  return runTrials({ ...plan, draw }).status === 'pass';
}

/** The names a claim reads, directly or through `where` values. */
function namesRead(plan: ClaimPlan): Set<string> {
  const exprs = kindOf(plan.claim).expressions(plan.claim);
  const names = new Set(exprs.flatMap((e) => [...e.names]));
  for (const w of [...plan.identity.where].reverse()) if (names.has(w.name)) for (const n of w.expr.names) names.add(n);
  return names;
}

function symmetricHint(plan: ClaimPlan): string | null {
  const read = namesRead(plan);
  const square = plan.identity.vars.filter((v) => read.has(v.name) && v.square);
  const general = square.filter((v) => !['symmetric', 'spd', 'diagonal', 'orthogonal'].includes(v.sample));
  if (general.length === 0 || !passesWith(plan, { ...plan.draw, symmetric: true })) return null;
  // Only a transpose that makes it hold for general inputs shows that a transpose is what differs.
  const fix = transposeVariants(
    plan.claim,
    general.map((v) => v.name),
  ).find((v) => passesWith({ ...plan, claim: v.claim }, plan.draw));
  if (fix === undefined) return null;
  const names = general.map((v) => v.name).join(', ');
  return `holds only for symmetric inputs: it passes when ${names} ${general.length > 1 ? 'are' : 'is'} drawn symmetric, and for any ${names} ${fix.says}: a transpose is missing`;
}

function kronHint(plan: ClaimPlan): string | null {
  const { claim } = plan;
  if (claim.kind === 'equal') return null;
  return kronSwapVariants(claim).find((v) => passesWith({ ...plan, claim: v.claim }, plan.draw))?.says ?? null;
}

/** For a differential in several vars: the terms of some vars agree, those of others do not. */
function productRuleHint(plan: ClaimPlan, pairs: readonly Pair[]): string | null {
  if (plan.claim.kind !== 'differential' || pairs.some((p) => p.rowLabels === undefined)) return null;
  const trials = pairs.map((p) => ({ ...p, rowLabels: p.rowLabels! }));
  const parts = directionParts(trials, (a, n) => toleranceFor(plan.criterion, a, n));
  if (parts === null) return null;
  const list = (ds: string[]): string => ds.join(', ');
  return `the terms in ${list(parts.right)} match and those in ${list(parts.wrong)} do not: a term of the product rule is missing or wrong (d(XY) = dX·Y + X·dY)`;
}

/** For a differential: a direction transposed where it should not be, or the reverse. */
function directionHint(plan: ClaimPlan): string | null {
  const { claim } = plan;
  if (claim.kind !== 'differential') return null;
  const fix = transposeVariants(claim, claim.directions).find((v) =>
    passesWith({ ...plan, claim: v.claim }, plan.draw),
  );
  return fix === undefined ? null : `a direction is transposed where it should not be (or the reverse): ${fix.says}`;
}

/** A value every dims range allows (at least 2 where one does), or null when the ranges do not meet. */
function commonDim(plan: ClaimPlan): number | null {
  const { dims } = plan.identity;
  const lo = Math.max(...dims.map((d) => d.min));
  const hi = Math.min(...dims.map((d) => d.max));
  return lo <= hi ? Math.min(Math.max(lo, 2), hi) : null;
}

function equalDimsHint(plan: ClaimPlan): string | null {
  if (plan.identity.dims.length < 2) return null;
  const v = commonDim(plan);
  if (v === null) return null;
  const dims = new Map(plan.identity.dims.map((d) => [d.name, v] as const));
  if (!passesWith(plan, { ...plan.draw, dims })) return null;
  const names = plan.identity.dims.map((d) => d.name).join(' = ');
  return `holds only when the dims are equal: it passes with ${names} = ${v}; a size or a transpose is used where another is meant`;
}

/**
 * Every trial of the plan, reusing those the check ran already (it stopped at the failing one):
 * a hint must hold on all of them.
 */
function allTrials(plan: ClaimPlan, run: TrialsRun): readonly TrialRecord[] {
  const rest = plan.trials.slice(run.records.length);
  return rest.length === 0 ? run.records : [...run.records, ...runTrials({ ...plan, trials: rest }, false).records];
}

/**
 * The near miss a failing claim most likely is, tested on the same draws: its transpose (or the
 * other jacobian layout), its negation, a constant multiple, a multiple by a power of a dim
 * (a missing 1/N), the same claim on symmetric inputs,
 * or with all dims equal. A hint is returned only when the alternative passes on every trial.
 */
export function findHint(plan: ClaimPlan, run: TrialsRun): string | null {
  const records = allTrials(plan, run);
  const pairs = pairsOf(records);
  if (pairs !== null) {
    const hint =
      transposeHint(plan, pairs) ??
      (matchesEvery(pairs, plan.criterion, negate) ? 'matches after negating: a sign error' : null) ??
      factorHint(plan, pairs) ??
      dimFactorHint(plan, pairs, records) ??
      conventionHint(plan, pairs) ??
      productRuleHint(plan, pairs) ??
      alterationHint(plan, pairs);
    if (hint !== null) return hint;
  }
  return kronHint(plan) ?? directionHint(plan) ?? symmetricHint(plan) ?? equalDimsHint(plan);
}
