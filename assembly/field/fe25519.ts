// Arithmetic modulo p = 2^255 − 19 (RFC 7748 §4.1), for X25519 and ristretto255.
//
// An element is ten unsigned 32-bit limbs in memory, 40 bytes (FE_SIZE), radix 2^25.5: limb i has
// weight 2^⌈25.5·i⌉ (0, 26, 51, 77, 102, 128, 153, 179, 204, 230), so even limbs hold 26 bits and
// odd limbs 25. Functions take pointers to elements; an output may alias any input. Limbs never go
// negative: sub and neg add 2p, so every product is an i64.mul of zero-extended u32 values (which
// costs the engine no sign-extension instructions).
//
// Bounds. "Tight" (what fromBytes, mul, square, mulSmall and carry produce): f_i < 2^26 for even i
// and < 2^25 for odd i, except that f1 and f5 may exceed 2^25 by up to 2^16 (the last carries of
// the chain). add does not carry: two tight elements sum to limbs below 2^27 / 2^26 + 2^17. sub
// computes f + 2p − g without carrying; it needs g at most 2p limb by limb (2^27 − 38, 2^26 − 2,
// 2^27 − 2, …), which any tight g is, and gives limbs below f_i + 2^27 / f_i + 2^26.
// mul and square accept limbs below three times the tight range (3·2^26 even, 3·(2^25 + 2^16)
// odd): a tight element, the sum of two or three, or sub(tight, tight). Then every multiplier,
// including the precomputed 2·f_i, 19·g_j and 38·f_j, is below 2^32, each product is one
// 32×32→64-bit multiplication, and the largest limb of the product, limb 0 (f0·g0, four even×even
// terms ×19 and five odd×odd terms ×38), accumulates at most (1 + 76 + 190/4)·(3·2^26)^2 < 2^62.2:
// no sum comes near 2^64.
// mulSmall accepts the same inputs and a constant c < 2^24. toBytes, isZero, isNegative and equal
// accept limbs below 2^28.
//
// Nothing here branches on or indexes memory by an element's value.

/** Bytes of one element. */
export const FE_SIZE: usize = 40;
/** Bytes of scratch `invert` and `pow22523` need (four elements). */
export const FE_POW_SCRATCH: usize = 4 * FE_SIZE;

const M25: u64 = 0x1ffffff;
const M26: u64 = 0x3ffffff;

const ZERO: usize = memory.data(40, 8);

// @ts-ignore: decorator
@inline function limb(f: usize, i: usize): u64 {
  return <u64>load<u32>(f + (i << 2));
}

/** Carries ten accumulated limbs (h_k < 2^62.2) back to tight form and stores them at `h`. Two
 *  interleaved chains, 0→1→2→3→4→5 and 4→5→6→7→8→9→0→1, shorten the dependency path; the carry
 *  out of limb 9 weighs 2^255 ≡ 19. The carries into limbs 1 and 5 come last and are small: at
 *  most (19·2^37.2) >> 26 < 2^16 and 2^37.2 >> 26 < 2^12. */
// @ts-ignore: decorator
@inline function carryStore(
  h: usize, h0: u64, h1: u64, h2: u64, h3: u64, h4: u64, h5: u64, h6: u64, h7: u64, h8: u64, h9: u64,
): void {
  let c: u64;
  c = h0 >> 26; h1 += c; h0 &= M26;
  c = h4 >> 26; h5 += c; h4 &= M26;
  c = h1 >> 25; h2 += c; h1 &= M25;
  c = h5 >> 25; h6 += c; h5 &= M25;
  c = h2 >> 26; h3 += c; h2 &= M26;
  c = h6 >> 26; h7 += c; h6 &= M26;
  c = h3 >> 25; h4 += c; h3 &= M25;
  c = h7 >> 25; h8 += c; h7 &= M25;
  c = h4 >> 26; h5 += c; h4 &= M26;
  c = h8 >> 26; h9 += c; h8 &= M26;
  c = h9 >> 25; h0 += c * 19; h9 &= M25;
  c = h0 >> 26; h1 += c; h0 &= M26;
  store<u32>(h, <u32>h0, 0);
  store<u32>(h, <u32>h1, 4);
  store<u32>(h, <u32>h2, 8);
  store<u32>(h, <u32>h3, 12);
  store<u32>(h, <u32>h4, 16);
  store<u32>(h, <u32>h5, 20);
  store<u32>(h, <u32>h6, 24);
  store<u32>(h, <u32>h7, 28);
  store<u32>(h, <u32>h8, 32);
  store<u32>(h, <u32>h9, 36);
}

