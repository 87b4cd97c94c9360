import type { Evaluator } from '../expr/compile.js';
import type { SampleKind } from '../numeric/samplers.js';

/** Where something stands in a spec file: 1-based line and column. */
export interface Location {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** An integer size symbol, drawn uniformly from [min, max] each trial (min = max when fixed). */
export interface DimSpec {
  readonly name: string;
  readonly min: number;
  readonly max: number;
}

/** One entry of a shape: a fixed size or a dims symbol. */
export type ShapeEntry = number | string;

/** A random input. `shape` has 0 (scalar), 1 (column vector) or 2 entries. */
export interface VarSpec {
  readonly name: string;
  readonly shape: readonly ShapeEntry[];
  readonly sample: SampleKind;
  /**
   * A matrix (two shape entries) with as many rows as columns on every draw: decided once here,
   * for the sample check, the symmetric-input diagnosis and its hint.
   */
  readonly square: boolean;
  /**
   * Declared a vector: one shape entry, or a literal 1 (`[1, n]`). A `[C, N]` var is a matrix of N
   * columns on every draw, even when C is drawn as 1.
   */
  readonly vector: boolean;
}

/** A compiled expression with its source text and where it stands. */
export interface Expression {
  readonly source: string;
  readonly evaluate: Evaluator;
  readonly location: Location;
  /** The declared names the expression reads. */
  readonly names: ReadonlySet<string>;
  /** Its value may be complex, by type: decided at load time, whatever a draw gives. */
  readonly complex: boolean;
}

/** A derived value of `where`, recomputed from the vars. */
export interface WhereSpec {
  readonly name: string;
  readonly expr: Expression;
}

interface ClaimBase {
  /** The claim's `name`, or null. */
  readonly name: string | null;
  /** The report row: `<id>` or `<id>/<name>` (`<id>#<n>` for unnamed claims of multi-claim specs). */
  readonly row: string;
  readonly location: Location;
}

/** The layout of a jacobian claim. */
export type Layout = 'denominator' | 'numerator';

/** A claim, resolved and compiled: every field present. */
export type Claim =
  | (ClaimBase & { readonly kind: 'equal'; readonly lhs: Expression; readonly rhs: Expression })
  | (ClaimBase & {
      readonly kind: 'gradient';
      readonly f: Expression;
      readonly wrt: string;
      readonly expect: Expression;
    })
  | (ClaimBase & {
      readonly kind: 'jacobian';
      readonly f: Expression;
      readonly wrt: string;
      readonly expect: Expression;
      readonly layout: Layout;
    })
  | (ClaimBase & {
      readonly kind: 'backprop';
      readonly f: Expression;
      readonly upstream: string;
      readonly wrt: string;
      readonly expect: Expression;
    });

/** One identity, parsed and validated: the engine's input. */
export interface Identity {
  readonly id: string;
  readonly title: string | null;
  readonly source: string | null;
  readonly latex: string | null;
  readonly file: string;
  readonly location: Location;
  readonly dims: readonly DimSpec[];
  readonly vars: readonly VarSpec[];
  readonly where: readonly WhereSpec[];
  /** Trials per claim asked for by the spec, or null for the run's default. */
  readonly trials: number | null;
  /** The spec's tolerance override; null fields fall back to the run's. */
  readonly tolerance: { readonly rtol: number | null; readonly atol: number | null };
  /** Where the spec sets its tolerance (its id where it sets none). */
  readonly toleranceLocation: Location;
  readonly claims: readonly Claim[];
}
