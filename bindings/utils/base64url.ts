// base64url (RFC 4648 §5), strict as base64.ts: decoding refuses characters outside the alphabet,
// padding where it is not expected (or its absence where it is) and non-zero trailing bits (§3.5).
import { BASE64URL, decodeWith, encodeWith } from './base64.js';

/** The base64url text of `bytes`, with `=` padding if `padded`. */
export const encodeBase64url = (bytes: Uint8Array, padded = false): string => encodeWith(BASE64URL, bytes, padded);

/** The bytes of a canonical base64url text, padded if `padded` and unpadded otherwise; undefined
 *  if it is not one. */
export const decodeBase64url = (text: string, padded = false): Uint8Array | undefined =>
  decodeWith(BASE64URL, text, padded);
