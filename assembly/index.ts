// The host interface of the wasm core, and the only file with exports. Every function takes
// integers, reads its inputs from IO (concatenated in argument order), writes its result to OUT,
// wipes SCRATCH and the input it consumed, and returns a Status.
import { Status, Curve, OprfMode, AEAD_EXPORT_ONLY, ECDSA_PREHASHED, ECDSA_LOW_S } from './abi';
import { IO, IO_SIZE, OUT, OUT_SIZE, SCRATCH, SCRATCH_SIZE, HASH_SCRATCH_SIZE, SLOTS, SLOT_COUNT, SLOT_SIZE, STATE_SIZE, PRK, WORK_STATE, AEAD_STATE, HPKE_SECRETS, MSM, ED25519_VERIFY_SIZE, slotAddress } from './mem';
import * as sha2 from './hash/sha2';
import * as HMAC from './hash/hmac';
import * as HKDF from './hash/hkdf';
import * as XMD from './hash/xmd';
import * as AEAD from './aead/aead';
import * as X25519 from './ec/x25519';
import * as EC from './ec/weierstrass';
import * as ECDSA from './ec/ecdsa';
import * as Ristretto from './ec/ristretto255';
import * as Group from './ec/nist-group';
import * as SSWU from './ec/sswu';
import * as Scalar from './field/scalar25519';
import * as Ed25519 from './ec/ed25519';
import * as HPKE from './proto/hpke';
import * as OHTTP from './proto/ohttp';
import * as OPRF from './proto/oprf';
import { Ne, Ns, Nh } from './proto/oprf-group';
import { wipe } from './ct';

export { IO, IO_SIZE, OUT, OUT_SIZE, SCRATCH, SCRATCH_SIZE, SLOTS, SLOT_COUNT, SLOT_SIZE };

// What a slot holds, in its last bytes.
const SLOT_TAG: usize = STATE_SIZE;
const EMPTY: u32 = 0;
const HASH: u32 = 1;
const KEYED: u32 = 2;
const CIPHER: u32 = 3;
const RESPONSE: u32 = 4;
/** An Ed25519 signature's first pass (r's hash), then its second (k's); never saved to the host. */
const SIGN_NONCE: u32 = 5;
const SIGN_CHALLENGE: u32 = 6;

/** Wipes the consumed input and the scratch the call used (`scratch` bytes from its start). */
function finish(status: Status, consumed: i32, scratch: i32 = HASH_SCRATCH_SIZE): Status {
  wipe(IO, consumed);
  wipe(SCRATCH, scratch);
  return status;
}

/** The inputs fit the IO window. Each length is checked before summing, so the sum cannot wrap. */
function fits(a: i32, b: i32 = 0, c: i32 = 0, d: i32 = 0, e: i32 = 0): bool {
  return within(a) && within(b) && within(c) && within(d) && within(e) && a + b + c + d + e <= IO_SIZE;
}

// @ts-ignore: decorator
@inline function within(len: i32): bool {
  return len >= 0 && len <= IO_SIZE;
}

function isSlot(slot: i32, tag: u32): bool {
  return slot >= 0 && slot < SLOT_COUNT && load<u32>(slotAddress(slot) + SLOT_TAG) == tag;
}

function release(slot: i32): void {
  wipe(slotAddress(slot), SLOT_SIZE);
}

// ── SHA-2 ────────────────────────────────────────────────────────────────────────────────────

/** IO = message → OUT = digest. */
export function hash(alg: i32, len: i32): Status {
  if (!sha2.isHashAlg(alg)) return Status.BAD_ALGORITHM;
  if (!fits(len)) return Status.BAD_LENGTH;
  sha2.init(WORK_STATE, alg);
  sha2.update(WORK_STATE, IO, len);
  sha2.finish(WORK_STATE, OUT);
  return finish(Status.OK, len);
}

export function hash_init(slot: i32, alg: i32): Status {
  if (!sha2.isHashAlg(alg)) return Status.BAD_ALGORITHM;
  if (!isSlot(slot, EMPTY)) return Status.BAD_SLOT;
  sha2.init(slotAddress(slot), alg);
  store<u32>(slotAddress(slot) + SLOT_TAG, HASH);
  return Status.OK;
}

/** IO = data. */
export function hash_update(slot: i32, len: i32): Status {
  if (!isSlot(slot, HASH)) return Status.BAD_SLOT;
  if (!fits(len)) return Status.BAD_LENGTH;
  sha2.update(slotAddress(slot), IO, len);
  return finish(Status.OK, len);
}

/** OUT = digest; the slot is wiped and free again. */
export function hash_digest(slot: i32): Status {
  if (!isSlot(slot, HASH)) return Status.BAD_SLOT;
  sha2.finish(slotAddress(slot), OUT);
  release(slot);
  return finish(Status.OK, 0);
}

// ── expand_message_xmd (RFC 9380 §5.3.1) ───────────────────────────────────────────────────────

/** IO = msg ‖ DST → OUT = `length` uniform bytes (a DST over 255 bytes is hashed, §5.3.3); BAD_LENGTH past §5.3.1's limits. */
export function expand_message_xmd(alg: i32, msgLen: i32, dstLen: i32, length: i32): Status {
  if (!sha2.isHashAlg(alg)) return Status.BAD_ALGORITHM;
  if (!fits(msgLen, dstLen) || !XMD.isValid(alg, length)) return Status.BAD_LENGTH;
  XMD.expand(alg, IO, msgLen, IO + msgLen, dstLen, OUT, length);
  return finish(Status.OK, msgLen + dstLen);
}

// ── HMAC (RFC 2104) ──────────────────────────────────────────────────────────────────────────

/** IO = key ‖ message → OUT = MAC. */
export function hmac(alg: i32, keyLen: i32, msgLen: i32): Status {
  if (!sha2.isHashAlg(alg)) return Status.BAD_ALGORITHM;
  if (!fits(keyLen, msgLen)) return Status.BAD_LENGTH;
  HMAC.mac(alg, IO, keyLen, IO + keyLen, msgLen, OUT);
  return finish(Status.OK, keyLen + msgLen);
}

/** IO = key. */
export function hmac_init(slot: i32, alg: i32, keyLen: i32): Status {
  if (!sha2.isHashAlg(alg)) return Status.BAD_ALGORITHM;
  if (!isSlot(slot, EMPTY)) return Status.BAD_SLOT;
  if (!fits(keyLen)) return Status.BAD_LENGTH;
  HMAC.init(slotAddress(slot), alg, IO, keyLen);
  store<u32>(slotAddress(slot) + SLOT_TAG, KEYED);
  return finish(Status.OK, keyLen);
}

