import { csvReporter } from './csv.js';
import { githubReporter } from './github.js';
import { gradescopeReporter } from './gradescope.js';
import { htmlReporter } from './html/html-reporter.js';
import { jsonReporter } from './json.js';
import { junitReporter } from './junit.js';
import { tapReporter } from './tap.js';
import { prettyReporter } from './pretty.js';
import type { Reporter } from './reporter.js';

/** Every reporter, by the name `--reporter` takes. */
export const REPORTERS: Readonly<Record<string, Reporter>> = {
  pretty: prettyReporter,
  json: jsonReporter,
  junit: junitReporter,
  github: githubReporter,
  tap: tapReporter,
  csv: csvReporter,
  gradescope: gradescopeReporter,
  html: htmlReporter,
};

export type { Reporter, ReporterContext } from './reporter.js';
