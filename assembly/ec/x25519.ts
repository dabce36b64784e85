// X25519 (RFC 7748 §5): the Montgomery ladder on u-coordinates of Curve25519. Every call runs the
// same 255 steps with the same memory accesses; the secret scalar bits only steer a masked swap.
// Key generation (u = 9) runs the fixed-base comb of x25519-base.ts instead. All temporaries live
// in CIPHER_SCRATCH, which the caller wipes.
import { CIPHER_SCRATCH, CIPHER_SCRATCH_SIZE } from '../mem';
import { x25519BaseComb } from './x25519-base';
import {
  FE_SIZE, FE_POW_SCRATCH, fromBytes, toBytes, add, sub, mul, square, mulSmall, invert, one, zero, copy,
} from '../field/fe25519';
import { cswap, mask } from '../ct';

// Scratch layout: the clamped scalar, the ladder's elements, the inversion's temporaries.
const K: usize = CIPHER_SCRATCH;
const X1: usize = K + 32;
const X2: usize = X1 + FE_SIZE;
const Z2: usize = X2 + FE_SIZE;
const X3: usize = Z2 + FE_SIZE;
const Z3: usize = X3 + FE_SIZE;
const A: usize = Z3 + FE_SIZE;
const B: usize = A + FE_SIZE;
const C: usize = B + FE_SIZE;
const D: usize = C + FE_SIZE;
const AA: usize = D + FE_SIZE;
const BB: usize = AA + FE_SIZE;
const E: usize = BB + FE_SIZE;
const T: usize = E + FE_SIZE;
const POW: usize = T + FE_SIZE;
/** Bytes of CIPHER_SCRATCH the ladder uses. */
export const X25519_SCRATCH_SIZE: usize = POW + FE_POW_SCRATCH - CIPHER_SCRATCH;
// @ts-ignore: compile-time check
if (X25519_SCRATCH_SIZE > <usize>CIPHER_SCRATCH_SIZE) ERROR('X25519 scratch exceeds CIPHER_SCRATCH');

/** (A − 2) / 4 for Curve25519's A = 486662: §5 writes z_2 = E · (AA + a24 · E) with a24 = 121665. */
const A24: u32 = 121665;

/** The ladder of §5 over the clamped scalar at K and u = X1. Leaves x_2 / z_2, encoded, in `out`. */
function ladder(out: usize): void {
  one(X2);
  zero(Z2);
  copy(X3, X1);
  one(Z3);
  let swap: u32 = 0;
  for (let t = 254; t >= 0; t--) {
    const kt = (<u32>load<u8>(K + (t >> 3)) >> (t & 7)) & 1; // t is public: so is the address
    swap ^= kt;
    cswap(X2, X3, FE_SIZE, mask(swap));
    cswap(Z2, Z3, FE_SIZE, mask(swap));
    swap = kt;
    add(A, X2, Z2);
    sub(B, X2, Z2);
    add(C, X3, Z3);
    sub(D, X3, Z3);
    mul(D, D, A); // DA
    mul(C, C, B); // CB
    square(AA, A);
    square(BB, B);
    add(X3, D, C);
    square(X3, X3); // (DA + CB)^2
    sub(Z3, D, C);
    square(Z3, Z3);
    mul(Z3, Z3, X1); // x_1 · (DA − CB)^2
    mul(X2, AA, BB);
    sub(E, AA, BB);
    mulSmall(T, E, A24);
    add(T, T, AA);
    mul(Z2, E, T); // E · (AA + a24 · E)
  }
  cswap(X2, X3, FE_SIZE, mask(swap));
  cswap(Z2, Z3, FE_SIZE, mask(swap));
  invert(Z2, Z2, POW);
  mul(X2, X2, Z2);
  toBytes(out, X2);
}

/** Copies the scalar to K, clamped (§5 decodeScalar25519): bits 0, 1, 2 and 255 cleared, 254 set. */
function clamp(scalar: usize): void {
  memory.copy(K, scalar, 32);
  store<u8>(K, load<u8>(K) & 248);
  store<u8>(K + 31, (load<u8>(K + 31) & 127) | 64);
}

/** out = X25519(scalar, u) (§5), 32 bytes each. The u-coordinate's top bit is ignored and a
 *  non-canonical u (in [p, 2^255)) is taken mod p, as §5 requires. Returns false exactly when the
 *  result is all zero (u of small order), which §6.1 says to check; `out` holds the result anyway. */
export function x25519(out: usize, scalar: usize, u: usize): bool {
  clamp(scalar);
  fromBytes(X1, u);
  ladder(out);
  const any = load<u64>(out, 0) | load<u64>(out, 8) | load<u64>(out, 16) | load<u64>(out, 24);
  return <bool>((any | (0 - any)) >> 63); // any ≠ 0, without a branch
}

/** out = X25519(scalar, 9), the public key of `scalar` (§6.1), by the fixed-base comb. */
export function x25519Base(out: usize, scalar: usize): void {
  clamp(scalar);
  x25519BaseComb(out, K);
}
