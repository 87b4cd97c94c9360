import type { Loaded } from '../spec-file/load-identities.js';
import { FIGURES } from './figures.js';
import { formatPlace } from './place.js';

/** `mcheck list`: one line per claim with its kind and place, then any spec errors. */
export function formatList(loaded: Loaded): string {
  const lines: string[] = [];
  const rows = loaded.identities.flatMap((identity) =>
    [...identity.claims, ...identity.open]
      .sort((a, b) => a.index - b.index)
      .map((c) => ({
        row: c.row,
        kind: c.kind,
        at: `${c.location.file}:${c.location.line}${'complete' in c ? ' (no answer yet)' : ''}`,
        title: identity.title,
      })),
  );
  const width = Math.max(0, ...rows.map((r) => r.row.length));
  for (const r of rows) lines.push(`${r.row.padEnd(width)}  ${r.kind.padEnd(8)}  ${r.at}`);
  for (const e of loaded.errors) {
    lines.push(`${FIGURES.issue} ${e.message} ${FIGURES.arrow} at ${formatPlace(e.file, e.line, e.column)}`);
  }
  const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  const errors = loaded.errors.length ? `, ${count(loaded.errors.length, 'error', 'errors')}` : '';
  lines.push(
    `${count(loaded.identities.length, 'identity', 'identities')}, ${count(rows.length, 'claim', 'claims')}${errors}`,
  );
  return lines.join('\n') + '\n';
}
