import * as z from 'zod';
import { SAMPLE_KINDS } from '../numeric/samplers.js';

// zod compiles a fast path for each object schema with `new Function` on first use. A run parses
// a few dozen small specs, so compiling costs more than it saves, and compiled-at-run-time code
// is the one part the CLI's code cache cannot keep.
z.config({ jitless: true });

// The shape of a spec file as written. Every fixed mapping (the spec, a var, a claim, the
// tolerance) is a strict object, so a misspelt key is an error rather than silently ignored. That
// is also how a YAML flow mapping cut at a comma inside an expression is caught: in a claim,
// `{ kind: gradient, f: sum(x), wrt: x, expect: ones(n, q) }` yields an unknown key `q)`. The
// keys of `where` (like those of `dims` and `vars`) are names the author chooses, so there a
// cut-off tail such as the `1)` of `where: { r: max(x, 1) }` passes as a key and is caught by its
// empty value instead; describe-issue.ts recognises such keys in both places and explains the cut.

/** An expression: text, or a bare number such as `expect: 2` (YAML reads it as a number). */
export const Expr = z.union([z.string(), z.number()]).transform(String).describe('An expression in mathjs syntax');

/** A spec's id: kebab-case. */
export const SpecId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case');

const PositiveInt = z.number().int().positive();

const DimValue = z.union([PositiveInt, z.tuple([PositiveInt, PositiveInt])]);

const ShapeEntry = z.union([PositiveInt, z.string()]);

const Var = z.strictObject({
  shape: z
    .array(ShapeEntry)
    .max(2)
    .describe('[] scalar, [n] column vector, [m, n] matrix; entries are dims symbols or sizes'),
  sample: z.enum(SAMPLE_KINDS).optional().describe('How the var is drawn (default normal)'),
  range: z
    .tuple([z.number(), z.number()])
    .optional()
    .describe('For uniform and positive vars: the interval [a, b] the entries are drawn from'),
});

// No control characters: names are printed in reports, where they must not forge lines or escapes.
const Name = z
  .string()
  .regex(/^[^\p{Cc}]*$/u, 'no control characters')
  .optional()
  .describe('A label: the row is <id>/<name>');

/** The jacobian layouts: denominator (len(wrt)×len(f), the default) and numerator. */
export const LAYOUTS = ['denominator', 'numerator'] as const;

/** The kinds of claim. */
export const CLAIM_KINDS = ['equal', 'gradient', 'jacobian', 'backprop', 'hessian', 'differential'] as const;

/** How a gradient treats the entries of a square wrt: see resolve-claims.ts and the README. */
export const CONVENTIONS = ['independent', 'symmetric', 'distinct'] as const;

/** The tolerance a spec or a claim may set for itself. */
const Tolerance = z
  .strictObject({ rtol: z.number().nonnegative().optional(), atol: z.number().nonnegative().optional() })
  .describe('Its own tolerances: |analytic − numeric| ≤ atol + rtol·|numeric|');

/**
 * What any claim may carry besides its formulas: its own trials and tolerance, the points it is
 * worth, and whether it is hidden.
 */
const Grading = {
  trials: z
    .number()
    .int()
    .positive()
    .max(1000)
    .optional()
    .describe("Random draws for this claim (--trials, else this, else the spec's, else 5)"),
  tolerance: Tolerance.optional(),
  points: z.number().positive().optional().describe('What the claim is worth when graded (default 1)'),
  hidden: z.boolean().optional().describe('A question claim that students see only by name, status and points'),
};

