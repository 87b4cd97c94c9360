import type { Claim } from '../../spec-file/identity.js';
import type { ClaimKind } from './claim-kind.js';
import { differentialTrial } from '../trial/differential-trial.js';

type DifferentialClaim = Extract<Claim, { kind: 'differential' }>;

/** `differential`: df along directions dX (of every wrt var), against expect with dX bound. */
export const differentialKind: ClaimKind<DifferentialClaim> = {
  name: 'differential',
  sides: ['expect', 'numeric'],
  referenceName: 'numeric differential',
  expressions: (claim) => [claim.f, claim.expect],
  trial: (claim, ctx) => differentialTrial(ctx, claim),
  transposeHint: () => 'matches after transposing each direction’s value of expect',
};