/** h = f · g. Limb k of the product collects f_i·g_j with i + j ≡ k (mod 10); a pair of odd limbs
 *  overshoots the weight by one bit (×2), and i + j ≥ 10 wraps past 2^255 (×19). */
export function mul(h: usize, f: usize, g: usize): void {
  const f0 = limb(f, 0), f1 = limb(f, 1), f2 = limb(f, 2), f3 = limb(f, 3), f4 = limb(f, 4);
  const f5 = limb(f, 5), f6 = limb(f, 6), f7 = limb(f, 7), f8 = limb(f, 8), f9 = limb(f, 9);
  const g0 = limb(g, 0), g1 = limb(g, 1), g2 = limb(g, 2), g3 = limb(g, 3), g4 = limb(g, 4);
  const g5 = limb(g, 5), g6 = limb(g, 6), g7 = limb(g, 7), g8 = limb(g, 8), g9 = limb(g, 9);
  const f1_2 = f1 * 2, f3_2 = f3 * 2, f5_2 = f5 * 2, f7_2 = f7 * 2, f9_2 = f9 * 2;
  const g1_19 = g1 * 19, g2_19 = g2 * 19, g3_19 = g3 * 19, g4_19 = g4 * 19, g5_19 = g5 * 19;
  const g6_19 = g6 * 19, g7_19 = g7 * 19, g8_19 = g8 * 19, g9_19 = g9 * 19;
  const h0 = f0 * g0 + f1_2 * g9_19 + f2 * g8_19 + f3_2 * g7_19 + f4 * g6_19
    + f5_2 * g5_19 + f6 * g4_19 + f7_2 * g3_19 + f8 * g2_19 + f9_2 * g1_19;
  const h1 = f0 * g1 + f1 * g0 + f2 * g9_19 + f3 * g8_19 + f4 * g7_19
    + f5 * g6_19 + f6 * g5_19 + f7 * g4_19 + f8 * g3_19 + f9 * g2_19;
  const h2 = f0 * g2 + f1_2 * g1 + f2 * g0 + f3_2 * g9_19 + f4 * g8_19
    + f5_2 * g7_19 + f6 * g6_19 + f7_2 * g5_19 + f8 * g4_19 + f9_2 * g3_19;
  const h3 = f0 * g3 + f1 * g2 + f2 * g1 + f3 * g0 + f4 * g9_19
    + f5 * g8_19 + f6 * g7_19 + f7 * g6_19 + f8 * g5_19 + f9 * g4_19;
  const h4 = f0 * g4 + f1_2 * g3 + f2 * g2 + f3_2 * g1 + f4 * g0
    + f5_2 * g9_19 + f6 * g8_19 + f7_2 * g7_19 + f8 * g6_19 + f9_2 * g5_19;
  const h5 = f0 * g5 + f1 * g4 + f2 * g3 + f3 * g2 + f4 * g1
    + f5 * g0 + f6 * g9_19 + f7 * g8_19 + f8 * g7_19 + f9 * g6_19;
  const h6 = f0 * g6 + f1_2 * g5 + f2 * g4 + f3_2 * g3 + f4 * g2
    + f5_2 * g1 + f6 * g0 + f7_2 * g9_19 + f8 * g8_19 + f9_2 * g7_19;
  const h7 = f0 * g7 + f1 * g6 + f2 * g5 + f3 * g4 + f4 * g3
    + f5 * g2 + f6 * g1 + f7 * g0 + f8 * g9_19 + f9 * g8_19;
  const h8 = f0 * g8 + f1_2 * g7 + f2 * g6 + f3_2 * g5 + f4 * g4
    + f5_2 * g3 + f6 * g2 + f7_2 * g1 + f8 * g0 + f9_2 * g9_19;
  const h9 = f0 * g9 + f1 * g8 + f2 * g7 + f3 * g6 + f4 * g5
    + f5 * g4 + f6 * g3 + f7 * g2 + f8 * g1 + f9 * g0;
  carryStore(h, h0, h1, h2, h3, h4, h5, h6, h7, h8, h9);
}

