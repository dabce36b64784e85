// AES-128, AES-192 and AES-256 encryption (FIPS 197), bitsliced: eight blocks at a time, with no
// table and no branch or address that depends on the key or the data.
//
// Layout of a bitsliced state (128 bytes, the same in both builds): eight planes of 16 bytes; plane
// b holds bit b of every state byte. Within a plane, byte 4·r + c is row r, column c of the state
// (FIPS 197 §3.4), and bit j of that byte belongs to block j. A row is thus one 32-bit word
// (an i32x4 lane, or half of a u64), ShiftRows rotates each row word, and MixColumns combines
// whole row words. The SIMD build keeps a plane in one v128; the scalar build keeps it in two u64
// (rows 0–1, rows 2–3). The S-box is the boolean circuit of aes-sbox.ts over the eight planes.
import { and, sboxPlanes, xor } from './aes-sbox';

/** Bytes of bitsliced round keys for up to 14 rounds. */
export const AES_KEYS_SIZE: usize = 15 * 128;
/** Bytes of scratch aesExpandKey needs. */
export const AES_SCHEDULE_SCRATCH: usize = 384;

// @ts-ignore: decorator
@inline function shr<T>(a: T, n: i32): T {
  if (isVector<T>()) return <T>i64x2.shr_u(<v128>a, n);
  // @ts-ignore: integer T
  return a >> <T>n;
}

// @ts-ignore: decorator
@inline function shl<T>(a: T, n: i32): T {
  if (isVector<T>()) return <T>i64x2.shl(<v128>a, n);
  // @ts-ignore: integer T
  return a << <T>n;
}

// @ts-ignore: decorator
@inline function splat<T>(m: u64): T {
  if (isVector<T>()) return <T>i64x2.splat(m);
  return <T>m;
}

/**
 * Transposes, within each byte position, the 8×8 bit matrix formed by the eight words at `p`,
 * `p + 16`, …, `p + 112`: afterwards word b holds bit b of each byte, bit j coming from word j.
 * Its own inverse. Three rounds of SWAPMOVE exchange single bits, bit pairs and nibbles. In the
 * SIMD build each word is first reordered by transposeBytes; if `k` is not 0 the words at `k` are
 * added before the store (AddRoundKey, §5.1.4).
 */
// @ts-ignore: decorator
@inline function transposeBits<T>(p: usize, k: usize): void {
  let r0 = load<T>(p, 0), r1 = load<T>(p, 16), r2 = load<T>(p, 32), r3 = load<T>(p, 48);
  let r4 = load<T>(p, 64), r5 = load<T>(p, 80), r6 = load<T>(p, 96), r7 = load<T>(p, 112);
  if (isVector<T>()) {
    r0 = <T>transposeBytes(<v128>r0); r1 = <T>transposeBytes(<v128>r1);
    r2 = <T>transposeBytes(<v128>r2); r3 = <T>transposeBytes(<v128>r3);
    r4 = <T>transposeBytes(<v128>r4); r5 = <T>transposeBytes(<v128>r5);
    r6 = <T>transposeBytes(<v128>r6); r7 = <T>transposeBytes(<v128>r7);
  }
  let m = splat<T>(0x5555555555555555);
  let t = and<T>(xor<T>(shr<T>(r0, 1), r1), m); r1 = xor<T>(r1, t); r0 = xor<T>(r0, shl<T>(t, 1));
  t = and<T>(xor<T>(shr<T>(r2, 1), r3), m); r3 = xor<T>(r3, t); r2 = xor<T>(r2, shl<T>(t, 1));
  t = and<T>(xor<T>(shr<T>(r4, 1), r5), m); r5 = xor<T>(r5, t); r4 = xor<T>(r4, shl<T>(t, 1));
  t = and<T>(xor<T>(shr<T>(r6, 1), r7), m); r7 = xor<T>(r7, t); r6 = xor<T>(r6, shl<T>(t, 1));
  m = splat<T>(0x3333333333333333);
  t = and<T>(xor<T>(shr<T>(r0, 2), r2), m); r2 = xor<T>(r2, t); r0 = xor<T>(r0, shl<T>(t, 2));
  t = and<T>(xor<T>(shr<T>(r1, 2), r3), m); r3 = xor<T>(r3, t); r1 = xor<T>(r1, shl<T>(t, 2));
  t = and<T>(xor<T>(shr<T>(r4, 2), r6), m); r6 = xor<T>(r6, t); r4 = xor<T>(r4, shl<T>(t, 2));
  t = and<T>(xor<T>(shr<T>(r5, 2), r7), m); r7 = xor<T>(r7, t); r5 = xor<T>(r5, shl<T>(t, 2));
  m = splat<T>(0x0f0f0f0f0f0f0f0f);
  t = and<T>(xor<T>(shr<T>(r0, 4), r4), m); r4 = xor<T>(r4, t); r0 = xor<T>(r0, shl<T>(t, 4));
  t = and<T>(xor<T>(shr<T>(r1, 4), r5), m); r5 = xor<T>(r5, t); r1 = xor<T>(r1, shl<T>(t, 4));
  t = and<T>(xor<T>(shr<T>(r2, 4), r6), m); r6 = xor<T>(r6, t); r2 = xor<T>(r2, shl<T>(t, 4));
  t = and<T>(xor<T>(shr<T>(r3, 4), r7), m); r7 = xor<T>(r7, t); r3 = xor<T>(r3, shl<T>(t, 4));
  if (k) {
    r0 = xor<T>(r0, load<T>(k, 0)); r1 = xor<T>(r1, load<T>(k, 16));
    r2 = xor<T>(r2, load<T>(k, 32)); r3 = xor<T>(r3, load<T>(k, 48));
    r4 = xor<T>(r4, load<T>(k, 64)); r5 = xor<T>(r5, load<T>(k, 80));
    r6 = xor<T>(r6, load<T>(k, 96)); r7 = xor<T>(r7, load<T>(k, 112));
  }
  store<T>(p, r0, 0); store<T>(p, r1, 16); store<T>(p, r2, 32); store<T>(p, r3, 48);
  store<T>(p, r4, 64); store<T>(p, r5, 80); store<T>(p, r6, 96); store<T>(p, r7, 112);
}

