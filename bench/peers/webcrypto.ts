// WebCrypto (crypto.subtle, OpenSSL underneath in Node), asynchronous. AES-GCM (no ChaCha20): the key
// imported once, each call awaits one encrypt or decrypt. ECDH on P-256 and P-384, and X25519: the
// own secret key imported once (as JWK), each call awaits the import of the peer's public key (it
// arrives as bytes) and deriveBits. WebCrypto cannot compute a public key from a secret one.
import type { AeadParams, AeadPeer } from './aead.js';
import { base64url, type DhParams, type DhPeer } from './dh.js';
import { publicKeyOf } from './noble-dh.js';

/** The peer for `params`, or undefined for an algorithm WebCrypto lacks (it has no ChaCha20). */
export async function webCryptoAead({ alg, key, nonce, aad }: AeadParams): Promise<AeadPeer | undefined> {
  if (alg !== 'aes-128-gcm') return undefined;
  const { subtle } = globalThis.crypto;
  const cryptoKey = await subtle.importKey('raw', key, 'AES-GCM', false, ['encrypt', 'decrypt']);
  const params: AesGcmParams = { name: 'AES-GCM', iv: nonce, additionalData: aad, tagLength: 128 };
  return {
    name: 'WebCrypto',
    encrypt: async (plaintext) =>
      new Uint8Array(await subtle.encrypt(params, cryptoKey, plaintext as Uint8Array<ArrayBuffer>)),
    decrypt: async (sealed) =>
      new Uint8Array(await subtle.decrypt(params, cryptoKey, sealed as Uint8Array<ArrayBuffer>)),
  };
}

const NIST = { p256: { namedCurve: 'P-256', bits: 256 }, p384: { namedCurve: 'P-384', bits: 384 } } as const;

/** The algorithm, the private JWK (which needs the public key too) and the shared secret's bits. */
function keyParams({ curve, secretKey }: DhParams): {
  algorithm: Algorithm | EcKeyImportParams;
  jwk: JsonWebKey;
  bits: number;
} {
  const publicKey = publicKeyOf(curve, secretKey);
  if (curve === 'x25519') {
    return {
      algorithm: { name: 'X25519' },
      jwk: { kty: 'OKP', crv: 'X25519', d: base64url(secretKey), x: base64url(publicKey) },
      bits: 256,
    };
  }
  const { namedCurve, bits } = NIST[curve];
  const half = (publicKey.length - 1) / 2; // 0x04 ‖ x ‖ y
  const jwk: JsonWebKey = {
    kty: 'EC',
    crv: namedCurve,
    d: base64url(secretKey),
    x: base64url(publicKey.subarray(1, 1 + half)),
    y: base64url(publicKey.subarray(1 + half)),
  };
  return { algorithm: { name: 'ECDH', namedCurve }, jwk, bits };
}

export async function webCryptoDh(params: DhParams): Promise<DhPeer> {
  const { subtle } = globalThis.crypto;
  const { algorithm, jwk, bits } = keyParams(params);
  const privateKey = await subtle.importKey('jwk', jwk, algorithm, false, ['deriveBits']);
  return {
    name: 'WebCrypto',
    sharedSecret: async () => {
      const publicKey = await subtle.importKey('raw', params.peerPublicKey, algorithm, false, []);
      return new Uint8Array(await subtle.deriveBits({ name: algorithm.name, public: publicKey }, privateKey, bits));
    },
  };
}
