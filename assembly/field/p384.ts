// Straight-line kernels for the P-384 base field, p = 2^384 − 2^128 − 2^96 + 2^32 − 1 (SP 800-186
// §3.2.1.4), in the representation of montgomery.ts (12 × 32-bit limbs, Montgomery form, R = 2^384,
// fully reduced); montgomery.ts calls them for the descriptor that selects them. Same contract as
// the generic functions: results may alias operands, nothing depends on a value. The same recipe
// as p256.ts, unrolled for 12 limbs.
//
// mul384 is product scanning (column by column) with Montgomery reduction folded in. p ≡ −1 mod 2^32,
// so −p⁻¹ mod 2^32 = 1 and the multiple of p added at column k is m_k = the column's low word; p + 1
// = 2^32 − 2^96 − 2^128 + 2^384 then adds m_k to columns k + 1 and k + 12 and subtracts it from
// columns k + 3 and k + 4: no multiplication. A column sums at most 12 low and 12 high halves of
// 32×32→64-bit products, its carry, and four ±m: |lo| < 2^38, 0 ≤ hi < 2^36, in i64. The result is
// < 2p and gets one masked subtraction of p.

// @ts-ignore: decorator
@inline function lo32(q: u64): i64 {
  return <i64>(q & 0xffffffff);
}

// @ts-ignore: decorator
@inline function hi32(q: u64): i64 {
  return <i64>(q >> 32);
}

