// The js backend's Diffie–Hellman over @noble/curves, with noble's errors sorted into the same
// CryptoError codes the wasm core returns.
import { x25519 } from '@noble/curves/ed25519.js';
import { p256, p256_hasher, p384, p384_hasher, p521, p521_hasher } from '@noble/curves/nist.js';
import { CryptoError } from '../../crypto-error.js';
import type { CurveName, NistCurveName } from '../backend.js';

const NIST = { p256, p384, p521 };
type NistName = keyof typeof NIST;
const HASHERS = { p256: p256_hasher, p384: p384_hasher, p521: p521_hasher };

export function isValidSecretKey(curve: CurveName, secretKey: Uint8Array): boolean {
  return curve === 'x25519' || NIST[curve].utils.isValidSecretKey(secretKey);
}

export function getPublicKey(curve: CurveName, secretKey: Uint8Array): Uint8Array {
  if (curve === 'x25519') return x25519.getPublicKey(secretKey);
  requireScalar(curve, secretKey);
  return NIST[curve].getPublicKey(secretKey, false);
}

export function getSharedSecret(curve: CurveName, secretKey: Uint8Array, publicKey: Uint8Array): Uint8Array {
  if (curve === 'x25519') {
    try {
      return x25519.getSharedSecret(secretKey, publicKey);
    } catch {
      throw new CryptoError('IDENTITY'); // noble refuses exactly the all-zero result (RFC 7748 §6.1)
    }
  }
  requireScalar(curve, secretKey);
  const { Point } = NIST[curve];
  try {
    if (publicKey[0] !== 0x04) throw new Error('not an uncompressed point');
    Point.fromBytes(publicKey).assertValidity();
  } catch {
    throw new CryptoError('INVALID_POINT');
  }
  const shared = NIST[curve].getSharedSecret(secretKey, publicKey, false); // 0x04 ‖ X ‖ Y
  return shared.slice(1, 1 + (shared.length - 1) / 2);
}

function requireScalar(curve: NistName, secretKey: Uint8Array): void {
  if (!NIST[curve].utils.isValidSecretKey(secretKey)) throw new CryptoError('INVALID_SCALAR');
}

/** RFC 9380 hash_to_curve for the curve's RO suite, SEC1 uncompressed. */
export function hashToCurve(curve: NistCurveName, msg: Uint8Array, dst: Uint8Array): Uint8Array {
  return HASHERS[curve].hashToCurve(msg, { DST: dst }).toBytes(false);
}
