// libsodium.js (libsodium compiled to WebAssembly): ChaCha20-Poly1305 (IETF) and X25519. Its
// AES-GCM needs AES-NI, which WebAssembly cannot reach, so libsodium.js leaves AES-GCM out; it has
// no NIST curves. ristretto255 is only in the sumo build (`libsodium-wrappers-sumo`, the same
// version, its own module instance).
import sodium from 'libsodium-wrappers';
import sodiumSumo from 'libsodium-wrappers-sumo';
import type { AeadParams, AeadPeer } from './aead.js';
import type { DhParams, DhPeer } from './dh.js';
import type { RistrettoParams, RistrettoPeer } from './ristretto.js';

export type Sodium = typeof sodium;
export type SodiumSumo = typeof sodiumSumo;

/** The library, once its module is instantiated. */
export async function loadSodium(): Promise<Sodium> {
  await sodium.ready;
  return sodium;
}

/** The sumo build, once its module is instantiated. */
export async function loadSodiumSumo(): Promise<SodiumSumo> {
  await sodiumSumo.ready;
  return sodiumSumo;
}

/** `crypto_scalarmult_ristretto255(n, p)`: libsodium's ristretto255 scalar multiplication. */
export function sodiumRistretto(na: SodiumSumo, { scalar, element }: RistrettoParams): RistrettoPeer {
  return { name: 'libsodium.js', multiply: () => na.crypto_scalarmult_ristretto255(scalar, element) };
}

/** The peer for `params`, or undefined for an algorithm libsodium.js lacks. */
export function sodiumAead(na: Sodium, { alg, key, nonce, aad }: AeadParams): AeadPeer | undefined {
  if (alg !== 'chacha20-poly1305') return undefined;
  return {
    name: 'libsodium.js',
    encrypt: (plaintext) => na.crypto_aead_chacha20poly1305_ietf_encrypt(plaintext, aad, null, nonce, key),
    decrypt: (sealed) => na.crypto_aead_chacha20poly1305_ietf_decrypt(null, sealed, aad, nonce, key),
  };
}

/** The peer for `params`, or undefined for a curve libsodium.js lacks. */
export function sodiumDh(na: Sodium, { curve, secretKey, peerPublicKey }: DhParams): DhPeer | undefined {
  if (curve !== 'x25519') return undefined;
  return {
    name: 'libsodium.js',
    publicKey: () => na.crypto_scalarmult_base(secretKey),
    sharedSecret: () => na.crypto_scalarmult(secretKey, peerPublicKey),
  };
}