/** h = f^2: the 100 products of mul fold to 55, each cross term once with its factor 2. */
export function square(h: usize, f: usize): void {
  const f0 = limb(f, 0), f1 = limb(f, 1), f2 = limb(f, 2), f3 = limb(f, 3), f4 = limb(f, 4);
  const f5 = limb(f, 5), f6 = limb(f, 6), f7 = limb(f, 7), f8 = limb(f, 8), f9 = limb(f, 9);
  const f0_2 = f0 * 2, f1_2 = f1 * 2, f2_2 = f2 * 2, f3_2 = f3 * 2, f4_2 = f4 * 2;
  const f5_2 = f5 * 2, f6_2 = f6 * 2, f7_2 = f7 * 2;
  const f6_19 = f6 * 19, f8_19 = f8 * 19;
  const f3_38 = f3 * 38, f5_38 = f5 * 38, f7_38 = f7 * 38, f9_38 = f9 * 38;
  const h0 = f0 * f0 + f1_2 * f9_38 + f2_2 * f8_19 + f3_2 * f7_38 + f4_2 * f6_19 + f5 * f5_38;
  const h1 = f0_2 * f1 + f2 * f9_38 + f3_38 * f8 + f4 * f7_38 + f5_38 * f6;
  const h2 = f0_2 * f2 + f1_2 * f1 + f3_2 * f9_38 + f4_2 * f8_19 + f5_2 * f7_38 + f6 * f6_19;
  const h3 = f0_2 * f3 + f1_2 * f2 + f4 * f9_38 + f5_38 * f8 + f6 * f7_38;
  const h4 = f0_2 * f4 + f1_2 * f3_2 + f2 * f2 + f5_2 * f9_38 + f6_2 * f8_19 + f7 * f7_38;
  const h5 = f0_2 * f5 + f1_2 * f4 + f2_2 * f3 + f6 * f9_38 + f7_38 * f8;
  const h6 = f0_2 * f6 + f1_2 * f5_2 + f2_2 * f4 + f3_2 * f3 + f7_2 * f9_38 + f8 * f8_19;
  const h7 = f0_2 * f7 + f1_2 * f6 + f2_2 * f5 + f3_2 * f4 + f8 * f9_38;
  const h8 = f0_2 * f8 + f1_2 * f7_2 + f2_2 * f6 + f3_2 * f5_2 + f4 * f4 + f9 * f9_38;
  const h9 = f0_2 * f9 + f1_2 * f8 + f2_2 * f7 + f3_2 * f6 + f4_2 * f5;
  carryStore(h, h0, h1, h2, h3, h4, h5, h6, h7, h8, h9);
}

/** h = f^(2^n), n ≥ 1. */
export function squareN(h: usize, f: usize, n: i32): void {
  square(h, f);
  for (let i = 1; i < n; i++) square(h, h);
}

/** h = c · f for a constant 0 ≤ c < 2^24, such as a24 = 121665 of the ladder (RFC 7748 §5). */
// @ts-ignore: decorator
@inline export function mulSmall(h: usize, f: usize, c: u32): void {
  const k = <u64>c;
  carryStore(
    h, limb(f, 0) * k, limb(f, 1) * k, limb(f, 2) * k, limb(f, 3) * k, limb(f, 4) * k,
    limb(f, 5) * k, limb(f, 6) * k, limb(f, 7) * k, limb(f, 8) * k, limb(f, 9) * k,
  );
}

/** h = f with its limbs carried to tight form (after a chain of additions). */
export function carry(h: usize, f: usize): void {
  carryStore(
    h, limb(f, 0), limb(f, 1), limb(f, 2), limb(f, 3), limb(f, 4),
    limb(f, 5), limb(f, 6), limb(f, 7), limb(f, 8), limb(f, 9),
  );
}

