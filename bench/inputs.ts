// Deterministic inputs, so every run hashes the same bytes.

/** `length` bytes of a fixed pseudo-random pattern (xorshift32), varied by `seed`. */
export function bytes(length: number, seed = 1): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  let x = (seed * 0x9e3779b9) >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

export const KiB = 1024;
export const MiB = 1024 * KiB;

/** "64 B", "1 KiB", "1 MiB". */
export function sizeLabel(length: number): string {
  if (length >= MiB && length % MiB === 0) return `${length / MiB} MiB`;
  if (length >= KiB && length % KiB === 0) return `${length / KiB} KiB`;
  return `${length} B`;
}