/** r = a·b·2^−384 mod p, for a < 2^384 and b < p. */
export function mul384(r: usize, a: usize, b: usize): void {
  let lo: i64 = 0, hi: i64 = 0, q: u64;
  // column 0
  q = <u64>load<u32>(a, 0) * <u64>load<u32>(b, 0); lo += lo32(q); hi += hi32(q);
  const m0 = lo & 0xffffffff;
  lo = (lo >> 32) + hi; hi = 0;
  // column 1
  q = <u64>load<u32>(a, 0) * <u64>load<u32>(b, 4); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 4) * <u64>load<u32>(b, 0); lo += lo32(q); hi += hi32(q);
  lo += m0;
  const m1 = lo & 0xffffffff;
  lo = (lo >> 32) + hi; hi = 0;
  // column 2
  q = <u64>load<u32>(a, 0) * <u64>load<u32>(b, 8); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 4) * <u64>load<u32>(b, 4); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 8) * <u64>load<u32>(b, 0); lo += lo32(q); hi += hi32(q);
  lo += m1;
  const m2 = lo & 0xffffffff;
  lo = (lo >> 32) + hi; hi = 0;
  // column 3
  q = <u64>load<u32>(a, 0) * <u64>load<u32>(b, 12); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 4) * <u64>load<u32>(b, 8); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 8) * <u64>load<u32>(b, 4); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 12) * <u64>load<u32>(b, 0); lo += lo32(q); hi += hi32(q);
  lo += m2; lo -= m0;
  const m3 = lo & 0xffffffff;
  lo = (lo >> 32) + hi; hi = 0;
  // column 4
  q = <u64>load<u32>(a, 0) * <u64>load<u32>(b, 16); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 4) * <u64>load<u32>(b, 12); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 8) * <u64>load<u32>(b, 8); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 12) * <u64>load<u32>(b, 4); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 16) * <u64>load<u32>(b, 0); lo += lo32(q); hi += hi32(q);
  lo += m3; lo -= m1; lo -= m0;
  const m4 = lo & 0xffffffff;
  lo = (lo >> 32) + hi; hi = 0;
  // column 5
  q = <u64>load<u32>(a, 0) * <u64>load<u32>(b, 20); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 4) * <u64>load<u32>(b, 16); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 8) * <u64>load<u32>(b, 12); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 12) * <u64>load<u32>(b, 8); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 16) * <u64>load<u32>(b, 4); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 20) * <u64>load<u32>(b, 0); lo += lo32(q); hi += hi32(q);
  lo += m4; lo -= m2; lo -= m1;
  const m5 = lo & 0xffffffff;
  lo = (lo >> 32) + hi; hi = 0;
  // column 6
  q = <u64>load<u32>(a, 0) * <u64>load<u32>(b, 24); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 4) * <u64>load<u32>(b, 20); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 8) * <u64>load<u32>(b, 16); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 12) * <u64>load<u32>(b, 12); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 16) * <u64>load<u32>(b, 8); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 20) * <u64>load<u32>(b, 4); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 24) * <u64>load<u32>(b, 0); lo += lo32(q); hi += hi32(q);
  lo += m5; lo -= m3; lo -= m2;
  const m6 = lo & 0xffffffff;
  lo = (lo >> 32) + hi; hi = 0;
  // column 7
  q = <u64>load<u32>(a, 0) * <u64>load<u32>(b, 28); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 4) * <u64>load<u32>(b, 24); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 8) * <u64>load<u32>(b, 20); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 12) * <u64>load<u32>(b, 16); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 16) * <u64>load<u32>(b, 12); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 20) * <u64>load<u32>(b, 8); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 24) * <u64>load<u32>(b, 4); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 28) * <u64>load<u32>(b, 0); lo += lo32(q); hi += hi32(q);
  lo += m6; lo -= m4; lo -= m3;
  const m7 = lo & 0xffffffff;
  lo = (lo >> 32) + hi; hi = 0;
  // column 8
  q = <u64>load<u32>(a, 0) * <u64>load<u32>(b, 32); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 4) * <u64>load<u32>(b, 28); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 8) * <u64>load<u32>(b, 24); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 12) * <u64>load<u32>(b, 20); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 16) * <u64>load<u32>(b, 16); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 20) * <u64>load<u32>(b, 12); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 24) * <u64>load<u32>(b, 8); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 28) * <u64>load<u32>(b, 4); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 32) * <u64>load<u32>(b, 0); lo += lo32(q); hi += hi32(q);
  lo += m7; lo -= m5; lo -= m4;
  const m8 = lo & 0xffffffff;
  lo = (lo >> 32) + hi; hi = 0;
  // column 9
  q = <u64>load<u32>(a, 0) * <u64>load<u32>(b, 36); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 4) * <u64>load<u32>(b, 32); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 8) * <u64>load<u32>(b, 28); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 12) * <u64>load<u32>(b, 24); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 16) * <u64>load<u32>(b, 20); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 20) * <u64>load<u32>(b, 16); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 24) * <u64>load<u32>(b, 12); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 28) * <u64>load<u32>(b, 8); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 32) * <u64>load<u32>(b, 4); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 36) * <u64>load<u32>(b, 0); lo += lo32(q); hi += hi32(q);
  lo += m8; lo -= m6; lo -= m5;
  const m9 = lo & 0xffffffff;
  lo = (lo >> 32) + hi; hi = 0;
  // column 10
  q = <u64>load<u32>(a, 0) * <u64>load<u32>(b, 40); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 4) * <u64>load<u32>(b, 36); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 8) * <u64>load<u32>(b, 32); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 12) * <u64>load<u32>(b, 28); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 16) * <u64>load<u32>(b, 24); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 20) * <u64>load<u32>(b, 20); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 24) * <u64>load<u32>(b, 16); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 28) * <u64>load<u32>(b, 12); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 32) * <u64>load<u32>(b, 8); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 36) * <u64>load<u32>(b, 4); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 40) * <u64>load<u32>(b, 0); lo += lo32(q); hi += hi32(q);
  lo += m9; lo -= m7; lo -= m6;
  const m10 = lo & 0xffffffff;
  lo = (lo >> 32) + hi; hi = 0;
  // column 11
  q = <u64>load<u32>(a, 0) * <u64>load<u32>(b, 44); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 4) * <u64>load<u32>(b, 40); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 8) * <u64>load<u32>(b, 36); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 12) * <u64>load<u32>(b, 32); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 16) * <u64>load<u32>(b, 28); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 20) * <u64>load<u32>(b, 24); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 24) * <u64>load<u32>(b, 20); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 28) * <u64>load<u32>(b, 16); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 32) * <u64>load<u32>(b, 12); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 36) * <u64>load<u32>(b, 8); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 40) * <u64>load<u32>(b, 4); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 44) * <u64>load<u32>(b, 0); lo += lo32(q); hi += hi32(q);
  lo += m10; lo -= m8; lo -= m7;
  const m11 = lo & 0xffffffff;
  lo = (lo >> 32) + hi; hi = 0;
  // column 12
  q = <u64>load<u32>(a, 4) * <u64>load<u32>(b, 44); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 8) * <u64>load<u32>(b, 40); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 12) * <u64>load<u32>(b, 36); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 16) * <u64>load<u32>(b, 32); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 20) * <u64>load<u32>(b, 28); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 24) * <u64>load<u32>(b, 24); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 28) * <u64>load<u32>(b, 20); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 32) * <u64>load<u32>(b, 16); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 36) * <u64>load<u32>(b, 12); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 40) * <u64>load<u32>(b, 8); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 44) * <u64>load<u32>(b, 4); lo += lo32(q); hi += hi32(q);
  lo += m11; lo -= m9; lo -= m8; lo += m0;
  const w0 = <u64>(lo & 0xffffffff);
  lo = (lo >> 32) + hi; hi = 0;
  // column 13
  q = <u64>load<u32>(a, 8) * <u64>load<u32>(b, 44); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 12) * <u64>load<u32>(b, 40); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 16) * <u64>load<u32>(b, 36); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 20) * <u64>load<u32>(b, 32); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 24) * <u64>load<u32>(b, 28); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 28) * <u64>load<u32>(b, 24); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 32) * <u64>load<u32>(b, 20); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 36) * <u64>load<u32>(b, 16); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 40) * <u64>load<u32>(b, 12); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 44) * <u64>load<u32>(b, 8); lo += lo32(q); hi += hi32(q);
  lo -= m10; lo -= m9; lo += m1;
  const w1 = <u64>(lo & 0xffffffff);
  lo = (lo >> 32) + hi; hi = 0;
  // column 14
  q = <u64>load<u32>(a, 12) * <u64>load<u32>(b, 44); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 16) * <u64>load<u32>(b, 40); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 20) * <u64>load<u32>(b, 36); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 24) * <u64>load<u32>(b, 32); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 28) * <u64>load<u32>(b, 28); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 32) * <u64>load<u32>(b, 24); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 36) * <u64>load<u32>(b, 20); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 40) * <u64>load<u32>(b, 16); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 44) * <u64>load<u32>(b, 12); lo += lo32(q); hi += hi32(q);
  lo -= m11; lo -= m10; lo += m2;
  const w2 = <u64>(lo & 0xffffffff);
  lo = (lo >> 32) + hi; hi = 0;
  // column 15
  q = <u64>load<u32>(a, 16) * <u64>load<u32>(b, 44); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 20) * <u64>load<u32>(b, 40); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 24) * <u64>load<u32>(b, 36); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 28) * <u64>load<u32>(b, 32); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 32) * <u64>load<u32>(b, 28); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 36) * <u64>load<u32>(b, 24); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 40) * <u64>load<u32>(b, 20); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 44) * <u64>load<u32>(b, 16); lo += lo32(q); hi += hi32(q);
  lo -= m11; lo += m3;
  const w3 = <u64>(lo & 0xffffffff);
  lo = (lo >> 32) + hi; hi = 0;
  // column 16
  q = <u64>load<u32>(a, 20) * <u64>load<u32>(b, 44); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 24) * <u64>load<u32>(b, 40); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 28) * <u64>load<u32>(b, 36); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 32) * <u64>load<u32>(b, 32); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 36) * <u64>load<u32>(b, 28); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 40) * <u64>load<u32>(b, 24); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 44) * <u64>load<u32>(b, 20); lo += lo32(q); hi += hi32(q);
  lo += m4;
  const w4 = <u64>(lo & 0xffffffff);
  lo = (lo >> 32) + hi; hi = 0;
  // column 17
  q = <u64>load<u32>(a, 24) * <u64>load<u32>(b, 44); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 28) * <u64>load<u32>(b, 40); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 32) * <u64>load<u32>(b, 36); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 36) * <u64>load<u32>(b, 32); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 40) * <u64>load<u32>(b, 28); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 44) * <u64>load<u32>(b, 24); lo += lo32(q); hi += hi32(q);
  lo += m5;
  const w5 = <u64>(lo & 0xffffffff);
  lo = (lo >> 32) + hi; hi = 0;
  // column 18
  q = <u64>load<u32>(a, 28) * <u64>load<u32>(b, 44); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 32) * <u64>load<u32>(b, 40); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 36) * <u64>load<u32>(b, 36); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 40) * <u64>load<u32>(b, 32); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 44) * <u64>load<u32>(b, 28); lo += lo32(q); hi += hi32(q);
  lo += m6;
  const w6 = <u64>(lo & 0xffffffff);
  lo = (lo >> 32) + hi; hi = 0;
  // column 19
  q = <u64>load<u32>(a, 32) * <u64>load<u32>(b, 44); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 36) * <u64>load<u32>(b, 40); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 40) * <u64>load<u32>(b, 36); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 44) * <u64>load<u32>(b, 32); lo += lo32(q); hi += hi32(q);
  lo += m7;
  const w7 = <u64>(lo & 0xffffffff);
  lo = (lo >> 32) + hi; hi = 0;
  // column 20
  q = <u64>load<u32>(a, 36) * <u64>load<u32>(b, 44); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 40) * <u64>load<u32>(b, 40); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 44) * <u64>load<u32>(b, 36); lo += lo32(q); hi += hi32(q);
  lo += m8;
  const w8 = <u64>(lo & 0xffffffff);
  lo = (lo >> 32) + hi; hi = 0;
  // column 21
  q = <u64>load<u32>(a, 40) * <u64>load<u32>(b, 44); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 44) * <u64>load<u32>(b, 40); lo += lo32(q); hi += hi32(q);
  lo += m9;
  const w9 = <u64>(lo & 0xffffffff);
  lo = (lo >> 32) + hi; hi = 0;
  // column 22
  q = <u64>load<u32>(a, 44) * <u64>load<u32>(b, 44); lo += lo32(q); hi += hi32(q);
  lo += m10;
  const w10 = <u64>(lo & 0xffffffff);
  lo = (lo >> 32) + hi; hi = 0;
  // column 23
  lo += m11;
  const w11 = <u64>(lo & 0xffffffff);
  const top = <u32>(lo >> 32);
  subtractP(r, top, w0, w1, w2, w3, w4, w5, w6, w7, w8, w9, w10, w11);
}