/** h = f + g, limb by limb, without carrying. */
// @ts-ignore: decorator
@inline export function add(h: usize, f: usize, g: usize): void {
  // Straight-line: each limb is loaded, combined and stored once, with no loop overhead.
  store<u32>(h, load<u32>(f, 0) + load<u32>(g, 0), 0);
  store<u32>(h, load<u32>(f, 4) + load<u32>(g, 4), 4);
  store<u32>(h, load<u32>(f, 8) + load<u32>(g, 8), 8);
  store<u32>(h, load<u32>(f, 12) + load<u32>(g, 12), 12);
  store<u32>(h, load<u32>(f, 16) + load<u32>(g, 16), 16);
  store<u32>(h, load<u32>(f, 20) + load<u32>(g, 20), 20);
  store<u32>(h, load<u32>(f, 24) + load<u32>(g, 24), 24);
  store<u32>(h, load<u32>(f, 28) + load<u32>(g, 28), 28);
  store<u32>(h, load<u32>(f, 32) + load<u32>(g, 32), 32);
  store<u32>(h, load<u32>(f, 36) + load<u32>(g, 36), 36);
}

/** 2p limb by limb: the bias that keeps sub and neg nonnegative. */
const P2_0: u32 = 0x7ffffda; // 2·(2^26 − 19)
const P2_EVEN: u32 = 0x7fffffe; // 2·(2^26 − 1)
const P2_ODD: u32 = 0x3fffffe; // 2·(2^25 − 1)

// @ts-ignore: decorator
@inline function p2(i: usize): u32 {
  return i == 0 ? P2_0 : i & 1 ? P2_ODD : P2_EVEN;
}

/** h = f − g as f + 2p − g, limb by limb, without carrying; g must be at most 2p limb by limb. */
// @ts-ignore: decorator
@inline export function sub(h: usize, f: usize, g: usize): void {
  store<u32>(h, load<u32>(f, 0) + (p2(0) - load<u32>(g, 0)), 0);
  store<u32>(h, load<u32>(f, 4) + (p2(1) - load<u32>(g, 4)), 4);
  store<u32>(h, load<u32>(f, 8) + (p2(2) - load<u32>(g, 8)), 8);
  store<u32>(h, load<u32>(f, 12) + (p2(3) - load<u32>(g, 12)), 12);
  store<u32>(h, load<u32>(f, 16) + (p2(4) - load<u32>(g, 16)), 16);
  store<u32>(h, load<u32>(f, 20) + (p2(5) - load<u32>(g, 20)), 20);
  store<u32>(h, load<u32>(f, 24) + (p2(6) - load<u32>(g, 24)), 24);
  store<u32>(h, load<u32>(f, 28) + (p2(7) - load<u32>(g, 28)), 28);
  store<u32>(h, load<u32>(f, 32) + (p2(8) - load<u32>(g, 32)), 32);
  store<u32>(h, load<u32>(f, 36) + (p2(9) - load<u32>(g, 36)), 36);
}

/** h = −f as 2p − f (f at most 2p limb by limb, as for sub). */
export function neg(h: usize, f: usize): void {
  for (let i: usize = 0; i < 10; i++) store<u32>(h + (i << 2), p2(i) - load<u32>(f + (i << 2)));
}

export function copy(h: usize, f: usize): void {
  memory.copy(h, f, FE_SIZE);
}

export function zero(h: usize): void {
  memory.fill(h, 0, FE_SIZE);
}

export function one(h: usize): void {
  memory.fill(h, 0, FE_SIZE);
  store<u32>(h, 1);
}

/** h = −f (as neg) where `m` is all ones, h = f where it is zero (ct.ts's convention). */
export function cneg(h: usize, f: usize, m: u32): void {
  for (let i: usize = 0; i < 10; i++) {
    const x = load<u32>(f + (i << 2));
    store<u32>(h + (i << 2), x ^ ((x ^ (p2(i) - x)) & m));
  }
}

/** Decodes 32 little-endian bytes, ignoring the top bit (RFC 7748 §5). A value in [p, 2^255) is
 *  accepted as it is (non-canonical), and reduces in the arithmetic. Each limb is one unaligned
 *  u32 load shifted into place; no load reaches past byte 31. */
