import { describe, expect, it } from 'vitest';
import { LATEX } from '../../../src/render/latex-notation.js';
import { UNICODE } from '../../../src/render/unicode-notation.js';
import { type NameKind, type NameKinds, renderExpression } from '../../../src/render/render-expression.js';
import { claimLatex, claimUnicode } from '../../../src/render/render-claim.js';
import { loadIdentities } from '../../../src/spec-file/load-identities.js';
import { typeset } from '../../../src/report/html/typeset.js';
import { identityOf, spec } from '../../helpers/spec-text.js';

// Formulas as mcheck read them: from its own parse, in the notation of a hint sheet.

const KINDS: NameKinds = new Map<string, NameKind>([
  ['x', 'array'],
  ['A', 'array'],
  ['X', 'array'],
  ['W1', 'array'],
  ['G', 'array'],
  ['n', 'scalar'],
  ['t', 'scalar'],
  ['gamma', 'array'],
  ['dX', { d: 'X' }],
]);

describe('expressions in plain Unicode', () => {
  it.each([
    ["x' * A * x", 'xᵀAx'],
    ["(A + A') * x", '(A + Aᵀ)x'],
    ['inv(X)', 'X⁻¹'],
    ["inv(X)'", 'X⁻¹ᵀ'],
    ['inv(A + X)', '(A + X)⁻¹'],
    ['det(X) * trace(inv(X) * dX)', '|X|tr(X⁻¹dX)'],
    ['x .* x', 'x ⊙ x'],
    ['x .^ 2', 'x∘²'],
    ['t ^ 2', 't²'],
    ['kron(A, X)', 'A ⊗ X'],
    ['sigmoid(W1 * x)', 'σ(W₁x)'],
    ['norm(x, 1)', '‖x‖_1'],
    ['sqrt(n)', '√n'],
    ['logdet(X)', 'log|X|'],
    ['2 * x - 1 / n', '2x − 1/n'],
    ['x[2:n]', 'x[2:n]'],
    ['t > 0 ? t : 0', '(t if t > 0, else 0)'],
    ['gamma .* x', 'γ ⊙ x'],
    ['xhat .* gammabar', 'x\u0302 ⊙ γ\u0304'],
    ['eye(n)', 'I'],
  ])('%s reads %s', (source, unicode) => {
    expect(renderExpression(source, UNICODE, KINDS)).toBe(unicode);
  });
});

describe('expressions in LaTeX', () => {
  it.each([
    ["x' * A * x", '\\mathbf{x}^{\\top} \\mathbf{A} \\mathbf{x}'],
    ['inv(X)', '\\mathbf{X}^{-1}'],
    ["inv(X)'", '{\\mathbf{X}^{-1}}^{\\top}'],
    ['(t + 1) / n', '\\frac{t + 1}{n}'],
    ['det(X)', '|\\mathbf{X}|'],
    ['det(inv(X) + 1/2)', '\\left|\\mathbf{X}^{-1} + \\frac{1}{2}\\right|'],
    ['trace(X)', '\\operatorname{tr}(\\mathbf{X})'],
    ['x .* x', '\\mathbf{x} \\odot \\mathbf{x}'],
    ['kron(A, X)', '\\mathbf{A} \\otimes \\mathbf{X}'],
    ['sigmoid(t)', '\\sigma(t)'],
    ['sigmoid(t / 2)', '\\sigma\\left(\\frac{t}{2}\\right)'],
    ['W1', '\\mathbf{W}_{1}'],
    ['gamma', '\\boldsymbol{\\gamma}'],
    ['dX', '\\mathrm{d}\\mathbf{X}'],
    ['xhat + gammabar + t', '\\hat{x} + \\bar{\\gamma} + t'],
    ['alphahat + xbar_1', '\\hat{\\alpha} + \\bar{x}_{1}'],
    ['dX * A + A * dX', '\\mathrm{d}\\mathbf{X} \\, \\mathbf{A} + \\mathbf{A} \\, \\mathrm{d}\\mathbf{X}'],
    ['2 * 3', '2 \\cdot 3'],
    ['ones(n, 1)', '\\mathbf{1}_{n}'],
    ['1e-8', '1 \\times 10^{-8}'],
    ['[1, 2; 3, 4]', '\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}'],
  ])('%s is %s', (source, latex) => {
    expect(renderExpression(source, LATEX, KINDS)).toBe(latex);
  });
});