/** Block byte r + 4·c (FIPS 197 §3.4: column by column) ↔ plane byte 4·r + c; its own inverse. */
// @ts-ignore: decorator
@inline function transposeBytes(x: v128): v128 {
  return i8x16.shuffle(x, x, 0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15);
}

/** The same on a block held as two u64 (columns 0–1, columns 2–3), in place at `p`. */
// @ts-ignore: decorator
@inline function transposeBytes64(p: usize): void {
  let lo = load<u64>(p, 0), hi = load<u64>(p, 8);
  let t = ((lo >> 16) ^ hi) & 0x0000ffff0000ffff; // swap the off-diagonal 2×2 blocks
  hi ^= t;
  lo ^= t << 16;
  t = ((lo >> 24) ^ lo) & 0x00000000ff00ff00; // then transpose each 2×2 block
  lo ^= t ^ (t << 24);
  t = ((hi >> 24) ^ hi) & 0x00000000ff00ff00;
  hi ^= t ^ (t << 24);
  store<u64>(p, lo, 0);
  store<u64>(p, hi, 8);
}

// @ts-ignore: decorator
@inline function transposeBytes8(q: usize): void {
  transposeBytes64(q); transposeBytes64(q + 16); transposeBytes64(q + 32); transposeBytes64(q + 48);
  transposeBytes64(q + 64); transposeBytes64(q + 80); transposeBytes64(q + 96); transposeBytes64(q + 112);
}

/** Converts the eight blocks at `q` to a bitsliced state and adds round key 0 (`k`). */
function bitsliceIn(q: usize, k: usize): void {
  if (ASC_FEATURE_SIMD) {
    transposeBits<v128>(q, k);
  } else {
    transposeBytes8(q);
    transposeBits<u64>(q, k);
    transposeBits<u64>(q + 8, k + 8);
  }
}

/** Converts a bitsliced state at `q` back to eight blocks (the inverse of bitsliceIn without k). */
function bitsliceOut(q: usize): void {
  if (ASC_FEATURE_SIMD) {
    transposeBits<v128>(q, 0);
  } else {
    transposeBits<u64>(q, 0);
    transposeBits<u64>(q + 8, 0);
    transposeBytes8(q);
  }
}

