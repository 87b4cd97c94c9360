import { extname, normalize } from 'node:path';
import type { RunReport } from '../../check/result/run-report.js';
import { plural } from '../../report/format-number.js';
import { summaryLine } from '../../report/reporter.js';
import { SPEC_EXTENSIONS } from '../../spec-file/load-identities.js';
import { type RoleIndex, type SpecRole, pairedFiles } from './paired-files.js';
import {
  type Coverage,
  type OpenProblem,
  countProblems,
  describeProblems,
  exitCodeOfProblems,
  problemsAfter,
} from './open-problems.js';

/** How long watch mode waits after the last change before it reruns: one save is several events. */
export const DEBOUNCE_MS = 150;

/** What `h` prints. */
export const KEYS_HELP = `
Watch keys:
  a      rerun every watched file
  f      rerun only the claims that are failing
  Enter  rerun the last run
  h      show these keys
  q      quit (so does Ctrl-C), with the exit code mcheck all would give now
`;

/** What a watch session needs from the outside world; the CLI gives the real ones, tests fakes. */
export interface WatchDeps {
  /** The roles of the spec files under the watched paths: of those among `files`, or of all (null). */
  readonly survey: (files: readonly string[] | null) => readonly SpecRole[];
  /** Runs the claims of `paths` (only the rows `claims` when given) with the session's settings. */
  readonly run: (paths: readonly string[], claims: readonly string[] | null) => RunReport;
  /** The report as the terminal shows it. */
  readonly format: (report: RunReport) => string;
  readonly write: (text: string) => void;
  /** Clears the terminal, before each rerun. */
  readonly clear: () => void;
  /** Calls `action` after `ms` milliseconds; returns a function that cancels the call. */
  readonly schedule: (action: () => void, ms: number) => () => void;
  /** The time now, for the summary line. */
  readonly clock: () => Date;
  /** Called once, on `q`, with the exit code to leave with. */
  readonly quit: (code: number) => void;
}

/** One run: what it loads and selects, what it checks again, and what the summary line calls it. */
interface Plan {
  readonly paths: readonly string[];
  readonly claims: readonly string[] | null;
  readonly coverage: Coverage;
  readonly label: string;
}

/** Up to three names, then how many more. */
function names(files: readonly string[]): string {
  const more = files.length > 3 ? ` and ${files.length - 3} more` : '';
  return files.slice(0, 3).join(', ') + more;
}

/** What the summary line calls a rerun after changes: the files changed or gone, and those paired with them. */
function changeLabel(touched: readonly string[], after: RoleIndex, paths: readonly string[]): string {
  const changed = touched.filter((f) => after.has(f));
  const gone = touched.filter((f) => !after.has(f));
  const paired = paths.filter((f) => !touched.includes(f)).length;
  const parts = [
    changed.length > 0 ? `changed ${names(changed)}` : null,
    gone.length > 0 ? `removed ${names(gone)}` : null,
    paired > 0 ? `with ${plural(paired, 'paired file')}` : null,
  ];
  return parts.filter((p) => p !== null).join(', ');
}

/** The files of the problems, each once, and their rows (null when only spec errors are open). */
function failedPlan(problems: readonly OpenProblem[]): Plan {
  const paths = [...new Set(problems.flatMap((p) => p.files))];
  const rows = [...new Set(problems.flatMap((p) => (p.row === null ? [] : [p.row])))];
  const claims = rows.length > 0 ? rows : null;
  const coverage: Coverage = { all: false, files: new Set(paths), rows: claims === null ? null : new Set(claims) };
  return { paths, claims, coverage, label: `failing (${countProblems(problems)})` };
}

/**
 * Watch mode without the terminal: it is told of changed files and pressed keys, and decides what
 * to run, when, and what to print. A change reruns its file and the files paired with it by id
 * (see {@link pairedFiles}) once the changes have been quiet for {@link DEBOUNCE_MS}; `a` reruns
 * everything, `f` the claims failing now, Enter the last run, `h` prints the keys, `q` quits.
 * Every run has the same settings, seed included; a one-line summary follows each report.
 */
