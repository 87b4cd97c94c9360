import type { RunSettings } from '../check/run.js';
import { DEFAULT_LIMITS, withOverrides } from '../limits.js';
import { defaultSettings } from '../index.js';
import type { ReporterTarget } from './targets.js';

/** What the options of a command decide: the settings of the run, and the CLI's own choices. */
export interface CommandSettings {
  readonly run: RunSettings;
  /** The `--limit` and `--timeout` values asked for, by limit name (`timeout` in seconds). */
  readonly limitOverrides: ReadonlyMap<string, number>;
  /** Where the reports go; null when neither a flag nor the config says (pretty, on stdout). */
  readonly reporters: readonly ReporterTarget[] | null;
  /** The folder `mcheck all` checks; null when neither a flag nor the config says. */
  readonly dir: string | null;
  /** `mcheck grade --questions DIR`: the course's questions; null when not given. */
  readonly questions: string | null;
  /** `--bundled`: check the bundled set of identities instead. */
  readonly bundled: boolean;
  /** Read and write the spec cache. */
  readonly cache: boolean;
  /** Colour is allowed (a terminal and NO_COLOR still decide). */
  readonly color: boolean;
}

/** The settings of a command given no option and no config file. */
export function defaultCommandSettings(): CommandSettings {
  return {
    run: defaultSettings(),
    limitOverrides: new Map(),
    reporters: null,
    dir: null,
    questions: null,
    bundled: false,
    cache: true,
    color: true,
  };
}

/** `settings` with some of its run settings replaced. */
export function withRun(settings: CommandSettings, patch: Partial<RunSettings>): CommandSettings {
  return { ...settings, run: { ...settings.run, ...patch } };
}

/**
 * `settings` with limit values asked for, by name, over the default limits. Values asked for
 * earlier win over these: `--timeout S`, applied before `--limit`, wins over `--limit timeout=N`.
 */
export function withLimits(settings: CommandSettings, overrides: ReadonlyMap<string, number>): CommandSettings {
  const asked = new Map([...overrides, ...settings.limitOverrides]);
  return { ...withRun(settings, { limits: withOverrides(DEFAULT_LIMITS, asked) }), limitOverrides: asked };
}
