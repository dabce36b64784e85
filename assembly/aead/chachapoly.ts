// ChaCha20-Poly1305 (RFC 8439 §2.8) and XChaCha20-Poly1305 (draft-irtf-cfrg-xchacha-03 §2.3):
// the cipher state, the Poly1305 state and the two lengths, behind the AEAD interface of aead.ts.
import * as chacha from './chacha20';
import { POLY_STATE_SIZE, polyBlocks, polyFinish, polyInit, polyPadded } from './poly1305';
import { CIPHER_SCRATCH } from '../mem';

const CIPHER: usize = 0;
const POLY: usize = CIPHER + chacha.STATE_BYTES;
const AAD_LENGTH: usize = POLY + POLY_STATE_SIZE; // u64
const DATA_LENGTH: usize = AAD_LENGTH + 8; // u64
export const CHACHAPOLY_STATE_SIZE: usize = DATA_LENGTH + 8;

/** `nonceLen` 12: ChaCha20-Poly1305; 24: XChaCha20-Poly1305 with the HChaCha20 subkey. */
export function chachaPolyInit(st: usize, key: usize, nonce: usize, nonceLen: i32): void {
  if (nonceLen == 24) {
    // §2.3: subkey = HChaCha20(key, nonce[0..16]); nonce' = 0x00000000 ‖ nonce[16..24].
    const subkey = CIPHER_SCRATCH + 64;
    const shortNonce = CIPHER_SCRATCH + 96;
    chacha.hchacha20(key, nonce, subkey);
    store<u32>(shortNonce, 0);
    memory.copy(shortNonce + 4, nonce + 16, 8);
    chacha.setup(st + CIPHER, subkey, 0, shortNonce);
  } else {
    chacha.setup(st + CIPHER, key, 0, nonce);
  }
  // §2.6: the one-time key is the first 32 bytes of block 0; the message starts at block 1.
  // (CIPHER_SCRATCH itself holds chacha20's keystream block.)
  const block = CIPHER_SCRATCH + 128;
  memory.fill(block, 0, 32);
  chacha.xorKeystream(st + CIPHER, block, block, 32);
  polyInit(st + POLY, block);
  store<u64>(st, 0, AAD_LENGTH);
  store<u64>(st, 0, DATA_LENGTH);
}

export function chachaPolyAad(st: usize, p: usize, len: i32): void {
  polyPadded(st + POLY, p, len);
  store<u64>(st, load<u64>(st, AAD_LENGTH) + len, AAD_LENGTH);
}

export function chachaPolyCrypt(st: usize, src: usize, dst: usize, len: i32): void {
  chacha.xorKeystream(st + CIPHER, src, dst, len);
}

export function chachaPolyAbsorbCiphertext(st: usize, p: usize, len: i32): void {
  polyPadded(st + POLY, p, len);
  store<u64>(st, load<u64>(st, DATA_LENGTH) + len, DATA_LENGTH);
}

/** §2.8: the tag over AAD ‖ pad16 ‖ C ‖ pad16 ‖ le64(|AAD|) ‖ le64(|C|). */
export function chachaPolyTag(st: usize, out: usize): void {
  const lengths = CIPHER_SCRATCH;
  store<u64>(lengths, load<u64>(st, AAD_LENGTH), 0);
  store<u64>(lengths, load<u64>(st, DATA_LENGTH), 8);
  polyBlocks(st + POLY, lengths, 16);
  polyFinish(st + POLY, out);
}

/** Back to block 1 for the decrypt pass. */
export function chachaPolyRewind(st: usize): void {
  chacha.setCounter(st + CIPHER, 1);
}
