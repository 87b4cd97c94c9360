import * as z from 'zod';
import { RawSpec } from './schema.js';
import { RawAnswers } from './answer-sheet.js';

/**
 * The JSON Schema of the spec format, generated from the schema that validates specs, so the two
 * cannot drift apart. Editors use it to complete keys and flag misspelt ones before a run.
 */
export function specJsonSchema(version: string): Record<string, unknown> {
  // A file is a spec (a question among them) or a student's answer file.
  const schema = z.toJSONSchema(z.union([RawSpec, RawAnswers]), { io: 'input' }) as Record<string, unknown>;
  return {
    ...schema,
    title: `mcheck ${version} identity spec`,
    description:
      'One matrix-calculus identity (its dims, random vars, derived values and claims), or the answers to a question.',
  };
}
