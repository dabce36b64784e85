// The arena. Every region the core uses is reserved here at compile time; index.ts exports the
// offsets and sizes the host needs as globals, so the host never computes an offset itself.
// Nothing is allocated at run time (--runtime stub, fixed memory).

/** Input window: the host writes a call's inputs here, concatenated in argument order. */
export const IO_SIZE: i32 = 65536;
export const IO: usize = memory.data(IO_SIZE, 16);

/** Output window: the core writes results here; the host copies them out and zeroes them. */
export const OUT_SIZE: i32 = 16384; // ≥ 255 · 64, the longest HKDF-SHA512 output (RFC 5869 §2.3)
export const OUT: usize = memory.data(OUT_SIZE, 16);

/** State slots for streaming objects (hash, HMAC); the host leases them, the core checks them. */
export const SLOT_COUNT: i32 = 16;
export const SLOT_SIZE: i32 = 528; // an HMAC state (two hash states) and a 16-byte tag
export const SLOTS: usize = memory.data(SLOT_COUNT * SLOT_SIZE, 16);

/** Scratch: transient secrets of one call; wiped before every export returns. */
export const SCRATCH_SIZE: i32 = 1536;
export const SCRATCH: usize = memory.data(SCRATCH_SIZE, 16);

// Sub-regions of SCRATCH.
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

export function slotAddress(slot: i32): usize {
  return SLOTS + <usize>slot * SLOT_SIZE;
}
