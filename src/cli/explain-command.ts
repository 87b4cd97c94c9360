import { Chalk } from 'chalk';
import { loadIdentities } from '../spec-file/load-identities.js';
import { explainClaim } from '../check/explain.js';
import { PLAIN, paletteOf } from '../report/figures.js';
import { formatList } from '../report/list.js';
import { formatExplanations } from '../report/explain.js';
import { type Io, wantsColor } from './io.js';
import { loadConfig } from './config.js';
import { defaultDir } from './paths.js';
import { settingsOf, type RunFlags } from './run-command.js';

/**
 * `mcheck explain FILES`: one draw per claim, laid open, with the same settings as `check`
 * (config file, tolerances, limits). Exit codes as for `check`.
 */
export function explainCommand(files: string[], flags: RunFlags, io: Io, cwd: string): number {
  const config = loadConfig(cwd);
  if (!config.ok) {
    io.stderr(`mcheck: bad config: ${config.message}\n`);
    return 2;
  }
  const settings = { ...settingsOf(flags, config.config), trial: flags.trial ?? 1, trials: null, diagnose: true };
  const loaded = loadIdentities(files, settings.limits);
  const wanted = flags.claim ?? [];
  const list = loaded.identities.flatMap((identity) =>
    identity.claims
      .filter((c) => wanted.length === 0 || wanted.some((w) => w === c.name || w === c.row))
      .map((claim) => explainClaim(identity, claim, settings)),
  );
  const palette = wantsColor(io, flags.color) ? paletteOf(new Chalk({ level: 1 })) : PLAIN;
  io.stdout(formatExplanations(list, palette, { seed: settings.seed, extra: [], dims: settings.dims }));
  if (loaded.errors.length > 0) io.stdout(formatList({ identities: [], errors: loaded.errors }));
  if (list.length === 0 && loaded.errors.length === 0) {
    io.stderr('mcheck: no claims matched\n');
    return 2;
  }
  if (loaded.errors.length > 0 || list.some((e) => e.result.status === 'error')) return 2;
  return list.some((e) => e.result.status === 'fail') ? 1 : list.length === 0 ? 2 : 0;
}

/** `mcheck list [PATHS]`: identities and claims without running them; the folder as for `all`. */
export function listCommand(paths: string[], io: Io, cwd: string): number {
  const config = loadConfig(cwd);
  if (!config.ok) {
    io.stderr(`mcheck: bad config: ${config.message}\n`);
    return 2;
  }
  const loaded = loadIdentities(paths.length > 0 ? paths : [config.config.dir ?? defaultDir(cwd)]);
  io.stdout(formatList(loaded));
  return loaded.errors.length > 0 ? 2 : 0;
}
