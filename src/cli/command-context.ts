import type { Config } from './config.js';
import type { Io } from './io.js';

/** What every command works with: the outside world, the working directory and its config file. */
export interface CommandContext {
  readonly io: Io;
  readonly cwd: string;
  /** The config file of `cwd`, loaded once for the command. */
  readonly config: Config;
}
