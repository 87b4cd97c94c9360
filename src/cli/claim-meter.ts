import type { ClaimProgress } from '../check/plan/claim-progress.js';

/** A claim's figures are shown once it has run this long: most claims take milliseconds. */
export const CLAIM_SHOWN_AFTER_MS = 1000;

/** The figures are redrawn at most this often, however fast the entries come. */
export const REDRAW_MS = 100;

/** What the claim running has reported, and when. */
interface Reading {
  started: number;
  trial: number;
  trials: number;
  trialStarted: number;
  /** Finite-difference entries of the trial, or total 0 for a kind that reports none. */
  done: number;
  total: number;
  evaluations: number;
  drawn: number;
}

/** `850`, `25k`, `1.3M`: a rate at a glance. */
function compact(x: number): string {
  if (x < 10_000) return String(Math.round(x));
  if (x < 1e6) return `${Math.round(x / 1e3)}k`;
  return `${(x / 1e6).toPrecision(2)}M`;
}

/** `~4s`, `~2m05s`, `~1h02m`. */
function duration(ms: number): string {
  const s = Math.ceil(ms / 1000);
  const two = (n: number): string => String(n).padStart(2, '0');
  if (s < 60) return `~${s}s`;
  if (s < 3600) return `~${Math.floor(s / 60)}m${two(s % 60)}s`;
  return `~${Math.floor(s / 3600)}h${two(Math.floor(s / 60) % 60)}m`;
}

/**
 * The time left, assuming the trials still to run are the size of this one: from the pace of its
 * entries, or, for a kind without entries, from the pace of the trials before it. Null while
 * there is nothing to go by.
 */
function timeLeft(r: Reading, at: number): number | null {
  if (r.total > 0 && r.done > 0) {
    const perEntry = (at - r.trialStarted) / r.done;
    return perEntry * (r.total - r.done + (r.trials - r.trial) * r.total);
  }
  if (r.trial <= 1) return null;
  const perTrial = (r.trialStarted - r.started) / (r.trial - 1);
  return Math.max(0, perTrial * (r.trials - r.trial + 1) - (at - r.trialStarted));
}

/** ` · trial 2/5 · entries 812/3600 · 25k evals/s · ~3s left` */
function describeReading(r: Reading, at: number): string {
  const parts: string[] = [];
  if (r.trials > 1) parts.push(`trial ${r.trial}/${r.trials}`);
  if (r.total > 0) parts.push(`entries ${r.done}/${r.total}`);
  const seconds = (at - r.started) / 1000;
  if (r.evaluations > 0 && seconds > 0) parts.push(`${compact(r.evaluations / seconds)} evals/s`);
  const left = timeLeft(r, at);
  if (left !== null) parts.push(`${duration(left)} left`);
  return parts.map((p) => ` · ${p}`).join('');
}

/**
 * The figures of the claim running, for a progress line: `begin()` when a claim starts; its
 * `progress` is what the engine tells, and `show` gets the figures as text, once the claim has
 * run over a second and at most every REDRAW_MS. `clock` is read only when the engine tells.
 */
export function claimMeter(
  show: (figures: string) => void,
  clock: () => number,
): { readonly begin: () => void; readonly progress: ClaimProgress } {
  const r: Reading = { started: 0, trial: 0, trials: 0, trialStarted: 0, done: 0, total: 0, evaluations: 0, drawn: 0 };
  const draw = (at: number): void => {
    if (at - r.started < CLAIM_SHOWN_AFTER_MS || at - r.drawn < REDRAW_MS) return;
    r.drawn = at;
    show(describeReading(r, at));
  };
  const progress: ClaimProgress = {
    trial: (index, of, evaluations) => {
      const at = clock();
      Object.assign(r, { trial: index, trials: of, trialStarted: at, done: 0, total: 0, evaluations });
      draw(at);
    },
    // Called after every entry: three stores and a clock reading, no allocation.
    tick: (done, total, evaluations) => {
      r.done = done;
      r.total = total;
      r.evaluations = evaluations;
      draw(clock());
    },
  };
  const begin = (): void => void Object.assign(r, { started: clock(), trial: 0, trials: 0, drawn: 0 });
  return { begin, progress };
}
