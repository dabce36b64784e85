// The arena. Every region the core uses is reserved here at compile time; index.ts exports the
// offsets and sizes the host needs as globals, so the host never computes an offset itself.
// Nothing is allocated at run time (--runtime stub, fixed memory).

/** Input window: the host writes a call's inputs here, concatenated in argument order. */
export const IO_SIZE: i32 = 65536;
export const IO: usize = memory.data(IO_SIZE, 16);

/** Output window: the core writes results here; the host copies them out and zeroes them. Room
 *  for a whole window of ciphertext and its tag, and for 255 · 64 bytes of HKDF (RFC 5869 §2.3). */
export const OUT_SIZE: i32 = IO_SIZE + 64;
export const OUT: usize = memory.data(OUT_SIZE, 16);

/** State slots for streaming objects (hash, HMAC, AEAD); the host leases them, the core checks
 *  them. A slot holds STATE_SIZE bytes of state, then a 16-byte tag saying what it holds. */
export const SLOT_COUNT: i32 = 16;
export const STATE_SIZE: i32 = 4096;
export const SLOT_SIZE: i32 = STATE_SIZE + 16;
export const SLOTS: usize = memory.data(SLOT_COUNT * SLOT_SIZE, 16);

/** Scratch: transient secrets of one call; wiped before every export returns. The hash family
 *  uses only the first HASH_SCRATCH_SIZE bytes, so its exports wipe only those. */
export const HASH_SCRATCH_SIZE: i32 = 1536;
export const SCRATCH_SIZE: i32 = HASH_SCRATCH_SIZE + STATE_SIZE + 2048;
export const SCRATCH: usize = memory.data(SCRATCH_SIZE, 16);

// Sub-regions of SCRATCH: the hash family.
/** HMAC key block (RFC 2104 K XOR ipad/opad); in HKDF-Expand, the counter byte and a partial T(i). */
export const PAD: usize = SCRATCH;
/** HMAC's inner digest. */
export const DIGEST: usize = SCRATCH + 128;
/** HKDF's pseudorandom key between Extract and Expand. */
export const PRK: usize = SCRATCH + 192;
/** HKDF-Expand's HMAC state keyed with PRK, copied afresh for each T(i). */
export const KEYED_STATE: usize = SCRATCH + 256;
/** The hash or HMAC state of a one-shot call. */
export const WORK_STATE: usize = SCRATCH + 768;
/** SHA-256's message schedule plus round constants, W[t] + K[t] (SIMD build). */
export const SCHEDULE: usize = SCRATCH + 1280;

// Sub-regions of SCRATCH: the AEADs.
/** The AEAD state of a one-shot seal or open. */
export const AEAD_STATE: usize = SCRATCH + HASH_SCRATCH_SIZE;
/** Cipher temporaries (keystream blocks, bitsliced words, GHASH products) within one call. */
export const CIPHER_SCRATCH: usize = AEAD_STATE + STATE_SIZE;
export const CIPHER_SCRATCH_SIZE: i32 = 2048;

export function slotAddress(slot: i32): usize {
  return SLOTS + <usize>slot * SLOT_SIZE;
}
