// base64url (RFC 4648 §5) with padding, which RFC 9577 §2.1 and §2.2 require for every
// PrivateToken parameter. Decoding refuses missing padding and non-zero trailing bits.
import { PrivacyPassError } from './errors.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUES = new Map([...ALPHABET].map((c, i) => [c, i]));

export function encodeBase64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(bytes.length - i, 3) + 1;
    for (let j = 0; j < 4; j++) out += j < chars ? ALPHABET[(n >> (18 - 6 * j)) & 63] : '=';
  }
  return out;
}

/** The bytes of a padded base64url string; PrivacyPassError HEADER otherwise. */
export function decodeBase64url(text: string): Uint8Array {
  if (text.length % 4 !== 0) throw new PrivacyPassError('HEADER');
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    for (let j = 0; j < 4; j++) {
      const c = text[i + j]!;
      const last = i + 4 === text.length;
      const v = last && j >= 4 - pad ? 0 : VALUES.get(c);
      if (v === undefined) throw new PrivacyPassError('HEADER');
      n = (n << 6) | v;
    }
    // non-canonical: bits below the last byte must be zero (RFC 4648 §3.5)
    if (i + 4 === text.length && (pad === 2 ? n & 0xffff : pad === 1 ? n & 0xff : 0) !== 0) throw new PrivacyPassError('HEADER');
    out[o++] = n >> 16;
    if (o < out.length) out[o++] = (n >> 8) & 0xff;
    if (o < out.length) out[o++] = n & 0xff;
  }
  return out;
}
