import type { Mat } from '../../linalg/mat.js';
import { attempt } from '../../errors.js';
import type { Claim } from '../../spec-file/identity.js';
import type { ClaimKind, TrialContext } from './claim-kind.js';
import { type NoiseAt, type TrialOutcome, finish } from '../trial/outcome.js';
import { scopeOf } from '../trial/scope.js';

type EqualClaim = Extract<Claim, { kind: 'equal' }>;

/** lhs and rhs computed at the draw; rounding, which grows with their size, is the only noise. */
function equalTrial(claim: EqualClaim, { identity, draw }: TrialContext): TrialOutcome {
  const scope = attempt(null, () => scopeOf(identity, draw, null));
  if (!scope.ok) return { type: 'error', message: scope.message };
  const values: Map<string, Mat> = scope.value;
  const left = attempt('lhs', () => claim.lhs.evaluate(values, null));
  if (!left.ok) return { type: 'error', message: left.message };
  const right = attempt('rhs', () => claim.rhs.evaluate(values, null));
  if (!right.ok) return { type: 'fail', message: right.message };
  let scale = 0;
  for (const v of left.value.re) scale = Math.max(scale, Math.abs(v));
  const noise: NoiseAt = () => 64 * Number.EPSILON * scale;
  return finish({ analytic: right.value, numeric: left.value, probes: false }, noise, {
    analytic: 'rhs',
    target: 'lhs',
    numeric: 'lhs',
  });
}

/** `equal`: lhs = rhs at every draw; rhs is the claimed side, lhs the reference. */
export const equalKind: ClaimKind<EqualClaim> = {
  name: 'equal',
  sides: ['rhs', 'lhs'],
  referenceName: 'lhs',
  expressions: (claim) => [claim.lhs, claim.rhs],
  trial: equalTrial,
  transposeHint: (claim) => `matches after transposing: rhs should be (${claim.rhs.source})'`,
};
