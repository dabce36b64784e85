// oblivia's backends as implementations of the same public-API call.
import { chacha20poly1305, gcm } from '../../bindings/index.js';
import type { Impl } from '../types.js';
import type { AeadParams, AeadPeer } from './aead.js';

/** The wasm and js rows for `run`; the harness makes the matching backend active. */
export function oblivia(run: () => Uint8Array): Impl[] {
  return [
    { name: 'oblivia wasm', backend: 'wasm', run },
    { name: 'oblivia js', backend: 'js', run },
  ];
}

/**
 * The wasm (SIMD build), wasm scalar and js rows of an AEAD. One oblivia AEAD object encrypts
 * only once, so every call makes a fresh one, as users do (one object per message).
 */
export function obliviaAead({ alg, key, nonce, aad }: AeadParams): AeadPeer[] {
  const create = alg === 'chacha20-poly1305' ? chacha20poly1305 : gcm;
  const encrypt = (plaintext: Uint8Array) => create(key, nonce, aad).encrypt(plaintext);
  const decrypt = (sealed: Uint8Array) => create(key, nonce, aad).decrypt(sealed);
  return [
    { name: 'oblivia wasm', backend: 'wasm', build: 'simd', encrypt, decrypt },
    { name: 'oblivia wasm scalar', backend: 'wasm', build: 'scalar', encrypt, decrypt },
    { name: 'oblivia js', backend: 'js', encrypt, decrypt },
  ];
}
