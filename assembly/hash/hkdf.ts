// HKDF (RFC 5869) over hmac.ts. Extract is HMAC(salt, IKM) (§2.2); an empty salt needs no special
// case, since HMAC zero-pads its key to the block length.
import * as hmac from './hmac';
import { digestLength } from './sha2';
import { PAD, KEYED_STATE, WORK_STATE } from '../mem';
import { wipe } from '../ct';

export function extract(alg: i32, salt: usize, saltLen: i32, ikm: usize, ikmLen: i32, prk: usize): void {
  hmac.mac(alg, salt, saltLen, ikm, ikmLen, prk);
}

/** §2.3: T(i) = HMAC(PRK, T(i-1) | info | i), `length` ≤ 255·HashLen bytes written to `out`. */
export function expand(alg: i32, prk: usize, prkLen: i32, info: usize, infoLen: i32, out: usize, length: i32): void {
  const L = digestLength(alg);
  hmac.init(KEYED_STATE, alg, prk, prkLen);
  let previous: usize = 0;
  for (let i = 1, done = 0; done < length; i++, done += L) {
    memory.copy(WORK_STATE, KEYED_STATE, hmac.HMAC_STATE_SIZE);
    if (previous) hmac.update(WORK_STATE, previous, L);
    hmac.update(WORK_STATE, info, infoLen);
    store<u8>(PAD, <u8>i);
    hmac.update(WORK_STATE, PAD, 1);
    const block = out + done;
    if (length - done >= L) {
      hmac.finish(WORK_STATE, block);
    } else {
      hmac.finish(WORK_STATE, PAD);
      memory.copy(block, PAD, length - done);
    }
    previous = block;
  }
  wipe(KEYED_STATE, hmac.HMAC_STATE_SIZE);
  wipe(WORK_STATE, hmac.HMAC_STATE_SIZE);
  wipe(PAD, 64);
}
