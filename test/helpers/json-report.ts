// The JSON report as the tests read it: one description of the stable interface that
// `--reporter json` prints (see README, "Output").

/** One result row. */
export interface JsonResult {
  id: string;
  claim: string | null;
  row: string;
  kind: string;
  file: string;
  line: number;
  status: 'pass' | 'fail' | 'error';
  maxAbsError: number | null;
  maxRelError: number | null;
  trials: number;
  message: string | null;
  hint: string | null;
  repro: string | null;
  worst: { index: [number, number]; analytic: number | null; numeric: number | null } | null;
  noise: number | null;
  failedTrial: number | null;
  dims: Record<string, number> | null;
  smallest: { dims: Record<string, number>; repro: string } | null;
}

/** One spec error. */
export interface JsonSpecError {
  file: string;
  line: number | null;
  column: number | null;
  message: string;
}

/** The whole report. */
export interface JsonReport {
  seed: number;
  mode: 'full' | 'fast';
  probes: number | null;
  summary: { passed: number; failed: number; errors: number };
  results: JsonResult[];
  errors: JsonSpecError[];
}
