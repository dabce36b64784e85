// RFC 9180 §7: the algorithm identifiers of the IANA HPKE registries, and the modes of §5; the
// values are the core's (assembly/abi.ts).
import {
  KEM_DHKEM_P256_HKDF_SHA256,
  KEM_DHKEM_P384_HKDF_SHA384,
  KEM_DHKEM_P521_HKDF_SHA512,
  KEM_DHKEM_X25519_HKDF_SHA256,
  KDF_HKDF_SHA256,
  KDF_HKDF_SHA384,
  KDF_HKDF_SHA512,
  AEAD_AES128GCM,
  AEAD_AES256GCM,
  AEAD_CHACHA20POLY1305,
  AEAD_EXPORT_ONLY,
  MODE_BASE,
  MODE_PSK,
  MODE_AUTH,
  MODE_AUTH_PSK,
} from '../../assembly/abi.js';

export {
  KEM_DHKEM_P256_HKDF_SHA256,
  KEM_DHKEM_P384_HKDF_SHA384,
  KEM_DHKEM_P521_HKDF_SHA512,
  KEM_DHKEM_X25519_HKDF_SHA256,
  KDF_HKDF_SHA256,
  KDF_HKDF_SHA384,
  KDF_HKDF_SHA512,
  AEAD_AES128GCM,
  AEAD_AES256GCM,
  AEAD_CHACHA20POLY1305,
  AEAD_EXPORT_ONLY,
  MODE_BASE,
  MODE_PSK,
  MODE_AUTH,
  MODE_AUTH_PSK,
};

export type KemId =
  | typeof KEM_DHKEM_P256_HKDF_SHA256
  | typeof KEM_DHKEM_P384_HKDF_SHA384
  | typeof KEM_DHKEM_P521_HKDF_SHA512
  | typeof KEM_DHKEM_X25519_HKDF_SHA256;
export type KdfId = typeof KDF_HKDF_SHA256 | typeof KDF_HKDF_SHA384 | typeof KDF_HKDF_SHA512;
export type AeadId =
  typeof AEAD_AES128GCM | typeof AEAD_AES256GCM | typeof AEAD_CHACHA20POLY1305 | typeof AEAD_EXPORT_ONLY;

/** §5 Table 1. */
export type Mode = typeof MODE_BASE | typeof MODE_PSK | typeof MODE_AUTH | typeof MODE_AUTH_PSK;

/** `0x0020` for messages. */
export const hexId = (id: number): string => `0x${id.toString(16).padStart(4, '0')}`;
