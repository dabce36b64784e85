// RFC 9380: expandMessageXmd(hash, msg, dst, length) (§5.3.1), the uniform bytes behind
// hash_to_field and hash_to_curve, and the domain separation tag check the hashes to curves share
// (p256/p384/p521.hashToCurve, ristretto255.hashToGroup).
import { active } from './backend/select.js';
import type { HashFunction } from './hash.js';
import { dstArgument, hashArgument } from './primitive-arguments.js';
import { bytes, integer } from './utils/arguments.js';

/** `length` ≤ 255·HashLen uniformly random bytes from `msg` under the tag `dst`. */
export function expandMessageXmd(hash: HashFunction, msg: Uint8Array, dst: Uint8Array, length: number): Uint8Array {
  const h = hashArgument(hash);
  return active().expandMessageXmd(
    h.algorithm,
    bytes(msg, 'msg'),
    dstArgument(dst),
    integer(length, 'length', 0, 255 * h.outputLen),
  );
}
