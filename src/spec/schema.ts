import * as z from 'zod';
import { SAMPLE_KINDS } from '../numeric/samplers.js';

/**
 * The shape of a spec file as written, checked strictly: unknown keys are errors, because a YAML
 * flow mapping such as `{ expect: ones(n, q) }` is split at the comma into a key `q)` and only a
 * strict schema turns that into a message instead of a silently different claim.
 */

/** An expression: text, or a bare number such as `expect: 2` (YAML reads it as a number). */
const Expr = z.union([z.string(), z.number()]).transform(String);

const PositiveInt = z.number().int().positive();

const DimValue = z.union([PositiveInt, z.tuple([PositiveInt, PositiveInt])]);

const ShapeEntry = z.union([PositiveInt, z.string()]);

const Var = z.strictObject({
  shape: z.array(ShapeEntry).max(2),
  sample: z.enum(SAMPLE_KINDS).optional(),
});

const Name = z.string().optional();

export const LAYOUTS = ['denominator', 'numerator'] as const;

export const CLAIM_KINDS = ['equal', 'gradient', 'jacobian', 'backprop'] as const;

const Claim = z.discriminatedUnion('kind', [
  z.strictObject({ name: Name, kind: z.literal('equal'), lhs: Expr, rhs: Expr }),
  z.strictObject({ name: Name, kind: z.literal('gradient'), f: Expr, wrt: z.string(), expect: Expr }),
  z.strictObject({
    name: Name, kind: z.literal('jacobian'), f: Expr, wrt: z.string(), expect: Expr,
    layout: z.enum(LAYOUTS).optional(),
  }),
  z.strictObject({
    name: Name, kind: z.literal('backprop'), f: Expr, upstream: z.string(), wrt: z.string(), expect: Expr,
  }),
]);

/** Largest `trials` a spec may ask for. */
export const MAX_TRIALS = 1000;

export const RawSpec = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case'),
  title: z.string().optional(),
  source: z.string().optional(),
  latex: z.string().optional(),
  dims: z.record(z.string(), DimValue).optional(),
  vars: z.record(z.string(), Var),
  where: z.record(z.string(), Expr).optional(),
  trials: PositiveInt.max(MAX_TRIALS).optional(),
  tolerance: z
    .strictObject({ rtol: z.number().nonnegative().optional(), atol: z.number().nonnegative().optional() })
    .optional(),
  claims: z.array(Claim).min(1),
});

/** A spec as written, after schema validation (optional fields still optional). */
export type RawSpec = z.output<typeof RawSpec>;
export type RawClaim = RawSpec['claims'][number];
