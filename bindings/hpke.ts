// HPKE (RFC 9180): the `hpke` namespace and the algorithm identifiers.
import { suite } from './hpke/hpke-suite.js';

export const hpke = Object.freeze({ suite });

export {
  AEAD_AES128GCM,
  AEAD_AES256GCM,
  AEAD_CHACHA20POLY1305,
  AEAD_EXPORT_ONLY,
  KDF_HKDF_SHA256,
  KDF_HKDF_SHA384,
  KDF_HKDF_SHA512,
  KEM_DHKEM_P256_HKDF_SHA256,
  KEM_DHKEM_P384_HKDF_SHA384,
  KEM_DHKEM_P521_HKDF_SHA512,
  KEM_DHKEM_X25519_HKDF_SHA256,
  type AeadId,
  type KdfId,
  type KemId,
} from './hpke/ids.js';
export type {
  HpkeSuite,
  KeyPair,
  OpenOptions,
  ReceiverContext,
  ReceiverOptions,
  SealOptions,
  SenderContext,
  SenderOptions,
  SuiteParams,
} from './hpke/hpke-suite.js';
