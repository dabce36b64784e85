// Straight-line kernels for the P-256 base field, p = 2^256 − 2^224 + 2^192 + 2^96 − 1 (SP 800-186
// §3.2.1.3), in the representation of montgomery.ts (8 × 32-bit limbs, Montgomery form, R = 2^256,
// fully reduced); montgomery.ts calls them for the descriptor that selects them. Same contract as
// the generic functions: results may alias operands, nothing depends on a value.
//
// mul256 is product scanning (column by column) with Montgomery reduction folded in. p ≡ −1 mod 2^32,
// so −p⁻¹ mod 2^32 = 1 and the multiple of p added at column k is m_k = the column's low word; p + 1
// = 2^96 + 2^192 − 2^224 + 2^256 then adds m_k to columns k + 3, k + 6, k + 8 and subtracts it from
// column k + 7: no multiplication. A column sums at most 8 low and 8 high halves of 32×32→64-bit
// products, its carry, and three ±m: |lo| < 2^37, 0 ≤ hi < 2^35, in i64. The result is < 2p and
// gets one masked subtraction of p.

// @ts-ignore: decorator
@inline function lo32(q: u64): i64 {
  return <i64>(q & 0xffffffff);
}

// @ts-ignore: decorator
@inline function hi32(q: u64): i64 {
  return <i64>(q >> 32);
}

