import type { Loaded } from '../spec/load-identities.js';
import { FIGURES } from './figures.js';

/** `mcheck list`: one line per claim with its kind and place, then any spec errors. */
export function formatList(loaded: Loaded): string {
  const lines: string[] = [];
  const rows = loaded.identities.flatMap((identity) =>
    identity.claims.map((c) => ({ row: c.row, kind: c.kind, at: `${identity.file}:${c.location.line}`, title: identity.title })),
  );
  const width = Math.max(0, ...rows.map((r) => r.row.length));
  for (const r of rows) lines.push(`${r.row.padEnd(width)}  ${r.kind.padEnd(8)}  ${r.at}`);
  for (const e of loaded.errors) {
    lines.push(`${FIGURES.issue} ${e.message} ${FIGURES.arrow} at ${e.file}${e.line === null ? '' : `:${e.line}:${e.column}`}`);
  }
  lines.push(`${loaded.identities.length} identities, ${rows.length} claims${loaded.errors.length ? `, ${loaded.errors.length} errors` : ''}`);
  return lines.join('\n') + '\n';
}
