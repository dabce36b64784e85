// node:crypto (OpenSSL, the native ceiling). P-256 and P-384 through the ECDH class, which takes raw
// bytes. X25519 through key objects, raw keys imported as JWK: the own secret key once, the peer's
// public key per call (it arrives as bytes), then diffieHellman(); key generation imports the secret
// and exports the public key as SPKI DER. Never export X25519 keys as JWK here: that has deadlocked
// Node 20.20.2 under GC (with keys from generateKeyPairSync).
import { createECDH, createPrivateKey, createPublicKey, diffieHellman } from 'node:crypto';
import { base64url, type DhParams, type DhPeer } from './dh.js';

const CURVE_NAMES = { p256: 'prime256v1', p384: 'secp384r1' } as const;
/** The SPKI DER of an X25519 public key is this 12-byte header, then the 32-byte key. */
const X25519_SPKI_HEADER = 12;

/** Node requires `x` in a private JWK but reads only `d`: key generation need not know its result. */
function x25519SecretKey(secretKey: Uint8Array) {
  return createPrivateKey({ key: { kty: 'OKP', crv: 'X25519', d: base64url(secretKey), x: '' }, format: 'jwk' });
}

function x25519PublicKey(publicKey: Uint8Array) {
  return createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: base64url(publicKey) }, format: 'jwk' });
}

export function nodeDh({ curve, secretKey, peerPublicKey }: DhParams): DhPeer {
  if (curve === 'x25519') {
    const privateKey = x25519SecretKey(secretKey);
    return {
      name: 'node:crypto',
      publicKey: () => {
        const spki = createPublicKey(x25519SecretKey(secretKey)).export({ format: 'der', type: 'spki' });
        return spki.subarray(X25519_SPKI_HEADER);
      },
      sharedSecret: () => diffieHellman({ privateKey, publicKey: x25519PublicKey(peerPublicKey) }),
    };
  }
  const ecdh = createECDH(CURVE_NAMES[curve]);
  ecdh.setPrivateKey(secretKey);
  return {
    name: 'node:crypto',
    publicKey: () => {
      const fresh = createECDH(CURVE_NAMES[curve]);
      fresh.setPrivateKey(secretKey); // computes the public key
      return fresh.getPublicKey();
    },
    sharedSecret: () => ecdh.computeSecret(peerPublicKey),
  };
}
