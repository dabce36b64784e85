// GHASH (SP 800-38D §6.4) by constant-time integer multiplication: no table is indexed by a secret.
//
// A field element is a polynomial over GF(2) of degree < 128; in GCM's bit-reflected convention
// (§6.3) the most significant bit of byte 0 is the coefficient of x^0. Internally an element is
// two u64 in natural order (bit i of the first word = coefficient of x^i, of the second = x^(64+i));
// from the little-endian load of the bytes that is a bit reversal within each byte (rev8).
//
// WebAssembly has no carry-less multiply, but i64.mul gives the low 64 bits of an integer product.
// Multiplication "with holes": split x into x & 0x1111…, x & 0x2222…, x & 0x4444…, x & 0x8888…;
// in the integer product of two such subsets the terms landing on a bit position all lie four bits
// apart, at most 15 of them below position 60, so their sum's carries stay in the three bits
// above it, which the mask drops (16 terms, at positions 60–63, carry out of the word). The XOR of
// the four products of each class of positions gives the low half of the carry-less product
// (bmul64); the high half is the low half of the product of the bit-reversed operands, reversed
// again and shifted by one. A 128×128 product is three 64×64 ones (Karatsuba), so six bmul64, or
// 96 multiplications. Blocks are processed up to eight at a time, multiplied by H^8 … H^1 and
// summed before one reduction. This relies on i64.mul taking the same time for all operands, as it
// does on the 64-bit CPUs (x86-64, AArch64) engines run on.

/** Powers of H kept: the most blocks folded per reduction. */
const POWERS: usize = 8;
/** One power of H: its six operands (lo, hi, lo ^ hi, and the three bit-reversed) × 4 subsets. */
const ENTRY: usize = 192;
/** Bytes of a GHASH key table. */
export const GHASH_TABLE_SIZE: usize = POWERS * ENTRY;
/** Bytes of scratch `ghashUpdate` needs: the operands of eight blocks, and a padded block. */
export const GHASH_SCRATCH_SIZE: usize = POWERS * 48 + 16;

const M0: u64 = 0x1111111111111111;
const M1: u64 = 0x2222222222222222;
const M2: u64 = 0x4444444444444444;
const M3: u64 = 0x8888888888888888;

/** Reverses the bits of each byte. */
// @ts-ignore: decorator
@inline function rev8(x: u64): u64 {
  x = ((x >> 1) & 0x5555555555555555) | ((x & 0x5555555555555555) << 1);
  x = ((x >> 2) & 0x3333333333333333) | ((x & 0x3333333333333333) << 2);
  return ((x >> 4) & 0x0f0f0f0f0f0f0f0f) | ((x & 0x0f0f0f0f0f0f0f0f) << 4);
}

/** Reverses the 64 bits. */
// @ts-ignore: decorator
@inline function rev64(x: u64): u64 {
  return bswap<u64>(rev8(x));
}

// @ts-ignore: decorator
@inline function storeSubsets(e: usize, x: u64): void {
  store<u64>(e, x & M0, 0);
  store<u64>(e, x & M1, 8);
  store<u64>(e, x & M2, 16);
  store<u64>(e, x & M3, 24);
}

/** Table entry for h = (h0, h1) in natural order. */
function storeEntry(e: usize, h0: u64, h1: u64): void {
  const r0 = rev64(h0), r1 = rev64(h1);
  storeSubsets(e, h0);
  storeSubsets(e + 32, h1);
  storeSubsets(e + 64, h0 ^ h1);
  storeSubsets(e + 96, r0);
  storeSubsets(e + 128, r1);
  storeSubsets(e + 160, r0 ^ r1);
}

/** A block's six operands, from the little-endian loads of its two halves (bytes 0–7, 8–15):
 *  natural order by rev8, bit-reversed order by a byte swap (rev64 ∘ rev8 = bswap). */
// @ts-ignore: decorator
@inline function prepare(o: usize, l0: u64, l1: u64): void {
  const n0 = rev8(l0), n1 = rev8(l1), r0 = bswap<u64>(l0), r1 = bswap<u64>(l1);
  store<u64>(o, n0, 0);
  store<u64>(o, n1, 8);
  store<u64>(o, n0 ^ n1, 16);
  store<u64>(o, r0, 24);
  store<u64>(o, r1, 32);
  store<u64>(o, r0 ^ r1, 40);
}

