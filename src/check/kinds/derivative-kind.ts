import type { Claim } from '../../spec-file/identity.js';
import type { ClaimKind } from './claim-kind.js';
import { type DerivativeClaim, derivativeTrial } from '../trial/derivative-trial.js';

/** A claim of a derivative kind: it has f and expect. */
type WithDerivative = Extract<Claim, { f: unknown }>;

/** What differs between the derivative kinds; the rest of {@link ClaimKind} is common to them. */
export interface DerivativeKindSpec<C extends WithDerivative> {
  readonly name: C['kind'];
  readonly referenceName: string;
  /** What to differentiate, how to lay it out, and what f must be. */
  readonly derivative: (claim: C) => DerivativeClaim;
  readonly transposeHint?: (claim: C) => string;
}

/** The hint of a gradient-shaped claim whose expect matches transposed. */
function transposedExpect(claim: WithDerivative): string {
  return `matches after transposing: expect should be (${claim.expect.source})'`;
}

/** A derivative kind: expect against the central differences of f, in full or fast mode. */
export function derivativeKind<C extends WithDerivative>(spec: DerivativeKindSpec<C>): ClaimKind<C> {
  return {
    name: spec.name,
    sides: ['expect', 'numeric'],
    referenceName: spec.referenceName,
    expressions: (claim) => [claim.f, claim.expect],
    trial: (claim, ctx) => derivativeTrial(ctx, spec.derivative(claim)),
    transposeHint: spec.transposeHint ?? transposedExpect,
  };
}