/** IO = data. */
export function hmac_update(slot: i32, len: i32): Status {
  if (!isSlot(slot, KEYED)) return Status.BAD_SLOT;
  if (!fits(len)) return Status.BAD_LENGTH;
  HMAC.update(slotAddress(slot), IO, len);
  return finish(Status.OK, len);
}

/** OUT = MAC; the slot is wiped and free again. */
export function hmac_digest(slot: i32): Status {
  if (!isSlot(slot, KEYED)) return Status.BAD_SLOT;
  HMAC.finish(slotAddress(slot), OUT);
  release(slot);
  return finish(Status.OK, 0);
}

// ── HKDF (RFC 5869) ──────────────────────────────────────────────────────────────────────────

/** IO = salt ‖ IKM ‖ info → OUT = OKM of `length` bytes. PRK never leaves the core. */
export function hkdf(alg: i32, saltLen: i32, ikmLen: i32, infoLen: i32, length: i32): Status {
  if (!sha2.isHashAlg(alg)) return Status.BAD_ALGORITHM;
  if (!fits(saltLen, ikmLen, infoLen)) return Status.BAD_LENGTH;
  if (!isOkmLength(alg, length)) return Status.BAD_LENGTH;
  const L = sha2.digestLength(alg);
  HKDF.extract(alg, IO, saltLen, IO + saltLen, ikmLen, PRK);
  HKDF.expand(alg, PRK, L, IO + saltLen + ikmLen, infoLen, OUT, length);
  return finish(Status.OK, saltLen + ikmLen + infoLen);
}

/** IO = PRK ‖ info → OUT = OKM of `length` bytes. */
export function hkdf_expand(alg: i32, prkLen: i32, infoLen: i32, length: i32): Status {
  if (!sha2.isHashAlg(alg)) return Status.BAD_ALGORITHM;
  if (!fits(prkLen, infoLen)) return Status.BAD_LENGTH;
  if (!isOkmLength(alg, length)) return Status.BAD_LENGTH;
  HKDF.expand(alg, IO, prkLen, IO + prkLen, infoLen, OUT, length);
  return finish(Status.OK, prkLen + infoLen);
}

function isOkmLength(alg: i32, length: i32): bool {
  return length >= 0 && length <= 255 * sha2.digestLength(alg);
}

// ── AEAD: ChaCha20-Poly1305, XChaCha20-Poly1305, AES-GCM ─────────────────────────────────────

/** IO = key ‖ nonce ‖ AAD ‖ plaintext → OUT = ciphertext ‖ tag. */
export function aead_seal(alg: i32, keyLen: i32, nonceLen: i32, aadLen: i32, ptLen: i32): Status {
  if (!AEAD.isAeadAlg(alg)) return Status.BAD_ALGORITHM;
  if (!AEAD.validKeyAndNonce(alg, keyLen, nonceLen) || !fits(keyLen + nonceLen, aadLen, ptLen)) return Status.BAD_LENGTH;
  const aad = IO + keyLen + nonceLen;
  const st = AEAD_STATE;
  AEAD.init(st, alg, IO, keyLen, IO + keyLen, nonceLen);
  AEAD.aad(st, aad, aadLen);
  AEAD.encrypt(st, aad + aadLen, OUT, ptLen);
  AEAD.tag(st, OUT + ptLen);
  return finish(Status.OK, keyLen + nonceLen + aadLen + ptLen, SCRATCH_SIZE);
}

/** IO = key ‖ nonce ‖ AAD ‖ ciphertext ‖ tag → OUT = plaintext, written only if the tag matches. */
export function aead_open(alg: i32, keyLen: i32, nonceLen: i32, aadLen: i32, ctLen: i32): Status {
  if (!AEAD.isAeadAlg(alg)) return Status.BAD_ALGORITHM;
  const tagged = ctLen + AEAD.TAG_LENGTH;
  if (!AEAD.validKeyAndNonce(alg, keyLen, nonceLen) || ctLen < 0 || !fits(keyLen + nonceLen, aadLen, tagged)) {
    return Status.BAD_LENGTH;
  }
  const aad = IO + keyLen + nonceLen;
  const ct = aad + aadLen;
  const st = AEAD_STATE;
  AEAD.init(st, alg, IO, keyLen, IO + keyLen, nonceLen);
  AEAD.aad(st, aad, aadLen);
  AEAD.absorb(st, ct, ctLen);
  const status = AEAD.verify(st, ct + ctLen);
  if (status == Status.OK) AEAD.decrypt(st, ct, OUT, ctLen);
  return finish(status, keyLen + nonceLen + aadLen + tagged, SCRATCH_SIZE);
}

/** IO = key ‖ nonce. A streaming seal or open for messages larger than the window. */
export function aead_init(slot: i32, alg: i32, keyLen: i32, nonceLen: i32): Status {
  if (!AEAD.isAeadAlg(alg)) return Status.BAD_ALGORITHM;
  if (!isSlot(slot, EMPTY)) return Status.BAD_SLOT;
  if (!AEAD.validKeyAndNonce(alg, keyLen, nonceLen) || !fits(keyLen + nonceLen)) return Status.BAD_LENGTH;
  AEAD.init(slotAddress(slot), alg, IO, keyLen, IO + keyLen, nonceLen);
  store<u32>(slotAddress(slot) + SLOT_TAG, CIPHER);
  return finish(Status.OK, keyLen + nonceLen, SCRATCH_SIZE);
}

/** IO = a chunk of AAD. */
export function aead_aad(slot: i32, len: i32): Status {
  if (!isSlot(slot, CIPHER)) return Status.BAD_SLOT;
  if (!fits(len)) return Status.BAD_LENGTH;
  return finish(AEAD.aad(slotAddress(slot), IO, len), len, SCRATCH_SIZE);
}

/** IO = a chunk of plaintext → OUT = its ciphertext. */
export function aead_encrypt(slot: i32, len: i32): Status {
  if (!isSlot(slot, CIPHER)) return Status.BAD_SLOT;
  if (!fits(len)) return Status.BAD_LENGTH;
  return finish(AEAD.encrypt(slotAddress(slot), IO, OUT, len), len, SCRATCH_SIZE);
}

/** OUT = the tag; the slot is wiped and free again. */
export function aead_tag(slot: i32): Status {
  if (!isSlot(slot, CIPHER)) return Status.BAD_SLOT;
  const status = AEAD.tag(slotAddress(slot), OUT);
  release(slot);
  return finish(status, 0, SCRATCH_SIZE);
}