/** The same for the block x (bytes in order) with both halves at once (SIMD build). */
// @ts-ignore: decorator
@inline function prepareSimd(o: usize, x: v128): void {
  const m1 = i8x16.splat(0x55), m2 = i8x16.splat(0x33), m4 = i8x16.splat(0x0f);
  let n = v128.or(v128.and(i64x2.shr_u(x, 1), m1), i64x2.shl(v128.and(x, m1), 1));
  n = v128.or(v128.and(i64x2.shr_u(n, 2), m2), i64x2.shl(v128.and(n, m2), 2));
  n = v128.or(v128.and(i64x2.shr_u(n, 4), m4), i64x2.shl(v128.and(n, m4), 4));
  const r = i8x16.shuffle(x, x, 7, 6, 5, 4, 3, 2, 1, 0, 15, 14, 13, 12, 11, 10, 9, 8);
  v128.store(o, n, 0);
  v128.store64_lane(o, v128.xor(n, i64x2.shuffle(n, n, 1, 0)), 0, 16);
  v128.store(o, r, 24);
  v128.store64_lane(o, v128.xor(r, i64x2.shuffle(r, r, 1, 0)), 0, 40);
}

/** Σ_i bmul64(operand t of block i, operand t of H^(g−i)) over the g blocks at `ops`. */
// @ts-ignore: decorator
@inline function product(table: usize, ops: usize, g: usize, t: usize): u64 {
  let a0: u64 = 0, a1: u64 = 0, a2: u64 = 0, a3: u64 = 0;
  let o = ops + t * 8;
  let e = table + (g - 1) * ENTRY + t * 32;
  for (let i: usize = 0; i < g; i++, o += 48, e -= ENTRY) {
    const x = load<u64>(o);
    const x0 = x & M0, x1 = x & M1, x2 = x & M2, x3 = x & M3;
    const h0 = load<u64>(e, 0), h1 = load<u64>(e, 8), h2 = load<u64>(e, 16), h3 = load<u64>(e, 24);
    a0 ^= (x0 * h0) ^ (x1 * h3) ^ (x2 * h2) ^ (x3 * h1);
    a1 ^= (x0 * h1) ^ (x1 * h0) ^ (x2 * h3) ^ (x3 * h2);
    a2 ^= (x0 * h2) ^ (x1 * h1) ^ (x2 * h0) ^ (x3 * h3);
    a3 ^= (x0 * h3) ^ (x1 * h2) ^ (x2 * h1) ^ (x3 * h0);
  }
  return (a0 & M0) | (a1 & M1) | (a2 & M2) | (a3 & M3);
}

/** Y = Σ block_i · H^(g−i) for the g blocks prepared at `ops` (block 0 already holds Y ⊕ X_1),
 *  reduced modulo x^128 + x^7 + x^2 + x + 1 and stored as GCM bytes at `y`. */
function multiply(table: usize, ops: usize, g: usize, y: usize): void {
  const p0 = product(table, ops, g, 0), p1 = product(table, ops, g, 1), p2 = product(table, ops, g, 2);
  const q0 = rev64(product(table, ops, g, 3)) >> 1;
  const q1 = rev64(product(table, ops, g, 4)) >> 1;
  const q2 = rev64(product(table, ops, g, 5)) >> 1;
  // lo·lo = (p0, q0), hi·hi = (p1, q1), (lo + hi)·(lo + hi) = (p2, q2); 256-bit c0 … c3.
  reduce(y, p0, q0 ^ p2 ^ p0 ^ p1, p1 ^ q2 ^ q0 ^ q1, q1);
}

/** Stores c0 + c1·x^64 + c2·x^128 + c3·x^192 modulo x^128 + x^7 + x^2 + x + 1 at `y`, in GCM
 *  byte order. x^128 = x^7 + x^2 + x + 1: (c2, c3)·(x^7 + x^2 + x + 1) is folded into (c0, c1);
 *  the bits of it past x^127 (below x^6) are folded into c2 first, their product below x^13. */
