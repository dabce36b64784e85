// ristretto255 (RFC 9496): a prime-order group of order ℓ = 2^252 + 27742317777372353535851937790883648493,
// elements as their canonical 32-byte encodings, scalars as 32 little-endian bytes below ℓ.
import { active } from './backend/select.js';
import type { ScalarOp } from './backend/backend.js';
import { dstArgument } from './primitive-arguments.js';
import { bytes } from './utils/arguments.js';

/** A point encoding or a scalar: 32 bytes. */
const b32 = (value: unknown, name: string) => bytes(value, name, 32);

const scalarOp = (op: ScalarOp) => (a: Uint8Array, b: Uint8Array) => active().scalar25519(op, b32(a, 'a'), b32(b, 'b'));

/**
 * ristretto255 (RFC 9496), the prime-order group of order ℓ = 2^252 +
 * 27742317777372353535851937790883648493: elements as canonical 32-byte encodings, scalars as 32
 * little-endian bytes below ℓ. What RFC 9497's OPRF (and so the credentials) run on.
 *
 * @namespace
 */
export const ristretto255 = Object.freeze({
  /** Bytes of an element's encoding: 32. */
  pointLength: 32,
  /** Bytes of a scalar: 32, little-endian. */
  scalarLength: 32,
  /** Bytes `ristretto255.fromUniformBytes` takes: 64. */
  uniformLength: 64,
  /**
   * §4.3.1: whether the 32 bytes are a canonical encoding of an element.
   *
   * @throws `TypeError` for a non-Uint8Array, `RangeError` unless 32 bytes.
   * @example
   * ```ts
   * import { ristretto255 } from 'oblivia';
   *
   * ristretto255.isValid(ristretto255.multiplyBase(ristretto255.scalar.reduce(new Uint8Array(64).fill(2)))); // true
   * ristretto255.isValid(new Uint8Array(32).fill(0xff)); // false
   * ```
   */
  isValid: (p: Uint8Array): boolean => active().ristretto255IsValid(b32(p, 'point')),
  /**
   * §4.3.4: the element derived from 64 uniformly random bytes.
   *
   * @throws `TypeError` for a non-Uint8Array, `RangeError` unless 64 bytes.
   * @example
   * ```ts
   * import { ristretto255 } from 'oblivia';
   *
   * ristretto255.fromUniformBytes(crypto.getRandomValues(new Uint8Array(64)));
   * ```
   */
  fromUniformBytes: (uniform: Uint8Array): Uint8Array => active().ristretto255FromUniform(bytes(uniform, 'bytes', 64)),
  /**
   * RFC 9380 Appendix B hash_to_ristretto255: FROM_UNIFORM_BYTES(expand_message_xmd(SHA-512, msg,
   * dst, 64)); `dst`, the domain separation tag, is not empty.
   *
   * @throws `TypeError` for a non-Uint8Array, `RangeError` for an empty `dst`.
   * @example
   * ```ts
   * import { ristretto255 } from 'oblivia';
   *
   * const dst = new TextEncoder().encode('my-app-v1');
   * ristretto255.hashToGroup(new TextEncoder().encode('a'), dst); // 32 bytes
   * ```
   */
  hashToGroup: (msg: Uint8Array, dst: Uint8Array): Uint8Array =>
    active().hashToRistretto255(bytes(msg, 'msg'), dstArgument(dst)),
  /**
   * a + b.
   *
   * @throws `RangeError` unless 32 bytes each; `CryptoError` `INVALID_POINT` for a non-canonical
   * encoding.
   * @example
   * ```ts
   * import { ristretto255 } from 'oblivia';
   *
   * const P = ristretto255.fromUniformBytes(new Uint8Array(64).fill(1));
   * ristretto255.add(P, P);
   * ```
   */
  add: (a: Uint8Array, b: Uint8Array): Uint8Array => active().ristretto255Add(b32(a, 'a'), b32(b, 'b'), false),
  /**
   * a − b.
   *
   * @throws `RangeError` unless 32 bytes each; `CryptoError` `INVALID_POINT` for a non-canonical
   * encoding.
   * @example
   * ```ts
   * import { ristretto255 } from 'oblivia';
   *
   * const P = ristretto255.fromUniformBytes(new Uint8Array(64).fill(1));
   * ristretto255.subtract(P, P); // the identity: 32 zero bytes
   * ```
   */
  subtract: (a: Uint8Array, b: Uint8Array): Uint8Array => active().ristretto255Add(b32(a, 'a'), b32(b, 'b'), true),
  /**
   * scalar · point.
   *
   * @throws `RangeError` unless 32 bytes each; `CryptoError` `INVALID_SCALAR` unless 0 < scalar <
   * ℓ, `INVALID_POINT` for a non-canonical point.
   * @example
   * ```ts
   * import { ristretto255 } from 'oblivia';
   *
   * const k = ristretto255.scalar.reduce(crypto.getRandomValues(new Uint8Array(64)));
   * const P = ristretto255.hashToGroup(new TextEncoder().encode('a'), new TextEncoder().encode('dst'));
   * ristretto255.multiply(k, P);
   * ```
   */
  multiply: (k: Uint8Array, p: Uint8Array): Uint8Array =>
    active().ristretto255Multiply(b32(k, 'scalar'), b32(p, 'point')),
  /**
   * scalar · B, B the generator.
   *
   * @throws `RangeError` unless 32 bytes; `CryptoError` `INVALID_SCALAR` unless 0 < scalar < ℓ.
   * @example
   * ```ts
   * import { ristretto255 } from 'oblivia';
   *
   * const k = ristretto255.scalar.reduce(crypto.getRandomValues(new Uint8Array(64)));
   * const publicKey = ristretto255.multiplyBase(k);
   * ```
   */
  multiplyBase: (k: Uint8Array): Uint8Array => active().ristretto255Multiply(b32(k, 'scalar'), undefined),
  /**
   * Scalars mod ℓ; CryptoError INVALID_SCALAR for an input not below ℓ (or zero, for invert).
   *
   * @namespace
   */
  scalar: Object.freeze({
    /**
     * 64 little-endian bytes mod ℓ (RFC 9496 §4.4): a uniformly random scalar from 64 random bytes.
     *
     * @throws `TypeError` for a non-Uint8Array, `RangeError` unless 64 bytes.
     * @example
     * ```ts
     * import { ristretto255 } from 'oblivia';
     *
     * ristretto255.scalar.reduce(crypto.getRandomValues(new Uint8Array(64))); // 32 bytes
     * ```
     */
    reduce: (wide: Uint8Array): Uint8Array => active().scalar25519Reduce(bytes(wide, 'bytes', 64)),
    /**
     * 1/a mod ℓ.
     *
     * @throws `RangeError` unless 32 bytes; `CryptoError` `INVALID_SCALAR` for zero or a scalar not
     * below ℓ.
     * @example
     * ```ts
     * import { ristretto255 } from 'oblivia';
     *
     * const a = ristretto255.scalar.reduce(new Uint8Array(64).fill(2));
     * ristretto255.scalar.mul(a, ristretto255.scalar.invert(a)); // 1
     * ```
     */
    invert: (a: Uint8Array): Uint8Array => active().scalar25519('invert', b32(a, 'scalar')),
    /**
     * −a mod ℓ.
     *
     * @throws `RangeError` unless 32 bytes; `CryptoError` `INVALID_SCALAR` for a scalar not below
     * ℓ.
     * @example
     * ```ts
     * import { ristretto255 } from 'oblivia';
     *
     * const a = ristretto255.scalar.reduce(new Uint8Array(64).fill(2));
     * ristretto255.scalar.add(a, ristretto255.scalar.neg(a)); // 0
     * ```
     */
    neg: (a: Uint8Array): Uint8Array => active().scalar25519('neg', b32(a, 'scalar')),
    /**
     * a · b mod ℓ.
     *
     * @throws `RangeError` unless 32 bytes each; `CryptoError` `INVALID_SCALAR` for a scalar not
     * below ℓ.
     * @example
     * ```ts
     * import { ristretto255 } from 'oblivia';
     *
     * const a = ristretto255.scalar.reduce(new Uint8Array(64).fill(2));
     * ristretto255.scalar.mul(a, a);
     * ```
     */
    mul: scalarOp('mul'),
    /**
     * a + b mod ℓ.
     *
     * @throws `RangeError` unless 32 bytes each; `CryptoError` `INVALID_SCALAR` for a scalar not
     * below ℓ.
     * @example
     * ```ts
     * import { ristretto255 } from 'oblivia';
     *
     * const a = ristretto255.scalar.reduce(new Uint8Array(64).fill(2));
     * ristretto255.scalar.add(a, a);
     * ```
     */
    add: scalarOp('add'),
    /**
     * a − b mod ℓ.
     *
     * @throws `RangeError` unless 32 bytes each; `CryptoError` `INVALID_SCALAR` for a scalar not
     * below ℓ.
     * @example
     * ```ts
     * import { ristretto255 } from 'oblivia';
     *
     * const a = ristretto255.scalar.reduce(new Uint8Array(64).fill(2));
     * ristretto255.scalar.sub(a, a); // 0
     * ```
     */
    sub: scalarOp('sub'),
  }),
});
