import { type Command, Option } from 'commander';
import type { CommandName } from './option-entry.js';
import { OPTIONS } from './option-table.js';

/**
 * Adds to `cmd` every option of the table that `command` takes, in the table's order, but those
 * `leaveOut` names (by commander name): `mcheck watch` takes the options of `all` but a few.
 */
export function registerOptions(
  cmd: Command,
  command: CommandName,
  leaveOut: ReadonlySet<string> = new Set(),
): Command {
  for (const entry of OPTIONS) {
    if (!entry.commands.includes(command) || leaveOut.has(entry.name)) continue;
    const option = new Option(entry.flags, entry.helpIn(command));
    if (entry.parse !== null) option.argParser(entry.parse);
    cmd.addOption(option);
  }
  return cmd;
}