export class WatchSession {
  private index: RoleIndex = new Map();
  private problems: OpenProblem[] = [];
  private readonly pending = new Set<string>();
  private cancel: (() => void) | null = null;
  private last: Plan | null = null;
  private runs = 0;
  private stopped = false;

  /** `roots`: the watched files and folders, as a whole run loads them. */
  constructor(
    private readonly roots: readonly string[],
    private readonly deps: WatchDeps,
  ) {}

  /** The first run: every watched file. */
  start(): void {
    this.runAll();
  }

  /** A path under the watched ones changed, appeared or went: rerun what it touches once changes settle. */
  fileChanged(path: string): void {
    if (this.stopped || !SPEC_EXTENSIONS.has(extname(path).toLowerCase())) return;
    this.pending.add(normalize(path));
    this.cancel?.();
    this.cancel = this.deps.schedule(() => this.settle(), DEBOUNCE_MS);
  }

  /** A key pressed (`\r` for Enter, `\u0003` for Ctrl-C); other keys do nothing. */
  key(key: string): void {
    if (this.stopped) return;
    if (key === 'a') this.runAll();
    else if (key === 'f') this.runFailed();
    else if (key === '\r' || key === '\n') this.rerunLast();
    else if (key === 'h') this.deps.write(KEYS_HELP);
    else if (key === 'q' || key === '\u0003') this.quit();
  }

  /** The exit code `mcheck all` would give for the claims as last checked. */
  exitCode(): number {
    return exitCodeOfProblems(this.problems);
  }

  private quit(): void {
    this.stopped = true;
    this.cancel?.();
    this.deps.quit(this.exitCode());
  }

  /** Every watched file, its roles read afresh; pending changes are part of it. */
  private allPlan(): Plan {
    this.index = new Map(this.deps.survey(null).map((r) => [normalize(r.file), { ...r, file: normalize(r.file) }]));
    return {
      paths: this.roots,
      claims: null,
      coverage: { all: true },
      label: `all ${plural(this.index.size, 'file')}`,
    };
  }

  private runAll(): void {
    this.cancel?.();
    this.cancel = null;
    this.pending.clear();
    this.execute(this.allPlan());
  }

  /** The last run again; a whole run again reads the roles afresh. */
  private rerunLast(): void {
    if (this.last === null || this.last.coverage.all) this.runAll();
    else this.execute(this.last);
  }

  private runFailed(): void {
    if (this.problems.length === 0) this.summarize('no failed claims to rerun');
    else this.execute(failedPlan(this.problems));
  }

  /** The changes have settled: reread the roles of the changed files, and rerun what they touch. */
  private settle(): void {
    this.cancel = null;
    const changed = [...this.pending];
    this.pending.clear();
    const before = this.index;
    const after = new Map(before);
    for (const file of changed) after.delete(file);
    for (const role of this.deps.survey(changed))
      after.set(normalize(role.file), { ...role, file: normalize(role.file) });
    // Only spec files a whole run would load count: a package.json or an editor's backup does not.
    const touched = changed.filter((f) => before.has(f) || after.has(f));
    if (touched.length === 0) return;
    this.index = after;
    const paths = pairedFiles(before, after, touched);
    const coverage: Coverage = { all: false, files: new Set([...paths, ...touched]), rows: null };
    const label = changeLabel(touched, after, paths);
    if (paths.length > 0) return this.execute({ paths, claims: null, coverage, label });
    // Only files that went: nothing to run, but their problems are gone with them.
    this.problems = problemsAfter(this.problems, coverage, null);
    this.summarize(label);
  }

  private execute(plan: Plan): void {
    if (this.runs > 0) this.deps.clear();
    this.runs += 1;
    this.last = plan;
    const report = this.deps.run(plan.paths, plan.claims);
    this.deps.write(this.deps.format(report));
    this.problems = problemsAfter(this.problems, plan.coverage, report);
    this.summarize(`${plan.label}: ${summaryLine(report)}`);
  }

  /** The summary line: when, what ran, and the state of every watched claim. */
  private summarize(what: string): void {
    const time = this.deps.clock().toTimeString().slice(0, 8);
    this.deps.write(`\n[${time}] ${what} · ${describeProblems(this.problems)} · press h for help, q to quit\n`);
  }
}
