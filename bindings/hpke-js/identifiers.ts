// The algorithm identifiers as hpke-js 1.8.0 (@hpke/common) names them: the IANA HPKE registries
// of RFC 9180 §7 plus the later KEMs and KDFs hpke-js lists. Only the RFC 9180 DHKEMs over X25519
// and the NIST curves, HKDF-SHA256/384/512 and the three AEADs with export-only are implemented;
// a CipherSuite with any other listed id throws NotSupportedError, except a KEM id hpke-js itself
// takes only as an object (secp256k1, the post-quantum KEMs): InvalidParamError, as in hpke-js.

/**
 * The KEM ids hpke-js lists (RFC 9180 §7.1 and the IANA HPKE registry). A CipherSuite takes
 * `DhkemP256HkdfSha256`, `DhkemP384HkdfSha384`, `DhkemP521HkdfSha512` and `DhkemX25519HkdfSha256`;
 * `DhkemX448HkdfSha512` is a NotSupportedError, the others an InvalidParamError (as in hpke-js,
 * which takes them as objects from their own packages).
 */
export const KemId = Object.freeze({
  NotAssigned: 0x0000,
  DhkemP256HkdfSha256: 0x0010,
  DhkemP384HkdfSha384: 0x0011,
  DhkemP521HkdfSha512: 0x0012,
  DhkemSecp256k1HkdfSha256: 0x0013,
  DhkemX25519HkdfSha256: 0x0020,
  DhkemX448HkdfSha512: 0x0021,
  HybridkemX25519Kyber768: 0x0030,
  MlKem512: 0x0040,
  MlKem768: 0x0041,
  MlKem1024: 0x0042,
  XWing: 0x647a,
} as const);
/** A KEM id of {@link KemId}: `0x0010` for DHKEM(P-256, HKDF-SHA256), … */
export type KemId = (typeof KemId)[keyof typeof KemId];

/**
 * The KDF ids hpke-js lists (RFC 9180 §7.2 and later registrations). HKDF-SHA256/384/512 are
 * implemented; the others are a NotSupportedError in a CipherSuite.
 */
export const KdfId = Object.freeze({
  HkdfSha256: 0x0001,
  HkdfSha384: 0x0002,
  HkdfSha512: 0x0003,
  Sha3256: 0x0004,
  Sha3384: 0x0005,
  Sha3512: 0x0006,
  Shake128: 0x0010,
  Shake256: 0x0011,
  TurboShake128: 0x0012,
  TurboShake256: 0x0013,
} as const);
/** A KDF id of {@link KdfId}: `0x0001` for HKDF-SHA256, … */
export type KdfId = (typeof KdfId)[keyof typeof KdfId];

/**
 * The AEAD ids of RFC 9180 §7.3, all implemented: AES-128-GCM, AES-256-GCM, ChaCha20-Poly1305, and
 * `ExportOnly` (0xFFFF: contexts only export secrets, §5.3).
 */
export const AeadId = Object.freeze({
  Aes128Gcm: 0x0001,
  Aes256Gcm: 0x0002,
  Chacha20Poly1305: 0x0003,
  ExportOnly: 0xffff,
} as const);
/** An AEAD id of {@link AeadId}: `0x0001` for AES-128-GCM, … */
export type AeadId = (typeof AeadId)[keyof typeof AeadId];

/**
 * hpke-js's older name for the KEM ids of RFC 9180 §7.1 (those of {@link KemId} up to
 * `HybridkemX25519Kyber768`).
 *
 * @deprecated Use {@link KemId}.
 */
export const Kem = Object.freeze({
  NotAssigned: KemId.NotAssigned,
  DhkemP256HkdfSha256: KemId.DhkemP256HkdfSha256,
  DhkemP384HkdfSha384: KemId.DhkemP384HkdfSha384,
  DhkemP521HkdfSha512: KemId.DhkemP521HkdfSha512,
  DhkemSecp256k1HkdfSha256: KemId.DhkemSecp256k1HkdfSha256,
  DhkemX25519HkdfSha256: KemId.DhkemX25519HkdfSha256,
  DhkemX448HkdfSha512: KemId.DhkemX448HkdfSha512,
  HybridkemX25519Kyber768: KemId.HybridkemX25519Kyber768,
} as const);
/**
 * A KEM id of {@link Kem}.
 *
 * @deprecated Use {@link KemId}.
 */
export type Kem = (typeof Kem)[keyof typeof Kem];

/**
 * hpke-js's older name for the HKDF ids of {@link KdfId}.
 *
 * @deprecated Use {@link KdfId}.
 */
export const Kdf = Object.freeze({
  HkdfSha256: KdfId.HkdfSha256,
  HkdfSha384: KdfId.HkdfSha384,
  HkdfSha512: KdfId.HkdfSha512,
} as const);
/**
 * A KDF id of {@link Kdf}.
 *
 * @deprecated Use {@link KdfId}.
 */
export type Kdf = (typeof Kdf)[keyof typeof Kdf];

/**
 * hpke-js's older name for {@link AeadId} (the same object).
 *
 * @deprecated Use {@link AeadId}.
 */
export const Aead = AeadId;
/**
 * An AEAD id of {@link Aead}.
 *
 * @deprecated Use {@link AeadId}.
 */
export type Aead = AeadId;