/** IO = a chunk of ciphertext, authenticated but not yet decrypted. */
export function aead_absorb(slot: i32, len: i32): Status {
  if (!isSlot(slot, CIPHER)) return Status.BAD_SLOT;
  if (!fits(len)) return Status.BAD_LENGTH;
  return finish(AEAD.absorb(slotAddress(slot), IO, len), len, SCRATCH_SIZE);
}

/** IO = the received tag. On a mismatch the slot is wiped and free again. */
export function aead_verify(slot: i32): Status {
  if (!isSlot(slot, CIPHER)) return Status.BAD_SLOT;
  const status = AEAD.verify(slotAddress(slot), IO);
  if (status != Status.OK) release(slot);
  return finish(status, AEAD.TAG_LENGTH, SCRATCH_SIZE);
}

/** IO = a chunk of verified ciphertext → OUT = its plaintext. The host wipes the slot at the end. */
export function aead_decrypt(slot: i32, len: i32): Status {
  if (!isSlot(slot, CIPHER)) return Status.BAD_SLOT;
  if (!fits(len)) return Status.BAD_LENGTH;
  return finish(AEAD.decrypt(slotAddress(slot), IO, OUT, len), len, SCRATCH_SIZE);
}

// ── Diffie–Hellman: X25519 (RFC 7748), P-256, P-384, P-521 (SEC1 uncompressed points) ───────

/** IO = secret scalar ‖ peer u → OUT = the shared u; IDENTITY when it is all zero (RFC 7748 §6.1). */
export function x25519(): Status {
  const nonzero = X25519.x25519(OUT, IO, IO + 32);
  if (!nonzero) wipe(OUT, 32);
  return finish(nonzero ? Status.OK : Status.IDENTITY, 64, SCRATCH_SIZE);
}

/** IO = secret scalar → OUT = its public u. */
export function x25519_base(): Status {
  X25519.x25519Base(OUT, IO);
  return finish(Status.OK, 32, SCRATCH_SIZE);
}

/** Bytes of a scalar or coordinate of a NIST curve; 0 if unknown. */
function curveSize(curve: i32): i32 {
  return curve == Curve.P256 ? 32 : curve == Curve.P384 ? 48 : curve == Curve.P521 ? 66 : 0;
}

/** IO = scalar: OK when 0 < scalar < n, else INVALID_SCALAR. */
export function ec_scalar_valid(curve: i32): Status {
  const size = curveSize(curve);
  if (!size) return Status.BAD_ALGORITHM;
  return finish(EC.scalarIsValid(curve, IO) ? Status.OK : Status.INVALID_SCALAR, size, SCRATCH_SIZE);
}

/** IO = secret scalar → OUT = 0x04 ‖ X ‖ Y. */
export function ec_public_key(curve: i32): Status {
  const size = curveSize(curve);
  if (!size) return Status.BAD_ALGORITHM;
  return finish(EC.toStatus(EC.publicKey(curve, OUT, IO)), size, SCRATCH_SIZE);
}

/** IO = secret scalar ‖ peer point (0x04 ‖ X ‖ Y) → OUT = the shared X. */
export function ecdh(curve: i32): Status {
  const size = curveSize(curve);
  if (!size) return Status.BAD_ALGORITHM;
  return finish(EC.toStatus(EC.ecdh(curve, OUT, IO, IO + size)), 3 * size + 1, SCRATCH_SIZE);
}

// ── ECDSA (FIPS 186-5 §6.4) with RFC 6979 nonces: P-256/SHA-256, P-384/SHA-384, P-521/SHA-512 ──
// Signatures are r ‖ s (IEEE P1363). `flags` or-s ECDSA_PREHASHED (IO holds the digest, not the
// message) and ECDSA_LOW_S. A message too large for IO is hashed by the host through a hash slot
// and passed as its digest.

function isEcdsaFlags(flags: i32): bool {
  return (flags & ~(ECDSA_PREHASHED | ECDSA_LOW_S)) == 0;
}

/** IO = secret key ‖ k' (RFC 6979 §3.6 additional data, possibly empty) ‖ message → OUT = r ‖ s;
 *  INVALID_SCALAR unless 0 < key < n. */
export function ecdsa_sign(curve: i32, flags: i32, extraLen: i32, msgLen: i32): Status {
  const size = curveSize(curve);
  if (!size || !isEcdsaFlags(flags)) return Status.BAD_ALGORITHM;
  if (!fits(size, extraLen, msgLen)) return Status.BAD_LENGTH;
  const extra = IO + size, msg = extra + extraLen;
  const code = ECDSA.sign(curve, OUT, IO, flags, extra, extraLen, msg, msgLen);
  if (code != EC.EC_OK) wipe(OUT, 2 * size);
  return finish(EC.toStatus(code), size + extraLen + msgLen, SCRATCH_SIZE);
}

/** IO = public key (SEC1, compressed or uncompressed) ‖ r ‖ s ‖ message: OK, INVALID_SIGNATURE
 *  (r or s not in [1, n − 1], or the equation fails), or INVALID_POINT (the key does not decode). */
export function ecdsa_verify(curve: i32, flags: i32, keyLen: i32, msgLen: i32): Status {
  const size = curveSize(curve);
  if (!size || !isEcdsaFlags(flags)) return Status.BAD_ALGORITHM;
  if ((keyLen != 1 + size && keyLen != 1 + 2 * size) || !fits(keyLen + 2 * size, msgLen)) return Status.BAD_LENGTH;
  const sig = IO + keyLen, msg = sig + 2 * size;
  const code = ECDSA.verify(curve, IO, keyLen, sig, flags, msg, msgLen);
  const status = code == ECDSA.EC_INVALID_SIGNATURE ? Status.INVALID_SIGNATURE : EC.toStatus(code);
  return finish(status, keyLen + 2 * size + msgLen, SCRATCH_SIZE);
}

// ── ristretto255 (RFC 9496) and its scalars mod ℓ: points and scalars are 32 bytes, little-endian ──

/** IO = encoding: OK when it decodes (§4.3.1), else INVALID_POINT. */
export function ristretto255_decode_check(): Status {
  return finish(Ristretto.isValid(IO) ? Status.OK : Status.INVALID_POINT, 32, SCRATCH_SIZE);
}

/** IO = 64 uniform bytes → OUT = the encoding of FROM_UNIFORM_BYTES (§4.3.4). */
export function ristretto255_from_uniform(): Status {
  Ristretto.fromUniformBytes(OUT, IO);
  return finish(Status.OK, 64, SCRATCH_SIZE);
}

/** IO = a ‖ b → OUT = a + b; INVALID_POINT when either does not decode. */
export function ristretto255_add(): Status {
  return pointSum(false);
}

/** IO = a ‖ b → OUT = a − b; INVALID_POINT when either does not decode. */
export function ristretto255_sub(): Status {
  return pointSum(true);
}

