import type { Claim } from '../../spec-file/identity.js';
import { formatShape } from '../../linalg/mat.js';
import type { ClaimKind } from './claim-kind.js';
import { derivativeKind } from './derivative-kind.js';

type GradientClaim = Extract<Claim, { kind: 'gradient' }>;

/** `gradient`: ∂f/∂wrt of a scalar f, in wrt's shape. */
export const gradientKind: ClaimKind<GradientClaim> = derivativeKind<GradientClaim>({
  name: 'gradient',
  referenceName: 'numeric gradient',
  derivative: ({ f, wrt, expect, convention }) => ({
    f,
    wrt,
    expect,
    layout: 'gradient',
    upstream: null,
    convention,
    refuse: (f0) =>
      f0.rows === 1 && f0.cols === 1
        ? null
        : `f is ${formatShape(f0)}, but a gradient claim needs a scalar f (use a backprop claim for arrays)`,
  }),
});
