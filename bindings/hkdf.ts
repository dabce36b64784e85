// HKDF (RFC 5869): hkdf(hash, ikm, salt, info, length), hkdf.extract and hkdf.expand.
// An absent salt or info is the empty string; for the salt that equals HashLen zeros (§2.2).
import { active } from './backend/select.js';
import type { HashFunction } from './hash.js';
import { hashArgument } from './primitive-arguments.js';
import { bytes, integer, optionalBytes } from './utils/arguments.js';

/** HKDF (RFC 5869): extract-then-expand in one call, or its two steps. */
export interface HkdfFunction {
  (
    hash: HashFunction,
    ikm: Uint8Array,
    salt: Uint8Array | undefined,
    info: Uint8Array | undefined,
    length: number,
  ): Uint8Array;
  /** §2.2: PRK = HMAC-Hash(salt, IKM). */
  extract(hash: HashFunction, ikm: Uint8Array, salt?: Uint8Array): Uint8Array;
  /** §2.3: OKM of `length` ≤ 255·HashLen bytes from a PRK of at least HashLen bytes. */
  expand(hash: HashFunction, prk: Uint8Array, info: Uint8Array | undefined, length: number): Uint8Array;
}

function okmLength(hash: HashFunction, length: unknown): number {
  return integer(length, 'length', 0, 255 * hash.outputLen);
}

/**
 * HKDF (RFC 5869 §2): `length` ≤ 255·HashLen bytes of output keying material from `ikm`; an absent
 * salt or info is the empty string (for the salt, HashLen zero bytes, §2.2).
 *
 * @throws `TypeError` for an unknown `hash` or a non-Uint8Array argument; `RangeError` if `length`
 * is not an integer in [0, 255·HashLen], or (expand) `prk` is shorter than HashLen.
 * @example
 * ```ts
 * import { hkdf, sha256 } from 'oblivia';
 *
 * const ikm = new Uint8Array(32).fill(7);
 * const info = new TextEncoder().encode('context');
 * const okm = hkdf(sha256, ikm, undefined, info, 32); // Uint8Array(32)
 * const prk = hkdf.extract(sha256, ikm, new Uint8Array(16));
 * hkdf.expand(sha256, prk, info, 64); // Uint8Array(64)
 * ```
 */
export const hkdf: HkdfFunction = Object.freeze(
  Object.assign(
    (
      hash: HashFunction,
      ikm: Uint8Array,
      salt: Uint8Array | undefined,
      info: Uint8Array | undefined,
      length: number,
    ) => {
      const h = hashArgument(hash);
      return active().hkdf(
        h.algorithm,
        bytes(ikm, 'ikm'),
        optionalBytes(salt, 'salt'),
        optionalBytes(info, 'info'),
        okmLength(h, length),
      );
    },
    {
      extract: (hash: HashFunction, ikm: Uint8Array, salt?: Uint8Array) =>
        active().hmac(hashArgument(hash).algorithm, optionalBytes(salt, 'salt'), bytes(ikm, 'ikm')),
      expand: (hash: HashFunction, prk: Uint8Array, info: Uint8Array | undefined, length: number) => {
        const h = hashArgument(hash);
        bytes(prk, 'prk');
        if (prk.length < h.outputLen) {
          throw new RangeError(`"prk" expected at least ${h.outputLen} bytes, got length=${prk.length}`);
        }
        return active().hkdfExpand(h.algorithm, prk, optionalBytes(info, 'info'), okmLength(h, length));
      },
    },
  ),
);