/** r = a·b·2^−256 mod p, for a < 2^256 and b < p. */
export function mul256(r: usize, a: usize, b: usize): void {
  let lo: i64 = 0, hi: i64 = 0, q: u64;
  // column 0
  q = <u64>load<u32>(a, 0) * <u64>load<u32>(b, 0); lo += lo32(q); hi += hi32(q);
  const m0 = lo & 0xffffffff;
  lo = (lo >> 32) + hi; hi = 0;
  // column 1
  q = <u64>load<u32>(a, 0) * <u64>load<u32>(b, 4); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 4) * <u64>load<u32>(b, 0); lo += lo32(q); hi += hi32(q);
  const m1 = lo & 0xffffffff;
  lo = (lo >> 32) + hi; hi = 0;
  // column 2
  q = <u64>load<u32>(a, 0) * <u64>load<u32>(b, 8); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 4) * <u64>load<u32>(b, 4); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 8) * <u64>load<u32>(b, 0); lo += lo32(q); hi += hi32(q);
  const m2 = lo & 0xffffffff;
  lo = (lo >> 32) + hi; hi = 0;
  // column 3
  q = <u64>load<u32>(a, 0) * <u64>load<u32>(b, 12); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 4) * <u64>load<u32>(b, 8); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 8) * <u64>load<u32>(b, 4); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 12) * <u64>load<u32>(b, 0); lo += lo32(q); hi += hi32(q);
  lo += m0;
  const m3 = lo & 0xffffffff;
  lo = (lo >> 32) + hi; hi = 0;
  // column 4
  q = <u64>load<u32>(a, 0) * <u64>load<u32>(b, 16); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 4) * <u64>load<u32>(b, 12); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 8) * <u64>load<u32>(b, 8); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 12) * <u64>load<u32>(b, 4); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 16) * <u64>load<u32>(b, 0); lo += lo32(q); hi += hi32(q);
  lo += m1;
  const m4 = lo & 0xffffffff;
  lo = (lo >> 32) + hi; hi = 0;
  // column 5
  q = <u64>load<u32>(a, 0) * <u64>load<u32>(b, 20); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 4) * <u64>load<u32>(b, 16); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 8) * <u64>load<u32>(b, 12); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 12) * <u64>load<u32>(b, 8); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 16) * <u64>load<u32>(b, 4); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 20) * <u64>load<u32>(b, 0); lo += lo32(q); hi += hi32(q);
  lo += m2;
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
  lo += m3; lo += m0;
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
  lo += m4; lo += m1; lo -= m0;
  const m7 = lo & 0xffffffff;
  lo = (lo >> 32) + hi; hi = 0;
  // column 8
  q = <u64>load<u32>(a, 4) * <u64>load<u32>(b, 28); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 8) * <u64>load<u32>(b, 24); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 12) * <u64>load<u32>(b, 20); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 16) * <u64>load<u32>(b, 16); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 20) * <u64>load<u32>(b, 12); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 24) * <u64>load<u32>(b, 8); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 28) * <u64>load<u32>(b, 4); lo += lo32(q); hi += hi32(q);
  lo += m5; lo += m2; lo -= m1; lo += m0;
  const w0 = <u64>(lo & 0xffffffff);
  lo = (lo >> 32) + hi; hi = 0;
  // column 9
  q = <u64>load<u32>(a, 8) * <u64>load<u32>(b, 28); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 12) * <u64>load<u32>(b, 24); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 16) * <u64>load<u32>(b, 20); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 20) * <u64>load<u32>(b, 16); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 24) * <u64>load<u32>(b, 12); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 28) * <u64>load<u32>(b, 8); lo += lo32(q); hi += hi32(q);
  lo += m6; lo += m3; lo -= m2; lo += m1;
  const w1 = <u64>(lo & 0xffffffff);
  lo = (lo >> 32) + hi; hi = 0;
  // column 10
  q = <u64>load<u32>(a, 12) * <u64>load<u32>(b, 28); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 16) * <u64>load<u32>(b, 24); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 20) * <u64>load<u32>(b, 20); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 24) * <u64>load<u32>(b, 16); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 28) * <u64>load<u32>(b, 12); lo += lo32(q); hi += hi32(q);
  lo += m7; lo += m4; lo -= m3; lo += m2;
  const w2 = <u64>(lo & 0xffffffff);
  lo = (lo >> 32) + hi; hi = 0;
  // column 11
  q = <u64>load<u32>(a, 16) * <u64>load<u32>(b, 28); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 20) * <u64>load<u32>(b, 24); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 24) * <u64>load<u32>(b, 20); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 28) * <u64>load<u32>(b, 16); lo += lo32(q); hi += hi32(q);
  lo += m5; lo -= m4; lo += m3;
  const w3 = <u64>(lo & 0xffffffff);
  lo = (lo >> 32) + hi; hi = 0;
  // column 12
  q = <u64>load<u32>(a, 20) * <u64>load<u32>(b, 28); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 24) * <u64>load<u32>(b, 24); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 28) * <u64>load<u32>(b, 20); lo += lo32(q); hi += hi32(q);
  lo += m6; lo -= m5; lo += m4;
  const w4 = <u64>(lo & 0xffffffff);
  lo = (lo >> 32) + hi; hi = 0;
  // column 13
  q = <u64>load<u32>(a, 24) * <u64>load<u32>(b, 28); lo += lo32(q); hi += hi32(q);
  q = <u64>load<u32>(a, 28) * <u64>load<u32>(b, 24); lo += lo32(q); hi += hi32(q);
  lo += m7; lo -= m6; lo += m5;
  const w5 = <u64>(lo & 0xffffffff);
  lo = (lo >> 32) + hi; hi = 0;
  // column 14
  q = <u64>load<u32>(a, 28) * <u64>load<u32>(b, 28); lo += lo32(q); hi += hi32(q);
  lo -= m7; lo += m6;
  const w6 = <u64>(lo & 0xffffffff);
  lo = (lo >> 32) + hi; hi = 0;
  // column 15
  lo += m7;
  const w7 = <u64>(lo & 0xffffffff), top = <u32>(lo >> 32);
  subtractP(r, top, w0, w1, w2, w3, w4, w5, w6, w7);
}

/** r = a²·2^−256 mod p, for a < p: as mul256, each cross product a_i·a_j (i < j) computed once
 *  and doubled. */
