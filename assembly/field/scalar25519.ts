// Arithmetic modulo ℓ = 2^252 + 27742317777372353535851937790883648493, the prime order of
// ristretto255 (RFC 9496 §4.1, the order of the edwards25519 base point, RFC 8032 §5.1).
//
// Scalars cross this file as 32 little-endian bytes, canonical (< ℓ) unless said otherwise; the
// arithmetic is montgomery.ts's engine over a descriptor for ℓ (8 × 32-bit limbs, which on a
// little-endian machine are the bytes themselves). Nothing branches on or indexes memory by a
// scalar's value; the inversion's exponent ℓ − 2 is public. Temporaries live in SCALAR_SCRATCH
// (and montgomery.ts's FIELD_SCRATCH); callers wipe them.
import { CURVE_SCRATCH } from '../mem';
import { FIELD_SCRATCH, FIELD_SCRATCH_SIZE, KERNEL_GENERIC } from './montgomery';
import * as M from './montgomery';

/** Bytes of one scalar. */
export const SCALAR_SIZE: usize = 32;

/** ℓ, −ℓ⁻¹ mod 2^32, R² mod ℓ and R mod ℓ (R = 2^256), as montgomery.ts's descriptor. */
const L: usize = memory.data<u32>([
  8, 0x12547e1b, 32, KERNEL_GENERIC,
  // ℓ
  0x5cf5d3ed, 0x5812631a, 0xa2f79cd6, 0x14def9de, 0x00000000, 0x00000000, 0x00000000, 0x10000000,
  // R² mod ℓ
  0x449c0f01, 0xa40611e3, 0x68859347, 0xd00e1ba7, 0x17f5be65, 0xceec73d2, 0x7c309a3d, 0x0399411b,
  // R mod ℓ
  0x8d98951d, 0xd6ec3174, 0x737dcf70, 0xc6ef5bf4, 0xfffffffe, 0xffffffff, 0xffffffff, 0x0fffffff,
]);
const R2: usize = L + M.F_P + SCALAR_SIZE;

export const SCALAR_SCRATCH: usize = FIELD_SCRATCH + FIELD_SCRATCH_SIZE;
/** Two scalar temporaries and invert's table of a^1 … a^15. */
export const SCALAR_SCRATCH_SIZE: usize = 17 * SCALAR_SIZE;
const SA: usize = SCALAR_SCRATCH;
const SB: usize = SA + SCALAR_SIZE;
const TABLE: usize = SB + SCALAR_SIZE;
// @ts-ignore: compile-time builtin
if (SCALAR_SCRATCH != CURVE_SCRATCH + FIELD_SCRATCH_SIZE) ERROR('SCALAR_SCRATCH must follow FIELD_SCRATCH');

/** Whether the 32 bytes at a are a canonical scalar (< ℓ), in constant time. */
export function isCanonical(a: usize): bool {
  return M.lessThanModulus(L, a);
}

/** 1 if the scalar a is zero, else 0. */
export function isZero(a: usize): u32 {
  return M.isZero(L, a) & 1;
}

/** r = the 64 little-endian bytes at x mod ℓ (RFC 9496 §4.4, RFC 8032 §5.1.7's reduction).
 *  With x = lo + hi·R: lo·R and hi·R² are the Montgomery forms of lo and hi·R, so their sum,
 *  taken out of Montgomery form, is x mod ℓ. */
export function reduce(r: usize, x: usize): void {
  M.toMont(L, SA, x); // lo·R
  M.toMont(L, SB, x + SCALAR_SIZE); // hi·R
  M.mul(L, SB, SB, R2); // hi·R²
  M.add(L, SA, SA, SB);
  M.fromMont(L, r, SA);
}

/** r = a·b mod ℓ: a·R times b, reduced once by R⁻¹. */
export function mul(r: usize, a: usize, b: usize): void {
  M.toMont(L, SA, a);
  M.mul(L, r, SA, b);
}

/** r = a + b mod ℓ. */
export function add(r: usize, a: usize, b: usize): void {
  M.add(L, r, a, b);
}

/** r = a − b mod ℓ. */
export function sub(r: usize, a: usize, b: usize): void {
  M.sub(L, r, a, b);
}

/** r = −a mod ℓ. */
export function neg(r: usize, a: usize): void {
  memory.fill(SB, 0, SCALAR_SIZE);
  M.sub(L, r, SB, a);
}

/** r = a^(ℓ − 2) = a⁻¹ mod ℓ (0 ↦ 0), by a fixed exponent chain over the public ℓ − 2. */
export function invert(r: usize, a: usize): void {
  M.toMont(L, SA, a);
  M.invert(L, SB, SA, TABLE);
  M.fromMont(L, r, SB);
}
