// @noble/curves directly (the library under oblivia js's Diffie–Hellman).
import { x25519 } from '@noble/curves/ed25519.js';
import { p256, p384 } from '@noble/curves/nist.js';
import type { DhCurve, DhParams, DhPeer } from './dh.js';

const NIST = { p256, p384 };

/** The public key of `secretKey` on `curve`, encoded as the cases take it (SEC1 uncompressed for the NIST curves). */
export function publicKeyOf(curve: DhCurve, secretKey: Uint8Array): Uint8Array<ArrayBuffer> {
  const key = curve === 'x25519' ? x25519.getPublicKey(secretKey) : NIST[curve].getPublicKey(secretKey, false);
  return new Uint8Array(key);
}

export function nobleDh({ curve, secretKey, peerPublicKey }: DhParams): DhPeer {
  if (curve === 'x25519') {
    return {
      name: '@noble/curves',
      publicKey: () => x25519.getPublicKey(secretKey),
      sharedSecret: () => x25519.getSharedSecret(secretKey, peerPublicKey),
    };
  }
  const dh = NIST[curve];
  return {
    name: '@noble/curves',
    publicKey: () => dh.getPublicKey(secretKey, false),
    // The compressed shared point, 0x02 or 0x03 ‖ x: the x-coordinate is the secret.
    sharedSecret: () => dh.getSharedSecret(secretKey, peerPublicKey, true).subarray(1),
  };
}
