// HMAC (RFC 2104) over SHA-256, SHA-384 or SHA-512: hmac(sha256, key, msg) and hmac.create().
import { active } from './backend/select.js';
import type { HashFunction } from './hash.js';
import { hashArgument } from './primitive-arguments.js';
import { Streaming, type Hash } from './streaming.js';
import { bytes } from './utils/arguments.js';

/** HMAC over a {@link HashFunction}: one-shot, or streamed through `create`. */
export interface HmacFunction {
  (hash: HashFunction, key: Uint8Array, msg: Uint8Array): Uint8Array;
  /** A streaming HMAC under `key` ({@link Hash}). */
  create(hash: HashFunction, key: Uint8Array): Hash;
}

/**
 * HMAC (RFC 2104) of `msg` under `key`, with SHA-256, SHA-384 or SHA-512: a digest of the hash's
 * output length.
 *
 * @throws `TypeError` if `hash` is not one of `sha256`, `sha384`, `sha512`, or `key` or `msg` is
 * not a Uint8Array.
 * @example
 * ```ts
 * import { hmac, sha256 } from 'oblivia';
 *
 * const key = new Uint8Array(32).fill(7);
 * const msg = new TextEncoder().encode('abc');
 * hmac(sha256, key, msg); // Uint8Array(32)
 * hmac.create(sha256, key).update(msg).digest(); // the same, streamed
 * ```
 */
export const hmac: HmacFunction = Object.freeze(
  Object.assign(
    (hash: HashFunction, key: Uint8Array, msg: Uint8Array) =>
      active().hmac(hashArgument(hash).algorithm, bytes(key, 'key'), bytes(msg, 'msg')),
    {
      create: (hash: HashFunction, key: Uint8Array): Hash =>
        new Streaming(active().createHmac(hashArgument(hash).algorithm, bytes(key, 'key'))),
    },
  ),
);