// `expect` and `rhs` may be left out in a question file, where the answers give them; elsewhere
// resolve-claims.ts reports their absence, with that reason.
export const RawClaimSchema = z.discriminatedUnion('kind', [
  z.strictObject({ name: Name, kind: z.literal('equal'), lhs: Expr, rhs: Expr.optional(), ...Grading }),
  z.strictObject({
    name: Name,
    kind: z.literal('gradient'),
    f: Expr,
    wrt: z.string(),
    expect: Expr.optional(),
    convention: z
      .enum(CONVENTIONS)
      .optional()
      .describe(
        'independent (default): every entry a variable; symmetric: (G + Gᵀ)/2; distinct: G + Gᵀ − diag(diag(G))',
      ),
    ...Grading,
  }),
  z.strictObject({
    name: Name,
    kind: z.literal('jacobian'),
    f: Expr,
    wrt: z.string(),
    expect: Expr.optional(),
    layout: z.enum(LAYOUTS).optional().describe('denominator (default): len(wrt)×len(f); numerator: len(f)×len(wrt)'),
    ...Grading,
  }),
  z.strictObject({
    name: Name,
    kind: z.literal('backprop'),
    f: Expr,
    upstream: z.string(),
    wrt: z.string(),
    expect: Expr.optional(),
    ...Grading,
  }),
  z.strictObject({
    name: Name,
    kind: z.literal('hessian'),
    f: Expr,
    wrt: z
      .union([z.string(), z.tuple([z.string(), z.string()])])
      .describe('A var, or two [x, y] for the block ∂²f/∂vec(x)∂vec(y)ᵀ'),
    expect: Expr.optional(),
    ...Grading,
  }),
  z.strictObject({
    name: Name,
    kind: z.literal('differential'),
    f: Expr,
    wrt: z
      .union([z.string(), z.array(z.string()).min(1)])
      .describe('A var, or a list of vars; the direction of V is named dV in expect'),
    expect: Expr.optional(),
    ...Grading,
  }),
]);

/** Largest `trials` a spec may ask for. */
export const MAX_TRIALS = 1000;

/** The schema of one spec file, strict in every fixed mapping. */
export const RawSpec = z.strictObject({
  id: SpecId.describe('Unique within a run, kebab-case'),
  title: z.string().optional().describe('What the identity says, in words'),
  source: z.string().optional().describe('Where the identity comes from'),
  latex: z.string().optional().describe('The identity in LaTeX'),
  question: z
    .boolean()
    .optional()
    .describe('A question of a course: its claims are named and may leave expect (or rhs) to answer files'),
  dims: z
    .record(z.string(), DimValue)
    .optional()
    .describe('Integer size symbols: a fixed size or an inclusive range [min, max], drawn each trial'),
  vars: z.record(z.string(), Var).describe('The random inputs, by name'),
  where: z.record(z.string(), Expr).optional().describe('Derived values, computed in order from the vars'),
  trials: PositiveInt.max(MAX_TRIALS).optional().describe('Random draws per claim (default 5)'),
  tolerance: Tolerance.optional(),
  claims: z.array(RawClaimSchema).min(1).describe('What the identity claims: equal, gradient, jacobian or backprop'),
});

/** A spec as written, after schema validation (optional fields still optional). */
export type RawSpec = z.output<typeof RawSpec>;
/** One claim as written. */
export type RawClaim = RawSpec['claims'][number];

/**
 * The spec with its claims unread: each claim is validated on its own, so that one broken claim
 * is an error of that claim alone (the JSON schema still comes from {@link RawSpec}).
 */
export const RawSpecShell = RawSpec.extend({ claims: z.array(z.unknown()).min(1) });
/** A spec as written, its claims not yet read. */
export type RawSpecShell = z.output<typeof RawSpecShell>;

/**
 * The keys a strict mapping at `path` takes, for a "did you mean" on an unknown key: the spec's,
 * a var's, a tolerance's, or a claim's of the kind it names (every claim key when it names none).
 */
export function allowedKeys(path: readonly (string | number)[], input: unknown): readonly string[] {
  if (path.length === 0) return Object.keys(RawSpec.shape);
  if (path.at(-1) === 'tolerance') return ['rtol', 'atol'];
  if (path.length === 2 && path[0] === 'vars') return Object.keys(Var.shape);
  if (path.length !== 2 || path[0] !== 'claims') return [];
  const kind = (input as { kind?: unknown } | null)?.kind;
  const options = RawClaimSchema.options.filter((o) => o.shape.kind.safeParse(kind).success);
  return [...new Set((options.length > 0 ? options : RawClaimSchema.options).flatMap((o) => Object.keys(o.shape)))];
}
