import type { Claim } from '../../spec-file/identity.js';
import type { ClaimKind } from './claim-kind.js';
import { backpropKind } from './backprop.js';
import { equalKind } from './equal.js';
import { gradientKind } from './gradient.js';
import { jacobianKind } from './jacobian.js';
import { hessianKind } from './hessian.js';
import { differentialKind } from './differential.js';

/** The name of a claim kind, as specs write it. */
export type KindName = Claim['kind'];

/** Every claim kind, by name: the one registry the engine looks kinds up in. */
const KINDS: { readonly [K in KindName]: ClaimKind<Extract<Claim, { kind: K }>> } = {
  equal: equalKind,
  gradient: gradientKind,
  jacobian: jacobianKind,
  backprop: backpropKind,
  hessian: hessianKind,
  differential: differentialKind,
};

/** The kind module of a claim. */
export function kindOf<C extends Claim>(claim: C): ClaimKind<C> {
  return KINDS[claim.kind as KindName] as unknown as ClaimKind<C>;
}