export function sqr256(r: usize, a: usize): void {
  let lo: i64 = 0, hi: i64 = 0, x: i64, y: i64, q: u64;
  // column 0
  q = <u64>load<u32>(a, 0); q *= q; lo += lo32(q); hi += hi32(q);
  const m0 = lo & 0xffffffff;
  lo = (lo >> 32) + hi; hi = 0;
  // column 1
  x = 0; y = 0;
  q = <u64>load<u32>(a, 0) * <u64>load<u32>(a, 4); x += lo32(q); y += hi32(q);
  lo += x << 1; hi += y << 1;
  const m1 = lo & 0xffffffff;
  lo = (lo >> 32) + hi; hi = 0;
  // column 2
  x = 0; y = 0;
  q = <u64>load<u32>(a, 0) * <u64>load<u32>(a, 8); x += lo32(q); y += hi32(q);
  lo += x << 1; hi += y << 1;
  q = <u64>load<u32>(a, 4); q *= q; lo += lo32(q); hi += hi32(q);
  const m2 = lo & 0xffffffff;
  lo = (lo >> 32) + hi; hi = 0;
  // column 3
  x = 0; y = 0;
  q = <u64>load<u32>(a, 0) * <u64>load<u32>(a, 12); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 4) * <u64>load<u32>(a, 8); x += lo32(q); y += hi32(q);
  lo += x << 1; hi += y << 1;
  lo += m0;
  const m3 = lo & 0xffffffff;
  lo = (lo >> 32) + hi; hi = 0;
  // column 4
  x = 0; y = 0;
  q = <u64>load<u32>(a, 0) * <u64>load<u32>(a, 16); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 4) * <u64>load<u32>(a, 12); x += lo32(q); y += hi32(q);
  lo += x << 1; hi += y << 1;
  q = <u64>load<u32>(a, 8); q *= q; lo += lo32(q); hi += hi32(q);
  lo += m1;
  const m4 = lo & 0xffffffff;
  lo = (lo >> 32) + hi; hi = 0;
  // column 5
  x = 0; y = 0;
  q = <u64>load<u32>(a, 0) * <u64>load<u32>(a, 20); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 4) * <u64>load<u32>(a, 16); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 8) * <u64>load<u32>(a, 12); x += lo32(q); y += hi32(q);
  lo += x << 1; hi += y << 1;
  lo += m2;
  const m5 = lo & 0xffffffff;
  lo = (lo >> 32) + hi; hi = 0;
  // column 6
  x = 0; y = 0;
  q = <u64>load<u32>(a, 0) * <u64>load<u32>(a, 24); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 4) * <u64>load<u32>(a, 20); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 8) * <u64>load<u32>(a, 16); x += lo32(q); y += hi32(q);
  lo += x << 1; hi += y << 1;
  q = <u64>load<u32>(a, 12); q *= q; lo += lo32(q); hi += hi32(q);
  lo += m3; lo += m0;
  const m6 = lo & 0xffffffff;
  lo = (lo >> 32) + hi; hi = 0;
  // column 7
  x = 0; y = 0;
  q = <u64>load<u32>(a, 0) * <u64>load<u32>(a, 28); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 4) * <u64>load<u32>(a, 24); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 8) * <u64>load<u32>(a, 20); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 12) * <u64>load<u32>(a, 16); x += lo32(q); y += hi32(q);
  lo += x << 1; hi += y << 1;
  lo += m4; lo += m1; lo -= m0;
  const m7 = lo & 0xffffffff;
  lo = (lo >> 32) + hi; hi = 0;
  // column 8
  x = 0; y = 0;
  q = <u64>load<u32>(a, 4) * <u64>load<u32>(a, 28); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 8) * <u64>load<u32>(a, 24); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 12) * <u64>load<u32>(a, 20); x += lo32(q); y += hi32(q);
  lo += x << 1; hi += y << 1;
  q = <u64>load<u32>(a, 16); q *= q; lo += lo32(q); hi += hi32(q);
  lo += m5; lo += m2; lo -= m1; lo += m0;
  const w0 = <u64>(lo & 0xffffffff);
  lo = (lo >> 32) + hi; hi = 0;
  // column 9
  x = 0; y = 0;
  q = <u64>load<u32>(a, 8) * <u64>load<u32>(a, 28); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 12) * <u64>load<u32>(a, 24); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 16) * <u64>load<u32>(a, 20); x += lo32(q); y += hi32(q);
  lo += x << 1; hi += y << 1;
  lo += m6; lo += m3; lo -= m2; lo += m1;
  const w1 = <u64>(lo & 0xffffffff);
  lo = (lo >> 32) + hi; hi = 0;
  // column 10
  x = 0; y = 0;
  q = <u64>load<u32>(a, 12) * <u64>load<u32>(a, 28); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 16) * <u64>load<u32>(a, 24); x += lo32(q); y += hi32(q);
  lo += x << 1; hi += y << 1;
  q = <u64>load<u32>(a, 20); q *= q; lo += lo32(q); hi += hi32(q);
  lo += m7; lo += m4; lo -= m3; lo += m2;
  const w2 = <u64>(lo & 0xffffffff);
  lo = (lo >> 32) + hi; hi = 0;
  // column 11
  x = 0; y = 0;
  q = <u64>load<u32>(a, 16) * <u64>load<u32>(a, 28); x += lo32(q); y += hi32(q);
  q = <u64>load<u32>(a, 20) * <u64>load<u32>(a, 24); x += lo32(q); y += hi32(q);
  lo += x << 1; hi += y << 1;
  lo += m5; lo -= m4; lo += m3;
  const w3 = <u64>(lo & 0xffffffff);
  lo = (lo >> 32) + hi; hi = 0;
  // column 12
  x = 0; y = 0;
  q = <u64>load<u32>(a, 20) * <u64>load<u32>(a, 28); x += lo32(q); y += hi32(q);
  lo += x << 1; hi += y << 1;
  q = <u64>load<u32>(a, 24); q *= q; lo += lo32(q); hi += hi32(q);
  lo += m6; lo -= m5; lo += m4;
  const w4 = <u64>(lo & 0xffffffff);
  lo = (lo >> 32) + hi; hi = 0;
  // column 13
  x = 0; y = 0;
  q = <u64>load<u32>(a, 24) * <u64>load<u32>(a, 28); x += lo32(q); y += hi32(q);
  lo += x << 1; hi += y << 1;
  lo += m7; lo -= m6; lo += m5;
  const w5 = <u64>(lo & 0xffffffff);
  lo = (lo >> 32) + hi; hi = 0;
  // column 14
  q = <u64>load<u32>(a, 28); q *= q; lo += lo32(q); hi += hi32(q);
  lo -= m7; lo += m6;
  const w6 = <u64>(lo & 0xffffffff);
  lo = (lo >> 32) + hi; hi = 0;
  // column 15
  lo += m7;
  const w7 = <u64>(lo & 0xffffffff), top = <u32>(lo >> 32);
  subtractP(r, top, w0, w1, w2, w3, w4, w5, w6, w7);
}

