import { describe, expect, it } from 'vitest';
import { createProgram } from '../../src/cli/program.js';
import { OPTIONS } from '../../src/cli/option-table.js';
import type { CommandName, OptionEntry } from '../../src/cli/option-entry.js';
import { replayOf, settingsOf } from '../../src/cli/apply-options.js';
import type { Config } from '../../src/cli/config.js';
import type { Io } from '../../src/cli/io.js';
import { defaultSettings } from '../../src/index.js';

// The option table is the one description of the options of all, check and explain: these tests
// hold the commands, the config file, the settings and the rerun words to it.

const COMMANDS: readonly CommandName[] = ['all', 'check', 'explain'];

const io: Io = { stdout: () => {}, stderr: () => {}, env: {}, stdoutIsTTY: false, stderrIsTTY: false };

/** The options commander knows for `command`, without its own --help. */
function registered(command: CommandName): string[] {
  const program = createProgram(io, process.cwd(), { exitCode: 0 });
  const cmd = program.commands.find((c) => c.name() === command)!;
  return cmd.options.map((o) => o.flags).filter((f) => f !== '-h, --help');
}

const entry = (flags: string): OptionEntry =>
  OPTIONS.find((e) => e.flags.startsWith(`${flags} `) || e.flags === flags)!;

/** The value commander would hand over for `raw` on the command line. */
function parsed(e: OptionEntry, raw: string): unknown {
  return e.parse === null ? raw : e.parse(raw, undefined);
}

describe('the option table', () => {
  it.each(COMMANDS)('registers every option of `%s`, in its order, and nothing else', (command) => {
    const expected = OPTIONS.filter((e) => e.commands.includes(command)).map((e) => e.flags);
    expect(expected.length).toBeGreaterThan(0);
    expect(registered(command)).toEqual(expected);
  });

  it.each(COMMANDS)('shows every option of `%s` with its help text in --help', (command) => {
    const program = createProgram(io, process.cwd(), { exitCode: 0 });
    const help = program.commands
      .find((c) => c.name() === command)!
      .helpInformation()
      .replace(/\s+/g, ' ');
    for (const e of OPTIONS.filter((o) => o.commands.includes(command))) {
      expect(help).toContain(e.flags);
      expect(help).toContain(e.helpIn(command).replace(/\s+/g, ' '));
    }
  });

  it('takes the same config keys as before, each once', () => {
    const keys = OPTIONS.flatMap((e) => (e.config === null ? [] : [e.config.key]));
    expect([...keys].sort()).toEqual([
      'atol',
      'dir',
      'maxAtol',
      'maxRtol',
      'mode',
      'probes',
      'reporters',
      'rtol',
      'seed',
      'trials',
    ]);
  });

  it('gives each option its own commander name', () => {
    const names = OPTIONS.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

/**
 * For each config key: the flag's argument, the file's value that means the same, another valid
 * file value, and other config the case needs.
 */
const SAMPLES: Record<string, { flag: string; raw: string; value: unknown; other: unknown; with?: Config }> = {
  seed: { flag: '--seed', raw: '7', value: 7, other: 9 },
  trials: { flag: '--trials', raw: '3', value: 3, other: 4 },
  rtol: { flag: '--rtol', raw: '0.01', value: 0.01, other: 0.02 },
  atol: { flag: '--atol', raw: '0.001', value: 0.001, other: 0.002 },
  mode: { flag: '--mode', raw: 'fast', value: 'fast', other: 'full' },
  // Probes count only in fast mode.
  probes: { flag: '--probes', raw: '5', value: 5, other: 6, with: { mode: 'fast' } },
  reporters: { flag: '--reporter', raw: 'junit=report.xml', value: ['junit=report.xml'], other: ['tap'] },
  dir: { flag: '--dir', raw: 'other', value: 'other', other: 'elsewhere' },
  maxRtol: { flag: '--max-rtol', raw: '0.001', value: 0.001, other: 0.01 },
  maxAtol: { flag: '--max-atol', raw: '1e-6', value: 1e-6, other: 1e-5 },
};

describe('a config key and its flag', () => {
  it('have a sample here for every config key', () => {
    const keys = OPTIONS.flatMap((e) => (e.config === null ? [] : [e.config.key]));
    expect(Object.keys(SAMPLES).sort()).toEqual([...keys].sort());
  });

  it.each(Object.entries(SAMPLES))('%s: set the same setting, away from the default', (key, sample) => {
    const e = entry(sample.flag);
    expect(e.config?.key).toBe(key);
    const base = sample.with ?? {};
    const fromFlag = settingsOf({ [e.name]: parsed(e, sample.raw) }, base);
    const fromConfig = settingsOf({}, { ...base, [key]: sample.value });
    expect(fromConfig).toEqual(fromFlag);
    expect(fromFlag).not.toEqual(settingsOf({}, base));
  });

  it.each(Object.entries(SAMPLES))('%s: the flag wins over the config', (key, sample) => {
    const e = entry(sample.flag);
    const flags = { [e.name]: parsed(e, sample.raw) };
    const base = sample.with ?? {};
    expect(settingsOf({}, { ...base, [key]: sample.other })).not.toEqual(settingsOf(flags, base));
    expect(settingsOf(flags, { ...base, [key]: sample.other })).toEqual(settingsOf(flags, base));
  });
});

describe('settings from the table', () => {
  it('are the library defaults when nothing is given', () => {
    expect(settingsOf({}, {}).run).toEqual(defaultSettings());
    expect(replayOf(defaultSettings()).extra).toEqual([]);
  });

  it('keep --timeout over --limit timeout=N, whichever the table applies first', () => {
    const limit = entry('--limit').parse!('timeout=5', undefined);
    expect(settingsOf({ timeout: 3, limit }, {}).run.limits.timeoutMs).toBe(3000);
    expect(settingsOf({ limit }, {}).run.limits.timeoutMs).toBe(5000);
  });

  it('repeat --trials, --rtol, --atol, --mode fast --probes K in rerun commands, in that order', () => {
    const settings = settingsOf({}, { seed: 4, trials: 3, rtol: 0.01, atol: 0.001, mode: 'fast', probes: 5 });
    expect(replayOf(settings.run)).toEqual({
      seed: 4,
      extra: ['--trials', '3', '--rtol', '0.01', '--atol', '0.001', '--mode', 'fast', '--probes', '5'],
      dims: new Map(),
    });
  });
});
