// oblivia/hpke-js: the API of hpke-js 1.8.0 and @hpke/core over oblivia's HPKE (RFC 9180), so that
// switching is a change of import. Both styles work: `new CipherSuite({ kem: KemId.…, kdf: KdfId.…,
// aead: AeadId.… })` and `new CipherSuite({ kem: new DhkemP256HkdfSha256(), kdf: new HkdfSha256(),
// aead: new Aes128Gcm() })`. Everything is async and takes ArrayBuffers or views, as in hpke-js.
export { CipherSuite } from './hpke-js/cipher-suite.js';
export type {
  CipherSuiteParams,
  CipherSuiteSealResponse,
  KeyScheduleParams,
  PreSharedKey,
  RecipientContextParams,
  SenderContextParams,
} from './hpke-js/cipher-suite.js';
export type { EncryptionContext, RecipientContext, SenderContext } from './hpke-js/async-contexts.js';
export {
  DhkemP256HkdfSha256,
  DhkemP384HkdfSha384,
  DhkemP521HkdfSha512,
  DhkemX25519HkdfSha256,
  DhkemX448HkdfSha512,
  type KemInterface,
} from './hpke-js/kem-objects.js';
export {
  Aes128Gcm,
  Aes256Gcm,
  Chacha20Poly1305,
  ExportOnly,
  HkdfSha256,
  HkdfSha384,
  HkdfSha512,
  type AeadEncryptionContext,
  type AeadInterface,
  type KdfInterface,
} from './hpke-js/kdf-aead-objects.js';
export type { JsonWebKeyExtended } from './hpke-js/jwk.js';
export { Aead, AeadId, Kdf, KdfId, Kem, KemId } from './hpke-js/identifiers.js';
export {
  DecapError,
  DeriveKeyPairError,
  DeserializeError,
  EncapError,
  ExportError,
  HpkeError,
  InvalidParamError,
  MessageLimitReachedError,
  NotSupportedError,
  OpenError,
  SealError,
  SerializeError,
  ValidationError,
} from './hpke-js/hpke-js-errors.js';