/** r = a + b mod p: a + b − p, then p added back under a mask when that is negative. */
export function add256(r: usize, a: usize, b: usize): void {
  let c: i64 = 0;
  c += <i64>load<u32>(a, 0) + <i64>load<u32>(b, 0) - 0xffffffff; const s0 = <u32>c; c >>= 32;
  c += <i64>load<u32>(a, 4) + <i64>load<u32>(b, 4) - 0xffffffff; const s1 = <u32>c; c >>= 32;
  c += <i64>load<u32>(a, 8) + <i64>load<u32>(b, 8) - 0xffffffff; const s2 = <u32>c; c >>= 32;
  c += <i64>load<u32>(a, 12) + <i64>load<u32>(b, 12); const s3 = <u32>c; c >>= 32;
  c += <i64>load<u32>(a, 16) + <i64>load<u32>(b, 16); const s4 = <u32>c; c >>= 32;
  c += <i64>load<u32>(a, 20) + <i64>load<u32>(b, 20); const s5 = <u32>c; c >>= 32;
  c += <i64>load<u32>(a, 24) + <i64>load<u32>(b, 24) - 0x1; const s6 = <u32>c; c >>= 32;
  c += <i64>load<u32>(a, 28) + <i64>load<u32>(b, 28) - 0xffffffff; const s7 = <u32>c; c >>= 32;
  addBack(r, <u32>c, s0, s1, s2, s3, s4, s5, s6, s7);
}

