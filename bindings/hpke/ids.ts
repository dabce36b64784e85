// RFC 9180 §7: the algorithm identifiers of the IANA HPKE registries, and the modes of §5.

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

export type KemId =
  | typeof KEM_DHKEM_P256_HKDF_SHA256
  | typeof KEM_DHKEM_P384_HKDF_SHA384
  | typeof KEM_DHKEM_P521_HKDF_SHA512
  | typeof KEM_DHKEM_X25519_HKDF_SHA256;
export type KdfId = typeof KDF_HKDF_SHA256 | typeof KDF_HKDF_SHA384 | typeof KDF_HKDF_SHA512;
export type AeadId = typeof AEAD_AES128GCM | typeof AEAD_AES256GCM | typeof AEAD_CHACHA20POLY1305 | typeof AEAD_EXPORT_ONLY;

/** §5 Table 1. */
export const MODE_BASE = 0x00;
export const MODE_PSK = 0x01;
export const MODE_AUTH = 0x02;
export const MODE_AUTH_PSK = 0x03;
export type Mode = typeof MODE_BASE | typeof MODE_PSK | typeof MODE_AUTH | typeof MODE_AUTH_PSK;

/** `0x0020` for messages. */
export const hexId = (id: number): string => `0x${id.toString(16).padStart(4, '0')}`;
