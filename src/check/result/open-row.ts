import type { Identity, OpenClaim } from '../../spec-file/identity.js';
import type { Tolerance } from '../../numeric/closeness.js';
import { type ClaimResult, rowIdentity } from './claim-result.js';

/**
 * The row of a question claim that was not checked: no answer (a failure worth 0), or an answer
 * that could not be used (an error, worth 0). Nothing was drawn, so it has no trial to rerun.
 */
export function openClaimRow(identity: Identity, claim: OpenClaim, run: Tolerance): ClaimResult {
  const row = {
    ...rowIdentity(identity, claim),
    tolerance: { rtol: identity.tolerance.rtol ?? run.rtol, atol: identity.tolerance.atol ?? run.atol },
    trials: 0,
    maxAbsError: null,
    maxRelError: null,
    notes: claim.unanswered.notes,
  };
  const { status, message } = claim.unanswered;
  if (status === 'error') return { ...row, status, error: { message, limit: null, trial: null, dims: null } };
  const failure = {
    message,
    trial: null,
    dims: {},
    worst: null,
    noise: null,
    hint: null,
    shrunk: null,
    evidence: null,
  };
  return { ...row, status, failure };
}
