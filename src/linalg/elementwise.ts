import { type Mat, MathError, formatShape, zeros, requireReal } from './mat.js';

/**
 * The shape of an elementwise operation on `a` and `b`: equal shapes, a 1×1 against anything,
 * or a 1×n row / m×1 column against an m×n matrix. An m×1 column against a 1×n row is refused
 * on purpose: `x + x'` silently becoming n×n hides the most common shape mistake.
 */
export function broadcastShape(a: Mat, b: Mat, op: string): { rows: number; cols: number } {
  if (a.rows === b.rows && a.cols === b.cols) return { rows: a.rows, cols: a.cols };
  if (a.rows === 1 && a.cols === 1) return { rows: b.rows, cols: b.cols };
  if (b.rows === 1 && b.cols === 1) return { rows: a.rows, cols: a.cols };
  const rowsOk = a.rows === b.rows && (a.cols === 1 || b.cols === 1);
  const colsOk = a.cols === b.cols && (a.rows === 1 || b.rows === 1);
  if (rowsOk || colsOk) return { rows: Math.max(a.rows, b.rows), cols: Math.max(a.cols, b.cols) };
  throw new MathError(
    `dimension mismatch in ${op}: ${formatShape(a)} and ${formatShape(b)} ` +
      '(elementwise operations take equal shapes, or a 1×n row or m×1 column against an m×n matrix)',
  );
}

/** Index of entry (i, j) of the broadcast result inside `m`. */
export function broadcastIndex(m: Mat, i: number, j: number): number {
  return (m.rows === 1 ? 0 : i) * m.cols + (m.cols === 1 ? 0 : j);
}

/** Applies a real binary function entrywise with broadcasting; complex inputs are refused. */
export function zipReal(a: Mat, b: Mat, op: string, f: (x: number, y: number) => number): Mat {
  requireReal(a, op);
  requireReal(b, op);
  const { rows, cols } = broadcastShape(a, b, op);
  const out = zeros(rows, cols);
  if (a.rows === b.rows && a.cols === b.cols) {
    for (let k = 0; k < out.re.length; k++) out.re[k] = f(a.re[k]!, b.re[k]!);
    return out;
  }
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++)
      out.re[i * cols + j] = f(a.re[broadcastIndex(a, i, j)]!, b.re[broadcastIndex(b, i, j)]!);
  }
  return out;
}

/** Applies a real unary function entrywise; complex inputs are refused. */
export function mapReal(a: Mat, op: string, f: (x: number) => number): Mat {
  requireReal(a, op);
  const out = zeros(a.rows, a.cols);
  for (let k = 0; k < out.re.length; k++) out.re[k] = f(a.re[k]!);
  return out;
}

/** One complex operation as its real and imaginary parts, each a function of (ar + i·ai, br + i·bi). */
interface ComplexOp {
  readonly re: (ar: number, ai: number, br: number, bi: number) => number;
  readonly im: (ar: number, ai: number, br: number, bi: number) => number;
}

// Division computes br² + bi² in both parts: the same operations give the same bits, and
// complex values (from eigvals) are rare and small.
const COMPLEX_OPS: Record<'add' | 'sub' | 'mul' | 'div', ComplexOp> = {
  add: { re: (ar, _ai, br) => ar + br, im: (_ar, ai, _br, bi) => ai + bi },
  sub: { re: (ar, _ai, br) => ar - br, im: (_ar, ai, _br, bi) => ai - bi },
  mul: { re: (ar, ai, br, bi) => ar * br - ai * bi, im: (ar, ai, br, bi) => ar * bi + ai * br },
  div: {
    re: (ar, ai, br, bi) => (ar * br + ai * bi) / (br * br + bi * bi),
    im: (ar, ai, br, bi) => (ai * br - ar * bi) / (br * br + bi * bi),
  },
};

