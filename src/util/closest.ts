/** The edit distance of two words: insertions, deletions, substitutions and swaps of neighbours. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}

/**
 * The candidates closest to `word` (at most `limit`, nearest first), within an edit distance of a
 * third of its length (at least 1, at most 3): what a "did you mean" offers for a misspelling.
 * A word of one letter gets none.
 */
export function closest(word: string, given: Iterable<string>, limit = 3): string[] {
  // An iterator (a map's keys) can be read once: read it into a list first.
  const candidates = [...given];
  // A one-letter word is one edit from every other one-letter word: only its other case is near.
  if (word.length < 2) return [...candidates].filter((c) => c !== word && c.toLowerCase() === word.toLowerCase());
  // A word of three letters or more that begins a candidate is its abbreviation (grad, jac).
  const lower = word.toLowerCase();
  const prefixed =
    lower.length >= 3 ? [...candidates].filter((c) => c.toLowerCase().startsWith(lower) && c !== word) : [];
  const within = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  const near = [...candidates]
    .map((c) => ({ c, d: distance(lower, c.toLowerCase()) }))
    .filter((x) => x.d <= within)
    .sort((x, y) => x.d - y.d || (x.c < y.c ? -1 : 1))
    .map((x) => x.c);
  return [...new Set([...near.filter((c) => c.toLowerCase() === lower), ...prefixed, ...near])].slice(0, limit);
}
