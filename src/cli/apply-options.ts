import type { RunSettings } from '../check/run.js';
import { UserError } from '../errors.js';
import type { ReplayFlags } from '../report/replay.js';
import { type CommandSettings, defaultCommandSettings } from './command-settings.js';
import type { Config } from './config.js';
import type { OptionEntry } from './option-entry.js';
import { OPTIONS } from './option-table.js';

/** The options of a command as commander hands them over: each parsed value under its entry's name. */
export type Flags = Readonly<Record<string, unknown>>;

/** An option's value: the flag's, else the config file's, else undefined (the default stays). */
function valueOf(entry: OptionEntry, flags: Flags, config: Config): unknown {
  const flag = flags[entry.name];
  if (flag !== undefined || entry.config === null || !Object.hasOwn(config, entry.config.key)) return flag;
  return entry.config.read(config[entry.config.key]);
}

/** The settings of a command: flags over config over defaults, applied in the table's order. */
export function settingsOf(flags: Flags, config: Config): CommandSettings {
  return OPTIONS.reduce((settings, entry) => {
    const value = valueOf(entry, flags, config);
    return value === undefined ? settings : entry.set(settings, value);
  }, defaultCommandSettings());
}

/** Throws the first problem with the given flags that shows only once all are parsed (exit 2). */
export function verifyOptions(flags: Flags, settings: CommandSettings): void {
  for (const entry of OPTIONS) {
    const value = flags[entry.name];
    const problem = value === undefined ? null : entry.verify(settings, value);
    if (problem !== null) throw new UserError(problem);
  }
}

/** What a rerun command repeats of a run: its seed and dims, and each option's own words. */
export function replayOf(settings: RunSettings): ReplayFlags {
  return { seed: settings.seed, extra: OPTIONS.flatMap((entry) => entry.repeat(settings)), dims: settings.dims };
}
