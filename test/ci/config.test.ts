import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, prettyRows, stackTraceSigns } from '../helpers/run-cli.js';
import { type JsonReport, listedClaimCount, mcheck, parseJunit, runJson, tempDir, testcases } from './ci-helpers.js';

// mcheck.config.json / .yaml / .yml in the working directory: defaults for `all` and `check`,
// overridden by command-line flags; a bad config is a usage error naming the file and line.

const NEAR = 'test/fixtures/ci/tolerance/near-equal.yaml';
const OTHER = 'identities/det-gradient.yaml';

/**
 * A project folder: identities/near-equal.yaml (fails at the default tolerances), other/ with one
 * bundled identity, and the config file if one is given.
 */
function project(config?: { name: string; text: string }): string {
  const dir = tempDir('config');
  mkdirSync(join(dir, 'identities'));
  mkdirSync(join(dir, 'other'));
  cpSync(join(REPO_ROOT, NEAR), join(dir, 'identities', 'near-equal.yaml'));
  cpSync(join(REPO_ROOT, OTHER), join(dir, 'other', 'det-gradient.yaml'));
  if (config !== undefined) writeFileSync(join(dir, config.name), config.text);
  return dir;
}

const json = (value: unknown): { name: string; text: string } => ({
  name: 'mcheck.config.json',
  text: JSON.stringify(value, null, 2) + '\n',
});

const status = (report: JsonReport, claim: string): string | undefined =>
  report.results.find((r) => r.claim === claim)?.status;

/** The 1-based line of the first line of `text` containing `needle`. */
function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`"${needle}" not in ${text}`);
  return i + 1;
}