// ── SIMD linear layer ────────────────────────────────────────────────────────────────────────
// ShiftRows (§5.1.2) moves row r left by r columns: plane byte 4r + c takes byte 4r + (c + r) % 4.
// MixColumns (§5.1.3), per column: s'_r = 2·(s_r + s_{r+1}) + s_{r+1} + (s_{r+2} + s_{r+3}), rows
// mod 4. With u = ShiftRows(s), v = u with each row moved up by one (row r takes row r + 1) and
// t = u + v, an output plane is plane b of 2·t, plus v, plus t moved up by two rows. u and v are
// each one byte shuffle of s. Doubling (xtime) on planes: plane b of 2·t is plane b − 1 of t, plus
// plane 7 where 0x1b has bit b (b = 0, 1, 3, 4).

// @ts-ignore: decorator
@inline function shiftRows(s: v128): v128 {
  return i8x16.shuffle(s, s, 0, 1, 2, 3, 5, 6, 7, 4, 10, 11, 8, 9, 15, 12, 13, 14);
}

/** ShiftRows, then each row moved up by one. */
// @ts-ignore: decorator
@inline function shiftRowsUp(s: v128): v128 {
  return i8x16.shuffle(s, s, 5, 6, 7, 4, 10, 11, 8, 9, 15, 12, 13, 14, 0, 1, 2, 3);
}

/** Stores output plane b: `x` (plane b of 2·t) + `v` + `t` moved up two rows + round key plane b. */
// @ts-ignore: decorator
@inline function mixPlane(q: usize, k: usize, b: usize, x: v128, t: v128, v: v128): void {
  const w = i32x4.shuffle(t, t, 2, 3, 0, 1);
  v128.store(q + b * 16, v128.xor(v128.xor(x, v), v128.xor(w, v128.load(k + b * 16))));
}

/** One middle round after SubBytes: ShiftRows, MixColumns, AddRoundKey with `k`. */
function mixSimd(q: usize, k: usize): void {
  let s = v128.load(q, 112);
  const v7 = shiftRowsUp(s), t7 = v128.xor(shiftRows(s), v7);
  s = v128.load(q, 0);
  let v = shiftRowsUp(s), t = v128.xor(shiftRows(s), v);
  mixPlane(q, k, 0, t7, t, v);
  let prev = t;
  s = v128.load(q, 16);
  v = shiftRowsUp(s); t = v128.xor(shiftRows(s), v);
  mixPlane(q, k, 1, v128.xor(prev, t7), t, v);
  prev = t;
  s = v128.load(q, 32);
  v = shiftRowsUp(s); t = v128.xor(shiftRows(s), v);
  mixPlane(q, k, 2, prev, t, v);
  prev = t;
  s = v128.load(q, 48);
  v = shiftRowsUp(s); t = v128.xor(shiftRows(s), v);
  mixPlane(q, k, 3, v128.xor(prev, t7), t, v);
  prev = t;
  s = v128.load(q, 64);
  v = shiftRowsUp(s); t = v128.xor(shiftRows(s), v);
  mixPlane(q, k, 4, v128.xor(prev, t7), t, v);
  prev = t;
  s = v128.load(q, 80);
  v = shiftRowsUp(s); t = v128.xor(shiftRows(s), v);
  mixPlane(q, k, 5, prev, t, v);
  prev = t;
  s = v128.load(q, 96);
  v = shiftRowsUp(s); t = v128.xor(shiftRows(s), v);
  mixPlane(q, k, 6, prev, t, v);
  mixPlane(q, k, 7, t, t7, v7);
}

// @ts-ignore: decorator
@inline function lastPlane(q: usize, k: usize): void {
  v128.store(q, v128.xor(shiftRows(v128.load(q)), v128.load(k)));
}

/** The last round after SubBytes: ShiftRows and AddRoundKey. */
function lastSimd(q: usize, k: usize): void {
  lastPlane(q, k); lastPlane(q + 16, k + 16); lastPlane(q + 32, k + 32); lastPlane(q + 48, k + 48);
  lastPlane(q + 64, k + 64); lastPlane(q + 80, k + 80); lastPlane(q + 96, k + 96); lastPlane(q + 112, k + 112);
}

// ── Scalar linear layer ──────────────────────────────────────────────────────────────────────
// The same steps on a plane held as a = rows 0–1 and b = rows 2–3 (row r in bits 32·(r % 2) and
// up, column c at bit 8·c): ShiftRows by shifts and masks within each 32-bit row, rows moved up
// by exchanging 32-bit halves.