/** r = a²·2^−384 mod p, for a < p: as mul384, each cross product a_i·a_j (i < j) computed once
 *  and doubled. */
export function sqr384(r: usize, a: usize): void {
  let lo: i64 = 0, hi: i64 = 0, x: i64, y: i64, q: u64;
  // column 0
  q = <u64>load<u32>(a, 0); q *= q; lo += lo32(q); hi += hi32(q);
  const m0 = lo & 0xffffffff;
  lo = (lo >> 32) + hi; hi = 0;
  // column 1
  x = 0; y = 0;
  q = <u64>load<u32>(a, 0) * <u64>load<u32>(a, 4); x += lo32(q); y += hi32(q);
  lo += x << 1; hi += y << 1;
  lo += m0;
  const m1 = lo & 0xffffffff;
  lo = (lo >> 32) + hi; hi = 0;
  // column 2
  x = 0; y = 0;
  q = <u64>load<u32>(a, 0) * <u64>load<u32>(a, 8); x += lo32(q); y += hi32(q);
  lo += x << 1; hi += y << 1;
  q = <u64>load<u32>(a, 4); q *= q; lo += lo32(q); hi += hi32(q);
  lo += m1;
  const m2 = lo & 0xffffffff;
  lo = (lo >> 32) + hi; hi = 0;
  // column 3
  x = 0; y = 0;
  q = <u64>load<u32>(a, 0) * <u64>load<u32>(a, 12); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 4) * <u64>load<u32>(a, 8); x += lo32(q); y += hi32(q);
  lo += x << 1; hi += y << 1;
  lo += m2; lo -= m0;
  const m3 = lo & 0xffffffff;
  lo = (lo >> 32) + hi; hi = 0;
  // column 4
  x = 0; y = 0;
  q = <u64>load<u32>(a, 0) * <u64>load<u32>(a, 16); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 4) * <u64>load<u32>(a, 12); x += lo32(q); y += hi32(q);
  lo += x << 1; hi += y << 1;
  q = <u64>load<u32>(a, 8); q *= q; lo += lo32(q); hi += hi32(q);
  lo += m3; lo -= m1; lo -= m0;
  const m4 = lo & 0xffffffff;
  lo = (lo >> 32) + hi; hi = 0;
  // column 5
  x = 0; y = 0;
  q = <u64>load<u32>(a, 0) * <u64>load<u32>(a, 20); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 4) * <u64>load<u32>(a, 16); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 8) * <u64>load<u32>(a, 12); x += lo32(q); y += hi32(q);
  lo += x << 1; hi += y << 1;
  lo += m4; lo -= m2; lo -= m1;
  const m5 = lo & 0xffffffff;
  lo = (lo >> 32) + hi; hi = 0;
  // column 6
  x = 0; y = 0;
  q = <u64>load<u32>(a, 0) * <u64>load<u32>(a, 24); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 4) * <u64>load<u32>(a, 20); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 8) * <u64>load<u32>(a, 16); x += lo32(q); y += hi32(q);
  lo += x << 1; hi += y << 1;
  q = <u64>load<u32>(a, 12); q *= q; lo += lo32(q); hi += hi32(q);
  lo += m5; lo -= m3; lo -= m2;
  const m6 = lo & 0xffffffff;
  lo = (lo >> 32) + hi; hi = 0;
  // column 7
  x = 0; y = 0;
  q = <u64>load<u32>(a, 0) * <u64>load<u32>(a, 28); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 4) * <u64>load<u32>(a, 24); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 8) * <u64>load<u32>(a, 20); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 12) * <u64>load<u32>(a, 16); x += lo32(q); y += hi32(q);
  lo += x << 1; hi += y << 1;
  lo += m6; lo -= m4; lo -= m3;
  const m7 = lo & 0xffffffff;
  lo = (lo >> 32) + hi; hi = 0;
  // column 8
  x = 0; y = 0;
  q = <u64>load<u32>(a, 0) * <u64>load<u32>(a, 32); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 4) * <u64>load<u32>(a, 28); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 8) * <u64>load<u32>(a, 24); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 12) * <u64>load<u32>(a, 20); x += lo32(q); y += hi32(q);
  lo += x << 1; hi += y << 1;
  q = <u64>load<u32>(a, 16); q *= q; lo += lo32(q); hi += hi32(q);
  lo += m7; lo -= m5; lo -= m4;
  const m8 = lo & 0xffffffff;
  lo = (lo >> 32) + hi; hi = 0;
  // column 9
  x = 0; y = 0;
  q = <u64>load<u32>(a, 0) * <u64>load<u32>(a, 36); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 4) * <u64>load<u32>(a, 32); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 8) * <u64>load<u32>(a, 28); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 12) * <u64>load<u32>(a, 24); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 16) * <u64>load<u32>(a, 20); x += lo32(q); y += hi32(q);
  lo += x << 1; hi += y << 1;
  lo += m8; lo -= m6; lo -= m5;
  const m9 = lo & 0xffffffff;
  lo = (lo >> 32) + hi; hi = 0;
  // column 10
  x = 0; y = 0;
  q = <u64>load<u32>(a, 0) * <u64>load<u32>(a, 40); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 4) * <u64>load<u32>(a, 36); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 8) * <u64>load<u32>(a, 32); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 12) * <u64>load<u32>(a, 28); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 16) * <u64>load<u32>(a, 24); x += lo32(q); y += hi32(q);
  lo += x << 1; hi += y << 1;
  q = <u64>load<u32>(a, 20); q *= q; lo += lo32(q); hi += hi32(q);
  lo += m9; lo -= m7; lo -= m6;
  const m10 = lo & 0xffffffff;
  lo = (lo >> 32) + hi; hi = 0;
  // column 11
  x = 0; y = 0;
  q = <u64>load<u32>(a, 0) * <u64>load<u32>(a, 44); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 4) * <u64>load<u32>(a, 40); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 8) * <u64>load<u32>(a, 36); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 12) * <u64>load<u32>(a, 32); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 16) * <u64>load<u32>(a, 28); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 20) * <u64>load<u32>(a, 24); x += lo32(q); y += hi32(q);
  lo += x << 1; hi += y << 1;
  lo += m10; lo -= m8; lo -= m7;
  const m11 = lo & 0xffffffff;
  lo = (lo >> 32) + hi; hi = 0;
  // column 12
  x = 0; y = 0;
  q = <u64>load<u32>(a, 4) * <u64>load<u32>(a, 44); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 8) * <u64>load<u32>(a, 40); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 12) * <u64>load<u32>(a, 36); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 16) * <u64>load<u32>(a, 32); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 20) * <u64>load<u32>(a, 28); x += lo32(q); y += hi32(q);
  lo += x << 1; hi += y << 1;
  q = <u64>load<u32>(a, 24); q *= q; lo += lo32(q); hi += hi32(q);
  lo += m11; lo -= m9; lo -= m8; lo += m0;
  const w0 = <u64>(lo & 0xffffffff);
  lo = (lo >> 32) + hi; hi = 0;
  // column 13
  x = 0; y = 0;
  q = <u64>load<u32>(a, 8) * <u64>load<u32>(a, 44); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 12) * <u64>load<u32>(a, 40); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 16) * <u64>load<u32>(a, 36); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 20) * <u64>load<u32>(a, 32); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 24) * <u64>load<u32>(a, 28); x += lo32(q); y += hi32(q);
  lo += x << 1; hi += y << 1;
  lo -= m10; lo -= m9; lo += m1;
  const w1 = <u64>(lo & 0xffffffff);
  lo = (lo >> 32) + hi; hi = 0;
  // column 14
  x = 0; y = 0;
  q = <u64>load<u32>(a, 12) * <u64>load<u32>(a, 44); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 16) * <u64>load<u32>(a, 40); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 20) * <u64>load<u32>(a, 36); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 24) * <u64>load<u32>(a, 32); x += lo32(q); y += hi32(q);
  lo += x << 1; hi += y << 1;
  q = <u64>load<u32>(a, 28); q *= q; lo += lo32(q); hi += hi32(q);
  lo -= m11; lo -= m10; lo += m2;
  const w2 = <u64>(lo & 0xffffffff);
  lo = (lo >> 32) + hi; hi = 0;
  // column 15
  x = 0; y = 0;
  q = <u64>load<u32>(a, 16) * <u64>load<u32>(a, 44); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 20) * <u64>load<u32>(a, 40); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 24) * <u64>load<u32>(a, 36); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 28) * <u64>load<u32>(a, 32); x += lo32(q); y += hi32(q);
  lo += x << 1; hi += y << 1;
  lo -= m11; lo += m3;
  const w3 = <u64>(lo & 0xffffffff);
  lo = (lo >> 32) + hi; hi = 0;
  // column 16
  x = 0; y = 0;
  q = <u64>load<u32>(a, 20) * <u64>load<u32>(a, 44); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 24) * <u64>load<u32>(a, 40); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 28) * <u64>load<u32>(a, 36); x += lo32(q); y += hi32(q);
  lo += x << 1; hi += y << 1;
  q = <u64>load<u32>(a, 32); q *= q; lo += lo32(q); hi += hi32(q);
  lo += m4;
  const w4 = <u64>(lo & 0xffffffff);
  lo = (lo >> 32) + hi; hi = 0;
  // column 17
  x = 0; y = 0;
  q = <u64>load<u32>(a, 24) * <u64>load<u32>(a, 44); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 28) * <u64>load<u32>(a, 40); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 32) * <u64>load<u32>(a, 36); x += lo32(q); y += hi32(q);
  lo += x << 1; hi += y << 1;
  lo += m5;
  const w5 = <u64>(lo & 0xffffffff);
  lo = (lo >> 32) + hi; hi = 0;
  // column 18
  x = 0; y = 0;
  q = <u64>load<u32>(a, 28) * <u64>load<u32>(a, 44); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 32) * <u64>load<u32>(a, 40); x += lo32(q); y += hi32(q);
  lo += x << 1; hi += y << 1;
  q = <u64>load<u32>(a, 36); q *= q; lo += lo32(q); hi += hi32(q);
  lo += m6;
  const w6 = <u64>(lo & 0xffffffff);
  lo = (lo >> 32) + hi; hi = 0;
  // column 19
  x = 0; y = 0;
  q = <u64>load<u32>(a, 32) * <u64>load<u32>(a, 44); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 36) * <u64>load<u32>(a, 40); x += lo32(q); y += hi32(q);
  lo += x << 1; hi += y << 1;
  lo += m7;
  const w7 = <u64>(lo & 0xffffffff);
  lo = (lo >> 32) + hi; hi = 0;
  // column 20
  x = 0; y = 0;
  q = <u64>load<u32>(a, 36) * <u64>load<u32>(a, 44); x += lo32(q); y += hi32(q);
  lo += x << 1; hi += y << 1;
  q = <u64>load<u32>(a, 40); q *= q; lo += lo32(q); hi += hi32(q);
  lo += m8;
  const w8 = <u64>(lo & 0xffffffff);
  lo = (lo >> 32) + hi; hi = 0;
  // column 21
  x = 0; y = 0;
  q = <u64>load<u32>(a, 40) * <u64>load<u32>(a, 44); x += lo32(q); y += hi32(q);
  lo += x << 1; hi += y << 1;
  lo += m9;
  const w9 = <u64>(lo & 0xffffffff);
  lo = (lo >> 32) + hi; hi = 0;
  // column 22
  q = <u64>load<u32>(a, 44); q *= q; lo += lo32(q); hi += hi32(q);
  lo += m10;
  const w10 = <u64>(lo & 0xffffffff);
  lo = (lo >> 32) + hi; hi = 0;
  // column 23
  lo += m11;
  const w11 = <u64>(lo & 0xffffffff);
  const top = <u32>(lo >> 32);
  subtractP(r, top, w0, w1, w2, w3, w4, w5, w6, w7, w8, w9, w10, w11);
}