function pointSum(subtract: bool): Status {
  const valid = Ristretto.addEncoded(OUT, IO, IO + 32, subtract);
  if (!valid) wipe(OUT, 32);
  return finish(valid ? Status.OK : Status.INVALID_POINT, 64, SCRATCH_SIZE);
}

/** IO = scalar ‖ point → OUT = scalar · point; INVALID_SCALAR unless 0 < scalar < ℓ,
 *  INVALID_POINT when the point does not decode. */
export function ristretto255_scalar_mult(): Status {
  if (!validScalar(IO)) return finish(Status.INVALID_SCALAR, 64, SCRATCH_SIZE);
  const valid = Ristretto.scalarMult(OUT, IO, IO + 32);
  if (!valid) wipe(OUT, 32);
  return finish(valid ? Status.OK : Status.INVALID_POINT, 64, SCRATCH_SIZE);
}

/** IO = scalar → OUT = scalar · B; INVALID_SCALAR unless 0 < scalar < ℓ. */
export function ristretto255_scalar_mult_base(): Status {
  if (!validScalar(IO)) return finish(Status.INVALID_SCALAR, 32, SCRATCH_SIZE);
  Ristretto.scalarMultBase(OUT, IO);
  return finish(Status.OK, 32, SCRATCH_SIZE);
}

function validScalar(k: usize): bool {
  return Scalar.isCanonical(k) && !Scalar.isZero(k);
}

/** IO = 64 bytes → OUT = their value mod ℓ. */
export function scalar25519_reduce(): Status {
  Scalar.reduce(OUT, IO);
  return finish(Status.OK, 64, SCRATCH_SIZE);
}

/** IO = scalar → OUT = its inverse mod ℓ; INVALID_SCALAR unless 0 < scalar < ℓ. */
export function scalar25519_invert(): Status {
  if (!validScalar(IO)) return finish(Status.INVALID_SCALAR, 32, SCRATCH_SIZE);
  Scalar.invert(OUT, IO);
  return finish(Status.OK, 32, SCRATCH_SIZE);
}

/** IO = a ‖ b → OUT = a·b mod ℓ; INVALID_SCALAR unless both are < ℓ. */
export function scalar25519_mul(): Status {
  return scalarOp(0);
}

/** IO = a ‖ b → OUT = a + b mod ℓ; INVALID_SCALAR unless both are < ℓ. */
export function scalar25519_add(): Status {
  return scalarOp(1);
}

/** IO = a ‖ b → OUT = a − b mod ℓ; INVALID_SCALAR unless both are < ℓ. */
export function scalar25519_sub(): Status {
  return scalarOp(2);
}

/** IO = a → OUT = −a mod ℓ; INVALID_SCALAR unless a < ℓ. */
export function scalar25519_neg(): Status {
  if (!Scalar.isCanonical(IO)) return finish(Status.INVALID_SCALAR, 32, SCRATCH_SIZE);
  Scalar.neg(OUT, IO);
  return finish(Status.OK, 32, SCRATCH_SIZE);
}

function scalarOp(op: i32): Status {
  const a = IO, b = IO + 32;
  if (!Scalar.isCanonical(a) || !Scalar.isCanonical(b)) return finish(Status.INVALID_SCALAR, 64, SCRATCH_SIZE);
  if (op == 0) Scalar.mul(OUT, a, b);
  else if (op == 1) Scalar.add(OUT, a, b);
  else Scalar.sub(OUT, a, b);
  return finish(Status.OK, 64, SCRATCH_SIZE);
}

// ── Ed25519 (RFC 8032 §5.1): seeds, public keys and R and S are 32 bytes ────────────────────
// A message too large for the window is signed through a slot: ed25519_sign_init, the message
// through ed25519_sign_update, ed25519_sign_commit, the message again, ed25519_sign_final. The
// slot holds s and r, so it is never saved to the host. Verification is one call; for a message
// too large for the window the host hashes R ‖ A ‖ M with the hash exports.

/** §5.1.5: IO = seed → OUT = the public key A. */
export function ed25519_public_key(): Status {
  Ed25519.publicKey(OUT, IO);
  return finish(Status.OK, 32, SCRATCH_SIZE);
}

/** §5.1.6: IO = seed ‖ message → OUT = R ‖ S. */
export function ed25519_sign(msgLen: i32): Status {
  if (!fits(32, msgLen)) return Status.BAD_LENGTH;
  Ed25519.sign(OUT, IO, IO + 32, msgLen);
  return finish(Status.OK, 32 + msgLen, SCRATCH_SIZE);
}

/** IO = seed: the slot holds s, A and r's hash over the prefix. */
export function ed25519_sign_init(slot: i32): Status {
  if (!isSlot(slot, EMPTY)) return Status.BAD_SLOT;
  Ed25519.signInit(slotAddress(slot), IO);
  store<u32>(slotAddress(slot) + SLOT_TAG, SIGN_NONCE);
  return finish(Status.OK, 32, SCRATCH_SIZE);
}

/** IO = a chunk of the message, in either pass. */
export function ed25519_sign_update(slot: i32, len: i32): Status {
  if (!isSlot(slot, SIGN_NONCE) && !isSlot(slot, SIGN_CHALLENGE)) return Status.BAD_SLOT;
  if (!fits(len)) return Status.BAD_LENGTH;
  Ed25519.signUpdate(slotAddress(slot), IO, len);
  return finish(Status.OK, len);
}

/** Ends the first pass: r and R, and k's hash over R ‖ A. */
export function ed25519_sign_commit(slot: i32): Status {
  if (!isSlot(slot, SIGN_NONCE)) return Status.BAD_SLOT;
  Ed25519.signCommit(slotAddress(slot));
  store<u32>(slotAddress(slot) + SLOT_TAG, SIGN_CHALLENGE);
  return finish(Status.OK, 0, SCRATCH_SIZE);
}

/** Ends the second pass: OUT = R ‖ S; the slot is wiped and free again. */
export function ed25519_sign_final(slot: i32): Status {
  if (!isSlot(slot, SIGN_CHALLENGE)) return Status.BAD_SLOT;
  Ed25519.signFinal(OUT, slotAddress(slot));
  release(slot);
  return finish(Status.OK, 0, SCRATCH_SIZE);
}

/** §5.1.7 as Go's crypto/ed25519: IO = A ‖ R ‖ S ‖ message; OK or INVALID_SIGNATURE. */
export function ed25519_verify(msgLen: i32): Status {
  if (!fits(96, msgLen)) return Status.BAD_LENGTH;
  const valid = Ed25519.verify(IO, IO + 32, IO + 96, msgLen);
  return verified(valid, 96 + msgLen);
}

