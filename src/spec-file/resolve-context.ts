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

  constructor(
    readonly file: string,
    private readonly locator: Locate,
    readonly limits: Limits,
  ) {}

  /** The location of a path in the file. */
  locate(path: SpecPath, asKey = false): Location {
    const { line, column } = this.locator(path, asKey);
    return { file: this.file, line, column };
  }

  /** Records a spec error at a path, keeping the path (copied: callers build paths as they go). */
  error(code: SpecErrorCode, message: string, path: SpecPath, asKey = false): void {
    const { line, column } = this.locate(path, asKey);
    this.errors.push({ code, file: this.file, line, column, message, path: [...path] });
  }

  /** Compiles the expression at `path` against `names`; records an error and returns null on failure. */
  compile(source: string, names: ReadonlySet<string>, path: SpecPath): Expression | null {
    const result = compileExpression(source, names, this.limits.expressionLength, this.complexNames);
    if (!result.ok) {
      this.error('expression', `${dotPath(path)}: ${result.message}`, path);
      return null;
    }
    const { evaluate, complex } = result;
    return { source, evaluate, location: this.locate(path), names: result.names, complex };
  }
}