/** r = a + b mod p: a + b − p, then p added back under a mask when that is negative. */
export function add384(r: usize, a: usize, b: usize): void {
  let c: i64 = 0;
  c += <i64>load<u32>(a, 0) + <i64>load<u32>(b, 0) - 0xffffffff; const s0 = <u32>c; c >>= 32;
  c += <i64>load<u32>(a, 4) + <i64>load<u32>(b, 4); const s1 = <u32>c; c >>= 32;
  c += <i64>load<u32>(a, 8) + <i64>load<u32>(b, 8); const s2 = <u32>c; c >>= 32;
  c += <i64>load<u32>(a, 12) + <i64>load<u32>(b, 12) - 0xffffffff; const s3 = <u32>c; c >>= 32;
  c += <i64>load<u32>(a, 16) + <i64>load<u32>(b, 16) - 0xfffffffe; const s4 = <u32>c; c >>= 32;
  c += <i64>load<u32>(a, 20) + <i64>load<u32>(b, 20) - 0xffffffff; const s5 = <u32>c; c >>= 32;
  c += <i64>load<u32>(a, 24) + <i64>load<u32>(b, 24) - 0xffffffff; const s6 = <u32>c; c >>= 32;
  c += <i64>load<u32>(a, 28) + <i64>load<u32>(b, 28) - 0xffffffff; const s7 = <u32>c; c >>= 32;
  c += <i64>load<u32>(a, 32) + <i64>load<u32>(b, 32) - 0xffffffff; const s8 = <u32>c; c >>= 32;
  c += <i64>load<u32>(a, 36) + <i64>load<u32>(b, 36) - 0xffffffff; const s9 = <u32>c; c >>= 32;
  c += <i64>load<u32>(a, 40) + <i64>load<u32>(b, 40) - 0xffffffff; const s10 = <u32>c; c >>= 32;
  c += <i64>load<u32>(a, 44) + <i64>load<u32>(b, 44) - 0xffffffff; const s11 = <u32>c; c >>= 32;
  addBack(r, <u32>c, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11);
}

