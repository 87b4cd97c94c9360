import type { ChalkInstance } from 'chalk';

/** Every symbol a report prints, in one place. */
export const FIGURES = {
  pass: '✓',
  fail: '✗',
  error: '!',
  issue: '✖',
  arrow: '→',
  dot: '·',
} as const;

/** The colours of a report; identity functions when colour is off. */
export interface Palette {
  readonly pass: (s: string) => string;
  readonly fail: (s: string) => string;
  readonly error: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly bold: (s: string) => string;
}

/** The palette for a chalk instance (whose level already says whether colour is on). */
export function paletteOf(chalk: ChalkInstance): Palette {
  return {
    pass: (s) => chalk.green(s),
    fail: (s) => chalk.red(s),
    error: (s) => chalk.yellow(s),
    dim: (s) => chalk.dim(s),
    bold: (s) => chalk.bold(s),
  };
}

/** A palette that leaves text alone (NO_COLOR, pipes, JSON). */
export const PLAIN: Palette = {
  pass: (s) => s,
  fail: (s) => s,
  error: (s) => s,
  dim: (s) => s,
  bold: (s) => s,
};
