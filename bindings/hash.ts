// SHA-256, SHA-384 and SHA-512 (FIPS 180-4): one-shot and streaming, noble-style.
import { active } from './backend/select.js';
import type { HashName } from './backend/backend.js';
import { Streaming, type Hash } from './streaming.js';
import { bytes } from './utils/arguments.js';

export type { Hash } from './streaming.js';

/** A hash: called on a whole message, or streamed through {@link HashFunction.create}. */
export interface HashFunction {
  (msg: Uint8Array): Uint8Array;
  /** A streaming object of this hash ({@link Hash}). */
  create(): Hash;
  /** Bytes of the digest. */
  readonly outputLen: number;
  /** Bytes of the hash's block (the HMAC block size). */
  readonly blockLen: number;
  /** The algorithm's name: `sha256`, `sha384` or `sha512`. */
  readonly algorithm: HashName;
}

function hashFunction(algorithm: HashName, outputLen: number, blockLen: number): HashFunction {
  const fn = (msg: Uint8Array) => active().hash(algorithm, bytes(msg, 'msg'));
  return Object.freeze(
    Object.assign(fn, {
      create: () => new Streaming(active().createHash(algorithm)),
      outputLen,
      blockLen,
      algorithm,
    }),
  );
}

/**
 * SHA-256 (FIPS 180-4): a 32-byte digest.
 *
 * @throws `TypeError` if `msg` is not a Uint8Array.
 * @example
 * ```ts
 * import { sha256 } from 'oblivia/hash';
 *
 * const msg = new TextEncoder().encode('abc');
 * sha256(msg); // Uint8Array(32)
 * sha256.create().update(msg).update(msg).digest(); // the same as sha256 of 'abcabc'
 * ```
 */
export const sha256: HashFunction = hashFunction('sha256', 32, 64);
/**
 * SHA-384 (FIPS 180-4): a 48-byte digest.
 *
 * @throws `TypeError` if `msg` is not a Uint8Array.
 * @example
 * ```ts
 * import { sha384 } from 'oblivia/hash';
 *
 * sha384(new TextEncoder().encode('abc')); // Uint8Array(48)
 * ```
 */
export const sha384: HashFunction = hashFunction('sha384', 48, 128);
/**
 * SHA-512 (FIPS 180-4): a 64-byte digest.
 *
 * @throws `TypeError` if `msg` is not a Uint8Array.
 * @example
 * ```ts
 * import { sha512 } from 'oblivia/hash';
 *
 * const h = sha512.create();
 * h.update(new TextEncoder().encode('a'));
 * h.digest(); // Uint8Array(64)
 * ```
 */
export const sha512: HashFunction = hashFunction('sha512', 64, 128);
