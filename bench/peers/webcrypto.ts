// WebCrypto (crypto.subtle, OpenSSL underneath in Node): AES-GCM only, and asynchronous; the
// key is imported once, each call awaits one encrypt or decrypt.
import type { AeadParams, AeadPeer } from './aead.js';

/** The peer for `params`, or undefined for an algorithm WebCrypto lacks (it has no ChaCha20). */
export async function webCryptoAead({ alg, key, nonce, aad }: AeadParams): Promise<AeadPeer | undefined> {
  if (alg !== 'aes-128-gcm') return undefined;
  const { subtle } = globalThis.crypto;
  const cryptoKey = await subtle.importKey('raw', key, 'AES-GCM', false, ['encrypt', 'decrypt']);
  const params: AesGcmParams = { name: 'AES-GCM', iv: nonce, additionalData: aad, tagLength: 128 };
  return {
    name: 'WebCrypto',
    encrypt: async (plaintext) => new Uint8Array(await subtle.encrypt(params, cryptoKey, plaintext as Uint8Array<ArrayBuffer>)),
    decrypt: async (sealed) => new Uint8Array(await subtle.decrypt(params, cryptoKey, sealed as Uint8Array<ArrayBuffer>)),
  };
}
