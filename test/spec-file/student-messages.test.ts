import { describe, expect, it } from 'vitest';
import { errorsOf } from '../helpers/spec-text.js';

// Mistakes of a spec's structure, each with the fix its message must name.

const CLAIM = "  - { kind: gradient, f: sum(x), wrt: x, expect: 'ones(3, 1)' }\n";

describe('messages that give the fix, in a spec', () => {
  it.each([
    [
      'a kind abbreviated',
      'vars: { x: { shape: [3] } }\nclaims:\n  - { kind: grad, f: sum(x), wrt: x }\n',
      'did you mean "gradient"',
    ],
    [
      'a sample by its long name',
      'vars: { x: { shape: [3, 3], sample: positive_definite } }\nclaims:\n' + CLAIM,
      'did you mean "spd"',
    ],
    ['vars called variables', 'variables: { x: { shape: [3] } }\nclaims:\n' + CLAIM, 'did you mean "vars"'],
    [
      'a dims symbol in the wrong case',
      'dims: { n: 3 }\nvars: { x: { shape: [N] } }\nclaims:\n' + CLAIM,
      'did you mean "n"',
    ],
    [
      'a shape as a tuple',
      'vars: { x: { shape: "(3, 1)" } }\nclaims:\n' + CLAIM,
      'write the shape as a YAML list: shape: [3, 1]',
    ],
    [
      'claims as a mapping',
      'vars: { x: { shape: [3] } }\nclaims:\n  dx: { kind: gradient }\n',
      'each claim starting with "- "',
    ],
    [
      'a gradient by two vars',
      'vars: { x: { shape: [3] }, y: { shape: [3] } }\nclaims:\n  - { kind: gradient, f: "x\' * y", wrt: [x, y], expect: y }\n',
      'kind: differential',
    ],
    [
      'a range as text',
      'dims: { n: "2..5" }\nvars: { x: { shape: [n] } }\nclaims:\n' + CLAIM,
      'write the range as a list: [2, 5]',
    ],
    [
      'a backprop without upstream',
      'vars: { x: { shape: [3] } }\nclaims:\n  - { kind: backprop, f: x, wrt: x, expect: G }\n',
      'such as upstream: G',
    ],
    [
      'a wrt in the wrong case',
      'vars: { W: { shape: [3] } }\nclaims:\n  - { kind: gradient, f: sum(W), wrt: w, expect: W }\n',
      'did you mean "W"',
    ],
  ])('%s', (_what, body, says) => {
    const messages = errorsOf(`id: s\n${body}`).map((e) => e.message);
    expect(messages.join('\n')).toContain(says);
  });

  it('says a mistyped value once, not also its bounds', () => {
    const messages = errorsOf(`id: s\nvars: { x: { shape: "(3, 1)" } }\nclaims:\n${CLAIM}`).map((e) => e.message);
    expect(messages).toHaveLength(1);
  });
});
