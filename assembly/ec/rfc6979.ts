// RFC 6979 §3.2 deterministic nonces: HMAC_DRBG over the curve's hash, seeded with
// int2octets(x) ‖ bits2octets(h1), and §3.6's additional data k' after them when the caller gives
// some. The state (K, V) lives in the ECDSA scratch; the caller wipes it.
import * as HMAC from '../hash/hmac';
import { digestLength } from '../hash/sha2';
import { ECDSA_K, ECDSA_V, ECDSA_T, WORK_STATE } from '../mem';
import { wipe } from '../ct';

const K = ECDSA_K;
const V = ECDSA_V;

/** K = HMAC_K(V ‖ separator ‖ x ‖ h ‖ extra), any of the last three possibly empty (steps d, f, h.3). */
function rekey(alg: i32, separator: u8, x: usize, xLen: i32, h: usize, hLen: i32, extra: usize, extraLen: i32): void {
  const hlen = digestLength(alg);
  HMAC.init(WORK_STATE, alg, K, hlen);
  HMAC.update(WORK_STATE, V, hlen);
  store<u8>(ECDSA_T, separator);
  HMAC.update(WORK_STATE, ECDSA_T, 1);
  HMAC.update(WORK_STATE, x, xLen);
  HMAC.update(WORK_STATE, h, hLen);
  HMAC.update(WORK_STATE, extra, extraLen);
  HMAC.finish(WORK_STATE, K);
  wipe(WORK_STATE, HMAC.HMAC_STATE_SIZE);
}

/** V = HMAC_K(V). */
function step(alg: i32): void {
  const hlen = digestLength(alg);
  HMAC.mac(alg, K, hlen, V, hlen, V);
}

/** Steps b–g: the state for the secret key x and h = bits2octets(h1), both `len` bytes. */
export function seed(alg: i32, x: usize, h: usize, len: i32, extra: usize, extraLen: i32): void {
  const hlen = <usize>digestLength(alg);
  memory.fill(V, 0x01, hlen);
  memory.fill(K, 0x00, hlen);
  rekey(alg, 0x00, x, len, h, len, extra, extraLen);
  step(alg);
  rekey(alg, 0x01, x, len, h, len, extra, extraLen);
  step(alg);
}

/** Steps h.1–h.2: T = V ‖ V' ‖ … (each a fresh V), its first `len` bytes into ECDSA_T. */
export function generate(alg: i32, len: i32): void {
  const hlen = digestLength(alg);
  for (let t = 0; t < len; t += hlen) {
    step(alg);
    memory.copy(ECDSA_T + <usize>t, V, <usize>min(hlen, len - t));
  }
}

/** Step h.3, after a candidate k was refused: K = HMAC_K(V ‖ 0x00), V = HMAC_K(V). */
export function reseed(alg: i32): void {
  rekey(alg, 0x00, 0, 0, 0, 0, 0, 0);
  step(alg);
}
