// The pure-JS backend over @noble/hashes: used where WebAssembly is unavailable or refused,
// and as the reference the wasm backend is tested against.
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { hmac } from '@noble/hashes/hmac.js';
import { hkdf, expand } from '@noble/hashes/hkdf.js';
import type { Backend, HashName, Hasher } from './types.js';

const HASHES = { sha256, sha384, sha512 };

export const jsBackend: Backend = {
  name: 'js',
  hash: (alg, msg) => HASHES[alg](msg),
  createHash: (alg) => hasher(HASHES[alg].create()),
  hmac: (alg, key, msg) => hmac(HASHES[alg], key, msg),
  createHmac: (alg, key) => hasher(hmac.create(HASHES[alg], key)),
  hkdf: (alg, ikm, salt, info, length) => hkdf(HASHES[alg], ikm, salt, info, length),
  hkdfExpand: (alg, prk, info, length) => expand(HASHES[alg], prk, info, length),
};

interface NobleHash {
  update(data: Uint8Array): unknown;
  digest(): Uint8Array;
  destroy(): void;
}

function hasher(h: NobleHash): Hasher {
  return {
    update: (data) => void h.update(data),
    digest: () => h.digest(),
    destroy: () => h.destroy(),
  };
}