const REAL_OPS: Record<keyof typeof COMPLEX_OPS, (x: number, y: number) => number> = {
  add: (x, y) => x + y,
  sub: (x, y) => x - y,
  mul: (x, y) => x * y,
  div: (x, y) => x / y,
};

/**
 * Real +, −, .* or ./ of two arrays of one length, one loop per operation: a loop calling the
 * operation through a function runs several times slower before V8 optimizes it, and a short run
 * ends before it does.
 */
function sameShape(x: Float64Array, y: Float64Array, o: Float64Array, kind: keyof typeof COMPLEX_OPS): void {
  const n = o.length;
  switch (kind) {
    case 'add':
      for (let k = 0; k < n; k++) o[k] = x[k]! + y[k]!;
      break;
    case 'sub':
      for (let k = 0; k < n; k++) o[k] = x[k]! - y[k]!;
      break;
    case 'mul':
      for (let k = 0; k < n; k++) o[k] = x[k]! * y[k]!;
      break;
    case 'div':
      for (let k = 0; k < n; k++) o[k] = x[k]! / y[k]!;
      break;
  }
}

function realArith(a: Mat, b: Mat, kind: keyof typeof COMPLEX_OPS, op: string): Mat {
  if (a.rows !== b.rows || a.cols !== b.cols) return zipReal(a, b, op, REAL_OPS[kind]);
  const out = zeros(a.rows, a.cols);
  sameShape(a.re, b.re, out.re, kind);
  return out;
}

/**
 * Elementwise +, −, .* and ./ with broadcasting. These four also accept complex values, so that
 * expressions over `eigvals` (sums, products, differences) work.
 */
export function arith(a: Mat, b: Mat, kind: keyof typeof COMPLEX_OPS, op: string): Mat {
  if (a.im === null && b.im === null) return realArith(a, b, kind, op);
  const { rows, cols } = broadcastShape(a, b, op);
  const out = zeros(rows, cols, true);
  const f = COMPLEX_OPS[kind];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const ka = broadcastIndex(a, i, j);
      const kb = broadcastIndex(b, i, j);
      const ar = a.re[ka]!,
        ai = a.im?.[ka] ?? 0,
        br = b.re[kb]!,
        bi = b.im?.[kb] ?? 0;
      out.re[i * cols + j] = f.re(ar, ai, br, bi);
      out.im![i * cols + j] = f.im(ar, ai, br, bi);
    }
  }
  return out;
}

/** Negation, real or complex. */
export function negate(a: Mat): Mat {
  const out = zeros(a.rows, a.cols, a.im !== null);
  for (let k = 0; k < a.re.length; k++) out.re[k] = -a.re[k]!;
  if (a.im !== null) for (let k = 0; k < a.im.length; k++) out.im![k] = -a.im[k]!;
  return out;
}

/** Entrywise modulus |z| (absolute value for reals). */
export function modulus(a: Mat): Mat {
  const out = zeros(a.rows, a.cols);
  for (let k = 0; k < a.re.length; k++) out.re[k] = Math.hypot(a.re[k]!, a.im?.[k] ?? 0);
  return out;
}

/**
 * `c ? a : b` entrywise: a where c is nonzero, b where it is 0, the three broadcast like
 * arithmetic. Only the chosen side is read at each entry, so an infinite value on the other side
 * does not leak into the result (as it would through c .* a + (1 − c) .* b).
 */
export function choose(c: Mat, a: Mat, b: Mat): Mat {
  requireReal(c, '?:');
  requireReal(a, '?:');
  requireReal(b, '?:');
  const ab = broadcastShape(a, b, '?:');
  const { rows, cols } = broadcastShape(c, { ...a, ...ab }, '?:');
  const out = zeros(rows, cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const side = c.re[broadcastIndex(c, i, j)]! !== 0 ? a : b;
      out.re[i * cols + j] = side.re[broadcastIndex(side, i, j)]!;
    }
  }
  return out;
}