export function fromBytes(h: usize, s: usize): void {
  store<u32>(h, (load<u32>(s, 0) & 0x3ffffff), 0); // bits 0–25
  store<u32>(h, ((load<u32>(s, 3) >> 2) & 0x1ffffff), 4); // 26–50
  store<u32>(h, ((load<u32>(s, 6) >> 3) & 0x3ffffff), 8); // 51–76
  store<u32>(h, ((load<u32>(s, 9) >> 5) & 0x1ffffff), 12); // 77–101
  store<u32>(h, ((load<u32>(s, 12) >> 6) & 0x3ffffff), 16); // 102–127
  store<u32>(h, (load<u32>(s, 16) & 0x1ffffff), 20); // 128–152
  store<u32>(h, ((load<u32>(s, 19) >> 1) & 0x3ffffff), 24); // 153–178
  store<u32>(h, ((load<u32>(s, 22) >> 3) & 0x1ffffff), 28); // 179–203
  store<u32>(h, ((load<u32>(s, 25) >> 4) & 0x3ffffff), 32); // 204–229
  store<u32>(h, ((load<u32>(s, 28) >> 6) & 0x1ffffff), 36); // 230–254; bit 255 dropped
}

/** The canonical value of f − g, in [0, p): written as 32 little-endian bytes to `s` unless s is
 *  0, and summarised as (1 if zero) << 1 | (its lowest bit). One routine serves toBytes, isZero,
 *  isNegative and equal; g = ZERO for the first three. */
function canonical(s: usize, f: usize, g: usize): u32 {
  let h0 = load<i32>(f, 0) - load<i32>(g, 0), h1 = load<i32>(f, 4) - load<i32>(g, 4);
  let h2 = load<i32>(f, 8) - load<i32>(g, 8), h3 = load<i32>(f, 12) - load<i32>(g, 12);
  let h4 = load<i32>(f, 16) - load<i32>(g, 16), h5 = load<i32>(f, 20) - load<i32>(g, 20);
  let h6 = load<i32>(f, 24) - load<i32>(g, 24), h7 = load<i32>(f, 28) - load<i32>(g, 28);
  let h8 = load<i32>(f, 32) - load<i32>(g, 32), h9 = load<i32>(f, 36) - load<i32>(g, 36);
  // Two floor-carry passes, each folding the carry out of limb 9 back as 19. With |h_i| < 2^29
  // the first leaves a value in (−2^9, 2^255 + 2^9); the second brings it into [0, 2^255) with
  // every limb in range (if it was negative, limb 0 is then ≥ 2^26 − 2^9 and absorbs the −19).
  for (let pass = 0; pass < 2; pass++) {
    h1 += h0 >> 26; h0 &= 0x3ffffff;
    h2 += h1 >> 25; h1 &= 0x1ffffff;
    h3 += h2 >> 26; h2 &= 0x3ffffff;
    h4 += h3 >> 25; h3 &= 0x1ffffff;
    h5 += h4 >> 26; h4 &= 0x3ffffff;
    h6 += h5 >> 25; h5 &= 0x1ffffff;
    h7 += h6 >> 26; h6 &= 0x3ffffff;
    h8 += h7 >> 25; h7 &= 0x1ffffff;
    h9 += h8 >> 26; h8 &= 0x3ffffff;
    h0 += (h9 >> 25) * 19; h9 &= 0x1ffffff;
  }
  // Now 0 ≤ h < 2^255, so h ≥ p exactly when h + 19 carries out of bit 255: q = ⌊(h + 19) / 2^255⌋.
  let q = (h0 + 19) >> 26;
  q = (h1 + q) >> 25;
  q = (h2 + q) >> 26;
  q = (h3 + q) >> 25;
  q = (h4 + q) >> 26;
  q = (h5 + q) >> 25;
  q = (h6 + q) >> 26;
  q = (h7 + q) >> 25;
  q = (h8 + q) >> 26;
  q = (h9 + q) >> 25;
  // h − q·p = h + 19q − q·2^255: add 19q and drop the carry out of limb 9.
  h0 += 19 * q;
  h1 += h0 >> 26; h0 &= 0x3ffffff;
  h2 += h1 >> 25; h1 &= 0x1ffffff;
  h3 += h2 >> 26; h2 &= 0x3ffffff;
  h4 += h3 >> 25; h3 &= 0x1ffffff;
  h5 += h4 >> 26; h4 &= 0x3ffffff;
  h6 += h5 >> 25; h5 &= 0x1ffffff;
  h7 += h6 >> 26; h6 &= 0x3ffffff;
  h8 += h7 >> 25; h7 &= 0x1ffffff;
  h9 += h8 >> 26; h8 &= 0x3ffffff;
  h9 &= 0x1ffffff;
  if (s != 0) {
    store<i32>(s, h0 | (h1 << 26), 0);
    store<i32>(s, (h1 >>> 6) | (h2 << 19), 4);
    store<i32>(s, (h2 >>> 13) | (h3 << 13), 8);
    store<i32>(s, (h3 >>> 19) | (h4 << 6), 12);
    store<i32>(s, h5 | (h6 << 25), 16);
    store<i32>(s, (h6 >>> 7) | (h7 << 19), 20);
    store<i32>(s, (h7 >>> 13) | (h8 << 12), 24);
    store<i32>(s, (h8 >>> 20) | (h9 << 6), 28);
  }
  const any = h0 | h1 | h2 | h3 | h4 | h5 | h6 | h7 | h8 | h9; // in [0, 2^26)
  return ((<u32>(any - 1) >> 31) << 1) | (<u32>h0 & 1);
}

