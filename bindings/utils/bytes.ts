// Byte strings and big-endian integers (network byte order, RFC 8446 §3; I2OSP of RFC 8017 §4.1).

/** The arrays one after the other, in a new array. */
export function concat(...arrays: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(arrays.reduce((sum, a) => sum + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}

export const EMPTY = new Uint8Array(0);

/** ASCII text (protocol labels) as bytes, one byte a character. */
export const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

const encoder = new TextEncoder();
export const utf8 = (text: string): Uint8Array => encoder.encode(text);

/** I2OSP(n, w): `n` as a big-endian byte string of `w` bytes; `n` is a non-negative safe integer below 256^w. */
export function i2osp(n: number, w: number): Uint8Array {
  const out = new Uint8Array(w);
  for (let i = w - 1, v = n; i >= 0 && v > 0; i--, v = Math.floor(v / 256)) out[i] = v % 256;
  return out;
}

/** `value` (0 … 65535) as two bytes. */
export const u16 = (value: number): Uint8Array => Uint8Array.of(value >>> 8, value & 0xff);

export const readU16 = (data: Uint8Array, at: number): number => (data[at]! << 8) | data[at + 1]!;

export const readU32 = (data: Uint8Array, at: number): number => readU16(data, at) * 0x10000 + readU16(data, at + 2);

export function writeU16(data: Uint8Array, at: number, value: number): void {
  data[at] = value >>> 8;
  data[at + 1] = value & 0xff;
}

export function writeU32(data: Uint8Array, at: number, value: number): void {
  writeU16(data, at, value >>> 16);
  writeU16(data, at + 2, value & 0xffff);
}

/** Whether `a` and `b` hold the same bytes, in time that depends only on their lengths. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** Lowercase hexadecimal, two digits a byte. */
export const bytesToHex = (data: Uint8Array): string =>
  Array.from(data, (b) => b.toString(16).padStart(2, '0')).join('');

/** The bytes of a hexadecimal string (either case, two digits a byte); a RangeError for anything else. */
export function hexToBytes(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) throw new RangeError('"hex" expected pairs of hex digits');
  return Uint8Array.from({ length: hex.length / 2 }, (_, i) => parseInt(hex.slice(2 * i, 2 * i + 2), 16));
}