/** ed25519_verify with the message hashed by the host: IO = A ‖ R ‖ S ‖ SHA-512(R ‖ A ‖ M). */
export function ed25519_verify_prehashed(): Status {
  return verified(Ed25519.verifyDigest(IO, IO + 32, IO + 96), 160);
}

function verified(valid: bool, consumed: i32): Status {
  wipe(MSM, ED25519_VERIFY_SIZE);
  return finish(valid ? Status.OK : Status.INVALID_SIGNATURE, consumed, SCRATCH_SIZE);
}

// ── HPKE (RFC 9180): a context's setup, and single-shot seal and open (§6.1), in one call ────
// Every call names its suite (kem, kdf, aead ids of §7) and mode (§5). Sender calls read
// IO = skE ‖ pkR ‖ skS (auth modes) ‖ info ‖ psk ‖ psk_id, receiver calls
// IO = skR ‖ pkR ‖ enc ‖ pkS (auth modes) ‖ info ‖ psk ‖ psk_id; psk and psk_id are empty in the
// base and auth modes. The host draws skE; pkR is the receiver's own public key (of skR).

/** Selects the suite and checks the mode against the PSK lengths (§5.1.1). */
function hpkeSuite(kem: i32, kdf: i32, aead: i32, mode: i32, pskLen: i32, pskIdLen: i32): Status {
  if (!HPKE.configure(kem, kdf, aead)) return Status.BAD_ALGORITHM;
  return HPKE.validMode(mode, pskLen, pskIdLen) ? Status.OK : Status.BAD_LENGTH;
}

function senderKeysLength(mode: i32): i32 {
  return HPKE.Nsk + HPKE.Npk + (HPKE.isAuth(mode) ? HPKE.Nsk : 0);
}

function receiverKeysLength(mode: i32): i32 {
  return HPKE.Nsk + 2 * HPKE.Npk + (HPKE.isAuth(mode) ? HPKE.Npk : 0);
}

/** Encap (or AuthEncap) with enc → OUT, then KeySchedule → `secrets`. */
function setupSender(mode: i32, infoLen: i32, pskLen: i32, pskIdLen: i32, secrets: usize): Status {
  const skE = IO, pkR = skE + HPKE.Nsk;
  const skS: usize = HPKE.isAuth(mode) ? pkR + HPKE.Npk : 0;
  const info = IO + senderKeysLength(mode);
  const status = HPKE.encap(OUT, skE, pkR, skS);
  if (status != Status.OK) {
    wipe(OUT, HPKE.Npk);
    return status;
  }
  HPKE.keySchedule(mode, info, infoLen, info + infoLen, pskLen, info + infoLen + pskLen, pskIdLen, secrets);
  return Status.OK;
}

/** Decap (or AuthDecap), then KeySchedule → `secrets`. */
function setupReceiver(mode: i32, infoLen: i32, pskLen: i32, pskIdLen: i32, secrets: usize): Status {
  const skR = IO, pkR = skR + HPKE.Nsk, enc = pkR + HPKE.Npk;
  const pkS: usize = HPKE.isAuth(mode) ? enc + HPKE.Npk : 0;
  const info = IO + receiverKeysLength(mode);
  const status = HPKE.decap(enc, skR, pkR, pkS);
  if (status != Status.OK) return status;
  HPKE.keySchedule(mode, info, infoLen, info + infoLen, pskLen, info + infoLen + pskLen, pskIdLen, secrets);
  return Status.OK;
}

/** → OUT = enc ‖ key ‖ base_nonce ‖ exporter_secret (Npk + Nk + Nn + Nh bytes). */
export function hpke_setup_sender(kem: i32, kdf: i32, aead: i32, mode: i32, infoLen: i32, pskLen: i32, pskIdLen: i32): Status {
  const suite = hpkeSuite(kem, kdf, aead, mode, pskLen, pskIdLen);
  if (suite != Status.OK) return suite;
  const keys = senderKeysLength(mode);
  if (!fits(keys, infoLen, pskLen, pskIdLen)) return Status.BAD_LENGTH;
  const status = setupSender(mode, infoLen, pskLen, pskIdLen, OUT + HPKE.Npk);
  return finish(status, keys + infoLen + pskLen + pskIdLen, SCRATCH_SIZE);
}

/** → OUT = key ‖ base_nonce ‖ exporter_secret (Nk + Nn + Nh bytes). */
export function hpke_setup_receiver(kem: i32, kdf: i32, aead: i32, mode: i32, infoLen: i32, pskLen: i32, pskIdLen: i32): Status {
  const suite = hpkeSuite(kem, kdf, aead, mode, pskLen, pskIdLen);
  if (suite != Status.OK) return suite;
  const keys = receiverKeysLength(mode);
  if (!fits(keys, infoLen, pskLen, pskIdLen)) return Status.BAD_LENGTH;
  const status = setupReceiver(mode, infoLen, pskLen, pskIdLen, OUT);
  return finish(status, keys + infoLen + pskLen + pskIdLen, SCRATCH_SIZE);
}

/** The sender's IO, then ‖ aad ‖ pt → OUT = enc ‖ ciphertext ‖ tag. */
export function hpke_seal(kem: i32, kdf: i32, aead: i32, mode: i32, infoLen: i32, pskLen: i32, pskIdLen: i32, aadLen: i32, ptLen: i32): Status {
  const suite = hpkeSuite(kem, kdf, aead, mode, pskLen, pskIdLen);
  if (suite != Status.OK) return suite;
  if (aead == AEAD_EXPORT_ONLY) return Status.BAD_ALGORITHM;
  const keys = senderKeysLength(mode);
  if (!fits(keys + infoLen, pskLen, pskIdLen, aadLen, ptLen)) return Status.BAD_LENGTH;
  const aad = IO + keys + infoLen + pskLen + pskIdLen;
  const status = setupSender(mode, infoLen, pskLen, pskIdLen, HPKE_SECRETS);
  if (status == Status.OK) HPKE.sealFirst(HPKE_SECRETS, aad, aadLen, aad + aadLen, ptLen, OUT + HPKE.Npk);
  return finish(status, <i32>(aad - IO) + aadLen + ptLen, SCRATCH_SIZE);
}

/** The receiver's IO, then ‖ aad ‖ ciphertext ‖ tag → OUT = plaintext, written only if the tag
 *  matches (else INVALID_TAG). */
