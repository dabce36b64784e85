// Argument checks shared by the primitives: a hash function of this library, a domain separation tag.
import { sha256, sha384, sha512, type HashFunction } from './hash.js';
import { bytes } from './utils/arguments.js';

const HASHES = new Set<unknown>([sha256, sha384, sha512]);

/** Checks that `value` is one of this module's hash functions. */
export function hashArgument(value: unknown, name = 'hash'): HashFunction {
  if (!HASHES.has(value)) throw new TypeError(`"${name}" expected sha256, sha384 or sha512 from oblivia`);
  return value as HashFunction;
}

/** A domain separation tag: any bytes but none (§3.1); one over 255 bytes is hashed (§5.3.3). */
export function dstArgument(value: unknown): Uint8Array {
  const dst = bytes(value, 'dst');
  if (dst.length === 0) throw new RangeError('"dst" expected Uint8Array of length ≥ 1, got length=0');
  return dst;
}
