// ECDSA for p256, p384 and p521 (FIPS 186-5 §6.4, RFC 6979 deterministic nonces), in @noble/curves
// v2's shape: sign(msg, secretKey, options) and verify(signature, msg, publicKey, options). The
// backends sign and verify r ‖ s (IEEE P1363); DER (SEC 1 §C.8 Ecdsa-Sig-Value) is converted here
// (./utils/der.ts), strictly: BER and non-minimal encodings are refused.
import { active } from './backend/select.js';
import type { NistCurveName } from './backend/backend.js';
import { bytes, describe, optionsArgument } from './utils/arguments.js';
import { compactFromDer, derFromCompact } from './utils/der.js';

/** An ECDSA signature's encoding: `'compact'` (r ‖ s, IEEE P1363) or `'der'` (SEC 1 §C.8). */
export type SignatureFormat = 'compact' | 'der';

/** Options of {@link Ecdsa.sign}. */
export interface EcdsaSignOptions {
  /** Hash the message with the curve's SHA-2 first (default true); false: `msg` is the digest. */
  prehash?: boolean;
  /** Return s ≤ (n − 1)/2, replacing s by n − s (default false: the FIPS 186-5 / RFC 6979 value). */
  lowS?: boolean;
  /** 'compact' (r ‖ s, IEEE P1363; the default) or 'der'. */
  format?: SignatureFormat;
  /** RFC 6979 §3.6 additional data k': true for fresh random bytes, or up to 256 bytes (default false). */
  extraEntropy?: boolean | Uint8Array;
}

/** Options of {@link Ecdsa.verify}. */
export interface EcdsaVerifyOptions {
  /** As for sign (default true). */
  prehash?: boolean;
  /** Refuse s > (n − 1)/2 (default false: any s in [1, n − 1], as FIPS 186-5 verifies). */
  lowS?: boolean;
  /** 'compact' (the default) or 'der'. */
  format?: SignatureFormat;
}

/**
 * ECDSA (FIPS 186-5 §6.4) with RFC 6979 deterministic nonces, in @noble/curves v2's shape: P-256
 * with SHA-256, P-384 with SHA-384, P-521 with SHA-512. Part of {@link NistCurve}.
 */
export interface Ecdsa {
  /** Bytes of a compact signature, r ‖ s. */
  readonly signatureLength: number;
  /** A signature of `msg`; CryptoError INVALID_SCALAR for a secret key not in [1, n − 1]. */
  sign(msg: Uint8Array, secretKey: Uint8Array, options?: EcdsaSignOptions): Uint8Array;
  /** Whether `signature` is valid for `msg` and the SEC1 public key (compressed or uncompressed);
   *  false for any invalid signature or a key that is not a point of the curve. */
  verify(signature: Uint8Array, msg: Uint8Array, publicKey: Uint8Array, options?: EcdsaVerifyOptions): boolean;
}

/** noble's own bound on a digest given with prehash false. */
const MAX_DIGEST = 8192;
const MAX_ENTROPY = 256;

export function ecdsa(curve: NistCurveName, size: number): Ecdsa {
  const signatureLength = 2 * size;
  return {
    signatureLength,
    sign(msg: Uint8Array, secretKey: Uint8Array, options?: EcdsaSignOptions): Uint8Array {
      const { prehash, lowS, format, extraEntropy } = optionsArgument(options);
      const sign = {
        prehash: flag(prehash, 'prehash', true),
        lowS: flag(lowS, 'lowS', false),
        extraEntropy: entropy(extraEntropy, size),
      };
      const wanted = formatArgument(format);
      const message = messageArgument(msg, sign.prehash);
      const signature = active().ecdsaSign(curve, message, bytes(secretKey, 'secretKey', size), sign);
      return wanted === 'der' ? derFromCompact(signature, size) : signature;
    },
    verify(signature: Uint8Array, msg: Uint8Array, publicKey: Uint8Array, options?: EcdsaVerifyOptions): boolean {
      const { prehash, lowS, format } = optionsArgument(options);
      const verify = { prehash: flag(prehash, 'prehash', true), lowS: flag(lowS, 'lowS', false) };
      const der = formatArgument(format) === 'der';
      const sig = der ? bytes(signature, 'signature') : bytes(signature, 'signature', signatureLength);
      const message = messageArgument(msg, verify.prehash);
      const key = publicKeyArgument(publicKey, size);
      const compact = der ? compactFromDer(sig, size) : sig;
      return compact !== undefined && active().ecdsaVerify(curve, compact, message, key, verify);
    },
  };
}

function flag(value: unknown, name: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new TypeError(`"${name}" expected boolean, got ${describe(value)}`);
  return value;
}

function formatArgument(value: unknown): SignatureFormat {
  if (value === undefined) return 'compact';
  if (typeof value !== 'string') throw new TypeError(`"format" expected 'compact' or 'der', got ${describe(value)}`);
  if (value !== 'compact' && value !== 'der')
    throw new RangeError(`"format" expected 'compact' or 'der', got '${value}'`);
  return value;
}

/** The message, or with prehash false its digest (noble's bound: at most 8192 bytes). */
function messageArgument(value: unknown, prehash: boolean): Uint8Array {
  const msg = bytes(value, 'msg');
  if (!prehash && msg.length > MAX_DIGEST) {
    throw new RangeError(
      `"msg" expected Uint8Array of length ≤ ${MAX_DIGEST} with prehash false, got length=${msg.length}`,
    );
  }
  return msg;
}

function entropy(value: unknown, size: number): Uint8Array | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return crypto.getRandomValues(new Uint8Array(size));
  if (!(value instanceof Uint8Array)) {
    throw new TypeError(`"extraEntropy" expected boolean or Uint8Array, got ${describe(value)}`);
  }
  if (value.length > MAX_ENTROPY) {
    throw new RangeError(`"extraEntropy" expected Uint8Array of length ≤ ${MAX_ENTROPY}, got length=${value.length}`);
  }
  return value;
}

/** SEC1 compressed (1 + size bytes) or uncompressed (1 + 2·size). */
function publicKeyArgument(value: unknown, size: number): Uint8Array {
  const key = bytes(value, 'publicKey');
  if (key.length !== 1 + size && key.length !== 1 + 2 * size) {
    throw new RangeError(
      `"publicKey" expected Uint8Array of length ${1 + size} or ${1 + 2 * size}, got length=${key.length}`,
    );
  }
  return key;
}
