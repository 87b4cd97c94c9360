import type { Claim } from '../../spec-file/identity.js';
import { formatShape } from '../../linalg/mat.js';
import type { ClaimKind } from './claim-kind.js';
import { derivativeTrial } from '../trial/derivative-trial.js';

type GradientClaim = Extract<Claim, { kind: 'gradient' }>;

/** `gradient`: ∂f/∂wrt of a scalar f, in wrt's shape. */
export const gradientKind: ClaimKind<GradientClaim> = {
  name: 'gradient',
  sides: ['expect', 'numeric'],
  referenceName: 'numeric gradient',
  expressions: (claim) => [claim.f, claim.expect],
  trial: (claim, ctx) =>
    derivativeTrial(ctx, {
      f: claim.f,
      wrt: claim.wrt,
      expect: claim.expect,
      layout: 'gradient',
      upstream: null,
      refuse: (f0) =>
        f0.rows === 1 && f0.cols === 1
          ? null
          : `f is ${formatShape(f0)}, but a gradient claim needs a scalar f (use a backprop claim for arrays)`,
    }),
  transposeHint: (claim) => `matches after transposing: expect should be (${claim.expect.source})'`,
};