describe('without a config file (the baseline the other tests differ from)', () => {
  it('uses seed 1, the default tolerances (both near-equal claims fail) and ./identities', () => {
    const dir = project();
    const { run, report } = runJson(['all'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(report.seed).toBe(1);
    expect(status(report, 'scaled')).toBe('fail');
    expect(status(report, 'shifted')).toBe('fail');
    expect(new Set(report.results.map((r) => r.file))).toEqual(new Set(['identities/near-equal.yaml']));
  });
});

describe('mcheck.config.json', () => {
  it('sets the seed; --seed overrides it', () => {
    const dir = project(json({ seed: 7 }));
    expect(runJson(['all'], { cwd: dir }).report.seed).toBe(7);
    expect(runJson(['all', '--seed', '9'], { cwd: dir }).report.seed).toBe(9);
    // The seed is used, not only printed: the numbers are those of a run with --seed 7.
    const fromConfig = runJson(['check', 'other'], { cwd: dir }).report;
    const fromFlag = runJson(['check', 'other', '--seed', '7'], { cwd: project() }).report;
    const fromDefault = runJson(['check', 'other'], { cwd: project() }).report;
    expect(fromConfig.results.map((r) => r.maxAbsError)).toEqual(fromFlag.results.map((r) => r.maxAbsError));
    expect(fromConfig.results.map((r) => r.maxAbsError)).not.toEqual(fromDefault.results.map((r) => r.maxAbsError));
  });

  it('sets the trials per claim; --trials overrides it', () => {
    const baseline = runJson(['check', 'other'], { cwd: project() }).report.results[0]!.trials;
    const trials = baseline + 2;
    const dir = project(json({ trials }));
    const { report } = runJson(['check', 'other'], { cwd: dir });
    expect(report.results.length).toBeGreaterThan(0);
    for (const r of report.results) expect(r.trials).toBe(trials);
    const flagged = runJson(['check', 'other', '--trials', String(trials + 1)], { cwd: dir }).report;
    for (const r of flagged.results) expect(r.trials).toBe(trials + 1);
  });

  it('sets rtol; --rtol overrides it', () => {
    const dir = project(json({ rtol: 0.01 }));
    const { run, report } = runJson(['all'], { cwd: dir });
    expect(status(report, 'scaled')).toBe('pass');
    expect(status(report, 'shifted')).toBe('fail');
    expect(run.code).toBe(1);
    expect(status(runJson(['all', '--rtol', '1e-5'], { cwd: dir }).report, 'scaled')).toBe('fail');
  });

  it('sets atol; --atol overrides it', () => {
    const dir = project(json({ atol: 0.01 }));
    const { run, report } = runJson(['all'], { cwd: dir });
    expect(status(report, 'shifted')).toBe('pass');
    expect(status(report, 'scaled')).toBe('pass');
    expect(run.code).toBe(0);
    expect(status(runJson(['all', '--atol', '1e-8'], { cwd: dir }).report, 'shifted')).toBe('fail');
  });

  it('puts non-default tolerances and trials from the config into the rerun command', () => {
    const dir = project(json({ rtol: 0.0001, trials: 3 }));
    const { report } = runJson(['all'], { cwd: dir });
    const failing = report.results.filter((r) => r.status === 'fail');
    expect(failing.length).toBeGreaterThan(0);
    for (const r of failing) {
      expect(r.repro).toContain('--rtol 0.0001');
      expect(r.repro).toContain('--trials 3');
    }
  });

  it('sets the folder of `mcheck all`; --dir overrides it', () => {
    const dir = project(json({ dir: 'other' }));
    const { run, report } = runJson(['all'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(report.results.length).toBe(listedClaimCount(['other'], { cwd: dir }));
    for (const r of report.results) expect(r.file.startsWith('other/')).toBe(true);
    const flagged = runJson(['all', '--dir', 'identities'], { cwd: dir }).report;
    expect(new Set(flagged.results.map((r) => r.file))).toEqual(new Set(['identities/near-equal.yaml']));
  });

  it('sets the reporters; --reporter overrides them', () => {
    const dir = project(json({ reporters: ['tap', 'junit=report.xml'], dir: 'other' }));
    const run = mcheck(['all'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('TAP version 13');
    const xml = parseJunit(readFileSync(join(dir, 'report.xml'), 'utf8'));
    expect(testcases(xml).length).toBe(listedClaimCount(['other'], { cwd: dir }));

    const other = project(json({ reporters: ['junit=report.xml'], dir: 'other' }));
    const flagged = mcheck(['all', '--reporter', 'pretty'], { cwd: other });
    expect(prettyRows(flagged.stdout).length).toBeGreaterThan(0);
    expect(existsSync(join(other, 'report.xml'))).toBe(false);
  });

  it('sets the reporters to json alone: stdout is the JSON report', () => {
    const dir = project(json({ reporters: ['json'] }));
    const run = mcheck(['all'], { cwd: dir });
    expect((JSON.parse(run.stdout) as JsonReport).results.length).toBeGreaterThan(0);
  });

  it('applies to `mcheck check` too', () => {
    const dir = project(json({ seed: 11, rtol: 0.01 }));
    const { report } = runJson(['check', 'identities/near-equal.yaml'], { cwd: dir });
    expect(report.seed).toBe(11);
    expect(status(report, 'scaled')).toBe('pass');
  });

  it('accepts "random" as the seed and prints the seed it drew', () => {
    const dir = project(json({ seed: 'random', dir: 'other' }));
    const { run, report } = runJson(['all'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(Number.isSafeInteger(report.seed)).toBe(true);
    const again = runJson(['all', '--seed', String(report.seed)], { cwd: dir }).report;
    expect(again.results.map((r) => r.maxAbsError)).toEqual(report.results.map((r) => r.maxAbsError));
  });
});

describe('mcheck.config.yaml and .yml', () => {
  it.each(['mcheck.config.yaml', 'mcheck.config.yml'])(
    '%s sets seed, trials, rtol, atol, dir and reporters',
    (name) => {
      const text = [
        '# defaults for this project',
        'seed: 5',
        'trials: 4',
        'rtol: 0.01',
        'atol: 0.01',
        'dir: identities',
        'reporters:',
        '  - json',
        '',
      ].join('\n');
      const dir = project({ name, text });
      const run = mcheck(['all'], { cwd: dir });
      const report = JSON.parse(run.stdout) as JsonReport;
      expect(run.code).toBe(0);
      expect(report.seed).toBe(5);
      expect(status(report, 'scaled')).toBe('pass'); // rtol
      expect(status(report, 'shifted')).toBe('pass'); // atol
      for (const r of report.results) expect(r.trials).toBe(4);
      // Flags still win.
      const flagged = runJson(['all', '--seed', '6', '--trials', '2', '--atol', '1e-8'], { cwd: dir }).report;
      expect(flagged.seed).toBe(6);
      expect(status(flagged, 'shifted')).toBe('fail');
      expect(flagged.results.find((r) => r.claim === 'scaled')!.trials).toBe(2);
    },
  );
});

describe('a bad config file', () => {
  interface Bad {
    readonly name: string;
    readonly text: string;
    readonly at: string;
  }
  const jsonText = (lines: string[]): string => ['{', ...lines, '}', ''].join('\n');
  const cases: Record<string, Bad> = {
    'an unknown key (json)': {
      name: 'mcheck.config.json',
      text: jsonText(['  "seed": 3,', '  "trails": 4']),
      at: '"trails"',
    },
    'trials 0 (json)': {
      name: 'mcheck.config.json',
      text: jsonText(['  "seed": 3,', '  "trials": 0']),
      at: '"trials"',
    },
    'a negative seed (json)': {
      name: 'mcheck.config.json',
      text: jsonText(['  "dir": "identities",', '  "seed": -1']),
      at: '"seed"',
    },
    'a string for rtol (json)': { name: 'mcheck.config.json', text: jsonText(['  "rtol": "tight"']), at: '"rtol"' },
    'reporters not a list (json)': {
      name: 'mcheck.config.json',
      text: jsonText(['  "seed": 3,', '  "reporters": "json"']),
      at: '"reporters"',
    },
    'an unknown key (yaml)': {
      name: 'mcheck.config.yaml',
      text: 'seed: 3\ntrials: 2\ntolerance: 1e-3\n',
      at: 'tolerance',
    },
    'a negative rtol (yaml)': { name: 'mcheck.config.yaml', text: 'seed: 3\nrtol: -1\n', at: 'rtol' },
    'a YAML syntax error': { name: 'mcheck.config.yaml', text: 'seed: 3\nreporters: [json\n', at: 'reporters' },
  };

  it.each(Object.entries(cases))('%s: exits 2, naming the file and the line', (_, bad) => {
    const dir = project(bad);
    const run = mcheck(['all'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(stackTraceSigns(run)).toEqual([]);
    expect(run.stderr).toContain(bad.name);
    const m = new RegExp(`${bad.name.replace(/\./g, '\\.')}:(\\d+)`).exec(run.stderr);
    expect(m, run.stderr).not.toBeNull();
    // A syntax error is found where the parser gives up: at or after the line that opens it.
    if (bad.at === 'reporters' && bad.name.endsWith('.yaml'))
      expect(Number(m![1])).toBeGreaterThanOrEqual(lineOf(bad.text, bad.at));
    else expect(Number(m![1])).toBe(lineOf(bad.text, bad.at));
  });

  it('exits 2 on broken JSON, naming the file', () => {
    const dir = project({ name: 'mcheck.config.json', text: '{ "seed": 3,, }\n' });
    const run = mcheck(['all'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('mcheck.config.json');
    expect(stackTraceSigns(run)).toEqual([]);
  });

  it('is an error for `mcheck check` too, even when flags would override the bad value', () => {
    const dir = project({ name: 'mcheck.config.json', text: jsonText(['  "trials": 0']) });
    const run = mcheck(['check', 'other', '--trials', '3'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('mcheck.config.json:2');
  });

  // The reporters of a config are names like those of --reporter; an unknown one must be
  // reported like every other bad value, with the file and line.
  it.each([
    ['an unknown reporter', 'nope'],
    ['a reporter with an empty file name', 'junit='],
  ])('%s in "reporters": exits 2, naming the file and the line', (_, value) => {
    const text = jsonText(['  "seed": 3,', `  "reporters": [${JSON.stringify(value)}]`]);
    const dir = project({ name: 'mcheck.config.json', text });
    const run = mcheck(['all'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(stackTraceSigns(run)).toEqual([]);
    expect(run.stderr).toContain(`mcheck.config.json:${lineOf(text, '"reporters"')}`);
  });
});

describe('a config key and its flag', () => {
  it('set the same settings: a run with mode and probes from the config equals one with the flags', () => {
    const fromConfig = runJson(['check', 'other'], { cwd: project(json({ mode: 'fast', probes: 2 })) }).report;
    const fromFlags = runJson(['check', 'other', '--mode', 'fast', '--probes', '2'], { cwd: project() }).report;
    expect([fromConfig.mode, fromConfig.probes]).toEqual(['fast', 2]);
    expect(fromConfig).toEqual(fromFlags);
  });
});

describe('a config file that cannot be read', () => {
  /** A project whose mcheck.config.json is a folder. */
  function folderConfig(): string {
    const dir = project();
    mkdirSync(join(dir, 'mcheck.config.json'));
    return dir;
  }

  it.each([[['all']], [['check', 'other']], [['explain', 'other']], [['list']]])(
    'mcheck %j: exits 2 with one line naming it, no stack trace',
    (args) => {
      const run = mcheck(args, { cwd: folderConfig() });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe('mcheck: cannot read mcheck.config.json: it is a directory\n');
      expect(stackTraceSigns(run)).toEqual([]);
    },
  );

  it('does not stop `mcheck init`, which needs no config', () => {
    const dir = folderConfig();
    const run = mcheck(['init', 'new-project'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(existsSync(join(dir, 'new-project', 'identities'))).toBe(true);
  });

  // root reads any file whatever its mode, so the case exists only for other users.
  it.skipIf(process.getuid?.() === 0)('without read permission: exits 2 saying so, no stack trace', () => {
    const dir = project(json({ seed: 3 }));
    chmodSync(join(dir, 'mcheck.config.json'), 0o000);
    const run = mcheck(['all'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('mcheck: cannot read mcheck.config.json: permission denied\n');
    expect(stackTraceSigns(run)).toEqual([]);
  });
});
