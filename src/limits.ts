import { DEFAULT_MAX_ELEMENTS } from './linalg/hooks.js';

/**
 * The limits a run enforces, so that no spec (specs are untrusted input in a course's CI) can
 * exhaust memory or hang the job. Each default is far beyond any hand-checkable identity, and
 * each can be raised with `--limit NAME=VALUE`.
 */
export interface Limits {
  /** Largest value of a dims symbol or fixed size in a shape. */
  readonly dim: number;
  /** Most entries of any matrix, checked before it is allocated (also inside expressions). */
  readonly elements: number;
  /** Most expression evaluations per claim, diagnosis included. */
  readonly evaluations: number;
  /** Most wall time per claim, in milliseconds, checked between operations. */
  readonly timeoutMs: number;
  /** Longest expression, in characters. */
  readonly expressionLength: number;
  /** Largest spec file, in bytes. */
  readonly fileBytes: number;
  /** Most YAML aliases expanded in one file (a "billion laughs" needs millions). */
  readonly aliases: number;
}

/** The limits of a run unless raised: none is reached by a hand-checkable identity. */
export const DEFAULT_LIMITS: Limits = {
  dim: 500,
  // 1M entries is 8 MB; a product of two such matrices takes about a second, so the time
  // budget is never overrun by much within a single operation. linalg's own default, so that
  // linalg used without a run refuses the same sizes.
  elements: DEFAULT_MAX_ELEMENTS,
  evaluations: 2_000_000,
  timeoutMs: 10_000,
  expressionLength: 2000,
  fileBytes: 1_000_000,
  aliases: 100,
};

/** The name of each limit on the command line (`--limit NAME=VALUE`), and its unit. */
export const LIMIT_NAMES: Readonly<
  Record<string, { readonly key: keyof Limits; readonly unit: string; readonly scale: number; readonly max: number }>
> = {
  dim: { key: 'dim', unit: '', scale: 1, max: 100_000 },
  // 2^27 entries is 1 GB: the most a typed array may safely take here.
  elements: { key: 'elements', unit: ' entries', scale: 1, max: 2 ** 27 },
  evaluations: { key: 'evaluations', unit: ' evaluations', scale: 1, max: 1e12 },
  timeout: { key: 'timeoutMs', unit: ' s', scale: 1000, max: 1e6 },
  'expression-length': { key: 'expressionLength', unit: ' characters', scale: 1, max: 1_000_000 },
  'file-size': { key: 'fileBytes', unit: ' bytes', scale: 1, max: 1e9 },
  aliases: { key: 'aliases', unit: ' aliases', scale: 1, max: 1e6 },
};

/** `the limit of 1000000 entries (raise it with --limit elements=N)`: how messages name a limit. */
export function describeLimit(limits: Limits, key: keyof Limits): string {
  const [name, info] = Object.entries(LIMIT_NAMES).find(([, v]) => v.key === key)!;
  return `the limit of ${limits[key] / info.scale}${info.unit} (raise it with --limit ${name}=N)`;
}

/** The defaults with the given `--limit` values (by command-line name) applied. */
export function withOverrides(base: Limits, overrides: ReadonlyMap<string, number>): Limits {
  const out: Record<string, number> = { ...base };
  for (const [name, value] of overrides) {
    const info = LIMIT_NAMES[name];
    if (info !== undefined) out[info.key] = value * info.scale;
  }
  return out as unknown as Limits;
}
