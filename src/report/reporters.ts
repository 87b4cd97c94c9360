import { jsonReporter } from './json.js';
import { prettyReporter } from './pretty.js';
import type { Reporter } from './reporter.js';

/** Every reporter, by the name `--reporter` takes. */
export const REPORTERS: Readonly<Record<string, Reporter>> = {
  pretty: prettyReporter,
  json: jsonReporter,
};

export type { Reporter, ReporterContext } from './reporter.js';
