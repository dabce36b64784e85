// oblivia: the public API.
export { init, initSync, type InitInput, type SyncInitInput } from './loader.js';
export { backend, useBackend, type BackendName } from './backend/select.js';
export { CryptoError, type CryptoErrorCode } from './crypto-error.js';
export { sha256, sha384, sha512, type Hash, type HashFunction } from './hash.js';
export { hmac, type HmacFunction } from './hmac.js';
export { hkdf, type HkdfFunction } from './hkdf.js';
export { chacha20poly1305, xchacha20poly1305, gcm, type Aead, type AeadFunction } from './aead.js';
export { x25519, p256, p384, p521, type DiffieHellman, type NistCurve } from './curves.js';
export { expandMessageXmd } from './hash-to-curve.js';
export { ristretto255 } from './ristretto255.js';
export {
  oprf,
  type OprfSuite,
  type OprfSuiteName,
  type OprfModeName,
  type OprfKeyPair,
  type OprfServer,
  type OprfClient,
  type OprfBlinding,
  type OprfEvaluation,
  type BlindOptions,
  type BlindEvaluateOptions,
} from './oprf.js';
export {
  hpke,
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
  type KemId,
  type KdfId,
  type AeadId,
  type HpkeSuite,
  type KeyPair,
  type SenderContext,
  type ReceiverContext,
  type SuiteParams,
  type SenderOptions,
  type ReceiverOptions,
  type SealOptions,
  type OpenOptions,
} from './hpke.js';
export {
  ohttp,
  OhttpError,
  type OhttpErrorCode,
  type KeyConfig,
  type GatewayKey,
  type SymmetricSuite,
  type RequestOptions,
  type ResponseOptions,
  type ClientContext,
  type GatewayContext,
} from './ohttp.js';
export {
  bhttp,
  BhttpError,
  type BhttpErrorCode,
  type BhttpRequest,
  type BhttpRequestInit,
  type BhttpResponse,
  type BhttpResponseInit,
  type DecodeOptions,
  type EncodeOptions,
  type Field,
  type InformationalResponse,
} from './bhttp.js';
export { createGateway, PROBLEM_TYPE_OHTTP_KEY, type GatewayOptions } from './http/gateway.js';
export { createForwarder } from './http/forwarder.js';
export { createRelay, type RelayOptions } from './http/relay.js';
export {
  createClient,
  ObliviousFetchError,
  type AuditEntry,
  type Client,
  type ClientErrorCode,
  type ClientOptions,
} from './http/ohttp-client.js';
export { createKeyDirectory, type KeyDirectory, type KeyDirectoryOptions } from './http/key-directory.js';
export {
  createLogger,
  type Hop,
  type LogEntry,
  type LogErrorCode,
  type LogEvent,
  type Logger,
  type LogSink,
} from './http/logger.js';
export type { Handler } from './http/exchange.js';
export {
  privacyPass,
  PrivacyPassError,
  type PrivacyPassErrorCode,
  type TokenChallenge,
  type AuthenticatorInput,
  type Token,
  type TokenRequest,
  type TokenResponse,
  type PendingToken,
  type PrivacyPassClient,
  type TokenRequestOptions,
  type IssueOptions,
  type PrivacyPassIssuer,
  type VerifyOptions,
  type PrivateTokenChallenge,
} from './privacypass.js';
export {
  credentials,
  CredentialError,
  type CredentialErrorCode,
  type Attributes,
  type CredentialAttributes,
  type Issuer,
  type IssuerOptions,
  type CredentialClientOptions,
  type Credential,
  type CredentialClient,
  type PendingIssuance,
  type Verified,
  type Verifier,
  type VerifierOptions,
  type SpentScope,
  type SpentStore,
  type MemorySpentStoreOptions,
  type IssuerHandlerOptions,
} from './credentials.js';
