import type { Claim } from '../../spec-file/identity.js';
import { checkSize } from '../../linalg/mat.js';
import type { ClaimKind } from './claim-kind.js';
import { derivativeKind } from './derivative-kind.js';
import { otherLayout } from './layout.js';

type JacobianClaim = Extract<Claim, { kind: 'jacobian' }>;

/** `jacobian`: ∂vec(f)/∂vec(wrt) of an f of any shape, in the claim's layout. */
export const jacobianKind: ClaimKind<JacobianClaim> = derivativeKind<JacobianClaim>({
  name: 'jacobian',
  referenceName: 'numeric jacobian',
  derivative: ({ f, wrt, expect, layout }) => ({
    f,
    wrt,
    expect,
    layout,
    convention: 'independent',
    upstream: null,
    refuse: (f0, x0) => {
      // The reference has len(wrt)·len(f) entries: refused before anything that size is made.
      checkSize(x0.re.length, f0.re.length, 'the jacobian');
      return null;
    },
  }),
  transposeHint: (claim) => {
    const other = otherLayout(claim.layout);
    return `layout mix-up: expect is the ${other}-layout jacobian; transpose it, or set layout: ${other}`;
  },
});
