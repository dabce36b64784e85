// The arena. Every region the core uses is reserved here at compile time; index.ts exports the
// offsets and sizes the host needs as globals, so the host never computes an offset itself.
// Nothing is allocated at run time (--runtime stub, fixed memory).

/** Input window: the host writes a call's inputs here, concatenated in argument order. Sized for
 *  the largest RFC 9497 step, Finalize: a scalar and an element (P-521: 66 + 67 bytes), then an
 *  info and an input of up to 65535 bytes each (§1.2), so no OPRF input is ever past it. */
export const IO_SIZE: i32 = 2 * 65536 + 1024;
// @ts-ignore: compile-time builtin
if (66 + 67 + 2 * 65535 > IO_SIZE) ERROR('an RFC 9497 Finalize does not fit IO');
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
export const CIPHER_SCRATCH_SIZE: i32 = 2048;
export const HPKE_SCRATCH_SIZE: i32 = 1536;
export const SCRATCH_SIZE: i32 = HASH_SCRATCH_SIZE + STATE_SIZE + CIPHER_SCRATCH_SIZE + HPKE_SCRATCH_SIZE;
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

// Sub-regions of SCRATCH: the NIST curves (field/montgomery.ts, then ec/weierstrass.ts), over the
// AEAD state and the cipher scratch. No call needs both at once: HPKE runs its AEAD after the KEM.
export const CURVE_SCRATCH: usize = AEAD_STATE;
export const CURVE_SCRATCH_SIZE: usize = STATE_SIZE + CIPHER_SCRATCH_SIZE;

// Sub-regions of SCRATCH: HPKE (proto/hpke.ts), sized for DHKEM(P-521) and HKDF-SHA512.
const HPKE_SCRATCH: usize = CIPHER_SCRATCH + CIPHER_SCRATCH_SIZE;
/** The Diffie–Hellman outputs, dh or dh ‖ dhS (2 · 66 bytes). */
export const HPKE_DH: usize = HPKE_SCRATCH;
/** kem_context = enc ‖ pkRm ‖ pkSm (3 · 133 bytes). */
export const HPKE_KEM_CONTEXT: usize = HPKE_DH + 144;
/** A label, or the labeled info I2OSP(L, 2) ‖ "HPKE-v1" ‖ suite_id ‖ label ‖ info of LabeledExpand. */
export const HPKE_LABELED: usize = HPKE_KEM_CONTEXT + 400;
export const HPKE_LABELED_SIZE: i32 = 512;
/** eae_prk, then the key schedule's secret. */
export const HPKE_PRK: usize = HPKE_LABELED + HPKE_LABELED_SIZE;
export const HPKE_SHARED_SECRET: usize = HPKE_PRK + 64;
/** key_schedule_context = mode ‖ psk_id_hash ‖ info_hash. */
export const HPKE_KEY_SCHEDULE_CONTEXT: usize = HPKE_SHARED_SECRET + 64;
/** key ‖ base_nonce ‖ exporter_secret of a single-shot seal or open. */
export const HPKE_SECRETS: usize = HPKE_KEY_SCHEDULE_CONTEXT + 144;
/** suite_id, "KEM" ‖ I2OSP(kem_id, 2) or "HPKE" ‖ kem_id ‖ kdf_id ‖ aead_id (public). */
export const HPKE_SUITE_ID: usize = HPKE_SECRETS + 112;
// @ts-ignore: compile-time builtin
if (HPKE_SUITE_ID + 16 > HPKE_SCRATCH + <usize>HPKE_SCRATCH_SIZE) ERROR('the HPKE regions do not fit SCRATCH');

// Sub-regions of SCRATCH: OHTTP (proto/ohttp.ts). A request runs HPKE in its regions and adds its
// info there; a response runs no KEM, so it derives its keys in HPKE's regions.
/** info = "message/bhttp request" ‖ 0x00 ‖ hdr (29 bytes), then the exporter context or a label. */
export const OHTTP_TEXT: usize = HPKE_SUITE_ID + 16;
/** salt = enc ‖ response_nonce (at most 133 + 32 bytes). */
export const OHTTP_SALT: usize = HPKE_KEM_CONTEXT;
/** prk = Extract(salt, secret). */
export const OHTTP_PRK: usize = HPKE_PRK;
/** aead_key ‖ aead_nonce of a response. */
export const OHTTP_KEYS: usize = HPKE_SECRETS;
// @ts-ignore: compile-time builtin
if (OHTTP_TEXT + 32 > HPKE_SCRATCH + <usize>HPKE_SCRATCH_SIZE) ERROR('the OHTTP regions do not fit SCRATCH');

// Sub-regions of SCRATCH: the OPRF (proto/oprf.ts), over HPKE's (no call needs both), sized for
// P-521 (67-byte elements, 66-byte scalars, 98 uniform bytes per scalar) and SHA-512.
const OPRF_SCRATCH: usize = HPKE_SCRATCH;
/** One element or one scalar. */
export const OPRF_CELL: usize = 72;
/** contextString = "OPRFV1-" ‖ I2OSP(mode, 1) ‖ "-" ‖ identifier (RFC 9497 §3.1), then room for a DST built on it. */
export const OPRF_CONTEXT: usize = OPRF_SCRATCH;
export const OPRF_DST: usize = OPRF_CONTEXT + 32;
/** expand_message_xmd's output before it is reduced to a scalar. */
export const OPRF_UNIFORM: usize = OPRF_DST + 64;
/** I2OSP of lengths and counters, and the ASCII labels ("Composite", "Challenge"). */
export const OPRF_BYTES: usize = OPRF_UNIFORM + 128;
/** The composites' seed, a hash output. */
export const OPRF_SEED: usize = OPRF_BYTES + 16;
/** Sixteen cells for elements and scalars. */
export const OPRF_CELLS: usize = OPRF_SEED + 64;
// @ts-ignore: compile-time builtin
if (OPRF_CELLS + 16 * OPRF_CELL > HPKE_SCRATCH + <usize>HPKE_SCRATCH_SIZE) ERROR('the OPRF regions do not fit SCRATCH');