/** r = a − b mod p: p added back under a mask when a < b. */
export function sub384(r: usize, a: usize, b: usize): void {
  let c: i64 = 0;
  c += <i64>load<u32>(a, 0) - <i64>load<u32>(b, 0); const s0 = <u32>c; c >>= 32;
  c += <i64>load<u32>(a, 4) - <i64>load<u32>(b, 4); const s1 = <u32>c; c >>= 32;
  c += <i64>load<u32>(a, 8) - <i64>load<u32>(b, 8); const s2 = <u32>c; c >>= 32;
  c += <i64>load<u32>(a, 12) - <i64>load<u32>(b, 12); const s3 = <u32>c; c >>= 32;
  c += <i64>load<u32>(a, 16) - <i64>load<u32>(b, 16); const s4 = <u32>c; c >>= 32;
  c += <i64>load<u32>(a, 20) - <i64>load<u32>(b, 20); const s5 = <u32>c; c >>= 32;
  c += <i64>load<u32>(a, 24) - <i64>load<u32>(b, 24); const s6 = <u32>c; c >>= 32;
  c += <i64>load<u32>(a, 28) - <i64>load<u32>(b, 28); const s7 = <u32>c; c >>= 32;
  c += <i64>load<u32>(a, 32) - <i64>load<u32>(b, 32); const s8 = <u32>c; c >>= 32;
  c += <i64>load<u32>(a, 36) - <i64>load<u32>(b, 36); const s9 = <u32>c; c >>= 32;
  c += <i64>load<u32>(a, 40) - <i64>load<u32>(b, 40); const s10 = <u32>c; c >>= 32;
  c += <i64>load<u32>(a, 44) - <i64>load<u32>(b, 44); const s11 = <u32>c; c >>= 32;
  addBack(r, <u32>c, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11);
}

