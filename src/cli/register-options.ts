import { type Command, Option } from 'commander';
import type { CommandName } from './option-entry.js';
import { OPTIONS } from './option-table.js';

/** Adds to `cmd` every option of the table that `command` takes, in the table's order. */
export function registerOptions(cmd: Command, command: CommandName): Command {
  for (const entry of OPTIONS) {
    if (!entry.commands.includes(command)) continue;
    const option = new Option(entry.flags, entry.helpIn(command));
    if (entry.parse !== null) option.argParser(entry.parse);
    cmd.addOption(option);
  }
  return cmd;
}