// Sub-regions of SCRATCH: Ed25519 (ec/ed25519.ts), over HPKE's (no call needs both). Its point
// arithmetic also uses x25519-base.ts's temporaries in CIPHER_SCRATCH and scalar25519.ts's.
const ED25519_SCRATCH: usize = HPKE_SCRATCH;
/** SHA-512(seed) = the clamped secret scalar s ‖ prefix (RFC 8032 §5.1.5). */
export const ED25519_EXPANDED: usize = ED25519_SCRATCH;
/** A 64-byte digest (r or k before reduction, §5.1.6), or s ‖ 0^32 to reduce s mod ℓ. */
export const ED25519_WIDE: usize = ED25519_EXPANDED + 64;
/** The scalars k and s mod ℓ, 32 bytes each. */
export const ED25519_SCALARS: usize = ED25519_WIDE + 64;
/** Field temporaries: eight elements, then an inversion's four (fe25519.ts FE_POW_SCRATCH). */
export const ED25519_FE: usize = ED25519_SCALARS + 64;
/** One extended point (X, Y, Z, T). */
export const ED25519_POINT: usize = ED25519_FE + 12 * 40;
// @ts-ignore: compile-time builtin
if (ED25519_POINT + 160 > HPKE_SCRATCH + <usize>HPKE_SCRATCH_SIZE) ERROR('the Ed25519 regions do not fit SCRATCH');
// Sub-regions of SCRATCH: ECDSA (ec/ecdsa.ts, ec/rfc6979.ts), over HPKE's (no call needs both),
// sized for P-521 (66-byte scalars, 17-limb integers) and SHA-512.
const ECDSA_SCRATCH: usize = HPKE_SCRATCH;
/** RFC 6979 §3.2 HMAC_DRBG's K and V, one hash output each. */
export const ECDSA_K: usize = ECDSA_SCRATCH;
export const ECDSA_V: usize = ECDSA_K + 64;
/** The DRBG's output T (a candidate k), or one byte of the seed's separator. */
export const ECDSA_T: usize = ECDSA_V + 64;
/** Eight cells for digests, scalars (big-endian bytes) and integers mod n (limbs). */
export const ECDSA_CELL: usize = 72;
export const ECDSA_CELLS: usize = ECDSA_T + 128;
// @ts-ignore: compile-time builtin
if (ECDSA_CELLS + 8 * ECDSA_CELL > HPKE_SCRATCH + <usize>HPKE_SCRATCH_SIZE) ERROR('the ECDSA regions do not fit SCRATCH');

/** Multi-scalar multiplication (the OPRF's composites, Σ d_i·C_i): the tables of up to MSM_TERMS
 *  points, each 16 projective NIST points (P-521: 204 bytes) or 8 edwards25519 entries and 64
 *  signed digits (1344 bytes); ECDSA verification's u1·G + u2·Q (ec/double-mul.ts) keeps its odd
 *  multiples, NAF digits and temporaries here. Public data; wiped by its user all the same. */
export const MSM_TERMS: i32 = 8;
export const MSM_TERM_SIZE: i32 = 16 * 204;
export const MSM: usize = memory.data(MSM_TERMS * MSM_TERM_SIZE, 16);
/** The scalars of one batch of terms, 72 bytes apart. */
export const MSM_WEIGHTS: usize = memory.data(MSM_TERMS * 72, 16);

/** Ed25519 verification (public work) in the MSM region: the entries A, 3A, …, 15A, the NAF
 *  digits of k and S (256 each), k and S zero-extended to 40 bytes, and the accumulator. */
export const ED25519_A_TABLE: usize = MSM;
export const ED25519_NAF: usize = ED25519_A_TABLE + 8 * 160;
export const ED25519_WORDS: usize = ED25519_NAF + 2 * 256;
export const ED25519_ACC: usize = ED25519_WORDS + 2 * 40;
export const ED25519_VERIFY_SIZE: usize = ED25519_ACC + 160 - MSM;

export function slotAddress(slot: i32): usize {
  return SLOTS + <usize>slot * SLOT_SIZE;
}

/** Public, computed once per instance: j · 16^w · G for the 64 nibbles w of a P-256 scalar and
 *  j = 0 … 15, as projective points in Montgomery form (96 bytes each). Not secret, never wiped. */
export const P256_BASE_TABLE_SIZE: i32 = 64 * 16 * 96;
export const P256_BASE_TABLE: usize = memory.data(P256_BASE_TABLE_SIZE, 16);

/** Public, computed once per instance: k · 256^j · B for k = 1 … 8 and j = 0 … 31, B the
 *  edwards25519 base point, each as (Y + X, Y − X, Z, 2d·T) (160 bytes); for X25519 key generation. */
export const X25519_BASE_TABLE_SIZE: i32 = 32 * 8 * 160;
export const X25519_BASE_TABLE: usize = memory.data(X25519_BASE_TABLE_SIZE, 16);

/** Public, computed once per instance: the odd multiples B, 3B, …, 127B of the edwards25519 base
 *  point as table entries (160 bytes), for Ed25519 verification's width-8 NAF. Never wiped. */
export const ED25519_NAF_TABLE_SIZE: i32 = 64 * 160;
export const ED25519_NAF_TABLE: usize = memory.data(ED25519_NAF_TABLE_SIZE, 16);
