import type { Claim } from '../../spec-file/identity.js';
import { type Mat, zeros } from '../../linalg/mat.js';
import type { ClaimKind } from './claim-kind.js';
import { hessianTrial } from '../trial/hessian-trial.js';

type HessianClaim = Extract<Claim, { kind: 'hessian' }>;

/** (E + E')/2 of a square E; E itself when it is not square (the hint then cannot match). */
function symmetrised(e: Mat): Mat {
  if (e.rows !== e.cols || e.im !== null) return e;
  const out = zeros(e.rows, e.cols);
  for (let i = 0; i < e.rows; i++)
    for (let j = 0; j < e.cols; j++) out.re[i * e.cols + j] = (e.re[i * e.cols + j]! + e.re[j * e.cols + i]!) / 2;
  return out;
}

/** `hessian`: ∂²f/∂vec(x)∂vec(y)ᵀ of a scalar f, from f alone, entries in vec order. */
export const hessianKind: ClaimKind<HessianClaim> = {
  name: 'hessian',
  sides: ['expect', 'numeric'],
  referenceName: 'numeric hessian',
  expressions: (claim) => [claim.f, claim.expect],
  trial: (claim, ctx) => hessianTrial(ctx, claim),
  transposeHint: (claim) => `matches after transposing: expect should be (${claim.expect.source})'`,
  alterations: [
    {
      // Only a one-var Hessian is symmetric; a mixed block need not be square.
      applies: (claim) => claim.wrt.length === 1 || claim.wrt[0] === claim.wrt[1],
      alter: symmetrised,
      says: (claim) =>
        `matches after symmetrising: a Hessian is symmetric, and (E + E')/2 of expect E = ${claim.expect.source} holds`,
    },
  ],
};
