import type { Claim } from '../../spec-file/identity.js';
import type { ClaimKind } from './claim-kind.js';
import { derivativeKind } from './derivative-kind.js';

type BackpropClaim = Extract<Claim, { kind: 'backprop' }>;

/**
 * `backprop`: expect is the gradient of the loss sum(G .* f) wrt `wrt`, for a random upstream
 * array G of f's shape (named `upstream` in expect), in wrt's shape.
 */
export const backpropKind: ClaimKind<BackpropClaim> = derivativeKind<BackpropClaim>({
  name: 'backprop',
  referenceName: 'numeric gradient',
  derivative: ({ f, wrt, expect, upstream }) => ({
    f,
    wrt,
    expect,
    layout: 'gradient',
    convention: 'independent',
    upstream,
    refuse: () => null,
  }),
});
