import type * as z from 'zod';
import { describeIssue, looksLikeSplitExpression } from './describe-issue.js';
import type { SpecPath } from './document.js';
import type { ResolveContext } from './resolve-context.js';

/** A copy of `data` without the keys that unknown-key issues name. */
function withoutUnknownKeys(data: unknown, issues: readonly z.core.$ZodIssue[]): unknown {
  const copy = structuredClone(data);
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    let node = copy as Record<string | number, unknown>;
    for (const step of issue.path) node = node[step as string | number] as Record<string | number, unknown>;
    for (const key of issue.keys) delete node[key];
  }
  return copy;
}

/**
 * Checks data (found at `at` in the file) against a schema and records every issue. When the only
 * issues are unknown keys, the data without them is checked again and returned, so that names and
 * expressions are still checked and all of a file's problems are reported in one run.
 */
export function validate<T>(ctx: ResolveContext, schema: z.ZodType<T>, data: unknown, at: SpecPath = []): T | null {
  const parsed = schema.safeParse(data, { reportInput: true });
  if (parsed.success) return parsed.data;
  // A value of the wrong type breaks its bounds too (a text is no list of at most 2): say it once.
  const mistyped = new Set(parsed.error.issues.filter((i) => i.code === 'invalid_type').map((i) => i.path.join('.')));
  const said = parsed.error.issues.filter(
    (i) => !((i.code === 'too_big' || i.code === 'too_small') && mistyped.has(i.path.join('.'))),
  );
  for (const issue of said) {
    const d = describeIssue({ ...issue, path: [...at, ...issue.path] } as z.core.$ZodIssue);
    ctx.error(d.code, d.message, d.path, d.asKey);
  }
  // A key that is the tail of an expression cut at a comma leaves that expression cut too:
  // checking it would only report the same mistake again.
  const onlyUnknownKeys = parsed.error.issues.every(
    (i) => i.code === 'unrecognized_keys' && !i.keys.some(looksLikeSplitExpression),
  );
  if (!onlyUnknownKeys) return null;
  const retry = schema.safeParse(withoutUnknownKeys(data, parsed.error.issues));
  return retry.success ? retry.data : null;
}
