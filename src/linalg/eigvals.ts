import { pollBudget } from '../budget.js';
import { type Mat, MathError, formatShape, zeros, requireReal, simplifyComplex } from './mat.js';

/**
 * Most QR sweeps spent on one eigenvalue before giving up. The classic limit is 30; random
 * matrices of homework size converge in a handful.
 */
const MAX_SWEEPS = 60;

/** A 1-based square work array, so the textbook recurrences read as printed. */
type Work = number[][];

function toWork(a: Mat): Work {
  const n = a.rows;
  const w: Work = Array.from({ length: n + 1 }, () => new Array<number>(n + 1).fill(0));
  for (let i = 1; i <= n; i++) for (let j = 1; j <= n; j++) w[i]![j] = a.re[(i - 1) * n + (j - 1)]!;
  return w;
}

/** Reduces `a` to upper Hessenberg form by stabilised elementary similarity transforms. */
function toHessenberg(a: Work, n: number): void {
  for (let m = 2; m < n; m++) {
    let x = 0;
    let i = m;
    for (let j = m; j <= n; j++)
      if (Math.abs(a[j]![m - 1]!) > Math.abs(x)) {
        x = a[j]![m - 1]!;
        i = j;
      }
    if (i !== m) {
      for (let j = m - 1; j <= n; j++) [a[i]![j], a[m]![j]] = [a[m]![j]!, a[i]![j]!];
      for (let j = 1; j <= n; j++) [a[j]![i], a[j]![m]] = [a[j]![m]!, a[j]![i]!];
    }
    if (x === 0) continue;
    for (let r = m + 1; r <= n; r++) {
      const y = a[r]![m - 1]! / x;
      if (y === 0) continue;
      a[r]![m - 1] = 0;
      for (let j = m; j <= n; j++) a[r]![j]! -= y * a[m]![j]!;
      for (let j = 1; j <= n; j++) a[j]![m]! += y * a[j]![r]!;
    }
  }
}

const sign = (a: number, b: number): number => (b >= 0 ? Math.abs(a) : -Math.abs(a));

/**
 * Eigenvalues of an upper Hessenberg matrix by the Francis double-shift QR algorithm (the
 * EISPACK `hqr` recurrence), written into wr/wi (1-based). Returns false if it fails to converge.
 */
function hessenbergEigenvalues(a: Work, n: number, wr: number[], wi: number[]): boolean {
  let anorm = 0;
  for (let i = 1; i <= n; i++) for (let j = Math.max(i - 1, 1); j <= n; j++) anorm += Math.abs(a[i]![j]!);
  let nn = n;
  let t = 0;
  while (nn >= 1) {
    let its = 0;
    let l: number;
    do {
      for (l = nn; l >= 2; l--) {
        let s = Math.abs(a[l - 1]![l - 1]!) + Math.abs(a[l]![l]!);
        if (s === 0) s = anorm;
        if (Math.abs(a[l]![l - 1]!) + s === s) {
          a[l]![l - 1] = 0;
          break;
        }
      }
      let x = a[nn]![nn]!;
      if (l === nn) {
        wr[nn] = x + t;
        wi[nn--] = 0;
      } else {
        let y = a[nn - 1]![nn - 1]!;
        let w = a[nn]![nn - 1]! * a[nn - 1]![nn]!;
        if (l === nn - 1) {
          splitPair(x, y, w, t, nn, wr, wi);
          nn -= 2;
        } else {
          if (its === MAX_SWEEPS) return false;
          if (its === 10 || its === 20) {
            // Exceptional shift, to break the cycles the standard shift can fall into.
            t += x;
            for (let i = 1; i <= nn; i++) a[i]![i]! -= x;
            const s = Math.abs(a[nn]![nn - 1]!) + Math.abs(a[nn - 1]![nn - 2]!);
            y = x = 0.75 * s;
            w = -0.4375 * s * s;
          }
          ++its;
          pollBudget(); // one sweep costs O(n²); a huge matrix must still stop on time
          francisStep(a, l, nn, x, y, w);
        }
      }
    } while (l < nn - 1);
  }
  return true;
}

/** The two eigenvalues of the trailing 2×2 block [y, ·; ·, x] with off-diagonal product w. */
function splitPair(x: number, y: number, w: number, t: number, nn: number, wr: number[], wi: number[]): void {
  const p = 0.5 * (y - x);
  const q = p * p + w;
  let z = Math.sqrt(Math.abs(q));
  const xs = x + t;
  if (q >= 0) {
    z = p + sign(z, p);
    wr[nn - 1] = wr[nn] = xs + z;
    if (z !== 0) wr[nn] = xs - w / z;
    wi[nn - 1] = wi[nn] = 0;
  } else {
    wr[nn - 1] = wr[nn] = xs + p;
    wi[nn - 1] = -(wi[nn] = z);
  }
}

