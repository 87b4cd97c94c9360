import { selectionMisses } from '../check/select.js';
import { Chalk } from 'chalk';
import { loadIdentities } from '../spec-file/load-identities.js';
import { explainClaim } from '../check/diagnose/explain.js';
import { PLAIN, paletteOf } from '../report/figures.js';
import { formatList } from '../report/list.js';
import { formatExplanations } from '../report/explain.js';
import { wantsColor } from './io.js';
import { resolveTargets, withGuesses } from './resolve-targets.js';
import { type Flags, settingsOf, verifyOptions } from './apply-options.js';
import type { CommandContext } from './command-context.js';

/**
 * `mcheck explain FILES`: one draw per claim, laid open, with the same settings as `check`
 * (config file, tolerances, limits). FILES may be spec ids, as for `check`. Exit codes as for `check`.
 */
export function explainCommand(files: string[], flags: Flags, { io, cwd, config }: CommandContext): number {
  const options = settingsOf(flags, config);
  verifyOptions(flags, options);
  // One draw, shown whatever its verdict, with its diagnosis: the one asked for with --trial or
  // --dims, else the smallest failing case (explainClaim chooses), hence the run's trial kept.
  const settings = { ...options.run, trials: null, diagnose: true };
  const targets = resolveTargets(files, { cwd, dir: options.dir }, settings.limits);
  const loaded = withGuesses(loadIdentities(targets.paths, settings.limits), targets);
  const claims = loaded.identities.flatMap((identity) => identity.claims);
  for (const miss of selectionMisses(claims, { ...settings, grep: null })) io.stderr(`mcheck: ${miss}\n`);
  const wanted = settings.claims;
  const list = loaded.identities.flatMap((identity) =>
    identity.claims
      .filter((c) => wanted.length === 0 || wanted.some((w) => w === c.name || w === c.row))
      .map((claim) => explainClaim(identity, claim, settings)),
  );
  const palette = wantsColor(io, options.color) ? paletteOf(new Chalk({ level: 1 })) : PLAIN;
  io.stdout(formatExplanations(list, palette, { seed: settings.seed, extra: [], dims: settings.dims }));
  if (loaded.errors.length > 0) io.stdout(formatList({ identities: [], answers: [], errors: loaded.errors }));
  if (list.length === 0 && loaded.errors.length === 0) {
    io.stderr('mcheck: no claims matched\n');
    return 2;
  }
  if (loaded.errors.length > 0 || list.some((e) => e.result.status === 'error')) return 2;
  return list.some((e) => e.result.status === 'fail') ? 1 : list.length === 0 ? 2 : 0;
}
