// Diffie–Hellman: x25519 (RFC 7748) and the NIST curves p256, p384, p521 (SEC1 uncompressed points,
// big-endian scalars; the shared secret is the x-coordinate), noble-style. The NIST curves also
// hash to the curve (RFC 9380) and sign (ECDSA, ecdsa.ts).
import { active } from './backend/select.js';
import type { CurveName, NistCurveName } from './backend/backend.js';
import { ecdsa, type Ecdsa } from './ecdsa.js';
import { dstArgument } from './primitive-arguments.js';
import { bytes } from './utils/arguments.js';

export type { Ecdsa, EcdsaSignOptions, EcdsaVerifyOptions, SignatureFormat } from './ecdsa.js';

/** Diffie–Hellman on one curve: key generation and the shared secret. */
export interface DiffieHellman {
  /** Bytes of a secret key. */
  readonly secretKeyLength: number;
  /** Bytes of a public key (NIST curves: SEC1 uncompressed). */
  readonly publicKeyLength: number;
  /** Bytes of the shared secret. */
  readonly sharedSecretLength: number;
  /** A uniformly random valid secret key (WebCrypto getRandomValues). */
  randomSecretKey(): Uint8Array;
  /** Whether `secretKey` is a valid secret key of the curve (for NIST curves: in [1, n − 1]). */
  isValidSecretKey(secretKey: Uint8Array): boolean;
  /** The public key of `secretKey` (X25519: 32 bytes; NIST curves: the SEC1 uncompressed point). */
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

/**
 * X25519 (RFC 7748 §5): 32-byte keys and shared secret.
 *
 * @throws `TypeError` for a non-Uint8Array; `RangeError` for a key not of 32 bytes;
 * `CryptoError` `IDENTITY` when the shared secret is all zeros (a small-order public key).
 * @example
 * ```ts
 * import { x25519 } from 'oblivia';
 *
 * const alice = x25519.randomSecretKey();
 * const bob = x25519.randomSecretKey();
 * const ab = x25519.getSharedSecret(alice, x25519.getPublicKey(bob));
 * const ba = x25519.getSharedSecret(bob, x25519.getPublicKey(alice)); // equal to ab
 * ```
 */
export const x25519: DiffieHellman = Object.freeze(diffieHellman('x25519', 32, 32, 0xff));
/**
 * P-256 (secp256r1): ECDH (the shared secret is the x-coordinate), ECDSA with SHA-256, and RFC 9380
 * hash_to_curve (P256_XMD:SHA-256_SSWU_RO_). Points are SEC1, secret keys 32 big-endian bytes.
 *
 * @throws `TypeError` for a non-Uint8Array; `RangeError` for a wrong length; `CryptoError`
 * `INVALID_SCALAR` for a secret key not in [1, n − 1], `INVALID_POINT` for a public key off the
 * curve.
 * @example
 * ```ts
 * import { p256 } from 'oblivia';
 *
 * const sk = p256.randomSecretKey();
 * const pk = p256.getPublicKey(sk); // 65 bytes, SEC1 uncompressed
 * p256.getSharedSecret(sk, p256.getPublicKey(p256.randomSecretKey())); // 32 bytes
 * const msg = new TextEncoder().encode('report');
 * p256.verify(p256.sign(msg, sk), msg, pk); // true
 * ```
 */
export const p256: NistCurve = nistCurve('p256', 32, 0xff);
/**
 * P-384 (secp384r1): ECDH, ECDSA with SHA-384 (SEV-SNP reports are signed with it), and RFC 9380
 * hash_to_curve (P384_XMD:SHA-384_SSWU_RO_). Secret keys are 48 big-endian bytes.
 *
 * @throws `TypeError` for a non-Uint8Array; `RangeError` for a wrong length; `CryptoError`
 * `INVALID_SCALAR` for a secret key not in [1, n − 1], `INVALID_POINT` for a public key off the
 * curve.
 * @example
 * ```ts
 * import { p384 } from 'oblivia';
 *
 * const sk = p384.randomSecretKey();
 * const msg = new TextEncoder().encode('attestation report');
 * const der = p384.sign(msg, sk, { format: 'der', lowS: true });
 * p384.verify(der, msg, p384.getPublicKey(sk), { format: 'der', lowS: true }); // true
 * ```
 */
export const p384: NistCurve = nistCurve('p384', 48, 0xff);
/**
 * P-521 (secp521r1): ECDH, ECDSA with SHA-512, and RFC 9380 hash_to_curve
 * (P521_XMD:SHA-512_SSWU_RO_). Secret keys are 66 big-endian bytes.
 *
 * @throws `TypeError` for a non-Uint8Array; `RangeError` for a wrong length; `CryptoError`
 * `INVALID_SCALAR` for a secret key not in [1, n − 1], `INVALID_POINT` for a public key off the
 * curve.
 * @example
 * ```ts
 * import { p521 } from 'oblivia';
 *
 * const dst = new TextEncoder().encode('my-app-v1');
 * p521.hashToCurve(new TextEncoder().encode('a'), dst); // 133 bytes, SEC1 uncompressed
 * ```
 */
export const p521: NistCurve = nistCurve('p521', 66, 0x01);
