// base64 (RFC 4648 §4, padded) and the codec base64url (§5) shares, strict: decoding refuses
// characters outside the alphabet, padding where it is not expected (or its absence where it is)
// and non-zero trailing bits (§3.5).

export const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
export const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const VALUES = new Map([BASE64, BASE64URL].map((a) => [a, new Map([...a].map((c, i) => [c, i]))]));

/** The text of `bytes` in `alphabet`, with `=` padding if `padded`. */
export function encodeWith(alphabet: typeof BASE64 | typeof BASE64URL, bytes: Uint8Array, padded: boolean): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(bytes.length - i, 3) + 1;
    for (let j = 0; j < 4; j++) {
      if (j < chars) out += alphabet[(n >> (18 - 6 * j)) & 63];
      else if (padded) out += '=';
    }
  }
  return out;
}

/** The bytes of a canonical text in `alphabet`, padded if `padded` and unpadded otherwise;
 *  undefined if it is not one. */
export function decodeWith(
  alphabet: typeof BASE64 | typeof BASE64URL,
  text: string,
  padded: boolean,
): Uint8Array | undefined {
  if (padded && text.length % 4 !== 0) return undefined;
  const body = padded ? text.replace(/={1,2}$/, '') : text;
  if (body.length % 4 === 1) return undefined;
  const map = VALUES.get(alphabet)!;
  const out = new Uint8Array(Math.floor((body.length * 3) / 4));
  let bits = 0;
  let n = 0;
  let o = 0;
  for (const c of body) {
    const v = map.get(c);
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

/** Padded base64 (RFC 4648 §4). */
export const encodeBase64 = (bytes: Uint8Array): string => encodeWith(BASE64, bytes, true);

/** The bytes of a canonical padded base64 text; undefined if it is not one. */
export const decodeBase64 = (text: string): Uint8Array | undefined => decodeWith(BASE64, text, true);
