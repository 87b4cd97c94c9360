// A row of the engine's report read as one flat record, so that tests written against a field
// (`r.message`, `r.hint`, `r.failedTrial`) read the same value whatever the row's status.
import type { ClaimResult } from '../../src/check/result/claim-result.js';
import { messageOf } from '../../src/check/result/claim-result.js';

/** The fields of a row, flat: null where the row's status has no such field. */
export type FlatResult = ClaimResult & {
  readonly message: string | null;
  readonly hint: string | null;
  readonly noise: number | null;
  readonly worst: Extract<ClaimResult, { status: 'fail' }>['failure']['worst'];
  readonly failedTrial: number | null;
  readonly failedDims: Readonly<Record<string, number>> | null;
  readonly shrunk: Extract<ClaimResult, { status: 'fail' }>['failure']['shrunk'];
};

/** The row, flat. */
export function flat(r: ClaimResult): FlatResult {
  const failure = r.status === 'fail' ? r.failure : null;
  const at = r.status === 'fail' ? r.failure : r.status === 'error' ? r.error : null;
  return {
    ...r,
    message: messageOf(r),
    hint: failure?.hint ?? null,
    noise: failure?.noise ?? null,
    worst: failure?.worst ?? null,
    failedTrial: at?.trial ?? null,
    failedDims: at?.dims ?? null,
    shrunk: failure?.shrunk ?? null,
  };
}
