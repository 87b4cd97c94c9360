import type { Identity } from '../spec-file/identity.js';
import type { SpecError } from './result/run-report.js';

/** The loosest tolerance a run accepts from a spec (`--max-rtol`, `--max-atol`); null: no cap. */
export interface ToleranceCap {
  readonly rtol: number | null;
  readonly atol: number | null;
}

/** No cap: a spec's own tolerance is honoured whatever it is. */
export const NO_CAP: ToleranceCap = { rtol: null, atol: null };

/**
 * The identities whose own tolerance stays within the cap, and a spec error for each of the
 * others, naming the spec and both figures: a course's CI can refuse a student's
 * `tolerance: { rtol: 100 }`, which would pass any formula.
 */
export function capTolerances(
  identities: readonly Identity[],
  cap: ToleranceCap,
): { kept: Identity[]; errors: SpecError[] } {
  const kept: Identity[] = [];
  const errors: SpecError[] = [];
  for (const identity of identities) {
    const over = (['rtol', 'atol'] as const).filter((k) => {
      const own = identity.tolerance[k];
      const max = cap[k];
      return own !== null && max !== null && own > max;
    });
    if (over.length === 0) {
      kept.push(identity);
      continue;
    }
    const figures = over.map((k) => `${k} ${identity.tolerance[k]} is looser than --max-${k} ${cap[k]}`).join('; ');
    const { file, line, column } = identity.toleranceLocation;
    const path = identity.toleranceLocation === identity.location ? ['id'] : ['tolerance'];
    errors.push({
      code: 'tolerance',
      file,
      line,
      column,
      path,
      message: `${identity.id}: its own tolerance: ${figures}`,
    });
  }
  return { kept, errors };
}
