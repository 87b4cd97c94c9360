import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

function tempSpec(name: string, text: string): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'mcheck-fix-'));
  const file = join(dir, name);
  writeFileSync(file, text);
  return { dir, file };
}

describe('findings of the second review', () => {
  it('refuses a claim name with control characters, which could forge report lines', () => {
    const { file } = tempSpec(
      'n.yaml',
      'id: forged\nvars:\n  x: { shape: [2] }\nclaims:\n  - name: "ok\\n::warning file=x::injected"\n    kind: gradient\n    f: sum(x)\n    wrt: x\n    expect: ones(2, 1)\n',
    );
    const r = runCli(['check', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(
      /claims\[0\]\.name must not contain control characters \(newlines, escapes\) → at .*n\.yaml:5:11/,
    );
    expect(r.stdout).not.toMatch(/^::warning/m);
  });

  it('NaN inside a relu is a NaN failure, not a kink', () => {
    const { file } = tempSpec(
      'nan.yaml',
      'id: nan-relu\nvars:\n  x: { shape: [3] }\nclaims:\n  - kind: gradient\n    f: sum(relu(log(x)))\n    wrt: x\n    expect: (x > 1) ./ x\n',
    );
    const r = runCli(['check', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/NaN or infinite/);
    expect(r.stdout).not.toMatch(/kink/);
  });

  it('a folder walk skips the project files that init writes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcheck-init-'));
    expect(runCli(['init'], { cwd: dir }).code).toBe(0);
    const r = runCli(['check', '.'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^2 passed, 0 failed$/m);
  });

  it('only one reporter may write to the terminal', () => {
    const r = runCli(['check', 'identities/trace-gradient.yaml', '--reporter', 'json', '--reporter', 'tap']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/only one reporter can write to the terminal/);
    expect(r.stdout).toBe('');
  });

  it('explain says when no claim matched', () => {
    const r = runCli(['explain', 'identities/trace-gradient.yaml', '--claim', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no claims matched/);
  });

  it('a limit cannot be raised past what memory allows', () => {
    const r = runCli(['all', '--limit', 'elements=1e20']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/elements can be raised to 134217728 at most/);
  });
});
