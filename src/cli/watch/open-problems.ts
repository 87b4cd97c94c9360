import { normalize } from 'node:path';
import type { RunReport } from '../../check/result/run-report.js';
import { plural } from '../../report/format-number.js';

/** Something wrong in the watched files as last checked: a claim that did not pass, or a spec error. */
export interface OpenProblem {
  /** The claim's row, or null for a spec error. */
  readonly row: string | null;
  /** The files a rerun of it must load (normalized, as watch mode names files). */
  readonly files: readonly string[];
  /** What it makes the exit code: 1 a failure or a limit, 2 a spec or expression error (as for `mcheck all`). */
  readonly code: 1 | 2;
}

/** What a run checked again: every watched file, or some files and of them all claims or some rows. */
export type Coverage =
  | { readonly all: true }
  | { readonly all: false; readonly files: ReadonlySet<string>; readonly rows: ReadonlySet<string> | null };

/** The problems a report shows. */
export function problemsOf(report: RunReport): OpenProblem[] {
  const rows = report.results.flatMap((r): OpenProblem[] => {
    if (r.status === 'pass') return [];
    const code = r.status === 'fail' || r.error.limit !== null ? 1 : 2;
    return [{ row: r.row, files: r.sources.map((f) => normalize(f)), code }];
  });
  const errors = report.errors.map((e): OpenProblem => ({ row: null, files: [normalize(e.file)], code: 2 }));
  return [...rows, ...errors];
}

/** Whether a run with this coverage checked the problem again. */
function covers(coverage: Coverage, p: OpenProblem): boolean {
  if (coverage.all) return true;
  if (!p.files.some((f) => coverage.files.has(f))) return false;
  return coverage.rows === null || p.row === null || coverage.rows.has(p.row);
}

/**
 * The problems after a run: those it did not check again stay (a rerun of one file says nothing
 * of the others), those it did are replaced by what its report shows.
 */
export function problemsAfter(
  previous: readonly OpenProblem[],
  coverage: Coverage,
  report: RunReport | null,
): OpenProblem[] {
  const kept = previous.filter((p) => !covers(coverage, p));
  return report === null ? kept : [...kept, ...problemsOf(report)];
}

/** The exit code `mcheck all` would give for the claims as last checked: 0, 1 or 2. */
export function exitCodeOfProblems(problems: readonly OpenProblem[]): number {
  return Math.max(0, ...problems.map((p) => p.code));
}

/** How many problems of each sort: `2 claims`, `1 claim, 1 spec error` (empty for none). */
export function countProblems(problems: readonly OpenProblem[]): string {
  const claims = problems.filter((p) => p.row !== null).length;
  const errors = problems.length - claims;
  const parts = [claims > 0 ? plural(claims, 'claim') : null, errors > 0 ? plural(errors, 'spec error') : null];
  return parts.filter((s) => s !== null).join(', ');
}

/** The state of every watched claim, in a few words: `all watched claims pass`, `failing now: 2 claims`. */
export function describeProblems(problems: readonly OpenProblem[]): string {
  return problems.length === 0 ? 'all watched claims pass' : `failing now: ${countProblems(problems)}`;
}