export function hpke_open(kem: i32, kdf: i32, aead: i32, mode: i32, infoLen: i32, pskLen: i32, pskIdLen: i32, aadLen: i32, ctLen: i32): Status {
  const suite = hpkeSuite(kem, kdf, aead, mode, pskLen, pskIdLen);
  if (suite != Status.OK) return suite;
  if (aead == AEAD_EXPORT_ONLY) return Status.BAD_ALGORITHM;
  const keys = receiverKeysLength(mode);
  if (ctLen < 0 || !fits(keys + infoLen, pskLen, pskIdLen, aadLen, ctLen + AEAD.TAG_LENGTH)) return Status.BAD_LENGTH;
  const aad = IO + keys + infoLen + pskLen + pskIdLen;
  let status = setupReceiver(mode, infoLen, pskLen, pskIdLen, HPKE_SECRETS);
  if (status == Status.OK) status = HPKE.openFirst(HPKE_SECRETS, aad, aadLen, aad + aadLen, ctLen, OUT);
  return finish(status, <i32>(aad - IO) + aadLen + ctLen + AEAD.TAG_LENGTH, SCRATCH_SIZE);
}

// ── Oblivious HTTP (RFC 9458): a request's HPKE and its response's AEAD, keys kept in the core ──
// A request call (§4.3) takes the suite ids and leaves in `slot` (a free one the host leased) the
// response state of §4.4: enc and the response secret. The response call consumes the state and
// wipes the slot. A message larger than the window streams with the aead_* exports through a
// CIPHER slot that the *_init calls key: `cipher` for the request, `slot` itself for the response.
// The host draws skE and response_nonce; hdr is the request header (§4.1), which must name the suite.

/** After OHTTP.configure: the slots are free and distinct (`cipher` < 0: none), and hdr names the suite. */
function ohttpRequest(slot: i32, cipher: i32, kem: i32, kdf: i32, aead: i32, hdr: usize): Status {
  if (!isSlot(slot, EMPTY) || slot == cipher || (cipher >= 0 && !isSlot(cipher, EMPTY))) return Status.BAD_SLOT;
  return OHTTP.headerMatches(hdr, kem, kdf, aead) ? Status.OK : Status.BAD_ALGORITHM;
}

/** Tags `slot` as holding a response state if the request succeeded, else wipes it. */
function ohttpKeep(slot: i32, status: Status): Status {
  if (status == Status.OK) store<u32>(slotAddress(slot) + SLOT_TAG, RESPONSE);
  else release(slot);
  return status;
}

/** §4.3 client: IO = skE ‖ pkR ‖ hdr ‖ request → OUT = hdr ‖ enc ‖ ciphertext ‖ tag, the
 *  Encapsulated Request; slot ← the response state. */
export function ohttp_request_seal(slot: i32, kem: i32, kdf: i32, aead: i32, ptLen: i32): Status {
  if (!OHTTP.configure(kem, kdf, aead)) return Status.BAD_ALGORITHM;
  const keys = HPKE.Nsk + HPKE.Npk;
  if (!fits(keys + OHTTP.HEADER_LENGTH, ptLen)) return Status.BAD_LENGTH;
  const hdr = IO + keys;
  const checked = ohttpRequest(slot, -1, kem, kdf, aead, hdr);
  if (checked != Status.OK) return checked;
  const status = OHTTP.setupSender(slotAddress(slot), IO, IO + HPKE.Nsk, hdr, OUT);
  if (status == Status.OK) HPKE.sealFirst(HPKE_SECRETS, 0, 0, hdr + OHTTP.HEADER_LENGTH, ptLen, OUT + OHTTP.HEADER_LENGTH + HPKE.Npk);
  return finish(ohttpKeep(slot, status), keys + OHTTP.HEADER_LENGTH + ptLen, SCRATCH_SIZE);
}

/** §4.3 gateway: IO = skR ‖ pkR ‖ hdr ‖ enc ‖ ciphertext ‖ tag (the Encapsulated Request after the
 *  key pair) → OUT = the request, written only if the tag matches (else INVALID_TAG and the slot
 *  stays free); slot ← the response state. */
export function ohttp_request_open(slot: i32, kem: i32, kdf: i32, aead: i32, ctLen: i32): Status {
  if (!OHTTP.configure(kem, kdf, aead)) return Status.BAD_ALGORITHM;
  const keys = HPKE.Nsk + HPKE.Npk;
  const request = IO + keys;
  const ct = request + OHTTP.HEADER_LENGTH + HPKE.Npk;
  if (ctLen < 0 || !fits(<i32>(ct - IO), ctLen + AEAD.TAG_LENGTH)) return Status.BAD_LENGTH;
  const checked = ohttpRequest(slot, -1, kem, kdf, aead, request);
  if (checked != Status.OK) return checked;
  let status = OHTTP.setupReceiver(slotAddress(slot), IO, IO + HPKE.Nsk, request);
  if (status == Status.OK) status = HPKE.openFirst(HPKE_SECRETS, 0, 0, ct, ctLen, OUT);
  return finish(ohttpKeep(slot, status), <i32>(ct - IO) + ctLen + AEAD.TAG_LENGTH, SCRATCH_SIZE);
}

/** ohttp_request_seal without the request: IO = skE ‖ pkR ‖ hdr → OUT = hdr ‖ enc; slot ← the
 *  response state; `cipher` ← the request's AEAD (empty aad) for aead_encrypt and aead_tag. */
export function ohttp_request_init_sender(slot: i32, cipher: i32, kem: i32, kdf: i32, aead: i32): Status {
  if (!OHTTP.configure(kem, kdf, aead)) return Status.BAD_ALGORITHM;
  const keys = HPKE.Nsk + HPKE.Npk;
  const checked = ohttpRequest(slot, cipher, kem, kdf, aead, IO + keys);
  if (checked != Status.OK) return checked;
  const status = OHTTP.setupSender(slotAddress(slot), IO, IO + HPKE.Nsk, IO + keys, OUT);
  if (status == Status.OK) ohttpCipher(cipher, false);
  return finish(ohttpKeep(slot, status), keys + OHTTP.HEADER_LENGTH, SCRATCH_SIZE);
}

/** ohttp_request_open without the ciphertext: IO = skR ‖ pkR ‖ hdr ‖ enc; slot ← the response
 *  state; `cipher` ← the request's AEAD (empty aad) for aead_absorb, aead_verify, aead_decrypt.
 *  The host wipes both slots if the tag does not verify. */
export function ohttp_request_init_receiver(slot: i32, cipher: i32, kem: i32, kdf: i32, aead: i32): Status {
  if (!OHTTP.configure(kem, kdf, aead)) return Status.BAD_ALGORITHM;
  const keys = HPKE.Nsk + HPKE.Npk;
  const checked = ohttpRequest(slot, cipher, kem, kdf, aead, IO + keys);
  if (checked != Status.OK) return checked;
  const status = OHTTP.setupReceiver(slotAddress(slot), IO, IO + HPKE.Nsk, IO + keys);
  if (status == Status.OK) ohttpCipher(cipher, false);
  return finish(ohttpKeep(slot, status), keys + OHTTP.HEADER_LENGTH + HPKE.Npk, SCRATCH_SIZE);
}

