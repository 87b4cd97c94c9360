import { parseSpecText } from '../../src/spec-file/document.js';
import { resolveSpec } from '../../src/spec-file/resolve-spec.js';
import type { Identity } from '../../src/spec-file/identity.js';
import type { SpecError } from '../../src/spec-file/spec-error.js';

/**
 * A spec text written inline in a test: the first line break after the backtick and the common
 * indentation are removed, so line 1 is the first line under the backtick.
 */
export function spec(strings: TemplateStringsArray, ...values: readonly unknown[]): string {
  const raw = strings.reduce((s, part, i) => s + part + (i < values.length ? String(values[i]) : ''), '');
  const body = raw.replace(/^\n/, '').replace(/\n[ \t]*$/, '\n');
  const indents = body
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => /^ */.exec(l)![0].length);
  const cut = indents.length === 0 ? 0 : Math.min(...indents);
  return body
    .split('\n')
    .map((l) => l.slice(cut))
    .join('\n');
}

/** The outcome of loading a text as the file `file`: the identity (of the claims that resolved), and the errors. */
export function loadText(text: string, file = 'spec.yaml'): { identity: Identity | null; errors: SpecError[] } {
  const doc = parseSpecText(file, text);
  if (!doc.ok) return { identity: null, errors: [...doc.errors] };
  const resolved = resolveSpec(file, doc.data, doc.locate);
  return { identity: resolved.ok ? resolved.identity : null, errors: [...resolved.errors] };
}

/**
 * The errors of a text, asserting that no claim they are about runs: the file yields no identity,
 * or one without the claims the errors point into.
 */
export function errorsOf(text: string, file = 'spec.yaml'): SpecError[] {
  const { identity, errors } = loadText(text, file);
  if (errors.length === 0)
    throw new Error(`expected spec errors, but the text loaded as identity ${identity?.id ?? '?'}`);
  if (identity !== null) {
    const broken = new Set(errors.map((e) => (e.path[0] === 'claims' ? e.path[1] : 'file')));
    if (broken.has('file')) throw new Error('an error of the whole file must not leave an identity');
    const ran = [...identity.claims, ...identity.open].filter((c) => broken.has(c.index));
    if (ran.length > 0) throw new Error(`claims with errors were kept: ${ran.map((c) => c.row).join(', ')}`);
  }
  return errors;
}

/** The identity of a text, failing with the errors' messages when it does not load. */
export function identityOf(text: string, file = 'spec.yaml'): Identity {
  const { identity, errors } = loadText(text, file);
  if (identity === null || errors.length > 0) {
    throw new Error(
      `expected the spec to load, got: ${errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('; ')}`,
    );
  }
  return identity;
}

/** `line:column message` of each error, for readable assertion diffs. */
export function describeErrors(errors: readonly SpecError[]): string[] {
  return errors.map((e) => `${e.line}:${e.column} ${e.message}`);
}
