// RFC 9380 §5.3.1 expand_message_xmd over a backend's hashes, for a message too large for the wasm
// core's IO window: b_0 absorbs the message through a streaming hash; b_1 … b_ell are small.
import type { Backend, HashName } from '../backend.js';

const BLOCK_LENGTH: Record<HashName, number> = { sha256: 64, sha384: 128, sha512: 128 };
const OVERSIZE = new TextEncoder().encode('H2C-OVERSIZE-DST-');

/** §5.3.3: a DST over 255 bytes becomes H("H2C-OVERSIZE-DST-" ‖ DST). */
export function shortDst(backend: Backend, alg: HashName, dst: Uint8Array): Uint8Array {
  if (dst.length <= 255) return dst;
  const h = backend.createHash(alg);
  h.update(OVERSIZE);
  h.update(dst);
  return h.digest();
}

export function expandStreamed(
  backend: Backend,
  alg: HashName,
  msg: Uint8Array,
  dst: Uint8Array,
  length: number,
): Uint8Array {
  const short = shortDst(backend, alg, dst);
  const dstPrime = new Uint8Array(short.length + 1);
  dstPrime.set(short);
  dstPrime[short.length] = short.length;
  // b_0 = H(Z_pad ‖ msg ‖ I2OSP(len_in_bytes, 2) ‖ I2OSP(0, 1) ‖ DST_prime)
  const h = backend.createHash(alg);
  h.update(new Uint8Array(BLOCK_LENGTH[alg]));
  h.update(msg);
  h.update(Uint8Array.of(length >> 8, length & 255, 0));
  h.update(dstPrime);
  const b0 = h.digest();
  // b_i = H(strxor(b_0, b_(i−1)) ‖ I2OSP(i, 1) ‖ DST_prime), b_(0) read as zero for b_1
  const out = new Uint8Array(length);
  const block = new Uint8Array(b0.length + 1 + dstPrime.length);
  block.set(dstPrime, b0.length + 1);
  let previous: Uint8Array = new Uint8Array(b0.length);
  for (let i = 1, done = 0; done < length; i++, done += b0.length) {
    for (let j = 0; j < b0.length; j++) block[j] = b0[j]! ^ previous[j]!;
    block[b0.length] = i;
    const next = backend.hash(alg, block);
    previous.fill(0);
    previous = next;
    out.set(previous.subarray(0, length - done), done);
  }
  b0.fill(0);
  block.fill(0);
  previous.fill(0);
  return out;
}