/** The canonical 32-byte little-endian encoding of f (RFC 7748 §5), fully reduced mod p. */
export function toBytes(s: usize, f: usize): void {
  canonical(s, f, ZERO);
}

/** 1 if f ≡ 0 (mod p), else 0; `0 - isZero(f)` is a mask. */
export function isZero(f: usize): u32 {
  return canonical(0, f, ZERO) >> 1;
}

/** The lowest bit of f's canonical encoding ("negative" in RFC 9496 §4.1). */
export function isNegative(f: usize): u32 {
  return canonical(0, f, ZERO) & 1;
}

/** 1 if f ≡ g (mod p), else 0. */
export function equal(f: usize, g: usize): u32 {
  return canonical(0, f, g) >> 1;
}

/** t1 = z^(2^250 − 1) and t0 = z^11, the common trunk of both exponent chains; t2, t3 are free. */
function pow2250(t: usize, z: usize): void {
  const t0 = t, t1 = t + FE_SIZE, t2 = t + 2 * FE_SIZE, t3 = t + 3 * FE_SIZE;
  square(t0, z); // z^2
  squareN(t1, t0, 2); // z^8
  mul(t1, t1, z); // z^9
  mul(t0, t0, t1); // z^11
  square(t2, t0); // z^22
  mul(t1, t1, t2); // z^31 = z^(2^5 − 1)
  squareN(t2, t1, 5);
  mul(t1, t2, t1); // 2^10 − 1
  squareN(t2, t1, 10);
  mul(t2, t2, t1); // 2^20 − 1
  squareN(t3, t2, 20);
  mul(t2, t3, t2); // 2^40 − 1
  squareN(t2, t2, 10);
  mul(t1, t2, t1); // 2^50 − 1
  squareN(t2, t1, 50);
  mul(t2, t2, t1); // 2^100 − 1
  squareN(t3, t2, 100);
  mul(t2, t3, t2); // 2^200 − 1
  squareN(t2, t2, 50);
  mul(t1, t2, t1); // 2^250 − 1
}

/** h = z^(p − 2) = z^(2^255 − 21), which is 1/z for z ≠ 0 and 0 for z = 0 (RFC 7748 §5). A fixed
 *  chain of 254 squarings and 11 multiplications. `t` is FE_POW_SCRATCH bytes of scratch. */
export function invert(h: usize, z: usize, t: usize): void {
  pow2250(t, z);
  squareN(t + FE_SIZE, t + FE_SIZE, 5); // 2^255 − 32
  mul(h, t + FE_SIZE, t); // 2^255 − 32 + 11
}

/** h = z^((p − 5) / 8) = z^(2^252 − 3), for square roots (RFC 9496 §4.2 SQRT_RATIO_M1). `t` is
 *  FE_POW_SCRATCH bytes of scratch. */
export function pow22523(h: usize, z: usize, t: usize): void {
  pow2250(t, z);
  squareN(t + FE_SIZE, t + FE_SIZE, 2); // 2^252 − 4
  mul(h, t + FE_SIZE, z); // 2^252 − 3
}