describe('claims as mcheck reads them', () => {
  const identity = identityOf(spec`
    id: kinds
    dims: { n: [2, 4] }
    vars:
      x: { shape: [n] }
      A: { shape: [n, n] }
      W: { shape: [n, n] }
    claims:
      - { name: g, kind: gradient, f: "x' * A * x", wrt: x, expect: "(A + A') * x" }
      - { name: j, kind: jacobian, f: W * x, wrt: x, expect: "W'" }
      - { name: jn, kind: jacobian, f: W * x, wrt: x, expect: W, layout: numerator }
      - { name: b, kind: backprop, f: W * x, upstream: G, wrt: W, expect: "G * x'" }
      - { name: h, kind: hessian, f: "x' * A * x", wrt: x, expect: "A + A'" }
      - { name: d, kind: differential, f: inv(A), wrt: A, expect: -inv(A) * dA * inv(A) }
      - { name: e, kind: equal, lhs: "(A * W)'", rhs: "W' * A'" }
  `);
  const said = Object.fromEntries(identity.claims.map((c) => [c.name, claimUnicode(identity, c)]));

  it('says each kind in its notation', () => {
    expect(said).toEqual({
      g: '∂(xᵀAx)/∂x = (A + Aᵀ)x',
      j: '∂(Wx)ᵀ/∂x = Wᵀ  (denominator layout)',
      jn: '∂(Wx)/∂xᵀ = W  (numerator layout)',
      b: '∂sum(G ⊙ (Wx))/∂W = Gxᵀ',
      h: '∂²(xᵀAx)/∂x∂xᵀ = A + Aᵀ',
      d: 'd(A⁻¹) = −A⁻¹dA·A⁻¹',
      e: '(AW)ᵀ = WᵀAᵀ',
    });
  });

  it('writes the gradient in LaTeX with bold arrays', () => {
    expect(claimLatex(identity, identity.claims[0]!)).toBe(
      '\\frac{\\partial (\\mathbf{x}^{\\top} \\mathbf{A} \\mathbf{x})}{\\partial \\mathbf{x}} = (\\mathbf{A} + \\mathbf{A}^{\\top}) \\mathbf{x}',
    );
  });
});

/** True when the braces of a TeX string balance and no base carries two superscripts (`x^{a}^{b}`). */
function wellFormed(tex: string): boolean {
  const plain = tex.replace(/\\[{}]/g, '  ');
  const opens: number[] = [];
  for (let i = 0; i < plain.length; i++) {
    if (plain[i] === '{') opens.push(i);
    else if (plain[i] === '}') {
      const open = opens.pop();
      if (open === undefined) return false;
      if (plain[i + 1] === '^' && plain[open - 1] === '^') return false;
    }
  }
  return opens.length === 0;
}

describe('every claim of the bundled set and the fixtures', () => {
  const loaded = loadIdentities(['identities', 'test/fixtures/correct', 'test/fixtures/wrong']);
  const claims = loaded.identities.flatMap((i) => i.claims.map((c) => [i, c] as const));

  it('renders in both notations, with balanced TeX and no source left of the habits it replaces', () => {
    expect(claims.length).toBeGreaterThan(100);
    for (const [identity, claim] of claims) {
      const tex = claimLatex(identity, claim);
      expect(wellFormed(tex), `${claim.row}: ${tex}`).toBe(true);
      expect(tex, claim.row).not.toMatch(/\.\*|\binv\(|'|\btrace\(/);
      expect(claimUnicode(identity, claim), claim.row).not.toMatch(/\.\*|\binv\(|'/);
    }
  });

  it("is TeX that KaTeX typesets without an error, as are the authors' latex fields", () => {
    for (const [identity, claim] of claims) {
      const tex = claimLatex(identity, claim);
      expect(typeset(tex, true).ok, `${claim.row}: ${tex}`).toBe(true);
    }
    for (const identity of loaded.identities)
      if (identity.latex !== null) expect(typeset(identity.latex, true).ok, identity.id).toBe(true);
  });

  it('typesets a formula once however often a report shows it, in display and inline forms apart', () => {
    const tex = '\\frac{\\partial f}{\\partial \\mathbf{X}}';
    expect(typeset(tex, true)).toBe(typeset(tex, true));
    expect(typeset(tex, false).html).not.toBe(typeset(tex, true).html);
  });

  it('falls back to the TeX itself, escaped, when KaTeX cannot typeset it', () => {
    const bad = typeset('x_{1}_{2} <b>', true);
    expect(bad.ok).toBe(false);
    expect(bad.html).toBe('<code class="tex" title="could not be typeset">x_{1}_{2} &lt;b&gt;</code>');
  });
});
