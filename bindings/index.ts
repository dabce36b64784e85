// oblivia: the public API.
export { init, initSync, type InitInput, type SyncInitInput } from './loader.js';
export { backend, useBackend, type BackendName } from './backend/select.js';
export { CryptoError, type CryptoErrorCode } from './errors.js';
export { sha256, sha384, sha512, type Hash, type HashFunction } from './hash.js';
export { hmac, type HmacFunction } from './hmac.js';
export { hkdf, type HkdfFunction } from './hkdf.js';
export { chacha20poly1305, xchacha20poly1305, gcm, type Aead, type AeadFunction } from './aead.js';
export { x25519, p256, p384, p521, type DiffieHellman } from './curves.js';