/** r = s + (p & mask), the carry out dropped. */
// @ts-ignore: decorator
@inline function addBack(r: usize, mask: u32, s0: u32, s1: u32, s2: u32, s3: u32, s4: u32, s5: u32, s6: u32, s7: u32, s8: u32, s9: u32, s10: u32, s11: u32): void {
  let c: u64 = 0;
  c += <u64>s0 + <u64>mask; store<u32>(r, <u32>c, 0); c >>= 32;
  c += <u64>s1; store<u32>(r, <u32>c, 4); c >>= 32;
  c += <u64>s2; store<u32>(r, <u32>c, 8); c >>= 32;
  c += <u64>s3 + <u64>mask; store<u32>(r, <u32>c, 12); c >>= 32;
  c += <u64>s4 + <u64>(mask & 0xfffffffe); store<u32>(r, <u32>c, 16); c >>= 32;
  c += <u64>s5 + <u64>mask; store<u32>(r, <u32>c, 20); c >>= 32;
  c += <u64>s6 + <u64>mask; store<u32>(r, <u32>c, 24); c >>= 32;
  c += <u64>s7 + <u64>mask; store<u32>(r, <u32>c, 28); c >>= 32;
  c += <u64>s8 + <u64>mask; store<u32>(r, <u32>c, 32); c >>= 32;
  c += <u64>s9 + <u64>mask; store<u32>(r, <u32>c, 36); c >>= 32;
  c += <u64>s10 + <u64>mask; store<u32>(r, <u32>c, 40); c >>= 32;
  c += <u64>s11 + <u64>mask; store<u32>(r, <u32>c, 44); c >>= 32;
}

