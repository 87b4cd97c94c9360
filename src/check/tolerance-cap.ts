import type { Identity, Location } from '../spec-file/identity.js';
import type { SpecError } from './result/run-report.js';

/** The loosest tolerance a run accepts from a spec (`--max-rtol`, `--max-atol`); null: no cap. */
export interface ToleranceCap {
  readonly rtol: number | null;
  readonly atol: number | null;
}

/** No cap: a spec's own tolerance is honoured whatever it is. */
export const NO_CAP: ToleranceCap = { rtol: null, atol: null };

/** A tolerance a spec or claim sets for itself, and where. */
interface Own {
  readonly tolerance: { readonly rtol: number | null; readonly atol: number | null };
  readonly location: Location;
  /** What the message names: the spec's id, or its claim's row. */
  readonly who: string;
  /** The path the error points at. */
  readonly path: readonly (string | number)[];
}

/** The error for a tolerance looser than the cap, naming both figures; null when within it. */
function overCap({ tolerance, location, who, path }: Own, cap: ToleranceCap): SpecError | null {
  const over = (['rtol', 'atol'] as const).filter((k) => {
    const own = tolerance[k];
    const max = cap[k];
    return own !== null && max !== null && own > max;
  });
  if (over.length === 0) return null;
  const figures = over.map((k) => `${k} ${tolerance[k]} is looser than --max-${k} ${cap[k]}`).join('; ');
  const { file, line, column } = location;
  return { code: 'tolerance', file, line, column, path, message: `${who}: its own tolerance: ${figures}` };
}

/**
 * The identities whose own tolerance stays within the cap, with only the claims whose own
 * tolerance does too, and a spec error for each of the others, naming the spec (or claim) and
 * both figures: a course's CI can refuse a student's `tolerance: { rtol: 100 }`, which would pass
 * any formula.
 */
export function capTolerances(
  identities: readonly Identity[],
  cap: ToleranceCap,
): { kept: Identity[]; errors: SpecError[] } {
  const kept: Identity[] = [];
  const errors: SpecError[] = [];
  for (const identity of identities) {
    const path = identity.toleranceLocation === identity.location ? ['id'] : ['tolerance'];
    const own = { tolerance: identity.tolerance, location: identity.toleranceLocation, who: identity.id, path };
    const spec = overCap(own, cap);
    if (spec !== null) {
      errors.push(spec);
      continue;
    }
    const claims = identity.claims.filter((c) => {
      const error = overCap(
        { tolerance: c.tolerance, location: c.toleranceLocation, who: c.row, path: ['claims', c.index, 'tolerance'] },
        cap,
      );
      if (error !== null) errors.push(error);
      return error === null;
    });
    kept.push(claims.length === identity.claims.length ? identity : { ...identity, claims });
  }
  return { kept, errors };
}
