// HMAC (RFC 2104) over the SHA-2 states of sha2.ts. An HMAC state is two hash states: the inner
// hash, already fed K XOR ipad, and the outer hash, already fed K XOR opad.
import * as sha2 from './sha2';
import { PAD, DIGEST, WORK_STATE } from '../mem';
import { wipe } from '../ct';

export const HMAC_STATE_SIZE: usize = 2 * sha2.STATE_SIZE;

// @ts-ignore: decorator
@inline function outer(s: usize): usize {
  return s + sha2.STATE_SIZE;
}

/** Keys state `s`; a key longer than the block is first hashed (RFC 2104 §2). */
export function init(s: usize, alg: i32, key: usize, keyLen: i32): void {
  const B = sha2.blockLength(alg);
  memory.fill(PAD, 0, <usize>B);
  if (keyLen > B) {
    sha2.init(s, alg);
    sha2.update(s, key, keyLen);
    sha2.finish(s, PAD);
  } else {
    memory.copy(PAD, key, <usize>keyLen);
  }
  for (let i = 0; i < B; i += 8) store<u64>(PAD + i, load<u64>(PAD + i) ^ 0x3636363636363636);
  sha2.init(s, alg);
  sha2.update(s, PAD, B);
  for (let i = 0; i < B; i += 8) store<u64>(PAD + i, load<u64>(PAD + i) ^ 0x6a6a6a6a6a6a6a6a); // ipad ^ opad
  sha2.init(outer(s), alg);
  sha2.update(outer(s), PAD, B);
  wipe(PAD, B);
}

export function update(s: usize, p: usize, len: i32): void {
  sha2.update(s, p, len);
}

/** Writes the MAC to `out`; the caller wipes the state. */
export function finish(s: usize, out: usize): void {
  const alg = sha2.algorithm(s);
  sha2.finish(s, DIGEST);
  sha2.update(outer(s), DIGEST, sha2.digestLength(alg));
  sha2.finish(outer(s), out);
  wipe(DIGEST, 64);
}

/** One-shot HMAC(key, msg) → `out`. */
export function mac(alg: i32, key: usize, keyLen: i32, msg: usize, msgLen: i32, out: usize): void {
  init(WORK_STATE, alg, key, keyLen);
  update(WORK_STATE, msg, msgLen);
  finish(WORK_STATE, out);
  wipe(WORK_STATE, HMAC_STATE_SIZE);
}
