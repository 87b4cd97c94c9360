import { compileExpression } from '../expr/compile.js';
import type { SpecError, SpecErrorCode } from './spec-error.js';
import type { Locate, SpecPath } from './document.js';
import type { Expression, Location } from './identity.js';
import { dotPath } from './describe-issue.js';
import type { Limits } from '../limits.js';

/** What resolving one file needs: where it is, how to point into it, where to put errors. */
export class ResolveContext {
  readonly errors: SpecError[] = [];
  /** The `where` names whose values may be complex (by type), as they are compiled in order. */
  readonly complexNames = new Set<string>();
  /** The dims symbols, as they are declared: shape errors say sizes by them. */
  readonly dimsNames = new Set<string>();

  constructor(
    readonly file: string,
    private readonly locator: Locate,
    readonly limits: Limits,
    /** The names of the spec's claims by index, as written: messages name a claim by its name. */
    private readonly claimNames: ReadonlyMap<number, string> = new Map(),
  ) {}

  /** The location of a path in the file. */
  locate(path: SpecPath, asKey = false): Location {
    const { line, column } = this.locator(path, asKey);
    return { file: this.file, line, column };
  }

  /** Records a spec error at a path, keeping the path (copied: callers build paths as they go). */
  error(code: SpecErrorCode, message: string, path: SpecPath, asKey = false): void {
    const { line, column } = this.locate(path, asKey);
    this.errors.push({ code, file: this.file, line, column, message: this.named(message, path), path: [...path] });
  }

  /**
   * `claims[1].expect` said as `claims[1] "dx" expect`, for each claim that has a name; a message
   * about a named claim that does not say which starts with it (`claims[1] "dx": wrt ...`).
   */
  private named(message: string, path: SpecPath): string {
    const own = path[0] === 'claims' && typeof path[1] === 'number' ? this.claimNames.get(path[1]) : undefined;
    const text = own !== undefined && !/\bclaims\[\d+\]/.test(message) ? `claims[${path[1]}]: ${message}` : message;
    return text.replace(/\bclaims\[(\d+)\](\.)?/g, (whole, index: string, dot: string | undefined) => {
      const name = this.claimNames.get(Number(index));
      return name === undefined ? whole : `claims[${index}] ${JSON.stringify(name)}${dot === undefined ? '' : ' '}`;
    });
  }

  /** Compiles the expression at `path` against `names`; records an error and returns null on failure. */
  compile(source: string, names: ReadonlySet<string>, path: SpecPath): Expression | null {
    const result = compileExpression(source, names, this.limits.expressionLength, {
      complex: this.complexNames,
      dims: this.dimsNames,
    });
    if (!result.ok) {
      this.error('expression', `${dotPath(path)}: ${result.message}`, path);
      return null;
    }
    const { evaluate, complex } = result;
    return { source, evaluate, location: this.locate(path), names: result.names, complex };
  }
}