/** r = a − b mod p: p added back under a mask when a < b. */
export function sub256(r: usize, a: usize, b: usize): void {
  let c: i64 = 0;
  c += <i64>load<u32>(a, 0) - <i64>load<u32>(b, 0); const s0 = <u32>c; c >>= 32;
  c += <i64>load<u32>(a, 4) - <i64>load<u32>(b, 4); const s1 = <u32>c; c >>= 32;
  c += <i64>load<u32>(a, 8) - <i64>load<u32>(b, 8); const s2 = <u32>c; c >>= 32;
  c += <i64>load<u32>(a, 12) - <i64>load<u32>(b, 12); const s3 = <u32>c; c >>= 32;
  c += <i64>load<u32>(a, 16) - <i64>load<u32>(b, 16); const s4 = <u32>c; c >>= 32;
  c += <i64>load<u32>(a, 20) - <i64>load<u32>(b, 20); const s5 = <u32>c; c >>= 32;
  c += <i64>load<u32>(a, 24) - <i64>load<u32>(b, 24); const s6 = <u32>c; c >>= 32;
  c += <i64>load<u32>(a, 28) - <i64>load<u32>(b, 28); const s7 = <u32>c; c >>= 32;
  addBack(r, <u32>c, s0, s1, s2, s3, s4, s5, s6, s7);
}

/** r = s + (p & mask), the carry out dropped. */
// @ts-ignore: decorator
@inline function addBack(r: usize, mask: u32, s0: u32, s1: u32, s2: u32, s3: u32, s4: u32, s5: u32, s6: u32, s7: u32): void {
  let c: u64 = 0;
  c += <u64>s0 + <u64>mask; store<u32>(r, <u32>c, 0); c >>= 32;
  c += <u64>s1 + <u64>mask; store<u32>(r, <u32>c, 4); c >>= 32;
  c += <u64>s2 + <u64>mask; store<u32>(r, <u32>c, 8); c >>= 32;
  c += <u64>s3; store<u32>(r, <u32>c, 12); c >>= 32;
  c += <u64>s4; store<u32>(r, <u32>c, 16); c >>= 32;
  c += <u64>s5; store<u32>(r, <u32>c, 20); c >>= 32;
  c += <u64>s6 + <u64>(mask & 1); store<u32>(r, <u32>c, 24); c >>= 32;
  c += <u64>s7 + <u64>mask; store<u32>(r, <u32>c, 28); c >>= 32;
}

/** r = w − p unless that borrows out of the top word (w < p), by mask. */
// @ts-ignore: decorator
@inline function subtractP(r: usize, top: u32, w0: u64, w1: u64, w2: u64, w3: u64, w4: u64, w5: u64, w6: u64, w7: u64): void {
  let d: u64, borrow: u64 = 0;
  d = w0 - 0xffffffff - borrow; borrow = d >> 63; const d0 = <u32>d;
  d = w1 - 0xffffffff - borrow; borrow = d >> 63; const d1 = <u32>d;
  d = w2 - 0xffffffff - borrow; borrow = d >> 63; const d2 = <u32>d;
  d = w3 - borrow; borrow = d >> 63; const d3 = <u32>d;
  d = w4 - borrow; borrow = d >> 63; const d4 = <u32>d;
  d = w5 - borrow; borrow = d >> 63; const d5 = <u32>d;
  d = w6 - 0x1 - borrow; borrow = d >> 63; const d6 = <u32>d;
  d = w7 - 0xffffffff - borrow; borrow = d >> 63; const d7 = <u32>d;
  const keep = 0 - (<u32>borrow & ~top);
  store<u32>(r, d0 ^ ((d0 ^ <u32>w0) & keep), 0);
  store<u32>(r, d1 ^ ((d1 ^ <u32>w1) & keep), 4);
  store<u32>(r, d2 ^ ((d2 ^ <u32>w2) & keep), 8);
  store<u32>(r, d3 ^ ((d3 ^ <u32>w3) & keep), 12);
  store<u32>(r, d4 ^ ((d4 ^ <u32>w4) & keep), 16);
  store<u32>(r, d5 ^ ((d5 ^ <u32>w5) & keep), 20);
  store<u32>(r, d6 ^ ((d6 ^ <u32>w6) & keep), 24);
  store<u32>(r, d7 ^ ((d7 ^ <u32>w7) & keep), 28);
}