/** Keys the CIPHER slot `cipher` for the request (HPKE_SECRETS) or the response (OHTTP_KEYS). */
function ohttpCipher(cipher: i32, response: bool): void {
  const st = slotAddress(cipher);
  if (response) OHTTP.responseCipher(st);
  else OHTTP.requestCipher(st);
  store<u32>(st + SLOT_TAG, CIPHER);
}

/** §4.4 gateway: IO = response_nonce ‖ response → OUT = ciphertext ‖ tag (the host prepends
 *  response_nonce); the slot is wiped and free again. */
export function ohttp_response_seal(slot: i32, ptLen: i32): Status {
  if (!isSlot(slot, RESPONSE)) return Status.BAD_SLOT;
  OHTTP.configureFromState(slotAddress(slot));
  const nonceLen = OHTTP.secretLength();
  if (!fits(nonceLen, ptLen)) return Status.BAD_LENGTH;
  OHTTP.responseKeys(slotAddress(slot), IO);
  release(slot);
  OHTTP.responseCipher(AEAD_STATE);
  AEAD.encrypt(AEAD_STATE, IO + nonceLen, OUT, ptLen);
  AEAD.tag(AEAD_STATE, OUT + ptLen);
  return finish(Status.OK, nonceLen + ptLen, SCRATCH_SIZE);
}

/** §4.4 client: IO = response_nonce ‖ ciphertext ‖ tag → OUT = the response, written only if the
 *  tag matches (else INVALID_TAG); the slot is wiped and free again either way. */
export function ohttp_response_open(slot: i32, ctLen: i32): Status {
  if (!isSlot(slot, RESPONSE)) return Status.BAD_SLOT;
  OHTTP.configureFromState(slotAddress(slot));
  const nonceLen = OHTTP.secretLength();
  if (ctLen < 0 || !fits(nonceLen, ctLen + AEAD.TAG_LENGTH)) return Status.BAD_LENGTH;
  OHTTP.responseKeys(slotAddress(slot), IO);
  release(slot);
  OHTTP.responseCipher(AEAD_STATE);
  const ct = IO + nonceLen;
  AEAD.absorb(AEAD_STATE, ct, ctLen);
  const status = AEAD.verify(AEAD_STATE, ct + ctLen);
  if (status == Status.OK) AEAD.decrypt(AEAD_STATE, ct, OUT, ctLen);
  return finish(status, nonceLen + ctLen + AEAD.TAG_LENGTH, SCRATCH_SIZE);
}

/** IO = response_nonce: the response state in `slot` becomes the response's AEAD (empty aad),
 *  for aead_encrypt and aead_tag, or aead_absorb, aead_verify and aead_decrypt. */
export function ohttp_response_init(slot: i32): Status {
  if (!isSlot(slot, RESPONSE)) return Status.BAD_SLOT;
  OHTTP.configureFromState(slotAddress(slot));
  const nonceLen = OHTTP.secretLength();
  OHTTP.responseKeys(slotAddress(slot), IO);
  release(slot);
  ohttpCipher(slot, true);
  return finish(Status.OK, nonceLen, SCRATCH_SIZE);
}

// ── OPRF (RFC 9497): one protocol step per call ───────────────────────────────────────────────
// Every call names its suite (§4, abi.ts OprfSuite) and mode (§3.1, abi.ts OprfMode). Elements are Ne bytes, scalars Ns bytes, outputs Nh
// bytes (§4); `info` is POPRF's and empty in the other modes. The host draws blinds and r.

/** Selects the suite and mode and checks that only POPRF has an info. */
function oprfSuite(suite: i32, mode: i32, infoLen: i32): Status {
  if (!OPRF.configure(suite, mode)) return Status.BAD_ALGORITHM;
  return infoLen == 0 || mode == OprfMode.POPRF ? Status.OK : Status.BAD_LENGTH;
}

/** Wipes OUT's first `len` bytes unless the call succeeded. */
function oprfFinish(status: Status, len: i32, consumed: i32): Status {
  if (status != Status.OK) wipe(OUT, len);
  return finish(status, consumed, SCRATCH_SIZE);
}

/** §3.2.1: IO = seed (32 bytes) ‖ info → OUT = skS ‖ pkS. */
export function oprf_derive_key_pair(suite: i32, mode: i32, infoLen: i32): Status {
  if (!OPRF.configure(suite, mode)) return Status.BAD_ALGORITHM;
  if (!fits(32, infoLen)) return Status.BAD_LENGTH;
  const status = OPRF.deriveKeyPair(OUT, OUT + Ns, IO, IO + 32, infoLen);
  return oprfFinish(status, Ns + Ne, 32 + infoLen);
}

/** IO = skS → OUT = pkS; INVALID_SCALAR unless 0 < skS < order. */
export function oprf_public_key(suite: i32): Status {
  if (!OPRF.configure(suite, 0)) return Status.BAD_ALGORITHM;
  return oprfFinish(OPRF.publicKey(OUT, IO), Ne, Ns);
}

/** §3.3.1 Blind: IO = blind ‖ input → OUT = the blinded element; INVALID_SCALAR, INVALID_INPUT. */
export function oprf_blind(suite: i32, mode: i32, inputLen: i32): Status {
  if (!OPRF.configure(suite, mode)) return Status.BAD_ALGORITHM;
  if (!fits(Ns, inputLen)) return Status.BAD_LENGTH;
  return oprfFinish(OPRF.blind(OUT, IO, IO + Ns, inputLen), Ne, Ns + inputLen);
}

/** §3.3.3 Blind's tweaked key: IO = pkS ‖ info → OUT; INVALID_POINT, INVALID_INPUT. */
export function oprf_tweak_key(suite: i32, infoLen: i32): Status {
  if (!OPRF.configure(suite, OprfMode.POPRF)) return Status.BAD_ALGORITHM;
  if (!fits(Ne, infoLen)) return Status.BAD_LENGTH;
  return oprfFinish(OPRF.tweakKey(OUT, IO, IO + Ne, infoLen), Ne, Ne + infoLen);
}

/** §3.3.2 / §3.3.3 BlindEvaluate: IO = skS ‖ pkS (VOPRF) ‖ r (VOPRF, POPRF) ‖ info ‖ blinded[count]
 *  → OUT = evaluated[count] ‖ c ‖ s (VOPRF, POPRF); INVALID_SCALAR, INVALID_POINT, INVERSE_ZERO. */