/**
 * Where a double-shift sweep can start: the lowest row m ≥ l whose subdiagonal is small enough
 * for the bulge to be introduced there, with the first column (p, q, r) of the shifted matrix.
 */
function sweepStart(
  a: Work,
  l: number,
  nn: number,
  x0: number,
  y0: number,
  w: number,
): [number, number, number, number] {
  let m: number;
  let p = 0,
    q = 0,
    r = 0;
  for (m = nn - 2; m >= l; m--) {
    const z = a[m]![m]!;
    r = x0 - z;
    const s0 = y0 - z;
    p = (r * s0 - w) / a[m + 1]![m]! + a[m]![m + 1]!;
    q = a[m + 1]![m + 1]! - z - r - s0;
    r = a[m + 2]![m + 1]!;
    const s = Math.abs(p) + Math.abs(q) + Math.abs(r);
    p /= s;
    q /= s;
    r /= s;
    if (m === l) break;
    const u = Math.abs(a[m]![m - 1]!) * (Math.abs(q) + Math.abs(r));
    const v = Math.abs(p) * (Math.abs(a[m - 1]![m - 1]!) + Math.abs(z) + Math.abs(a[m + 1]![m + 1]!));
    if (u + v === v) break;
  }
  return [Math.max(m, l), p, q, r];
}

/** One implicit double-shift QR sweep on the active block l..nn. */
function francisStep(a: Work, l: number, nn: number, x0: number, y0: number, w: number): void {
  const m0 = sweepStart(a, l, nn, x0, y0, w);
  const m = m0[0];
  let [, p, q, r] = m0;
  let z: number;
  for (let i = m + 2; i <= nn; i++) {
    a[i]![i - 2] = 0;
    if (i !== m + 2) a[i]![i - 3] = 0;
  }
  for (let k = m; k <= nn - 1; k++) {
    let x = 0;
    if (k !== m) {
      p = a[k]![k - 1]!;
      q = a[k + 1]![k - 1]!;
      r = k !== nn - 1 ? a[k + 2]![k - 1]! : 0;
      x = Math.abs(p) + Math.abs(q) + Math.abs(r);
      if (x !== 0) {
        p /= x;
        q /= x;
        r /= x;
      }
    }
    const s = sign(Math.sqrt(p * p + q * q + r * r), p);
    if (s === 0) continue;
    if (k === m) {
      if (l !== m) a[k]![k - 1] = -a[k]![k - 1]!;
    } else a[k]![k - 1] = -s * x;
    p += s;
    x = p / s;
    const y = q / s;
    z = r / s;
    q /= p;
    r /= p;
    reflect(a, k, l, nn, x, y, z, q, r);
  }
}

/** Applies the Householder reflector of one sweep step to rows k..k+2 and columns k..k+2. */
function reflect(
  a: Work,
  k: number,
  l: number,
  nn: number,
  x: number,
  y: number,
  z: number,
  q: number,
  r: number,
): void {
  for (let j = k; j <= nn; j++) {
    let p = a[k]![j]! + q * a[k + 1]![j]!;
    if (k !== nn - 1) {
      p += r * a[k + 2]![j]!;
      a[k + 2]![j]! -= p * z;
    }
    a[k + 1]![j]! -= p * y;
    a[k]![j]! -= p * x;
  }
  const last = Math.min(nn, k + 3);
  for (let i = l; i <= last; i++) {
    let p = x * a[i]![k]! + y * a[i]![k + 1]!;
    if (k !== nn - 1) {
      p += z * a[i]![k + 2]!;
      a[i]![k + 2]! -= p * r;
    }
    a[i]![k + 1]! -= p * q;
    a[i]![k]! -= p;
  }
}

/**
 * Eigenvalues of a square real matrix as an n×1 column, complex where they are (a general real
 * matrix has conjugate pairs): Hessenberg reduction, then shifted QR. Written here rather than
 * taken from mathjs, whose `eigs` fails to converge on about one 6×6 Gaussian matrix in six.
 */
export function eigvals(a: Mat): Mat {
  requireReal(a, 'eigvals');
  if (a.rows !== a.cols) throw new MathError(`eigvals needs a square matrix, got ${formatShape(a)}`);
  if (a.re.some((v) => !Number.isFinite(v))) throw new MathError('eigvals of a matrix with NaN or infinite entries');
  const n = a.rows;
  const work = toWork(a);
  toHessenberg(work, n);
  const wr = new Array<number>(n + 1).fill(0);
  const wi = new Array<number>(n + 1).fill(0);
  if (!hessenbergEigenvalues(work, n, wr, wi)) throw new MathError('eigvals: the QR iteration did not converge');
  const out = zeros(n, 1, true);
  for (let k = 0; k < n; k++) {
    out.re[k] = wr[k + 1]!;
    out.im![k] = wi[k + 1]!;
  }
  return simplifyComplex(out);
}
