// The AEAD layer: one state layout and one call discipline over the three AEADs. A state is a
// header (algorithm, phase, whether the phase is closed, the tag computed by verify) followed by
// the cipher's own state.
//   seal: AAD* → encrypt* → tag          open: AAD* → absorb* → verify → decrypt*
// Within a phase, every chunk but the last is a multiple of 64 bytes (a shorter chunk closes the
// phase), so no cipher carries a partial block between calls.
import { AeadAlg } from './alg';
import { Status } from '../status';
import { equal } from '../ct';
import { STATE_SIZE } from '../mem';
import * as chachapoly from './chachapoly';

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
if (BODY + chachapoly.CHACHAPOLY_STATE_SIZE > <usize>STATE_SIZE) ERROR('an AEAD state does not fit a slot');

export function isAeadAlg(alg: i32): bool {
  return alg == AeadAlg.CHACHA20_POLY1305 || alg == AeadAlg.XCHACHA20_POLY1305;
}

export function validKeyAndNonce(alg: i32, keyLen: i32, nonceLen: i32): bool {
  if (alg == AeadAlg.CHACHA20_POLY1305) return keyLen == 32 && nonceLen == 12;
  if (alg == AeadAlg.XCHACHA20_POLY1305) return keyLen == 32 && nonceLen == 24;
  return false;
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
  chachapoly.chachaPolyInit(st + BODY, key, nonce, nonceLen);
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
  chachapoly.chachaPolyAad(st + BODY, p, len);
  return Status.OK;
}

export function encrypt(st: usize, src: usize, dst: usize, len: i32): Status {
  if (!enter(st, SEAL, len)) return Status.BAD_LENGTH;
  chachapoly.chachaPolyCrypt(st + BODY, src, dst, len);
  chachapoly.chachaPolyAbsorbCiphertext(st + BODY, dst, len);
  return Status.OK;
}

export function tag(st: usize, out: usize): Status {
  const phase = load<u32>(st, PHASE);
  if (phase != AAD && phase != SEAL) return Status.BAD_SLOT;
  chachapoly.chachaPolyTag(st + BODY, out);
  return Status.OK;
}

export function absorb(st: usize, p: usize, len: i32): Status {
  if (!enter(st, OPEN, len)) return Status.BAD_LENGTH;
  chachapoly.chachaPolyAbsorbCiphertext(st + BODY, p, len);
  return Status.OK;
}

/** Compares the tag in constant time; only a match allows decryption. */
export function verify(st: usize, expected: usize): Status {
  const phase = load<u32>(st, PHASE);
  if (phase != AAD && phase != OPEN) return Status.BAD_SLOT;
  const computed = st + COMPUTED_TAG;
  chachapoly.chachaPolyTag(st + BODY, computed);
  if (!equal(computed, expected, TAG_LENGTH)) return Status.INVALID_TAG;
  chachapoly.chachaPolyRewind(st + BODY);
  store<u32>(st, VERIFIED, PHASE);
  store<u32>(st, 0, CLOSED);
  return Status.OK;
}

export function decrypt(st: usize, src: usize, dst: usize, len: i32): Status {
  if (load<u32>(st, PHASE) != VERIFIED || load<u32>(st, CLOSED)) return Status.BAD_SLOT;
  if (len & 63) store<u32>(st, 1, CLOSED);
  chachapoly.chachaPolyCrypt(st + BODY, src, dst, len);
  return Status.OK;
}
