// The redemption key and tag: K = HKDF-SHA256(ikm = PRF output, salt = empty, info =
// "oblivia-acs-v1 redeem", 32), tag = HMAC-SHA256(K, binding). Only the PRF output's holders — the
// client that finalized it and the issuer key's holder (RFC 9497 §3.3.3 Evaluate) — can compute it.
import { sha256 } from '../hash.js';
import { hkdf } from '../hkdf.js';
import { hmac } from '../hmac.js';
import { utf8 } from '../utils/bytes.js';
import { PROTOCOL } from './attributes.js';

/** The request binding: 32 bytes, e.g. SHA-256 of the request the token authorises. */
export const BINDING_LENGTH = 32;

const REDEEM = utf8(`${PROTOCOL} redeem`);

/** K from a PRF output, which is wiped. */
export function redeemKey(output: Uint8Array): Uint8Array {
  try {
    return hkdf(sha256, output, undefined, REDEEM, 32);
  } finally {
    output.fill(0);
  }
}

/** HMAC-SHA256(K, binding); K is wiped. */
export function tagOf(key: Uint8Array, binding: Uint8Array): Uint8Array {
  try {
    return hmac(sha256, key, binding);
  } finally {
    key.fill(0);
  }
}
