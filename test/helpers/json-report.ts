// The JSON report as the tests read it: one description of the stable interface that
// `--reporter json` prints (see README, "Output").

import type { SpecErrorCode } from '../../src/spec-file/spec-error.js';

/** One result row. */
export interface JsonResult {
  id: string;
  claim: string | null;
  row: string;
  kind: string;
  file: string;
  line: number;
  /** The files a rerun names: the spec, or the question and the answer file. */
  sources: string[];
  /** The submission's folder name under `mcheck grade`, else null. */
  submission: string | null;
  status: 'pass' | 'fail' | 'error';
  /** Points earned (maxPoints on a pass, else 0) and the claim's worth. */
  points: number;
  maxPoints: number;
  hidden: boolean;
  /** A question claim: its points count towards the score. */
  graded: boolean;
  maxAbsError: number | null;
  maxRelError: number | null;
  trials: number;
  message: string | null;
  /** How the verdict was reached where it is not the usual way; usually empty. */
  notes: string[];
  hint: string | null;
  repro: string | null;
  worst: {
    index: [number, number];
    analytic: number | null;
    numeric: number | null;
    /** Imaginary parts, null where that side is real. */
    analyticIm: number | null;
    numericIm: number | null;
  } | null;
  noise: number | null;
  failedTrial: number | null;
  dims: Record<string, number> | null;
  smallest: { dims: Record<string, number>; repro: string } | null;
  /** The claim in LaTeX as mcheck read it; null for a hidden or unanswered claim. */
  latex: string | null;
}

/** One spec error. */
export interface JsonSpecError {
  file: string;
  line: number | null;
  column: number | null;
  message: string;
  /** What kind of problem: one of mcheck's codes or a zod issue code (see src/spec-file/spec-error.ts). */
  code: SpecErrorCode;
  /** Keys and list indices of the place in the spec, such as `["claims", 0, "expect"]`; `[]` when none. */
  path: (string | number)[];
}

/** The whole report. */
export interface JsonReport {
  seed: number;
  mode: 'full' | 'fast';
  probes: number | null;
  /** `limited`: of the errors, the claims a limit stopped (exit code 1, not 2). */
  summary: { passed: number; failed: number; errors: number; limited: number };
  /** One per submission; empty when no question was checked. */
  scores: { submission: string | null; points: number; maxPoints: number }[];
  results: JsonResult[];
  errors: JsonSpecError[];
}
