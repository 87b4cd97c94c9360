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
  /** The interval of a `uniform` or `positive` var's entries, when the spec gives one. */
  readonly range: readonly [number, number] | null;
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
  /** Where the claim is written: its question's claim, or the answer that completes it. */
  readonly location: Location;
  /** Its place in its spec's list of claims, 0-based: rows keep that order. */
  readonly index: number;
  /** What it is worth when graded (default 1). */
  readonly points: number;
  /** A question claim that students see only by name, status and points. */
  readonly hidden: boolean;
  /** Trials asked for by the claim itself, or null (the spec's, else the run's). */
  readonly trials: number | null;
  /** The claim's own tolerance; null fields fall back to the spec's, then the run's. */
  readonly tolerance: { readonly rtol: number | null; readonly atol: number | null };
  /** Where the claim sets its tolerance (the claim itself where it sets none). */
  readonly toleranceLocation: Location;
}

/** The layout of a jacobian claim. */
export type Layout = 'denominator' | 'numerator';

/** How a gradient counts the entries of a square wrt (`convention:`). */
export type Convention = 'independent' | 'symmetric' | 'distinct';

/** A claim, resolved and compiled: every field present. */
export type Claim =
  | (ClaimBase & { readonly kind: 'equal'; readonly lhs: Expression; readonly rhs: Expression })
  | (ClaimBase & {
      readonly kind: 'gradient';
      readonly f: Expression;
      readonly wrt: string;
      readonly expect: Expression;
      readonly convention: Convention;
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
    })
  | (ClaimBase & {
      readonly kind: 'hessian';
      readonly f: Expression;
      /** One var (the Hessian) or two (the block ∂²f/∂vec(x)∂vec(y)ᵀ). */
      readonly wrt: readonly [string] | readonly [string, string];
      readonly expect: Expression;
    })
  | (ClaimBase & {
      readonly kind: 'differential';
      readonly f: Expression;
      readonly wrt: readonly string[];
      /** The direction of each wrt var as expect names it: `d` + the var's name. */
      readonly directions: readonly string[];
      readonly expect: Expression;
    });

/** The claim kinds. */
export type ClaimKind = Claim['kind'];

/** Why a question claim has no row of its own results: no answer, or an answer that cannot be used. */
export interface Unanswered {
  readonly status: 'fail' | 'error';
  /** The reason: `no answer`, or why none of the question is graded, or the answer's own error. */
  readonly message: string;
  /** What the row adds to the reason: which answer file lacks the claim. */
  readonly notes: readonly string[];
}

/** A claim of a question file that leaves its expect (rhs for equal) to the answer files. */
export interface OpenClaim extends ClaimBase {
  readonly kind: ClaimKind;
  /** The key an answer fills: `rhs` for an equal claim, else `expect`. */
  readonly slot: 'expect' | 'rhs';
  /** Names an answer may read besides the question's and its own where names: a backprop upstream. */
  readonly extraNames: ReadonlySet<string>;
  /** The claim completed by an answer's expression (whose location becomes the claim's). */
  readonly complete: (answer: Expression) => Claim;
  /** What its row says while it stays open: "no answer", or why an answer could not be used. */
  readonly unanswered: Unanswered;
}

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
  /** Claims checked as written (in a question file, its worked examples). */
  readonly claims: readonly Claim[];
  /** A question of a course (`question: true`): answer files may complete its open claims. */
  readonly question: boolean;
  /** Question claims still waiting for an answer; empty outside question files. */
  readonly open: readonly OpenClaim[];
}
