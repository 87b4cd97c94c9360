import type { Tolerance, WorstEntry } from '../../numeric/closeness.js';
import type { KindName } from '../kinds/kinds.js';
import type { Limits } from '../../limits.js';
import type { Claim, Identity, OpenClaim } from '../../spec-file/identity.js';
import type { Evidence } from './evidence.js';
import { claimLatex } from '../../render/render-claim.js';

/** The verdict of one claim. `error` means the spec itself could not be evaluated. */
export type Status = 'pass' | 'fail' | 'error';

/** What the spec says of its identity in words and in the author's LaTeX; each null when not given. */
export interface About {
  readonly title: string | null;
  readonly source: string | null;
  readonly latex: string | null;
}

/** What every row has: which claim it is, where it stands, what was measured. */
interface RowBase {
  readonly id: string;
  /** The claim's name, or null. */
  readonly claim: string | null;
  readonly row: string;
  readonly kind: KindName;
  /** Where the claim is written: its spec, or the answer file that completes it. */
  readonly file: string;
  readonly line: number;
  /** The files a rerun must name: the spec, or the question and the answer file. */
  readonly sources: readonly string[];
  /** The submission the row belongs to when a class is graded, else null. */
  readonly submission: string | null;
  /** The points it earned: its maxPoints when it passed, else 0. */
  readonly points: number;
  readonly maxPoints: number;
  /** A question claim that students see only by name, status and points. */
  readonly hidden: boolean;
  /** Whether its points count towards a score: a claim of a question file. */
  readonly graded: boolean;
  /** The claim in LaTeX as mcheck read it (∂f/∂X = expect); null for a hidden or unanswered claim. */
  readonly latex: string | null;
  /** The identity's title, source and LaTeX; the LaTeX is null for a hidden claim. */
  readonly about: About;
  readonly tolerance: Tolerance;
  /** Trials completed (a failure stops at the failing trial). */
  readonly trials: number;
  /** Max |analytic − numeric| over the trials compared; null when nothing was compared. */
  readonly maxAbsError: number | null;
  readonly maxRelError: number | null;
  /**
   * What a reader of the verdict should know about how it was reached: a spec's tolerance looser
   * than the run's, values compared at their own scale. Empty as a rule.
   */
  readonly notes: readonly string[];
}

/** Why a claim failed, with the evidence: built once by the engine, rendered by every reporter. */
export interface Failure {
  /** The reason, ending `(trial 2 of 5)`. */
  readonly message: string;
  /** The 1-based trial that failed, and the dims of its draw; null when nothing was drawn (no answer). */
  readonly trial: number | null;
  readonly dims: Readonly<Record<string, number>>;
  /** The entry that decided the failing comparison, or null when nothing was compared. */
  readonly worst: WorstEntry | null;
  /** Estimated finite-difference noise at the worst entry, or null. */
  readonly noise: number | null;
  /** The near miss the failure most likely is ("matches after transposing: ..."), or null. */
  readonly hint: string | null;
  /** Both sides and their difference at the failing draw, for pictures; null when nothing was compared. */
  readonly evidence: Evidence | null;
  /** The smallest dims found at which the claim still fails, with the trial that fails there. */
  readonly shrunk: { readonly dims: Readonly<Record<string, number>>; readonly trial: number } | null;
}

/** A claim that could not be evaluated: a domain error of f or lhs, a limit. */
export interface RowError {
  readonly message: string;
  /**
   * The limit that stopped the claim, or null for an error of the spec's expressions. A limit
   * leaves the claim undecided (exit code 1); an expression that cannot be evaluated is the
   * spec's error (exit code 2).
   */
  readonly limit: keyof Limits | null;
  /** The trial and dims it happened at, or null (a limit stops the claim wherever it is). */
  readonly trial: number | null;
  readonly dims: Readonly<Record<string, number>> | null;
}

/** One row of a report: a claim and what became of it. */
export type ClaimResult =
  | (RowBase & { readonly status: 'pass' })
  | (RowBase & { readonly status: 'fail'; readonly failure: Failure })
  | (RowBase & { readonly status: 'error'; readonly error: RowError });

/** Why a row did not pass, or null on a pass. */
export function messageOf(r: ClaimResult): string | null {
  return r.status === 'fail' ? r.failure.message : r.status === 'error' ? r.error.message : null;
}

/** The failure of a row, or null when it passed or errored. */
export function failureOf(r: ClaimResult): Failure | null {
  return r.status === 'fail' ? r.failure : null;
}

/** The fields of a row that say which claim it is, where it is written, and what it is worth. */
export function rowIdentity(identity: Identity, claim: Claim | OpenClaim) {
  const file = claim.location.file;
  return {
    id: identity.id,
    claim: claim.name,
    row: claim.row,
    kind: claim.kind,
    file,
    line: claim.location.line,
    sources: file === identity.file ? [file] : [identity.file, file],
    submission: null,
    points: 0,
    maxPoints: claim.points,
    hidden: claim.hidden,
    graded: identity.question,
    // A hidden claim shows only its name, status and points: its formula would give the answer.
    latex: claim.hidden || 'complete' in claim ? null : claimLatex(identity, claim),
    about: { title: identity.title, source: identity.source, latex: claim.hidden ? null : identity.latex },
  };
}

/** How reports name a row: `<row>`, or `<submission>/<row>` when a class is graded. */
export function labelOf(r: Pick<ClaimResult, 'row' | 'submission'>): string {
  return r.submission === null ? r.row : `${r.submission}/${r.row}`;
}