/** r = w − p unless that borrows out of the top word (w < p), by mask. */
// @ts-ignore: decorator
@inline function subtractP(r: usize, top: u32, w0: u64, w1: u64, w2: u64, w3: u64, w4: u64, w5: u64, w6: u64, w7: u64, w8: u64, w9: u64, w10: u64, w11: u64): void {
  let d: u64, borrow: u64 = 0;
  d = w0 - 0xffffffff - borrow; borrow = d >> 63; const d0 = <u32>d;
  d = w1 - borrow; borrow = d >> 63; const d1 = <u32>d;
  d = w2 - borrow; borrow = d >> 63; const d2 = <u32>d;
  d = w3 - 0xffffffff - borrow; borrow = d >> 63; const d3 = <u32>d;
  d = w4 - 0xfffffffe - borrow; borrow = d >> 63; const d4 = <u32>d;
  d = w5 - 0xffffffff - borrow; borrow = d >> 63; const d5 = <u32>d;
  d = w6 - 0xffffffff - borrow; borrow = d >> 63; const d6 = <u32>d;
  d = w7 - 0xffffffff - borrow; borrow = d >> 63; const d7 = <u32>d;
  d = w8 - 0xffffffff - borrow; borrow = d >> 63; const d8 = <u32>d;
  d = w9 - 0xffffffff - borrow; borrow = d >> 63; const d9 = <u32>d;
  d = w10 - 0xffffffff - borrow; borrow = d >> 63; const d10 = <u32>d;
  d = w11 - 0xffffffff - borrow; borrow = d >> 63; const d11 = <u32>d;
  const keep = 0 - (<u32>borrow & ~top);
  store<u32>(r, d0 ^ ((d0 ^ <u32>w0) & keep), 0);
  store<u32>(r, d1 ^ ((d1 ^ <u32>w1) & keep), 4);
  store<u32>(r, d2 ^ ((d2 ^ <u32>w2) & keep), 8);
  store<u32>(r, d3 ^ ((d3 ^ <u32>w3) & keep), 12);
  store<u32>(r, d4 ^ ((d4 ^ <u32>w4) & keep), 16);
  store<u32>(r, d5 ^ ((d5 ^ <u32>w5) & keep), 20);
  store<u32>(r, d6 ^ ((d6 ^ <u32>w6) & keep), 24);
  store<u32>(r, d7 ^ ((d7 ^ <u32>w7) & keep), 28);
  store<u32>(r, d8 ^ ((d8 ^ <u32>w8) & keep), 32);
  store<u32>(r, d9 ^ ((d9 ^ <u32>w9) & keep), 36);
  store<u32>(r, d10 ^ ((d10 ^ <u32>w10) & keep), 40);
  store<u32>(r, d11 ^ ((d11 ^ <u32>w11) & keep), 44);
}
