/** An error size as printed: two significant digits in exponent form, `-` when nothing was compared. */
export function formatError(x: number | null): string {
  if (x === null) return '-';
  if (!Number.isFinite(x)) return String(x);
  return x.toExponential(1);
}

/** `5 trials`, `1 trial`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