function reduce(y: usize, c0: u64, c1: u64, c2: u64, c3: u64): void {
  const d = c2 ^ (c3 >> 63) ^ (c3 >> 62) ^ (c3 >> 57);
  const y0 = c0 ^ d ^ (d << 1) ^ (d << 2) ^ (d << 7);
  const y1 = c1 ^ c3 ^ ((c3 << 1) | (c2 >> 63)) ^ ((c3 << 2) | (c2 >> 62)) ^ ((c3 << 7) | (c2 >> 57));
  store<u64>(y, rev8(y0), 0);
  store<u64>(y, rev8(y1), 8);
}

/** Spreads the low 32 bits of x to the even bits: squaring over GF(2) is linear. */
// @ts-ignore: decorator
@inline function spread(x: u64): u64 {
  x = (x | (x << 16)) & 0x0000ffff0000ffff;
  x = (x | (x << 8)) & 0x00ff00ff00ff00ff;
  x = (x | (x << 4)) & 0x0f0f0f0f0f0f0f0f;
  x = (x | (x << 2)) & 0x3333333333333333;
  return (x | (x << 1)) & 0x5555555555555555;
}

/** Stores the square of the element of table entry `e` at `y`. */
function square(e: usize, y: usize): void {
  const a0 = load<u64>(e, 0) | load<u64>(e, 8) | load<u64>(e, 16) | load<u64>(e, 24);
  const a1 = load<u64>(e, 32) | load<u64>(e, 40) | load<u64>(e, 48) | load<u64>(e, 56);
  reduce(y, spread(a0 & 0xffffffff), spread(a0 >> 32), spread(a1 & 0xffffffff), spread(a1 >> 32));
}

/** Builds the key table for H (16 bytes at `h`): H^1 … H^8, the even powers by squaring.
 *  `tmp`: GHASH_SCRATCH_SIZE bytes. */
export function ghashKey(table: usize, h: usize, tmp: usize): void {
  const ops = tmp, y = tmp + POWERS * 48;
  storeEntry(table, rev8(load<u64>(h)), rev8(load<u64>(h, 8)));
  for (let k: usize = 2; k <= POWERS; k++) {
    if (k & 1) {
      prepare(ops, load<u64>(y), load<u64>(y, 8)); // y = H^(k−1), times H
      multiply(table, ops, 1, y);
    } else {
      square(table + (k / 2 - 1) * ENTRY, y);
    }
    storeEntry(table + (k - 1) * ENTRY, rev8(load<u64>(y)), rev8(load<u64>(y, 8)));
  }
}

/**
 * Absorbs `len` bytes at `p` into the GHASH value at `y` (16 bytes, GCM byte order; §6.4 steps
 * 2–4). If `len` is not a multiple of 16 the last block is padded with zeros (the padding of §7.1).
 * `tmp`: GHASH_SCRATCH_SIZE bytes.
 */
export function ghashUpdate(table: usize, y: usize, p: usize, len: usize, tmp: usize): void {
  const ops = tmp, pad = tmp + POWERS * 48;
  // Whole groups of eight blocks.
  for (; len >= POWERS * 16; len -= POWERS * 16, p += POWERS * 16) {
    prepareBlock(ops, p, y);
    for (let i: usize = 1; i < POWERS; i++) prepareBlock(ops + i * 48, p + i * 16, 0);
    multiply(table, ops, POWERS, y);
  }
  // The rest: up to seven blocks, the last one zero-padded.
  if (len > 0) {
    const g = (len + 15) >> 4;
    memory.fill(pad, 0, 16);
    memory.copy(pad, p + (g - 1) * 16, len - (g - 1) * 16);
    for (let i: usize = 0; i < g; i++) prepareBlock(ops + i * 48, i == g - 1 ? pad : p + i * 16, i == 0 ? y : 0);
    multiply(table, ops, g, y);
  }
}

/** Prepares the block at `src`, added to the GHASH value at `y` unless `y` is 0. */
// @ts-ignore: decorator
@inline function prepareBlock(o: usize, src: usize, y: usize): void {
  if (ASC_FEATURE_SIMD) {
    let x = v128.load(src);
    if (y) x = v128.xor(x, v128.load(y));
    prepareSimd(o, x);
  } else {
    let l0 = load<u64>(src), l1 = load<u64>(src, 8);
    if (y) {
      l0 ^= load<u64>(y);
      l1 ^= load<u64>(y, 8);
    }
    prepare(o, l0, l1);
  }
}
