import { loadIdentities } from '../spec-file/load-identities.js';
import { formatList } from '../report/list.js';
import { specFolder } from './paths.js';
import { settingsOf } from './apply-options.js';
import type { CommandContext } from './command-context.js';

/** `mcheck list [PATHS]`: identities and claims without running them; the folder as for `all` (./identities, or the config's `dir`). */
export function listCommand(paths: string[], { io, cwd, config }: CommandContext): number {
  const loaded = loadIdentities(paths.length > 0 ? paths : [specFolder(cwd, settingsOf({}, config))]);
  io.stdout(formatList(loaded));
  return loaded.errors.length > 0 ? 2 : 0;
}
