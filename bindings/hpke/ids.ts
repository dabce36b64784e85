// RFC 9180 §7: the algorithm identifiers of the IANA HPKE registries, grouped by registry, and the
// modes of §5; the values are the core's (assembly/abi.ts).
import * as abi from '../../assembly/abi.js';

/** §7.1 Table 2: the KEMs, DHKEM(group, KDF). */
export const KEM = Object.freeze({
  P256_HKDF_SHA256: abi.KEM_DHKEM_P256_HKDF_SHA256,
  P384_HKDF_SHA384: abi.KEM_DHKEM_P384_HKDF_SHA384,
  P521_HKDF_SHA512: abi.KEM_DHKEM_P521_HKDF_SHA512,
  X25519_HKDF_SHA256: abi.KEM_DHKEM_X25519_HKDF_SHA256,
});

/** §7.2 Table 3: the KDFs. */
export const KDF = Object.freeze({
  HKDF_SHA256: abi.KDF_HKDF_SHA256,
  HKDF_SHA384: abi.KDF_HKDF_SHA384,
  HKDF_SHA512: abi.KDF_HKDF_SHA512,
});

/** §7.3 Table 5: the AEADs; EXPORT_ONLY makes a context that only exports secrets (§5.3). */
export const AEAD = Object.freeze({
  AES_128_GCM: abi.AEAD_AES128GCM,
  AES_256_GCM: abi.AEAD_AES256GCM,
  CHACHA20_POLY1305: abi.AEAD_CHACHA20POLY1305,
  EXPORT_ONLY: abi.AEAD_EXPORT_ONLY,
});

/** §5 Table 1. */
export const MODE = Object.freeze({
  BASE: abi.MODE_BASE,
  PSK: abi.MODE_PSK,
  AUTH: abi.MODE_AUTH,
  AUTH_PSK: abi.MODE_AUTH_PSK,
});

/** A KEM id of RFC 9180 §7.1 ({@link hpke.KEM}). */
export type KemId = (typeof KEM)[keyof typeof KEM];
/** A KDF id of RFC 9180 §7.2 ({@link hpke.KDF}). */
export type KdfId = (typeof KDF)[keyof typeof KDF];
/** An AEAD id of RFC 9180 §7.3 ({@link hpke.AEAD}); `EXPORT_ONLY` is 0xFFFF. */
export type AeadId = (typeof AEAD)[keyof typeof AEAD];
export type Mode = (typeof MODE)[keyof typeof MODE];

/** `0x0020` for messages. */
export const hexId = (id: number): string => `0x${id.toString(16).padStart(4, '0')}`;
