/**
 * The `vec` order, the one order mcheck flattens matrices in (Hessians, Jacobians with respect to
 * matrices, the `vec()` function): the columns stacked, so the 0-based entry (r, c) of an m×n
 * matrix is number r + c·m. Arrays are stored row-major (entry (r, c) at r·n + c); these map one
 * index to the other. For vectors (n×1 or 1×n) both orders coincide.
 */

/** The storage (row-major) index of vec entry `v` of a rows×cols matrix. */
export function storageOfVec(rows: number, cols: number, v: number): number {
  const c = Math.floor(v / rows);
  return (v - c * rows) * cols + c;
}

/** The vec index of storage (row-major) entry `k` of a rows×cols matrix. */
export function vecOfStorage(rows: number, cols: number, k: number): number {
  const r = Math.floor(k / cols);
  return r + (k - r * cols) * rows;
}
