// oblivia: the whole API for browsers and servers alike. Each family is also an entry of its own
// (oblivia/hpke, oblivia/ohttp, …: package.json "exports"); Node's HTTP adapter is oblivia/node.
// oblivia/attestation and oblivia/attestation-simulator stay outside the root: they bring X.509
// (pkijs, asn1js), which nothing else needs and which would lengthen every root import.
export { init, initSync, type InitInput, type InitOptions, type InitResult, type SyncInitInput } from './loader.js';
export { backend, useBackend, warnOnFallback, type BackendName, type WasmSource } from './backend/select.js';
export { CryptoError, type CryptoErrorCode } from './crypto-error.js';
export * from './hash.js';
export * from './hmac.js';
export * from './hkdf.js';
export * from './aead.js';
export * from './curves.js';
export * from './hash-to-curve.js';
export * from './ristretto255.js';
export * from './ed25519.js';
export * from './hpke.js';
export * from './oprf.js';
export * from './bhttp.js';
export * from './ohttp.js';
export * from './privacypass.js';
export * from './credentials.js';
export * from './tlog.js';
