import type { Claim, Expression, Identity } from '../spec-file/identity.js';
import { LATEX } from './latex-notation.js';
import { nameKindsOf } from './name-kinds.js';
import type { Notation } from './notation.js';
import { type NameKinds, isOnePiece, renderExpression, renderName } from './render-expression.js';
import { UNICODE } from './unicode-notation.js';

/** What rendering one claim needs: the notation and the kind of each name. */
interface Page {
  readonly n: Notation;
  readonly kinds: NameKinds;
}

const expr = (p: Page, e: Expression): string => renderExpression(e.source, p.n, p.kinds);
const name = (p: Page, x: string): string => renderName(x, p.n, p.kinds);

/** f after a ∂ or a d: bare when it is one piece, else in brackets. */
function operand(p: Page, f: Expression): string {
  return isOnePiece(f.source) ? expr(p, f) : p.n.paren(expr(p, f));
}

/** A var as a derivative is taken by it: vec(X) for a matrix in a Jacobian, x for a vector. */
function byVar(p: Page, identity: Identity, x: string, vec: boolean): string {
  const v = identity.vars.find((w) => w.name === x);
  const matrix = v !== undefined && v.shape.length === 2 && !v.vector;
  return vec && matrix ? p.n.call('vec', [name(p, x)]) : name(p, x);
}

/** The left side of a derivative claim, in its kind's notation: ∂f/∂X, ∂²f/∂x∂yᵀ, df. */
function derivative(p: Page, identity: Identity, claim: Exclude<Claim, { kind: 'equal' }>): string {
  const { n } = p;
  switch (claim.kind) {
    case 'gradient':
      return n.frac(`${n.del}${operand(p, claim.f)}`, `${n.del}${name(p, claim.wrt)}`);
    case 'backprop': {
      const loss = n.call('sum', [`${name(p, claim.upstream)}${n.operator('.*')}${operand(p, claim.f)}`]);
      return n.frac(`${n.del}${loss}`, `${n.del}${name(p, claim.wrt)}`);
    }
    case 'jacobian': {
      const x = byVar(p, identity, claim.wrt, true);
      const f = operand(p, claim.f);
      return claim.layout === 'numerator'
        ? n.frac(`${n.del}${f}`, `${n.del}${n.transpose(x)}`)
        : n.frac(`${n.del}${n.transpose(f)}`, `${n.del}${x}`);
    }
    case 'hessian': {
      const [x, y] = [claim.wrt[0], claim.wrt[1] ?? claim.wrt[0]].map((w) => byVar(p, identity, w, true));
      const gap = n.name === 'latex' ? ' \\, ' : '';
      return n.frac(`${n.del2}${operand(p, claim.f)}`, `${n.del}${x!}${gap}${n.del}${n.transpose(y!)}`);
    }
    case 'differential':
      return n.differential(n.paren(expr(p, claim.f)));
  }
}

/** What a claim says besides its formula: the layout of a Jacobian, a gradient's convention. */
function remark(claim: Claim): string | null {
  if (claim.kind === 'jacobian') return `${claim.layout} layout`;
  if (claim.kind === 'gradient' && claim.convention !== 'independent') return `${claim.convention} convention`;
  return null;
}

/** A claim as mcheck reads it, in `notation`: `lhs = rhs`, `∂f/∂X = expect`, `df = expect`. */
export function renderClaim(identity: Identity, claim: Claim, notation: Notation): string {
  const p: Page = { n: notation, kinds: nameKindsOf(identity, claim) };
  const formula =
    claim.kind === 'equal'
      ? `${expr(p, claim.lhs)} = ${expr(p, claim.rhs)}`
      : `${derivative(p, identity, claim)} = ${expr(p, claim.expect)}`;
  const words = remark(claim);
  return words === null ? formula : `${formula}${notation.text(words)}`;
}

/** A claim in LaTeX, as the JSON report and the HTML report carry it. */
export const claimLatex = (identity: Identity, claim: Claim): string => renderClaim(identity, claim, LATEX);

/** A claim in plain Unicode, as `explain` prints it after "read as:". */
export const claimUnicode = (identity: Identity, claim: Claim): string => renderClaim(identity, claim, UNICODE);