/** ShiftRows of rows 0–1: row 1 rotates right by one column (8 bits) within its word. */
// @ts-ignore: decorator
@inline function shiftRowsA(a: u64): u64 {
  return (a & 0x00000000ffffffff) | ((a >> 8) & 0x00ffffff00000000) | ((a << 24) & 0xff00000000000000);
}

/** ShiftRows of rows 2–3: row 2 rotates by two columns, row 3 by three. */
// @ts-ignore: decorator
@inline function shiftRowsB(b: u64): u64 {
  return ((b >> 16) & 0x000000000000ffff) | ((b << 16) & 0x00000000ffff0000) |
    ((b >> 24) & 0x000000ff00000000) | ((b << 8) & 0xffffff0000000000);
}

/** ShiftRows'd rows 0–1 of plane b moved up by one row: rows 1–2. */
// @ts-ignore: decorator
@inline function upA(ua: u64, ub: u64): u64 {
  return (ua >> 32) | (ub << 32);
}

/** … and rows 2–3 moved up: rows 3–0. */
// @ts-ignore: decorator
@inline function upB(ua: u64, ub: u64): u64 {
  return (ub >> 32) | (ua << 32);
}

/** Stores output plane b, as mixPlane does: `xa`, `xb` are plane b of 2·t, `va`, `vb` the plane's
 *  v, and `ta`, `tb` its t, whose two halves swapped are t moved up by two rows. */
// @ts-ignore: decorator
@inline function mixPlane64(q: usize, k: usize, b: usize, xa: u64, xb: u64, ta: u64, tb: u64, va: u64, vb: u64): void {
  store<u64>(q + b * 16, xa ^ va ^ tb ^ load<u64>(k + b * 16));
  store<u64>(q + b * 16 + 8, xb ^ vb ^ ta ^ load<u64>(k + b * 16 + 8));
}

function mixScalar(q: usize, k: usize): void {
  // Per plane: u = ShiftRows(s), v = u moved up one row, t = u ^ v; the xtime terms need t of
  // the previous plane and of plane 7 (0x1b = bits 0, 1, 3, 4).
  let ua = shiftRowsA(load<u64>(q, 112)), ub = shiftRowsB(load<u64>(q, 120));
  const va7 = upA(ua, ub), vb7 = upB(ua, ub), ta7 = ua ^ va7, tb7 = ub ^ vb7;
  ua = shiftRowsA(load<u64>(q, 0)); ub = shiftRowsB(load<u64>(q, 8));
  let va = upA(ua, ub), vb = upB(ua, ub), ta = ua ^ va, tb = ub ^ vb;
  mixPlane64(q, k, 0, ta7, tb7, ta, tb, va, vb);
  let pa = ta, pb = tb;
  ua = shiftRowsA(load<u64>(q, 16)); ub = shiftRowsB(load<u64>(q, 24));
  va = upA(ua, ub); vb = upB(ua, ub); ta = ua ^ va; tb = ub ^ vb;
  mixPlane64(q, k, 1, pa ^ ta7, pb ^ tb7, ta, tb, va, vb);
  pa = ta; pb = tb;
  ua = shiftRowsA(load<u64>(q, 32)); ub = shiftRowsB(load<u64>(q, 40));
  va = upA(ua, ub); vb = upB(ua, ub); ta = ua ^ va; tb = ub ^ vb;
  mixPlane64(q, k, 2, pa, pb, ta, tb, va, vb);
  pa = ta; pb = tb;
  ua = shiftRowsA(load<u64>(q, 48)); ub = shiftRowsB(load<u64>(q, 56));
  va = upA(ua, ub); vb = upB(ua, ub); ta = ua ^ va; tb = ub ^ vb;
  mixPlane64(q, k, 3, pa ^ ta7, pb ^ tb7, ta, tb, va, vb);
  pa = ta; pb = tb;
  ua = shiftRowsA(load<u64>(q, 64)); ub = shiftRowsB(load<u64>(q, 72));
  va = upA(ua, ub); vb = upB(ua, ub); ta = ua ^ va; tb = ub ^ vb;
  mixPlane64(q, k, 4, pa ^ ta7, pb ^ tb7, ta, tb, va, vb);
  pa = ta; pb = tb;
  ua = shiftRowsA(load<u64>(q, 80)); ub = shiftRowsB(load<u64>(q, 88));
  va = upA(ua, ub); vb = upB(ua, ub); ta = ua ^ va; tb = ub ^ vb;
  mixPlane64(q, k, 5, pa, pb, ta, tb, va, vb);
  pa = ta; pb = tb;
  ua = shiftRowsA(load<u64>(q, 96)); ub = shiftRowsB(load<u64>(q, 104));
  va = upA(ua, ub); vb = upB(ua, ub); ta = ua ^ va; tb = ub ^ vb;
  mixPlane64(q, k, 6, pa, pb, ta, tb, va, vb);
  mixPlane64(q, k, 7, ta, tb, ta7, tb7, va7, vb7);
}

