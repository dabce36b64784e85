// Variable-length integers (RFC 9000 §16), used by RFC 9292 §3 for every length and number. The two
// high bits of the first byte give the length (1, 2, 4 or 8 bytes), the rest is the value, big-endian.
// Encodings need not be minimal (RFC 9292 §3), so any byte string of the right length is valid.

/** The number of bytes of the encoding that starts with `first`. */
export function varintLength(first: number): 1 | 2 | 4 | 8 {
  return (1 << (first >> 6)) as 1 | 2 | 4 | 8;
}

/**
 * The value encoded at `bytes[offset]`, which holds `varintLength(bytes[offset])` bytes. Values up to
 * 2^62 − 1 exceed Number.MAX_SAFE_INTEGER: those above it come back rounded, and still compare
 * correctly against any length or status the caller checks them against.
 */
export function readVarint(bytes: Uint8Array, offset: number): number {
  const first = bytes[offset]!;
  const length = varintLength(first);
  let value = first & 0x3f;
  for (let i = 1; i < length; i++) value = value * 256 + bytes[offset + i]!;
  return value;
}

/** `value` for an error message: exact up to Number.MAX_SAFE_INTEGER, beyond which readVarint rounds. */
export function formatVarint(value: number): string {
  return Number.isSafeInteger(value) ? String(value) : 'above 2^53 − 1';
}

/** The length of the shortest encoding of `value`, a safe non-negative integer. */
export function varintSize(value: number): 1 | 2 | 4 | 8 {
  if (value < 0x40) return 1;
  if (value < 0x4000) return 2;
  if (value < 0x40000000) return 4;
  return 8;
}

/** Writes the shortest encoding of `value` at `out[offset]` and returns the offset after it. */
export function writeVarint(out: Uint8Array, offset: number, value: number): number {
  const size = varintSize(value);
  for (let i = size - 1, v = value; i >= 0; i--, v = Math.floor(v / 256)) out[offset + i] = v % 256;
  out[offset]! |= (31 - Math.clz32(size)) << 6; // the length's log2 in the two high bits
  return offset + size;
}
