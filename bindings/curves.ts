// Diffie–Hellman: x25519 (RFC 7748) and the NIST curves p256, p384, p521 (SEC1 uncompressed points,
// big-endian scalars; the shared secret is the x-coordinate), noble-style. The NIST curves also
// hash to the curve (RFC 9380) and sign (ECDSA, ecdsa.ts).
import { active } from './backend/select.js';
import type { CurveName, NistCurveName } from './backend/backend.js';
import { ecdsa, type Ecdsa } from './ecdsa.js';
import { dstArgument } from './primitive-arguments.js';
import { bytes } from './utils/arguments.js';

export type { Ecdsa, EcdsaSignOptions, EcdsaVerifyOptions, SignatureFormat } from './ecdsa.js';

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

/** A NIST curve: Diffie–Hellman, ECDSA, and hashing to the curve. */
export interface NistCurve extends DiffieHellman, Ecdsa {
  /**
   * RFC 9380 hash_to_curve with the curve's random-oracle suite (P256_XMD:SHA-256_SSWU_RO_,
   * P384_XMD:SHA-384_SSWU_RO_, P521_XMD:SHA-512_SSWU_RO_): the SEC1 uncompressed point. `dst`, the
   * domain separation tag, is not empty.
   */
  hashToCurve(msg: Uint8Array, dst: Uint8Array): Uint8Array;
}

function diffieHellman(curve: CurveName, size: number, publicKeyLength: number, topByteMask: number): DiffieHellman {
  const secret = (value: unknown) => bytes(value, 'secretKey', size);
  return {
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
  };
}

function nistCurve(curve: NistCurveName, size: number, topByteMask: number): NistCurve {
  return Object.freeze({
    ...diffieHellman(curve, size, 1 + 2 * size, topByteMask),
    ...ecdsa(curve, size),
    hashToCurve: (msg: Uint8Array, dst: Uint8Array) => active().hashToCurve(curve, bytes(msg, 'msg'), dstArgument(dst)),
  });
}

export const x25519: DiffieHellman = Object.freeze(diffieHellman('x25519', 32, 32, 0xff));
export const p256: NistCurve = nistCurve('p256', 32, 0xff);
export const p384: NistCurve = nistCurve('p384', 48, 0xff);
export const p521: NistCurve = nistCurve('p521', 66, 0x01);
