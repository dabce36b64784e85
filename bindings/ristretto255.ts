// ristretto255 (RFC 9496): a prime-order group of order ℓ = 2^252 + 27742317777372353535851937790883648493,
// elements as their canonical 32-byte encodings, scalars as 32 little-endian bytes below ℓ.
import { active } from './backend/select.js';
import type { ScalarOp } from './backend/backend.js';
import { dstArgument } from './primitive-arguments.js';
import { bytes } from './utils/arguments.js';

/** A point encoding or a scalar: 32 bytes. */
const b32 = (value: unknown, name: string) => bytes(value, name, 32);

const scalarOp = (op: ScalarOp) => (a: Uint8Array, b: Uint8Array) => active().scalar25519(op, b32(a, 'a'), b32(b, 'b'));

export const ristretto255 = Object.freeze({
  pointLength: 32,
  scalarLength: 32,
  uniformLength: 64,
  /** §4.3.1: whether the 32 bytes are a canonical encoding of an element. */
  isValid: (p: Uint8Array): boolean => active().ristretto255IsValid(b32(p, 'point')),
  /** §4.3.4: the element derived from 64 uniformly random bytes. */
  fromUniformBytes: (uniform: Uint8Array): Uint8Array => active().ristretto255FromUniform(bytes(uniform, 'bytes', 64)),
  /** RFC 9380 Appendix B hash_to_ristretto255: FROM_UNIFORM_BYTES(expand_message_xmd(SHA-512, msg,
   *  dst, 64)); `dst`, the domain separation tag, is not empty. */
  hashToGroup: (msg: Uint8Array, dst: Uint8Array): Uint8Array =>
    active().hashToRistretto255(bytes(msg, 'msg'), dstArgument(dst)),
  /** a + b; CryptoError INVALID_POINT. */
  add: (a: Uint8Array, b: Uint8Array): Uint8Array => active().ristretto255Add(b32(a, 'a'), b32(b, 'b'), false),
  /** a − b; CryptoError INVALID_POINT. */
  subtract: (a: Uint8Array, b: Uint8Array): Uint8Array => active().ristretto255Add(b32(a, 'a'), b32(b, 'b'), true),
  /** scalar · point; CryptoError INVALID_SCALAR unless 0 < scalar < ℓ, INVALID_POINT. */
  multiply: (k: Uint8Array, p: Uint8Array): Uint8Array =>
    active().ristretto255Multiply(b32(k, 'scalar'), b32(p, 'point')),
  /** scalar · B, B the generator; CryptoError INVALID_SCALAR unless 0 < scalar < ℓ. */
  multiplyBase: (k: Uint8Array): Uint8Array => active().ristretto255Multiply(b32(k, 'scalar'), undefined),
  /** Scalars mod ℓ; CryptoError INVALID_SCALAR for an input not below ℓ (or zero, for invert). */
  scalar: Object.freeze({
    /** 64 little-endian bytes mod ℓ (RFC 9496 §4.4). */
    reduce: (wide: Uint8Array): Uint8Array => active().scalar25519Reduce(bytes(wide, 'bytes', 64)),
    invert: (a: Uint8Array): Uint8Array => active().scalar25519('invert', b32(a, 'scalar')),
    neg: (a: Uint8Array): Uint8Array => active().scalar25519('neg', b32(a, 'scalar')),
    mul: scalarOp('mul'),
    add: scalarOp('add'),
    sub: scalarOp('sub'),
  }),
});
