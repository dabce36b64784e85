// Every number that crosses the wasm boundary: statuses, and the ids the bindings pass to configure
// an algorithm, curve, suite or mode. Compiled by asc (the core) and by tsc (the bindings), so it
// holds only enums and untyped integer constants, which both read the same way.

/** The result of every export. The bindings validate arguments before calling, so any status
 *  but OK there is a bug (INTERNAL). */
export enum Status {
  OK = 0,
  BAD_ALGORITHM = 1,
  BAD_SLOT = 2,
  BAD_LENGTH = 3,
  /** AEAD open: the tag does not match; nothing was decrypted. */
  INVALID_TAG = 4,
  /** A secret scalar out of range (zero, or not below the group order). */
  INVALID_SCALAR = 5,
  /** A public point that does not decode to a point of the group. */
  INVALID_POINT = 6,
  /** The result is the identity (an all-zero X25519 shared secret). */
  IDENTITY = 7,
  /** RFC 9497 InvalidInputError: an OPRF input or a POPRF tweaked key maps to the identity. */
  INVALID_INPUT = 8,
  /** RFC 9497 InverseError: the POPRF server's skS + HashToScalar(info) is zero. */
  INVERSE_ZERO = 9,
  /** RFC 9497 §2.2.2 VerifyProof: the DLEQ proof does not hold. */
  PROOF_FAILED = 10,
  /** A signature that does not verify: Ed25519 (RFC 8032 §5.1.7: S ≥ ℓ, a key that does not
   *  decode, or the equation fails) or ECDSA (SEC 1 §4.1.4: r or s out of [1, n − 1], or the
   *  equation fails). */
  INVALID_SIGNATURE = 11,
}

/** hash*, hmac*, hkdf*, expand_message_xmd. */
export enum HashAlg {
  SHA256 = 0,
  SHA384 = 1,
  SHA512 = 2,
}

/** aead_seal, aead_open, aead_init. */
export enum AeadAlg {
  CHACHA20_POLY1305 = 0, // RFC 8439 §2.8
  XCHACHA20_POLY1305 = 1, // draft-irtf-cfrg-xchacha-03
  AES_GCM = 2, // NIST SP 800-38D; AES-128, -192 or -256 by key length
}

/** ec_*, ecdh, hash_to_curve*: the NIST curves (SEC1 points). X25519 has its own exports; its
 *  id only marks the HPKE KEM's curve inside the core. */
export enum Curve {
  P256 = 0,
  P384 = 1,
  P521 = 2,
  X25519 = 3,
}

/** ecdsa_sign, ecdsa_verify: flags, or-ed. ECDSA_PREHASHED: IO holds the message's digest (any
 *  length, truncated by bits2int, RFC 6979 §2.3.2), not the message, which the core would hash with
 *  the curve's SHA-2 (P-256: SHA-256, P-384: SHA-384, P-521: SHA-512). ECDSA_LOW_S: sign returns
 *  s ≤ (n − 1)/2 (n − s otherwise); verify refuses s > (n − 1)/2. */
export const ECDSA_PREHASHED = 1;
export const ECDSA_LOW_S = 2;

/** oprf_*: RFC 9497 §4 ciphersuites (decaf448-SHAKE256 is not offered). */
export enum OprfSuite {
  RISTRETTO255_SHA512 = 0,
  P256_SHA256 = 1,
  P384_SHA384 = 2,
  P521_SHA512 = 3,
}

/** oprf_*: RFC 9497 §3.1 modes, as in the contextString. */
export enum OprfMode {
  OPRF = 0,
  VOPRF = 1,
  POPRF = 2,
}

// hpke_*: RFC 9180 §7 registry ids and §5 Table 1 modes, as on the wire.

/** DHKEM(P-256, HKDF-SHA256). */
export const KEM_DHKEM_P256_HKDF_SHA256 = 0x0010;
/** DHKEM(P-384, HKDF-SHA384). */
export const KEM_DHKEM_P384_HKDF_SHA384 = 0x0011;
/** DHKEM(P-521, HKDF-SHA512). */
export const KEM_DHKEM_P521_HKDF_SHA512 = 0x0012;
/** DHKEM(X25519, HKDF-SHA256). */
export const KEM_DHKEM_X25519_HKDF_SHA256 = 0x0020;

export const KDF_HKDF_SHA256 = 0x0001;
export const KDF_HKDF_SHA384 = 0x0002;
export const KDF_HKDF_SHA512 = 0x0003;

export const AEAD_AES128GCM = 0x0001;
export const AEAD_AES256GCM = 0x0002;
export const AEAD_CHACHA20POLY1305 = 0x0003;
/** No AEAD: the context only exports secrets (§5.3); seal and open are unavailable. */
export const AEAD_EXPORT_ONLY = 0xffff;

/** mode_psk and mode_auth are the two bits of the mode. */
export const MODE_BASE = 0x00;
export const MODE_PSK = 0x01;
export const MODE_AUTH = 0x02;
export const MODE_AUTH_PSK = 0x03;
