import { InvalidArgumentError } from 'commander';
import { LIMIT_NAMES } from '../limits.js';
import { MAX_RUN_TRIALS } from '../check/check-claim.js';
import { MAX_PROBES } from '../check/plan/mode.js';
import { MAX_WORKERS } from '../check/parallel/worker-pool.js';

/** Largest seed accepted: seeds are printed and retyped, so they stay exact integers. */
const MAX_SEED = Number.MAX_SAFE_INTEGER;

/** `--seed N` or `--seed random` (a fresh seed, printed in the report so it can be reused). */
export function parseSeed(value: string): number {
  if (value === 'random') return Math.floor(Math.random() * 2 ** 31);
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n > MAX_SEED) {
    throw new InvalidArgumentError('expected a whole number ≥ 0, or "random".');
  }
  return n;
}

/** A whole number from 1 to 100000 (trials, a trial number). */
export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > MAX_RUN_TRIALS)
    throw new InvalidArgumentError(`expected a whole number from 1 to ${MAX_RUN_TRIALS}.`);
  return n;
}

/** `--mode full` or `--mode fast`. */
export function parseMode(value: string): 'full' | 'fast' {
  if (value !== 'full' && value !== 'fast') throw new InvalidArgumentError('expected full or fast.');
  return value;
}

/** `--probes K`: a whole number from 1 to MAX_PROBES. */
export function parseProbes(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > MAX_PROBES)
    throw new InvalidArgumentError(`expected a whole number from 1 to ${MAX_PROBES}.`);
  return n;
}

/** `--workers N`: 0 to MAX_WORKERS threads. */
export function parseWorkers(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > MAX_WORKERS)
    throw new InvalidArgumentError(`expected a whole number from 0 to ${MAX_WORKERS}.`);
  return n;
}

/** A tolerance: a finite number ≥ 0 such as 1e-6. */
export function parseTolerance(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0)
    throw new InvalidArgumentError('expected a number ≥ 0, such as 1e-6.');
  return n;
}

/** Collects a repeatable option into a list. */
export function collect(value: string, previous: readonly string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/**
 * `--dims m=2,n=3`: dims values that replace the drawn ones. The largest size allowed is the
 * run's dim limit, which `--limit dim=N` can raise: it is checked once every option is parsed.
 */
export function parseDims(value: string, previous: ReadonlyMap<string, number> | undefined): Map<string, number> {
  const dims = new Map(previous ?? []);
  for (const part of value.split(',')) {
    const match = /^\s*([\p{L}][\p{L}\p{N}_]*)\s*=\s*(\d+)\s*$/u.exec(part);
    const size = match ? Number(match[2]) : 0;
    if (!match || size < 1)
      throw new InvalidArgumentError('expected name=size pairs such as m=2,n=3, sizes of 1 or more.');
    dims.set(match[1]!, size);
  }
  return dims;
}

/** `--shard I/N`: this run checks the I-th of N disjoint parts. */
export function parseShard(value: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || count > 1000 || index < 1 || index > count) {
    throw new InvalidArgumentError('expected I/N with 1 ≤ I ≤ N ≤ 1000, such as 2/4.');
  }
  return { index, count };
}

/** `--grep PATTERN`: a regular expression matched against claim rows. */
export function parsePattern(value: string): RegExp {
  try {
    return new RegExp(value);
  } catch (error) {
    const why = error instanceof SyntaxError ? error.message.replace(/^Invalid regular expression: /, '') : 'invalid';
    throw new InvalidArgumentError(
      `not a valid regular expression (${why}); to match a character such as [ ( . * literally, put \\ before it.`,
    );
  }
}

/** `--limit NAME=VALUE` (repeatable): raises or lowers one of the run's limits. */
export function parseLimit(value: string, previous: ReadonlyMap<string, number> | undefined): Map<string, number> {
  const match = /^([a-z-]+)=(\d+(?:\.\d+)?(?:e\d+)?)$/.exec(value.trim());
  const info = match ? LIMIT_NAMES[match[1]!] : undefined;
  const n = Number(match?.[2]);
  if (!match || info === undefined || !(n > 0) || !Number.isFinite(n)) {
    throw new InvalidArgumentError(
      `expected NAME=VALUE with NAME one of ${Object.keys(LIMIT_NAMES).join(', ')} and VALUE > 0.`,
    );
  }
  if (n > info.max) throw new InvalidArgumentError(`${match[1]} can be raised to ${info.max} at most.`);
  return new Map(previous ?? []).set(match[1]!, n);
}

/** `--timeout SECONDS`: the time budget of each claim. */
export function parseSeconds(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !(n > 0) || !Number.isFinite(n))
    throw new InvalidArgumentError('expected a number of seconds > 0.');
  return n;
}
