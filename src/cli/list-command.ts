import { loadIdentities } from '../spec-file/load-identities.js';
import { formatList } from '../report/list.js';
import { defaultDir } from './paths.js';
import { settingsOf } from './apply-options.js';
import type { CommandContext } from './command-context.js';

/** `mcheck list [PATHS]`: identities and claims without running them; the folder as for `all`. */
export function listCommand(paths: string[], { io, cwd, config }: CommandContext): number {
  const dir = settingsOf({}, config).dir ?? defaultDir(cwd);
  const loaded = loadIdentities(paths.length > 0 ? paths : [dir]);
  io.stdout(formatList(loaded));
  return loaded.errors.length > 0 ? 2 : 0;
}
