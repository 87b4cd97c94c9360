import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { parseSpecText } from '../spec-file/document.js';
import { describeIssue } from '../spec-file/describe-issue.js';
import { parseTarget } from './targets.js';
import { MAX_RUN_TRIALS } from '../check/check-claim.js';
import { MAX_PROBES } from '../check/mode.js';
import { formatPlace } from '../report/place.js';

/** Config file names looked for in the working directory, in this order. */
export const CONFIG_FILES = ['mcheck.config.json', 'mcheck.config.yaml', 'mcheck.config.yml'] as const;

const Config = z.strictObject({
  dir: z.string().optional(),
  seed: z.union([z.number().int().nonnegative(), z.literal('random')]).optional(),
  trials: z.number().int().positive().max(MAX_RUN_TRIALS).optional(),
  rtol: z.number().nonnegative().optional(),
  atol: z.number().nonnegative().optional(),
  reporters: z.array(z.string()).min(1).optional(),
  mode: z.enum(['full', 'fast']).optional(),
  probes: z.number().int().positive().max(MAX_PROBES).optional(),
});

/** Defaults for `all` and `check`, from the config file; command-line flags override them. */
export type Config = z.output<typeof Config>;

/** The config, none, or why it cannot be read (with its place). */
export type LoadedConfig =
  | { readonly ok: true; readonly config: Config; readonly file: string | null }
  | { readonly ok: false; readonly message: string };

/** The first entry of `reporters` that is not NAME or NAME=FILE, with why. */
function firstBadReporter(reporters: readonly string[]): { index: number; message: string } | null {
  for (const [index, value] of reporters.entries()) {
    try {
      parseTarget(value);
    } catch (error) {
      return { index, message: (error as Error).message };
    }
  }
  return null;
}

/** Reads mcheck.config.{json,yaml,yml} from `cwd`, if there is one. */
export function loadConfig(cwd: string): LoadedConfig {
  const name = CONFIG_FILES.find((f) => existsSync(join(cwd, f)));
  if (name !== undefined && !statSync(join(cwd, name)).isFile())
    return { ok: false, message: `${name} is not a regular file` };
  if (name === undefined) return { ok: true, config: {}, file: null };
  const doc = parseSpecText(name, readFileSync(join(cwd, name), 'utf8'));
  if (!doc.ok) {
    const e = doc.errors[0]!;
    return { ok: false, message: `${e.message} → at ${formatPlace(name, e.line, e.column)}` };
  }
  const parsed = Config.safeParse(doc.data, { reportInput: true });
  if (!parsed.success) {
    const d = describeIssue(parsed.error.issues[0]!);
    const { line, column } = doc.locate(d.path, d.asKey);
    return { ok: false, message: `${d.message} → at ${name}:${line}:${column}` };
  }
  const badReporter = firstBadReporter(parsed.data.reporters ?? []);
  if (badReporter !== null) {
    const { line, column } = doc.locate(['reporters', badReporter.index]);
    return {
      ok: false,
      message: `reporters[${badReporter.index}]: ${badReporter.message} → at ${name}:${line}:${column}`,
    };
  }
  return { ok: true, config: parsed.data, file: name };
}
