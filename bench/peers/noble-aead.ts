// @noble/ciphers directly (the library under oblivia js); like oblivia's, its cipher objects
// refuse a second encryption, so each call makes a fresh one.
import { gcm } from '@noble/ciphers/aes.js';
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import type { AeadParams, AeadPeer } from './aead.js';

export function nobleAead({ alg, key, nonce, aad }: AeadParams): AeadPeer {
  const create = alg === 'chacha20-poly1305' ? chacha20poly1305 : gcm;
  return {
    name: '@noble/ciphers',
    encrypt: (plaintext) => create(key, nonce, aad).encrypt(plaintext),
    decrypt: (sealed) => create(key, nonce, aad).decrypt(sealed),
  };
}