// @ts-ignore: decorator
@inline function lastPlane64(q: usize, k: usize): void {
  store<u64>(q, shiftRowsA(load<u64>(q)) ^ load<u64>(k));
  store<u64>(q, shiftRowsB(load<u64>(q, 8)) ^ load<u64>(k, 8), 8);
}

function lastScalar(q: usize, k: usize): void {
  lastPlane64(q, k); lastPlane64(q + 16, k + 16); lastPlane64(q + 32, k + 32); lastPlane64(q + 48, k + 48);
  lastPlane64(q + 64, k + 64); lastPlane64(q + 80, k + 80); lastPlane64(q + 96, k + 96); lastPlane64(q + 112, k + 112);
}

// ── The cipher ──────────────────────────────────────────────────────────────────────────────

/** Encrypts the eight blocks at `q` (128 bytes) in place with the bitsliced round keys at `rk`. */
export function aesEncrypt8(rk: usize, rounds: i32, q: usize): void {
  bitsliceIn(q, rk);
  let k = rk + 128;
  for (let r = 1; r < rounds; r++, k += 128) {
    if (ASC_FEATURE_SIMD) {
      sboxPlanes<v128>(q);
      mixSimd(q, k);
    } else {
      sboxPlanes<u64>(q);
      sboxPlanes<u64>(q + 8);
      mixScalar(q, k);
    }
  }
  if (ASC_FEATURE_SIMD) {
    sboxPlanes<v128>(q);
    lastSimd(q, k);
  } else {
    sboxPlanes<u64>(q);
    sboxPlanes<u64>(q + 8);
    lastScalar(q, k);
  }
  bitsliceOut(q);
}

/** SubWord (§5.2) in constant time: the four bytes of `w` as four bits of each of eight planes. */
function subWord(w: u32, planes: usize): u32 {
  for (let b: usize = 0; b < 8; b++) store<u32>(planes + b * 16, (w >> <u32>b) & 0x01010101);
  sboxPlanes<u32>(planes);
  let s: u32 = 0;
  for (let b: usize = 0; b < 8; b++) s |= (load<u32>(planes + b * 16) & 0x01010101) << <u32>b;
  return s ^ 0x63636363;
}

/** Plane b of the bitsliced round key whose bytes (in plane order) are `x`. */
// @ts-ignore: decorator
@inline function keyPlane(k: usize, x: v128, b: i32): void {
  const bit = i32x4.splat(0x01010101 << b);
  v128.store(k + <usize>b * 16, i8x16.eq(v128.and(x, bit), bit));
}

/**
 * KeyExpansion (§5.2) of a 16-, 24- or 32-byte key; writes the bitsliced round keys to `rk`
 * (AES_KEYS_SIZE bytes) and returns the number of rounds. `tmp`: AES_SCHEDULE_SCRATCH bytes, left
 * holding key material for the caller to wipe.
 */
