import { poll } from './hooks.js';
import type { Work } from './hessenberg.js';

/**
 * Most QR sweeps spent on one eigenvalue before giving up. The classic limit is 30; random
 * matrices of homework size converge in a handful.
 */
const MAX_SWEEPS = 60;

const sign = (a: number, b: number): number => (b >= 0 ? Math.abs(a) : -Math.abs(a));

/** The state of one `hqr` run, created once per call and passed to each step. */
interface Hqr {
  readonly a: Work;
  /** Real and imaginary parts of the eigenvalues found so far (1-based). */
  readonly wr: number[];
  readonly wi: number[];
  /** Sum of |entries| of the Hessenberg matrix: the scale of "negligible". */
  readonly anorm: number;
  /** Last row of the active block; the eigenvalues below it are found. */
  nn: number;
  /** Shift accumulated by the exceptional shifts, added back to each eigenvalue. */
  t: number;
}

/** The shift of one sweep: the trailing 2×2 block [y, ·; ·, x] with off-diagonal product w. */
interface Shift {
  x: number;
  y: number;
  w: number;
}

/** One Householder reflector of a sweep step, with the active block l..nn it acts on. */
interface Reflector {
  readonly l: number;
  readonly nn: number;
  x: number;
  y: number;
  z: number;
  q: number;
  r: number;
}

/**
 * Eigenvalues of an upper Hessenberg matrix by the Francis double-shift QR algorithm (the
 * EISPACK `hqr` recurrence), written into wr/wi (1-based). Returns false if it fails to converge.
 */
export function hessenbergEigenvalues(a: Work, n: number, wr: number[], wi: number[]): boolean {
  let anorm = 0;
  for (let i = 1; i <= n; i++) for (let j = Math.max(i - 1, 1); j <= n; j++) anorm += Math.abs(a[i]![j]!);
  const s: Hqr = { a, wr, wi, anorm, nn: n, t: 0 };
  while (s.nn >= 1) if (!deflate(s)) return false;
  return true;
}

/**
 * Sweeps the active block until its last one or two eigenvalues split off, and records them.
 * Returns false after MAX_SWEEPS sweeps without a split.
 */
function deflate(s: Hqr): boolean {
  const a = s.a;
  let its = 0;
  let l: number;
  do {
    l = splitRow(s);
    const nn = s.nn;
    const shift: Shift = { x: a[nn]![nn]!, y: 0, w: 0 };
    if (l === nn) {
      s.wr[nn] = shift.x + s.t;
      s.wi[s.nn--] = 0;
    } else {
      shift.y = a[nn - 1]![nn - 1]!;
      shift.w = a[nn]![nn - 1]! * a[nn - 1]![nn]!;
      if (l === nn - 1) {
        splitPair(s, shift);
        s.nn -= 2;
      } else {
        if (its === MAX_SWEEPS) return false;
        if (its === 10 || its === 20) exceptionalShift(s, shift);
        ++its;
        poll(); // one sweep costs O(n²); a huge matrix must still stop on time
        francisStep(s, l, shift);
      }
    }
  } while (l < s.nn - 1);
  return true;
}

/** The first row l ≤ nn, from the bottom, whose subdiagonal entry is negligible (set to 0); 1 if none. */
function splitRow(s: Hqr): number {
  const a = s.a;
  let l: number;
  for (l = s.nn; l >= 2; l--) {
    let x = Math.abs(a[l - 1]![l - 1]!) + Math.abs(a[l]![l]!);
    if (x === 0) x = s.anorm;
    if (Math.abs(a[l]![l - 1]!) + x === x) {
      a[l]![l - 1] = 0;
      break;
    }
  }
  return l;
}

/** Exceptional shift, to break the cycles the standard shift can fall into. */
function exceptionalShift(s: Hqr, shift: Shift): void {
  const { a, nn } = s;
  s.t += shift.x;
  for (let i = 1; i <= nn; i++) a[i]![i]! -= shift.x;
  const z = Math.abs(a[nn]![nn - 1]!) + Math.abs(a[nn - 1]![nn - 2]!);
  shift.y = shift.x = 0.75 * z;
  shift.w = -0.4375 * z * z;
}

/** The two eigenvalues of the trailing 2×2 block of the active block. */
function splitPair(s: Hqr, { x, y, w }: Shift): void {
  const { nn, wr, wi } = s;
  const p = 0.5 * (y - x);
  const q = p * p + w;
  let z = Math.sqrt(Math.abs(q));
  const xs = x + s.t;
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
function sweepStart(s: Hqr, l: number, shift: Shift): [number, number, number, number] {
  const { a, nn } = s;
  const { x: x0, y: y0, w } = shift;
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
    const t = Math.abs(p) + Math.abs(q) + Math.abs(r);
    p /= t;
    q /= t;
    r /= t;
    if (m === l) break;
    const u = Math.abs(a[m]![m - 1]!) * (Math.abs(q) + Math.abs(r));
    const v = Math.abs(p) * (Math.abs(a[m - 1]![m - 1]!) + Math.abs(z) + Math.abs(a[m + 1]![m + 1]!));
    if (u + v === v) break;
  }
  return [Math.max(m, l), p, q, r];
}

/** One implicit double-shift QR sweep on the active block l..nn. */
function francisStep(st: Hqr, l: number, shift: Shift): void {
  const { a, nn } = st;
  const m0 = sweepStart(st, l, shift);
  const m = m0[0];
  let [, p, q, r] = m0;
  for (let i = m + 2; i <= nn; i++) {
    a[i]![i - 2] = 0;
    if (i !== m + 2) a[i]![i - 3] = 0;
  }
  // One reflector object per sweep, refilled at each step: no allocation inside the loop.
  const h: Reflector = { l, nn, x: 0, y: 0, z: 0, q: 0, r: 0 };
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
    h.x = p / s;
    h.y = q / s;
    h.z = r / s;
    h.q = q /= p;
    h.r = r /= p;
    reflect(a, k, h);
  }
}

/** Applies the Householder reflector of one sweep step to rows k..k+2 and columns k..k+2. */
function reflect(a: Work, k: number, h: Reflector): void {
  const { l, nn, x, y, z, q, r } = h;
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
