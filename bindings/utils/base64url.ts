// base64url (RFC 4648 §5), strict: decoding refuses characters outside the alphabet, padding where
// it is not expected (or its absence where it is) and non-zero trailing bits (§3.5).

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUES = new Map([...ALPHABET].map((c, i) => [c, i]));

/** The base64url text of `bytes`, with `=` padding if `padded`. */
export function encodeBase64url(bytes: Uint8Array, padded = false): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(bytes.length - i, 3) + 1;
    for (let j = 0; j < 4; j++) {
      if (j < chars) out += ALPHABET[(n >> (18 - 6 * j)) & 63];
      else if (padded) out += '=';
    }
  }
  return out;
}

/** The bytes of a canonical base64url text, padded if `padded` and unpadded otherwise; undefined
 *  if it is not one. */
export function decodeBase64url(text: string, padded = false): Uint8Array | undefined {
  if (padded && text.length % 4 !== 0) return undefined;
  const body = padded ? text.replace(/={1,2}$/, '') : text;
  if (body.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((body.length * 3) / 4));
  let bits = 0;
  let n = 0;
  let o = 0;
  for (const c of body) {
    const v = VALUES.get(c);
    if (v === undefined) return undefined;
    n = (n << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = n >> bits;
      n &= (1 << bits) - 1;
    }
  }
  return n === 0 ? out : undefined;
}