export function aesExpandKey(rk: usize, key: usize, keyLen: i32, tmp: usize): i32 {
  const nk = keyLen >> 2;
  const rounds = nk + 6;
  const words = 4 * (rounds + 1);
  const planes = tmp + 256;
  memory.copy(tmp, key, <usize>keyLen);
  // Words are little-endian loads of four key bytes: byte 0 of the word is its low byte.
  let rcon: u32 = 1;
  for (let i = nk; i < words; i++) {
    let w = load<u32>(tmp + <usize>(i - 1) * 4);
    if (i % nk == 0) {
      w = subWord(rotr<u32>(w, 8), planes) ^ rcon; // RotWord, SubWord, Rcon[i / Nk]
      rcon = (rcon << 1) ^ ((rcon >> 7) * 0x11b);
    } else if (nk > 6 && i % nk == 4) {
      w = subWord(w, planes);
    }
    store<u32>(tmp + <usize>i * 4, load<u32>(tmp + <usize>(i - nk) * 4) ^ w);
  }
  // A round key in bitsliced form is the same in all eight blocks: plane b has byte 0xff where
  // the key byte has bit b set. Rounds 1 … Nr also absorb the S-box constant 0x63 that aes-sbox.ts
  // leaves out: ShiftRows and MixColumns map a state of bytes all 0x63 to itself, so it can be
  // added after them.
  for (let r = 0; r <= rounds; r++) {
    const k = rk + <usize>r * 128, w = tmp + <usize>r * 16;
    const c: u64 = r == 0 ? 0 : 0x6363636363636363;
    if (ASC_FEATURE_SIMD) {
      const x = v128.xor(transposeBytes(v128.load(w)), i64x2.splat(c));
      keyPlane(k, x, 0); keyPlane(k, x, 1); keyPlane(k, x, 2); keyPlane(k, x, 3);
      keyPlane(k, x, 4); keyPlane(k, x, 5); keyPlane(k, x, 6); keyPlane(k, x, 7);
    } else {
      transposeBytes64(w);
      const lo = load<u64>(w) ^ c, hi = load<u64>(w, 8) ^ c;
      for (let b: u64 = 0; b < 8; b++) {
        store<u64>(k + <usize>b * 16, ((lo >> b) & 0x0101010101010101) * 0xff);
        store<u64>(k + <usize>b * 16, ((hi >> b) & 0x0101010101010101) * 0xff, 8);
      }
    }
  }
  return rounds;
}

// @ts-ignore: decorator
@inline function counterBlock(p: usize, p0: u64, p1: u32, ctr: u32): void {
  store<u64>(p, p0);
  store<u32>(p, p1, 8);
  store<u32>(p, bswap<u32>(ctr), 12);
}

/** dst = src ^ key, 32 bytes. */
// @ts-ignore: decorator
@inline function xor32(dst: usize, src: usize, key: usize): void {
  if (ASC_FEATURE_SIMD) {
    v128.store(dst, v128.xor(v128.load(src), v128.load(key)));
    v128.store(dst, v128.xor(v128.load(src, 16), v128.load(key, 16)), 16);
  } else {
    store<u64>(dst, load<u64>(src) ^ load<u64>(key));
    store<u64>(dst, load<u64>(src, 8) ^ load<u64>(key, 8), 8);
    store<u64>(dst, load<u64>(src, 16) ^ load<u64>(key, 16), 16);
    store<u64>(dst, load<u64>(src, 24) ^ load<u64>(key, 24), 24);
  }
}

/**
 * CTR (SP 800-38D §6.5): XORs `len` bytes at `src` with the keystream E(K, CB_1) ‖ E(K, CB_2) ‖ …
 * into `dst` (src may equal dst), where CB_1 = `prefix` (12 bytes) ‖ BE32(`ctr`) and each next
 * block is inc32 of the last (§6.2). Returns the counter after the last block used. `q`: 128 bytes.
 */
export function aesCtr(rk: usize, rounds: i32, prefix: usize, ctr: u32, src: usize, dst: usize, len: usize, q: usize): u32 {
  const p0 = load<u64>(prefix), p1 = load<u32>(prefix, 8);
  while (len > 0) {
    counterBlock(q, p0, p1, ctr); counterBlock(q + 16, p0, p1, ctr + 1);
    counterBlock(q + 32, p0, p1, ctr + 2); counterBlock(q + 48, p0, p1, ctr + 3);
    counterBlock(q + 64, p0, p1, ctr + 4); counterBlock(q + 80, p0, p1, ctr + 5);
    counterBlock(q + 96, p0, p1, ctr + 6); counterBlock(q + 112, p0, p1, ctr + 7);
    aesEncrypt8(rk, rounds, q);
    const n = min<usize>(len, 128);
    if (n == 128) {
      xor32(dst, src, q); xor32(dst + 32, src + 32, q + 32);
      xor32(dst + 64, src + 64, q + 64); xor32(dst + 96, src + 96, q + 96);
      ctr += 8;
    } else {
      ctr += <u32>((n + 15) >> 4); // the blocks of this last batch used
      for (let i: usize = 0; i < n; i++) store<u8>(dst + i, load<u8>(src + i) ^ load<u8>(q + i));
    }
    src += n;
    dst += n;
    len -= n;
  }
  return ctr;
}
