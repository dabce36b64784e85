// AES-GCM (NIST SP 800-38D §7.1 encryption, §7.2 decryption), as separate passes the caller
// sequences: AAD, CTR keystream, GHASH over the ciphertext, tag. Within one phase every call but
// the last has a length that is a multiple of 64 (any multiple of 16 would do), so no partial
// block is ever carried between calls: a call ending on a partial block closes its phase, and a
// further call in that phase is a caller bug, which traps.
import { AES_KEYS_SIZE, AES_SCHEDULE_SCRATCH, aesCtr, aesEncrypt8, aesExpandKey } from './aes';
import { GHASH_SCRATCH_SIZE, GHASH_TABLE_SIZE, ghashKey, ghashUpdate } from './ghash';
import { CIPHER_SCRATCH } from '../mem';

// Layout of the state.
const KEYS: usize = 0; // bitsliced round keys
const TABLE: usize = KEYS + AES_KEYS_SIZE; // GHASH key table: powers of H
const Y: usize = TABLE + GHASH_TABLE_SIZE; // GHASH value so far
const MASK: usize = Y + 16; // E(K, J0), added to the tag (§7.1 step 7)
const J0: usize = MASK + 16; // pre-counter block (§7.1 step 2)
const CB: usize = J0 + 16; // next counter block: J0's first 12 bytes ‖ BE32 counter
const AAD_BYTES: usize = CB + 16; // u64
const CT_BYTES: usize = AAD_BYTES + 8; // u64
const ROUNDS: usize = CT_BYTES + 8; // u32
const PHASE: usize = ROUNDS + 4; // u32: the flags below
export const GCM_STATE_SIZE: usize = PHASE + 12; // 3552 bytes

// Phase flags.
const AAD_CLOSED: u32 = 1; // AAD ended on a partial block, or data has begun
const CT_CLOSED: u32 = 2; // ciphertext absorbed ended on a partial block
const CTR_CLOSED: u32 = 4; // keystream ended on a partial block

// Scratch within CIPHER_SCRATCH (wiped by the caller): 656 of its 2048 bytes.
const Q: usize = CIPHER_SCRATCH; // 128 bytes: eight blocks for the cipher
const TMP: usize = Q + 128; // key schedule (AES_SCHEDULE_SCRATCH) or GHASH (GHASH_SCRATCH_SIZE)
const TMP_SIZE: usize = 496;
const LENGTHS: usize = TMP + TMP_SIZE; // 16 bytes: a length block
const Y_COPY: usize = LENGTHS + 16; // 16 bytes: the GHASH value, finished by gcmTag
// @ts-ignore: a compile-time check
if (!(GHASH_SCRATCH_SIZE <= TMP_SIZE && AES_SCHEDULE_SCRATCH <= TMP_SIZE)) ERROR('GCM scratch too small');

function ghash(st: usize, y: usize, p: usize, len: usize): void {
  ghashUpdate(st + TABLE, y, p, len, TMP);
}

/** Sets up `st` for key `key` (16, 24 or 32 bytes) and IV `iv` (ivLen ≥ 1 bytes). */
export function gcmInit(st: usize, key: usize, keyLen: i32, iv: usize, ivLen: i32): void {
  memory.fill(st, 0, GCM_STATE_SIZE);
  store<u32>(st + ROUNDS, aesExpandKey(st + KEYS, key, keyLen, TMP));
  // §6.4: H = E(K, 0^128); §7.1 step 2: J0 = IV ‖ 0^31 ‖ 1 for a 96-bit IV, else
  // GHASH(IV ‖ 0^(s+64) ‖ [len(IV)]_64). With a 96-bit IV, H and E(K, J0) come from one batch.
  const rounds = <i32>load<u32>(st + ROUNDS);
  memory.fill(Q, 0, 128);
  if (ivLen == 12) {
    memory.copy(st + J0, iv, 12);
    store<u32>(st + J0, bswap<u32>(1), 12);
    memory.copy(Q + 16, st + J0, 16);
  }
  aesEncrypt8(st + KEYS, rounds, Q);
  ghashKey(st + TABLE, Q, TMP);
  if (ivLen == 12) {
    memory.copy(st + MASK, Q + 16, 16);
  } else {
    ghash(st, st + J0, iv, <usize>ivLen);
    store<u64>(LENGTHS, 0);
    store<u64>(LENGTHS, bswap<u64>(<u64>ivLen << 3), 8);
    ghash(st, st + J0, LENGTHS, 16);
    memory.copy(Q, st + J0, 16);
    aesEncrypt8(st + KEYS, rounds, Q);
    memory.copy(st + MASK, Q, 16);
  }
  gcmRewind(st);
}

