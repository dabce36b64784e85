// Diffie–Hellman: x25519 (RFC 7748) and the NIST curves p256, p384, p521 (SEC1 uncompressed points,
// big-endian scalars; the shared secret is the x-coordinate), noble-style.
import { active } from './backend/select.js';
import type { CurveName } from './backend/types.js';
import { bytes } from './validate.js';

export interface DiffieHellman {
  readonly secretKeyLength: number;
  readonly publicKeyLength: number;
  readonly sharedSecretLength: number;
  /** A uniformly random valid secret key (WebCrypto getRandomValues). */
  randomSecretKey(): Uint8Array;
  isValidSecretKey(secretKey: Uint8Array): boolean;
  getPublicKey(secretKey: Uint8Array): Uint8Array;
  /** CryptoError INVALID_POINT for a bad public key, INVALID_SCALAR or IDENTITY as the curve says. */
  getSharedSecret(secretKey: Uint8Array, publicKey: Uint8Array): Uint8Array;
}

function diffieHellman(curve: CurveName, size: number, publicKeyLength: number, topByteMask: number): DiffieHellman {
  const secret = (value: unknown) => bytes(value, 'secretKey', size);
  return Object.freeze({
    secretKeyLength: size,
    publicKeyLength,
    sharedSecretLength: size,
    randomSecretKey(): Uint8Array {
      const key = new Uint8Array(size);
      do {
        crypto.getRandomValues(key);
        key[0]! &= topByteMask; // P-521: 521 bits in 66 bytes, so rejection stays rare
      } while (!active().isValidSecretKey(curve, key));
      return key;
    },
    isValidSecretKey: (secretKey: Uint8Array) => active().isValidSecretKey(curve, secret(secretKey)),
    getPublicKey: (secretKey: Uint8Array) => active().getPublicKey(curve, secret(secretKey)),
    getSharedSecret: (secretKey: Uint8Array, publicKey: Uint8Array) =>
      active().getSharedSecret(curve, secret(secretKey), bytes(publicKey, 'publicKey', publicKeyLength)),
  });
}

export const x25519: DiffieHellman = diffieHellman('x25519', 32, 32, 0xff);
export const p256: DiffieHellman = diffieHellman('p256', 32, 65, 0xff);
export const p384: DiffieHellman = diffieHellman('p384', 48, 97, 0xff);
export const p521: DiffieHellman = diffieHellman('p521', 66, 133, 0x01);
