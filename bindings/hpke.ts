// oblivia/hpke: HPKE (RFC 9180). `hpke.suite({ kem, kdf, aead })` with the ids grouped by registry:
// `hpke.KEM.X25519_HKDF_SHA256`, `hpke.KDF.HKDF_SHA256`, `hpke.AEAD.AES_128_GCM`.
import { AEAD, KDF, KEM } from './hpke/ids.js';
import { suite } from './hpke/hpke-suite.js';

export const hpke = Object.freeze({ suite, KEM, KDF, AEAD });

export type { AeadId, KdfId, KemId } from './hpke/ids.js';
export type {
  HpkeSuite,
  HpkeSuiteIds,
  KeyPair,
  OpenOptions,
  ReceiverContext,
  ReceiverOptions,
  SealOptions,
  SenderContext,
  SenderOptions,
} from './hpke/hpke-suite.js';
