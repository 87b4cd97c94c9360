import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Where Debian (and others) put Chromium; MCHECK_CHROMIUM names another. */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The browser the report tests drive, or null when this machine has none. */
export const CHROMIUM: string | null = process.env.MCHECK_CHROMIUM ?? CANDIDATES.find((p) => existsSync(p)) ?? null;

/** Under CI a missing browser is a failure of the run, not a reason to skip. */
export const UNDER_CI = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';

/** How to get the browser, for the skip message and the CI failure alike. */
export const GET_CHROMIUM =
  'the report tests need Chromium: apt-get install chromium (Debian), or set MCHECK_CHROMIUM to its path; .ci/run installs it';

/** Headless Chromium by its executable path: no browser download, no sandbox (CI runs as root). */
export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM!, args: ['--no-sandbox'] });
}
