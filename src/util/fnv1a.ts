/** The 32-bit FNV offset basis, the usual start of the hash. */
export const FNV_OFFSET_BASIS = 0x811c9dc5;

/** The 32-bit FNV prime. */
export const FNV_PRIME = 0x01000193;

/**
 * FNV-1a over the UTF-16 code units of `text`, as an unsigned 32-bit number: a stable, fast,
 * non-cryptographic hash (the same text gives the same number on every machine and run). Another
 * `basis` or `prime` gives a second, nearly independent hash of the same text.
 */
export function fnv1a(text: string, basis: number = FNV_OFFSET_BASIS, prime: number = FNV_PRIME): number {
  let h = basis;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), prime);
  return h >>> 0;
}
