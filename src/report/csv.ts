import { type ClaimResult, messageOf } from '../check/result/claim-result.js';
import type { RunReport } from '../check/result/run-report.js';
import type { Reporter } from './reporter.js';

const HEADER = ['submission', 'id', 'claim', 'status', 'points', 'max_points', 'message'];

/**
 * A field as RFC 4180 writes it: quoted when it holds a comma, quote or line break. A field that
 * a spreadsheet would read as a formula (=, +, -, @ first) is quoted and prefixed with an apostrophe.
 */
function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function line(r: ClaimResult): string {
  const values = [
    r.submission ?? '',
    r.id,
    r.claim ?? r.row,
    r.status,
    String(r.points),
    String(r.maxPoints),
    messageOf(r) ?? '',
  ];
  return values.map(field).join(',');
}

/**
 * One line per submission and claim, for a gradebook: submission, id, claim, status, points, max
 * points, message (empty on a pass). The submission is empty outside `mcheck grade`.
 */
export const csvReporter: Reporter = (report: RunReport) =>
  [HEADER.join(','), ...report.results.map(line)].join('\r\n') + '\r\n';