export function oprf_blind_evaluate(suite: i32, mode: i32, infoLen: i32, count: i32): Status {
  const selected = oprfSuite(suite, mode, infoLen);
  if (selected != Status.OK) return selected;
  const pkLen = mode == OprfMode.VOPRF ? Ne : 0;
  const proofLen = mode == OprfMode.OPRF ? 0 : 2 * Ns;
  if (count < 1 || count > IO_SIZE / Ne || !fits(Ns + pkLen + proofLen / 2, infoLen, count * Ne)) return Status.BAD_LENGTH;
  const pk = IO + Ns, r = pk + pkLen, info = r + proofLen / 2, blinded = info + infoLen;
  const status = OPRF.blindEvaluate(OUT, mode, IO, pk, r, info, infoLen, blinded, count);
  return oprfFinish(status, count * Ne + proofLen, <i32>(blinded - IO) + count * Ne);
}

/** §2.2.2 VerifyProof: IO = key (pkS, or POPRF's tweaked key) ‖ c ‖ s ‖ blinded[count] ‖
 *  evaluated[count]; OK, PROOF_FAILED or INVALID_POINT. */
export function oprf_verify(suite: i32, mode: i32, count: i32): Status {
  if (mode == OprfMode.OPRF || !OPRF.configure(suite, mode)) return Status.BAD_ALGORITHM;
  if (count < 1 || count > IO_SIZE / Ne || !fits(Ne + 2 * Ns, 2 * count * Ne)) return Status.BAD_LENGTH;
  const proof = IO + Ne, blinded = proof + 2 * Ns, evaluated = blinded + count * Ne;
  return finish(OPRF.verify(mode, IO, proof, blinded, evaluated, count), Ne + 2 * Ns + 2 * count * Ne, SCRATCH_SIZE);
}

/** §3.3 Finalize, after oprf_verify: IO = blind ‖ evaluated ‖ info ‖ input → OUT = the output. */
export function oprf_finalize(suite: i32, mode: i32, infoLen: i32, inputLen: i32): Status {
  const selected = oprfSuite(suite, mode, infoLen);
  if (selected != Status.OK) return selected;
  if (!fits(Ns + Ne, infoLen, inputLen)) return Status.BAD_LENGTH;
  const evaluated = IO + Ns, info = evaluated + Ne, input = info + infoLen;
  const status = OPRF.finalize(OUT, mode, IO, evaluated, info, infoLen, input, inputLen);
  return oprfFinish(status, Nh, Ns + Ne + infoLen + inputLen);
}

/** §3.3 Evaluate: IO = skS ‖ info ‖ input → OUT = the output; INVALID_SCALAR, INVALID_INPUT, INVERSE_ZERO. */
export function oprf_evaluate(suite: i32, mode: i32, infoLen: i32, inputLen: i32): Status {
  const selected = oprfSuite(suite, mode, infoLen);
  if (selected != Status.OK) return selected;
  if (!fits(Ns, infoLen, inputLen)) return Status.BAD_LENGTH;
  const info = IO + Ns, input = info + infoLen;
  return oprfFinish(OPRF.evaluate(OUT, mode, IO, info, infoLen, input, inputLen), Nh, Ns + infoLen + inputLen);
}

// ── Slots: the host may park a state outside the core when it has more objects than slots ───

/** OUT = the slot's bytes; the slot is wiped and free again. */
export function slot_save(slot: i32): Status {
  if (slot < 0 || slot >= SLOT_COUNT || isSlot(slot, EMPTY) || isSlot(slot, SIGN_NONCE) || isSlot(slot, SIGN_CHALLENGE)) {
    return Status.BAD_SLOT;
  }
  memory.copy(OUT, slotAddress(slot), SLOT_SIZE);
  release(slot);
  return Status.OK;
}

/** IO = bytes from slot_save. */
export function slot_load(slot: i32): Status {
  if (!isSlot(slot, EMPTY)) return Status.BAD_SLOT;
  const tag = load<u32>(IO + SLOT_TAG);
  const valid = tag == CIPHER ? AEAD.isAeadState(IO) : tag == RESPONSE ? OHTTP.configureFromState(IO) : (tag == HASH || tag == KEYED) && sha2.isHashAlg(sha2.algorithm(IO));
  if (!valid) return finish(Status.BAD_SLOT, SLOT_SIZE);
  memory.copy(slotAddress(slot), IO, SLOT_SIZE);
  return finish(Status.OK, SLOT_SIZE);
}

export function slot_wipe(slot: i32): Status {
  if (slot < 0 || slot >= SLOT_COUNT) return Status.BAD_SLOT;
  release(slot);
  return Status.OK;
}

// ── Hashing to curves (RFC 9380): the NIST RO suites (§8.2–§8.4) and hash_to_ristretto255 (App. B) ──

/** IO = msg ‖ DST → OUT = 0x04 ‖ x ‖ y of hash_to_curve on a NIST curve; IDENTITY if the result is the identity (a DST over 255 bytes is hashed, §5.3.3). */
export function hash_to_curve(curve: i32, msgLen: i32, dstLen: i32): Status {
  if (!curveSize(curve)) return Status.BAD_ALGORITHM;
  if (!fits(msgLen, dstLen)) return Status.BAD_LENGTH;
  const point = Group.hashToCurveUncompressed(curve, OUT, IO, msgLen, IO + msgLen, dstLen);
  return finish(point ? Status.OK : Status.IDENTITY, msgLen + dstLen, SCRATCH_SIZE);
}

/** IO = the 2·L uniform bytes of expand_message_xmd(msg, DST, 2·L) → OUT = 0x04 ‖ x ‖ y of
 *  hash_to_curve(msg) (L = 48, 72, 98); for a message too large for IO, expanded by the host. */
export function hash_to_curve_uniform(curve: i32): Status {
  if (!curveSize(curve)) return Status.BAD_ALGORITHM;
  const length = 2 * SSWU.fieldBytes(curve);
  const point = Group.uniformToCurve(curve, OUT, IO);
  return finish(point ? Status.OK : Status.IDENTITY, length, SCRATCH_SIZE);
}

/** IO = msg ‖ DST → OUT = the 32-byte encoding of
 *  FROM_UNIFORM_BYTES(expand_message_xmd(SHA-512, msg, DST, 64)) (RFC 9496 §4.3.4). */
export function hash_to_ristretto255(msgLen: i32, dstLen: i32): Status {
  if (!fits(msgLen, dstLen)) return Status.BAD_LENGTH;
  Ristretto.hashToGroup(OUT, IO, msgLen, IO + msgLen, dstLen);
  return finish(Status.OK, msgLen + dstLen, SCRATCH_SIZE);
}
