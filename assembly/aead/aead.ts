// The AEAD layer: one state layout and one call discipline over the three AEADs. A state is a
// header (algorithm, phase, whether the phase is closed, the tag computed by verify) followed by
// the cipher's own state.
//   seal: AAD* → encrypt* → tag          open: AAD* → absorb* → verify → decrypt*
// Within a phase, every chunk but the last is a multiple of 64 bytes (a shorter chunk closes the
// phase), so no cipher carries a partial block between calls.
import { AeadAlg, Status } from '../abi';
import { equal } from '../ct';
import { STATE_SIZE } from '../mem';
import * as chachapoly from './chachapoly';
import * as gcm from './gcm';

const ALG: usize = 0;
const PHASE: usize = 4;
const CLOSED: usize = 8;
const COMPUTED_TAG: usize = 16; // verify's own tag, compared with the received one
const BODY: usize = 32;

const AAD: u32 = 1;
const SEAL: u32 = 2;
const OPEN: u32 = 3;
const VERIFIED: u32 = 4;

export const TAG_LENGTH: i32 = 16;

// Every cipher state fits a slot (checked at compile time).
// @ts-ignore: compile-time builtin
if (BODY + max(chachapoly.CHACHAPOLY_STATE_SIZE, gcm.GCM_STATE_SIZE) > <usize>STATE_SIZE) ERROR('an AEAD state does not fit a slot');

export function isAeadAlg(alg: i32): bool {
  return alg >= AeadAlg.CHACHA20_POLY1305 && alg <= AeadAlg.AES_GCM;
}

export function validKeyAndNonce(alg: i32, keyLen: i32, nonceLen: i32): bool {
  if (alg == AeadAlg.CHACHA20_POLY1305) return keyLen == 32 && nonceLen == 12;
  if (alg == AeadAlg.XCHACHA20_POLY1305) return keyLen == 32 && nonceLen == 24;
  return (keyLen == 16 || keyLen == 24 || keyLen == 32) && nonceLen >= 1; // any IV length (SP 800-38D)
}

/** A state the host handed back holds a known algorithm and phase. */
export function isAeadState(st: usize): bool {
  const phase = load<u32>(st, PHASE);
  return isAeadAlg(load<i32>(st, ALG)) && phase >= AAD && phase <= VERIFIED;
}

export function init(st: usize, alg: i32, key: usize, keyLen: i32, nonce: usize, nonceLen: i32): void {
  store<i32>(st, alg, ALG);
  store<u32>(st, AAD, PHASE);
  store<u32>(st, 0, CLOSED);
  if (alg == AeadAlg.AES_GCM) gcm.gcmInit(st + BODY, key, keyLen, nonce, nonceLen);
  else chachapoly.chachaPolyInit(st + BODY, key, nonce, nonceLen);
}

// The cipher operations, dispatched on the algorithm in the header.

function isGcm(st: usize): bool {
  return load<i32>(st, ALG) == AeadAlg.AES_GCM;
}

function cipherAad(st: usize, p: usize, len: i32): void {
  if (isGcm(st)) gcm.gcmAad(st + BODY, p, len);
  else chachapoly.chachaPolyAad(st + BODY, p, len);
}

function cipherCrypt(st: usize, src: usize, dst: usize, len: i32): void {
  if (isGcm(st)) gcm.gcmCrypt(st + BODY, src, dst, len);
  else chachapoly.chachaPolyCrypt(st + BODY, src, dst, len);
}

function cipherAbsorb(st: usize, p: usize, len: i32): void {
  if (isGcm(st)) gcm.gcmAbsorbCiphertext(st + BODY, p, len);
  else chachapoly.chachaPolyAbsorbCiphertext(st + BODY, p, len);
}

function cipherTag(st: usize, out: usize): void {
  if (isGcm(st)) gcm.gcmTag(st + BODY, out);
  else chachapoly.chachaPolyTag(st + BODY, out);
}

function cipherRewind(st: usize): void {
  if (isGcm(st)) gcm.gcmRewind(st + BODY);
  else chachapoly.chachaPolyRewind(st + BODY);
}

/** Moves to `phase` (from AAD, or staying in it) and takes a chunk of `len` bytes. */
function enter(st: usize, phase: u32, len: i32): bool {
  const current = load<u32>(st, PHASE);
  if (current != phase) {
    if (current != AAD || (phase != SEAL && phase != OPEN)) return false;
    store<u32>(st, phase, PHASE);
    store<u32>(st, 0, CLOSED);
  }
  if (load<u32>(st, CLOSED)) return false;
  if (len & 63) store<u32>(st, 1, CLOSED);
  return true;
}

export function aad(st: usize, p: usize, len: i32): Status {
  if (!enter(st, AAD, len)) return Status.BAD_LENGTH;
  cipherAad(st, p, len);
  return Status.OK;
}

export function encrypt(st: usize, src: usize, dst: usize, len: i32): Status {
  if (!enter(st, SEAL, len)) return Status.BAD_LENGTH;
  cipherCrypt(st, src, dst, len);
  cipherAbsorb(st, dst, len);
  return Status.OK;
}

export function tag(st: usize, out: usize): Status {
  const phase = load<u32>(st, PHASE);
  if (phase != AAD && phase != SEAL) return Status.BAD_SLOT;
  cipherTag(st, out);
  return Status.OK;
}

export function absorb(st: usize, p: usize, len: i32): Status {
  if (!enter(st, OPEN, len)) return Status.BAD_LENGTH;
  cipherAbsorb(st, p, len);
  return Status.OK;
}

/** Compares the tag in constant time; only a match allows decryption. */
export function verify(st: usize, expected: usize): Status {
  const phase = load<u32>(st, PHASE);
  if (phase != AAD && phase != OPEN) return Status.BAD_SLOT;
  const computed = st + COMPUTED_TAG;
  cipherTag(st, computed);
  if (!equal(computed, expected, TAG_LENGTH)) return Status.INVALID_TAG;
  cipherRewind(st);
  store<u32>(st, VERIFIED, PHASE);
  store<u32>(st, 0, CLOSED);
  return Status.OK;
}

export function decrypt(st: usize, src: usize, dst: usize, len: i32): Status {
  if (load<u32>(st, PHASE) != VERIFIED || load<u32>(st, CLOSED)) return Status.BAD_SLOT;
  if (len & 63) store<u32>(st, 1, CLOSED);
  cipherCrypt(st, src, dst, len);
  return Status.OK;
}
