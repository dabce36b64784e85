// The pure-JS backend over @noble/hashes: used where WebAssembly is unavailable or refused,
// and as the reference the wasm backend is tested against.
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { hmac } from '@noble/hashes/hmac.js';
import { hkdf, expand } from '@noble/hashes/hkdf.js';
import { chacha20poly1305, xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { gcm } from '@noble/ciphers/aes.js';
import { expand_message_xmd } from '@noble/curves/abstract/hash-to-curve.js';
import { CryptoError } from '../../crypto-error.js';
import { getPublicKey, getSharedSecret, hashToCurve, isValidSecretKey } from './js-curves.js';
import { ecdsaSign, ecdsaVerify } from './js-ecdsa.js';
import {
  hashToRistretto255,
  ristretto255FromUniform,
  ristretto255Add,
  ristretto255IsValid,
  ristretto255Multiply,
  scalar25519,
  scalar25519Reduce,
} from './js-ristretto.js';
import { gcmShortNonceOpen, gcmShortNonceSeal } from './js-gcm.js';
import { jsOprf } from './js-oprf.js';
import { ed25519PublicKey, ed25519Sign, ed25519Verify } from './js-ed25519.js';
import type { AeadName, Backend, Hasher } from '../backend.js';

const HASHES = { sha256, sha384, sha512 };
const AEADS = { 'chacha20-poly1305': chacha20poly1305, 'xchacha20-poly1305': xchacha20poly1305, 'aes-gcm': gcm };

export const jsBackend: Backend = {
  name: 'js',
  hash: (alg, msg) => HASHES[alg](msg),
  createHash: (alg) => hasher(HASHES[alg].create()),
  hmac: (alg, key, msg) => hmac(HASHES[alg], key, msg),
  createHmac: (alg, key) => hasher(hmac.create(HASHES[alg], key)),
  hkdf: (alg, ikm, salt, info, length) => hkdf(HASHES[alg], ikm, salt, info, length),
  hkdfExpand: (alg, prk, info, length) => expand(HASHES[alg], prk, info, length),
  aeadSeal: (alg, key, nonce, aad, plaintext, out) =>
    into(
      out,
      isShortGcm(alg, nonce)
        ? gcmShortNonceSeal(key, nonce, aad, plaintext)
        : AEADS[alg](key, nonce, aad).encrypt(plaintext),
    ),
  aeadOpen: (alg, key, nonce, aad, sealed, out) =>
    into(out, isShortGcm(alg, nonce) ? gcmShortNonceOpen(key, nonce, aad, sealed) : open(alg, key, nonce, aad, sealed)),
  isValidSecretKey,
  getPublicKey,
  getSharedSecret,
  ecdsaSign,
  ecdsaVerify,
  ristretto255IsValid,
  ristretto255FromUniform,
  ristretto255Add,
  ristretto255Multiply,
  scalar25519Reduce,
  scalar25519,
  expandMessageXmd: (alg, msg, dst, length) => expand_message_xmd(msg, dst, length, HASHES[alg]),
  hashToCurve,
  hashToRistretto255,
  ed25519PublicKey,
  ed25519Sign,
  ed25519Verify,
  oprf: jsOprf,
};

/** Copies a result into the caller's buffer and wipes the copy. */
function into(out: Uint8Array, result: Uint8Array): Uint8Array {
  out.set(result);
  result.fill(0);
  return out;
}

/** noble's gcm() takes nonces of 8 bytes or more. */
function isShortGcm(alg: AeadName, nonce: Uint8Array): boolean {
  return alg === 'aes-gcm' && nonce.length < 8;
}

/** Arguments are validated before, so the only failure left is a tag mismatch. */
function open(alg: AeadName, key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, sealed: Uint8Array): Uint8Array {
  try {
    return AEADS[alg](key, nonce, aad).decrypt(sealed);
  } catch {
    throw new CryptoError('INVALID_TAG');
  }
}

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
