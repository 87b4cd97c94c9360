import type { Claim } from '../../spec-file/identity.js';
import type { ClaimKind } from './claim-kind.js';
import { derivativeTrial } from '../trial/derivative-trial.js';

type BackpropClaim = Extract<Claim, { kind: 'backprop' }>;

/**
 * `backprop`: expect is the gradient of the loss sum(G .* f) wrt `wrt`, for a random upstream
 * array G of f's shape (named `upstream` in expect), in wrt's shape.
 */
export const backpropKind: ClaimKind<BackpropClaim> = {
  name: 'backprop',
  sides: ['expect', 'numeric'],
  referenceName: 'numeric gradient',
  expressions: (claim) => [claim.f, claim.expect],
  trial: (claim, ctx) =>
    derivativeTrial(ctx, {
      f: claim.f,
      wrt: claim.wrt,
      expect: claim.expect,
      layout: 'gradient',
      upstream: claim.upstream,
      refuse: () => null,
    }),
  transposeHint: (claim) => `matches after transposing: expect should be (${claim.expect.source})'`,
};
