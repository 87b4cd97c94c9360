import { Option } from 'commander';
import type * as z from 'zod';
import type { RunSettings } from '../check/run.js';
import type { CommandSettings } from './command-settings.js';

/** The commands whose options come from the option table. */
export type CommandName = 'all' | 'check' | 'grade' | 'explain';

/** A problem with a config value that its schema cannot express, at a path under its key. */
export interface ConfigProblem {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** The config-file key of an option: how the file's value is checked and becomes the option's. */
export interface ConfigKey<T, C> {
  /** The key in mcheck.config.json / .yaml. */
  readonly key: string;
  /** What the file may hold under the key; zod's complaints become the error messages. */
  readonly schema: z.ZodType<C>;
  /** The option's value for a valid file value (the same as the flag would give). */
  readonly read: (value: C) => T;
  /** A further check of a value the schema accepted, such as an unknown reporter name. */
  readonly problem?: (value: C) => ConfigProblem | null;
}

/** One option as the table states it: `T` is the parsed value, `C` the config file's. */
export interface OptionSpec<T, C> {
  /** The flag and its argument, as commander reads them: `--seed <n>`, `--no-hints`. */
  readonly flags: string;
  /** Turns the argument into the value, gathering repeated uses; a switch has none. */
  readonly parse?: (value: string, previous: T | undefined) => T;
  /** The help text. */
  readonly help: string;
  /** Another help text in a command where the option means something else there. */
  readonly helpIn?: Partial<Record<CommandName, string>>;
  /** The commands that take the option. */
  readonly commands: readonly CommandName[];
  /** The config-file key that gives a value when the flag is absent; none when it has none. */
  readonly config?: ConfigKey<T, C>;
  /** Puts the value (the flag's, else the config's) into the settings. */
  readonly set: (settings: CommandSettings, value: T) => CommandSettings;
  /** A problem with the flag that shows only once every option is parsed, or null. */
  readonly verify?: (settings: CommandSettings, value: T) => string | null;
  /** The words a rerun command repeats so that it runs with the same settings (none when default). */
  readonly repeat?: (settings: RunSettings) => readonly string[];
}

/** A config key of the table, its value types erased. */
export interface ConfigEntry {
  readonly key: string;
  readonly schema: z.ZodType;
  readonly read: (value: unknown) => unknown;
  readonly problem: (value: unknown) => ConfigProblem | null;
}

/** One entry of the option table, its value types erased so that the entries share one list. */
export interface OptionEntry {
  readonly flags: string;
  /** The name commander gives the value: `seed`, `hints` for `--no-hints`. */
  readonly name: string;
  readonly parse: ((value: string, previous: unknown) => unknown) | null;
  /** The help text in `command`. */
  readonly helpIn: (command: CommandName) => string;
  readonly commands: readonly CommandName[];
  readonly config: ConfigEntry | null;
  readonly set: (settings: CommandSettings, value: unknown) => CommandSettings;
  readonly verify: (settings: CommandSettings, value: unknown) => string | null;
  readonly repeat: (settings: RunSettings) => readonly string[];
}

// The casts below are sound by construction: each erased function is only ever handed values
// produced by the same entry's parser (through commander) or by its config reader after its
// schema accepted the file's value.

function eraseConfig<T, C>(config: ConfigKey<T, C>): ConfigEntry {
  return {
    key: config.key,
    schema: config.schema,
    read: (value) => config.read(value as C),
    problem: (value) => config.problem?.(value as C) ?? null,
  };
}

/** An entry of the option table, typed where it is written and erased for the list. */
export function option<T, C = T>(spec: OptionSpec<T, C>): OptionEntry {
  const parse = spec.parse;
  return {
    flags: spec.flags,
    name: new Option(spec.flags).attributeName(),
    parse: parse === undefined ? null : (value, previous) => parse(value, previous as T | undefined),
    helpIn: (command) => spec.helpIn?.[command] ?? spec.help,
    commands: spec.commands,
    config: spec.config === undefined ? null : eraseConfig(spec.config),
    set: (settings, value) => spec.set(settings, value as T),
    verify: (settings, value) => spec.verify?.(settings, value as T) ?? null,
    repeat: (settings) => spec.repeat?.(settings) ?? [],
  };
}
