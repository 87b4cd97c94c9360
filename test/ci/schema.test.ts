import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { REPO_ROOT, type CliResult, stackTraceSigns } from '../helpers/run-cli.js';
import { mcheck, specFiles, tempDir } from './ci-helpers.js';

// `mcheck schema`: the JSON Schema editors use. It must be a valid draft 2020-12 schema, accept
// every spec mcheck accepts, and reject what mcheck rejects as a shape error.

let run: CliResult;
let schema: Record<string, unknown>;
let validate: ValidateFunction;

beforeAll(() => {
  run = mcheck(['schema']);
  schema = JSON.parse(run.stdout) as Record<string, unknown>;
  // Strict mode: unknown keywords are errors. Union types (an expression is a string or a number)
  // are valid JSON Schema; strict mode only asks that they be allowed explicitly.
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
  validate = ajv.compile(schema);
});

const specOf = (file: string): unknown => parseYaml(readFileSync(join(REPO_ROOT, file), 'utf8'));

function explain(v: ValidateFunction): string {
  return JSON.stringify(v.errors ?? [], null, 1);
}

describe('mcheck schema', () => {
  it('exits 0 and prints JSON only', () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(stackTraceSigns(run)).toEqual([]);
    expect(typeof schema).toBe('object');
  });

  it('declares draft 2020-12 and is valid against its meta-schema', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const ajv = new Ajv2020({ allowUnionTypes: true });
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
  });

  it('names the version of mcheck in its title', () => {
    const version = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(String(schema.title)).toContain(version);
  });

  it('equals dist/mcheck.schema.json, which the build writes for the package', () => {
    const shipped = JSON.parse(readFileSync(join(REPO_ROOT, 'dist/mcheck.schema.json'), 'utf8')) as unknown;
    expect(shipped).toEqual(schema);
  });
});

describe('specs mcheck accepts validate against the schema', () => {
  const files = [
    ...specFiles('identities'),
    ...specFiles('test/fixtures/correct'),
    ...specFiles('test/fixtures/grading/questions'),
    ...specFiles('test/fixtures/grading/class/alice'),
  ];

  it('covers the bundled identities and the correct fixtures', () => {
    expect(specFiles('identities').length).toBeGreaterThan(0);
    expect(specFiles('test/fixtures/correct').length).toBeGreaterThan(0);
  });

  it.each(files)('%s', (file) => {
    expect(validate(specOf(file)), explain(validate)).toBe(true);
  });

  it('the example spec that mcheck init writes', () => {
    const dir = tempDir('schema-init');
    expect(mcheck(['init'], { cwd: dir }).code).toBe(0);
    const doc = parseYaml(readFileSync(join(dir, 'identities/example.yaml'), 'utf8')) as unknown;
    expect(validate(doc), explain(validate)).toBe(true);
  });
});

describe('an answer file that changes what is asked does not validate', () => {
  it('refuses the keys of a spec in an answer file', () => {
    expect(validate(specOf('test/fixtures/grading/class/dave/linear.yaml'))).toBe(false);
  });
});

describe('specs with shape errors do not validate, and mcheck rejects them too', () => {
  const base = (): Record<string, unknown> & { claims: Record<string, unknown>[] } =>
    structuredClone(specOf('identities/trace-gradient.yaml')) as Record<string, unknown> & {
      claims: Record<string, unknown>[];
    };

  const variants: Record<string, () => unknown> = {
    'an unknown top-level key': () => ({ ...base(), tolerence: { rtol: 1e-3 } }),
    'an unknown key in a claim': () => {
      const s = base();
      s.claims[0] = { ...s.claims[0]!, exepct: s.claims[0]!.expect };
      return s;
    },
    'a misspelt kind': () => {
      const s = base();
      s.claims[0] = { ...s.claims[0]!, kind: 'gradeint' };
      return s;
    },
    'a missing claims key': () => {
      const s: Record<string, unknown> = base();
      delete s.claims;
      return s;
    },
    'an id that is not kebab-case': () => ({ ...base(), id: 'Trace_Gradient' }),
  };

  it('starts from a spec that validates and loads', () => {
    expect(validate(base()), explain(validate)).toBe(true);
    const dir = tempDir('schema-base');
    writeFileSync(join(dir, 'spec.json.yaml'), JSON.stringify(base()));
    expect(mcheck(['check', join(dir, 'spec.json.yaml')]).code).toBe(0);
  });

  it.each(Object.entries(variants))('%s', (_, make) => {
    const doc = make();
    expect(validate(doc)).toBe(false);
    // JSON is YAML: the same document as a spec file is a spec error for mcheck.
    const dir = tempDir('schema-bad');
    const file = join(dir, 'spec.yaml');
    writeFileSync(file, JSON.stringify(doc, null, 2));
    const res = mcheck(['check', file]);
    expect(res.code).toBe(2);
    expect(stackTraceSigns(res)).toEqual([]);
  });
});