/** Absorbs additional authenticated data. */
export function gcmAad(st: usize, p: usize, len: i32): void {
  if (len == 0) return;
  const phase = load<u32>(st + PHASE);
  if (phase & AAD_CLOSED) unreachable();
  ghash(st, st + Y, p, <usize>len);
  store<u64>(st + AAD_BYTES, load<u64>(st + AAD_BYTES) + <u64>len);
  if (len & 15) store<u32>(st + PHASE, phase | AAD_CLOSED);
}

/** XORs `len` bytes of keystream into `src` → `dst` (§7.1 step 3, GCTR from inc32(J0)). */
export function gcmCrypt(st: usize, src: usize, dst: usize, len: i32): void {
  let phase = load<u32>(st + PHASE) | AAD_CLOSED;
  if (len == 0) return;
  if (phase & CTR_CLOSED) unreachable();
  const ctr = aesCtr(st + KEYS, <i32>load<u32>(st + ROUNDS), st + CB, bswap<u32>(load<u32>(st + CB, 12)), src, dst, <usize>len, Q);
  store<u32>(st + CB, bswap<u32>(ctr), 12);
  if (len & 15) phase |= CTR_CLOSED;
  store<u32>(st + PHASE, phase);
}

/** Absorbs ciphertext into GHASH (§7.1 step 5). */
export function gcmAbsorbCiphertext(st: usize, p: usize, len: i32): void {
  let phase = load<u32>(st + PHASE) | AAD_CLOSED;
  if (len == 0) return;
  if (phase & CT_CLOSED) unreachable();
  ghash(st, st + Y, p, <usize>len);
  store<u64>(st + CT_BYTES, load<u64>(st + CT_BYTES) + <u64>len);
  if (len & 15) phase |= CT_CLOSED;
  store<u32>(st + PHASE, phase);
}

/** Writes the 16-byte tag: GHASH over [len(A)]_64 ‖ [len(C)]_64 last, XOR E(K, J0) (§7.1 steps
 *  5–7). Leaves the state as it was, so it may be called again. */
export function gcmTag(st: usize, out: usize): void {
  memory.copy(Y_COPY, st + Y, 16);
  store<u64>(LENGTHS, bswap<u64>(load<u64>(st + AAD_BYTES) << 3), 0);
  store<u64>(LENGTHS, bswap<u64>(load<u64>(st + CT_BYTES) << 3), 8);
  ghash(st, Y_COPY, LENGTHS, 16);
  store<u64>(out, load<u64>(Y_COPY) ^ load<u64>(st + MASK), 0);
  store<u64>(out, load<u64>(Y_COPY, 8) ^ load<u64>(st + MASK, 8), 8);
}

/** Sets the counter back to inc32(J0), for the decryption pass after the tag is checked. */
export function gcmRewind(st: usize): void {
  memory.copy(st + CB, st + J0, 12);
  store<u32>(st + CB, bswap<u32>(bswap<u32>(load<u32>(st + J0, 12)) + 1), 12);
  store<u32>(st + PHASE, load<u32>(st + PHASE) & ~CTR_CLOSED);
}
