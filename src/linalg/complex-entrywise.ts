import { type Mat, zeros, requireReal } from './mat.js';
import { broadcastIndex, broadcastShape } from './elementwise.js';

/** A function of one complex number, as its real and imaginary parts. */
export type ComplexFn = (re: number, im: number) => readonly [number, number];

/** e^z = e^re (cos im + i sin im). */
export const complexExp: ComplexFn = (re, im) => {
  const r = Math.exp(re);
  return [r * Math.cos(im), r * Math.sin(im)];
};

/** The principal logarithm: log|z| + i arg z, arg in (−π, π]. */
export const complexLog: ComplexFn = (re, im) => [Math.log(Math.hypot(re, im)), Math.atan2(im, re)];

/** The principal square root, with a non-negative real part. */
export const complexSqrt: ComplexFn = (re, im) => {
  const r = Math.hypot(re, im);
  const a = Math.sqrt((r + Math.abs(re)) / 2);
  if (a === 0) return [0, 0];
  const b = im / (2 * a);
  return re >= 0 ? [a, b] : [Math.abs(b), im >= 0 ? a : -a];
};

/**
 * z^p for a real exponent: a whole p by repeated multiplication (exact where the real power is,
 * so z^2 of a real z agrees with x^2 to the bit), any other p as e^(p log z).
 */
export function complexPow(re: number, im: number, p: number): readonly [number, number] {
  if (Number.isInteger(p) && Math.abs(p) <= 64) {
    let [rr, ri] = [1, 0];
    let [br, bi] = p < 0 ? [re / (re * re + im * im), -im / (re * re + im * im)] : [re, im];
    for (let e = Math.abs(p); e > 0; e >>= 1) {
      if (e & 1) [rr, ri] = [rr * br - ri * bi, rr * bi + ri * br];
      if (e > 1) [br, bi] = [br * br - bi * bi, 2 * br * bi];
    }
    return [rr, ri];
  }
  const [lr, li] = complexLog(re, im);
  return complexExp(p * lr, p * li);
}

/**
 * f of each entry of a complex `a` (`real` gives a real one), the real function where `a` is real:
 * so exp, log and sqrt of a real matrix are what they always were, and the complex ones only
 * apply to values that are complex by type (eigenvalues).
 */
export function mapMaybeComplex(a: Mat, complex: ComplexFn, real: (x: number) => number): Mat {
  const out = zeros(a.rows, a.cols, a.im !== null);
  for (let k = 0; k < a.re.length; k++) {
    if (a.im === null) {
      out.re[k] = real(a.re[k]!);
      continue;
    }
    const [re, im] = complex(a.re[k]!, a.im[k]!);
    out.re[k] = re;
    out.im![k] = im;
  }
  return out;
}

/** a .^ b with a complex base and a real exponent, broadcasting; a complex exponent is refused. */
export function complexPowEntries(a: Mat, b: Mat, op: string): Mat {
  requireReal(b, `the exponent of ${op}`);
  const { rows, cols } = broadcastShape(a, b, op);
  const out = zeros(rows, cols, true);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const k = broadcastIndex(a, i, j);
      const [re, im] = complexPow(a.re[k]!, a.im?.[k] ?? 0, b.re[broadcastIndex(b, i, j)]!);
      out.re[i * cols + j] = re;
      out.im![i * cols + j] = im;
    }
  }
  return out;
}
