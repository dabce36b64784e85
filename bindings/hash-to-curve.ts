// RFC 9380: expandMessageXmd(hash, msg, dst, length) (§5.3.1), the uniform bytes behind
// hash_to_field and hash_to_curve, and the domain separation tag check the hashes to curves share
// (p256/p384/p521.hashToCurve, ristretto255.hashToGroup).
import { active } from './backend/select.js';
import type { HashFunction } from './hash.js';
import { dstArgument, hashArgument } from './primitive-arguments.js';
import { bytes, integer } from './utils/arguments.js';

/**
 * RFC 9380 §5.3.1 expand_message_xmd: `length` ≤ 255·HashLen uniformly random bytes from `msg`
 * under the domain separation tag `dst`.
 *
 * @throws `TypeError` for an unknown `hash` or a non-Uint8Array; `RangeError` for an empty `dst`
 * (one over 255 bytes is hashed, §5.3.3) or a `length` not an integer in [0, 255·HashLen].
 * @example
 * ```ts
 * import { expandMessageXmd, sha256 } from 'oblivia';
 *
 * const dst = new TextEncoder().encode('my-app-v1');
 * expandMessageXmd(sha256, new TextEncoder().encode('a'), dst, 96); // Uint8Array(96)
 * ```
 */
export function expandMessageXmd(hash: HashFunction, msg: Uint8Array, dst: Uint8Array, length: number): Uint8Array {
  const h = hashArgument(hash);
  return active().expandMessageXmd(
    h.algorithm,
    bytes(msg, 'msg'),
    dstArgument(dst),
    integer(length, 'length', 0, 255 * h.outputLen),
  );
}
