// ristretto255 (RFC 9496 §4): the prime-order group built on edwards25519. Elements are held as
// extended edwards25519 points (X, Y, Z, T) with tight coordinates; the point arithmetic, the
// signed radix-16 recoding, the masked table scans and the fixed-base comb are x25519-base.ts's.
// Nothing branches on or indexes memory by a secret: validity results are public, scalar digits
// select table entries by full masked scans. Temporaries live in RISTRETTO_SCRATCH (within
// CURVE_SCRATCH, before x25519-base.ts's temporaries in CIPHER_SCRATCH); callers wipe them.
import { CIPHER_SCRATCH, MSM, MSM_TERMS, MSM_TERM_SIZE } from '../mem';
import { expand } from '../hash/xmd';
import { HashAlg } from '../abi';
import {
  FE_SIZE, FE_POW_SCRATCH, fromBytes, toBytes, add, sub, neg, mul, square, pow22523, carry, cneg,
  isNegative, isZero, equal, one, zero, copy,
} from '../field/fe25519';
import { cmov, equal as bytesEqual, mask } from '../ct';
import { SCALAR_SCRATCH, SCALAR_SCRATCH_SIZE } from '../field/scalar25519';
import { POINT, ENTRIES, DIGITS, SEL, prepare, toEntry, addEntry, double, recode, select, baseMul } from './x25519-base';

const RISTRETTO_SCRATCH: usize = SCALAR_SCRATCH + SCALAR_SCRATCH_SIZE;
const F: usize = RISTRETTO_SCRATCH; // twelve field temporaries F0 … F11
const S: usize = F + 12 * FE_SIZE; // four for sqrtRatioM1
const POW: usize = S + 4 * FE_SIZE;
const P: usize = POW + FE_POW_SCRATCH;
const Q: usize = P + POINT;
const TABLE: usize = Q + POINT; // 1·P … 8·P in entry form
const UNIFORM: usize = TABLE + ENTRIES * POINT; // hashToGroup's 64 uniform bytes
// @ts-ignore: compile-time builtin
if (UNIFORM + 64 > CIPHER_SCRATCH) ERROR('the ristretto255 scratch overlaps CIPHER_SCRATCH');

// @ts-ignore: decorator
@inline function f(i: usize): usize {
  return F + i * FE_SIZE;
}

// @ts-ignore: decorator
@inline function s(i: usize): usize {
  return S + i * FE_SIZE;
}

// The constants of RFC 9496 §4.1, little-endian (d and sqrt(−1) also serve ed25519.ts).
export const D_BYTES = memory.data<u8>([
  0xa3, 0x78, 0x59, 0x13, 0xca, 0x4d, 0xeb, 0x75, 0xab, 0xd8, 0x41, 0x41, 0x4d, 0x0a, 0x70, 0x00,
  0x98, 0xe8, 0x79, 0x77, 0x79, 0x40, 0xc7, 0x8c, 0x73, 0xfe, 0x6f, 0x2b, 0xee, 0x6c, 0x03, 0x52,
]);
export const SQRT_M1_BYTES = memory.data<u8>([
  0xb0, 0xa0, 0x0e, 0x4a, 0x27, 0x1b, 0xee, 0xc4, 0x78, 0xe4, 0x2f, 0xad, 0x06, 0x18, 0x43, 0x2f,
  0xa7, 0xd7, 0xfb, 0x3d, 0x99, 0x00, 0x4d, 0x2b, 0x0b, 0xdf, 0xc1, 0x4f, 0x80, 0x24, 0x83, 0x2b,
]);
const SQRT_AD_MINUS_ONE_BYTES = memory.data<u8>([
  0x1b, 0x2e, 0x7b, 0x49, 0xa0, 0xf6, 0x97, 0x7e, 0xbd, 0x54, 0x78, 0x1b, 0x0c, 0x8e, 0x9d, 0xaf,
  0xfd, 0xd1, 0xf5, 0x31, 0xc9, 0xfc, 0x3c, 0x0f, 0xac, 0x48, 0x83, 0x2b, 0xbf, 0x31, 0x69, 0x37,
]);
const INVSQRT_A_MINUS_D_BYTES = memory.data<u8>([
  0xea, 0x40, 0x5d, 0x80, 0xaa, 0xfd, 0xc8, 0x99, 0xbe, 0x72, 0x41, 0x5a, 0x17, 0x16, 0x2f, 0x9d,
  0x40, 0xd8, 0x01, 0xfe, 0x91, 0x7b, 0xc2, 0x16, 0xa2, 0xfc, 0xaf, 0xcf, 0x05, 0x89, 0x6c, 0x78,
]);
const ONE_MINUS_D_SQ_BYTES = memory.data<u8>([
  0x76, 0xc1, 0x5f, 0x94, 0xc1, 0x09, 0x7c, 0xe2, 0x0f, 0x35, 0x5e, 0xcd, 0x38, 0xa1, 0x81, 0x2c,
  0xe4, 0xdf, 0x70, 0xbe, 0xdd, 0xab, 0x94, 0x99, 0xd7, 0xe0, 0xb3, 0xb2, 0xa8, 0x72, 0x90, 0x02,
]);
const D_MINUS_ONE_SQ_BYTES = memory.data<u8>([
  0x20, 0x4d, 0xed, 0x44, 0xaa, 0x5a, 0xad, 0x31, 0x99, 0x19, 0x1e, 0xb0, 0x2c, 0x4a, 0x9e, 0xd2,
  0xeb, 0x4e, 0x9b, 0x52, 0x2f, 0xd3, 0xdc, 0x4c, 0x41, 0x22, 0x6c, 0xf6, 0x7a, 0xb3, 0x68, 0x59,
]);
const D: usize = memory.data(6 * <i32>FE_SIZE, 8);
const SQRT_M1: usize = D + FE_SIZE;
const SQRT_AD_MINUS_ONE: usize = SQRT_M1 + FE_SIZE;
const INVSQRT_A_MINUS_D: usize = SQRT_AD_MINUS_ONE + FE_SIZE;
const ONE_MINUS_D_SQ: usize = INVSQRT_A_MINUS_D + FE_SIZE;
const D_MINUS_ONE_SQ: usize = ONE_MINUS_D_SQ + FE_SIZE;

let constantsReady = false;

function setup(): void {
  prepare();
  if (constantsReady) return;
  fromBytes(D, D_BYTES);
  fromBytes(SQRT_M1, SQRT_M1_BYTES);
  fromBytes(SQRT_AD_MINUS_ONE, SQRT_AD_MINUS_ONE_BYTES);
  fromBytes(INVSQRT_A_MINUS_D, INVSQRT_A_MINUS_D_BYTES);
  fromBytes(ONE_MINUS_D_SQ, ONE_MINUS_D_SQ_BYTES);
  fromBytes(D_MINUS_ONE_SQ, D_MINUS_ONE_SQ_BYTES);
  constantsReady = true;
}

/** §4.2 SQRT_RATIO_M1: r = the nonnegative square root of u/v or of i·u/v (tight); returns 1 if
 *  u/v was square. u and v are tight; r may alias neither. */
function sqrtRatioM1(r: usize, u: usize, v: usize): u32 {
  square(s(0), v);
  mul(s(0), s(0), v); // v³
  square(s(1), s(0));
  mul(s(1), s(1), v); // v⁷
  mul(s(1), s(1), u);
  pow22523(s(1), s(1), POW); // (u·v⁷)^((p − 5)/8)
  mul(s(0), s(0), u);
  mul(s(0), s(0), s(1)); // r = u·v³·(u·v⁷)^((p − 5)/8)
  square(s(1), s(0));
  mul(s(1), s(1), v); // check = v·r²
  neg(s(2), u);
  const correct = equal(s(1), u);
  const flipped = equal(s(1), s(2));
  mul(s(3), s(2), SQRT_M1);
  const flippedI = equal(s(1), s(3));
  mul(s(3), s(0), SQRT_M1);
  cmov(s(0), s(3), FE_SIZE, mask(flipped | flippedI));
  cneg(r, s(0), mask(isNegative(s(0))));
  carry(r, r);
  return correct | flipped;
}

/** §4.3.1 DECODE of the 32 bytes at src into the point p; returns 1 if they are a valid
 *  encoding: canonical, nonnegative s, a square, nonnegative t and nonzero y. */
function decode(p: usize, src: usize): u32 {
  const X = p, Y = p + FE_SIZE, Z = p + 2 * FE_SIZE, T = p + 3 * FE_SIZE;
  fromBytes(f(0), src); // s
  toBytes(f(1), f(0));
  const canonical = <u32>bytesEqual(f(1), src, 32);
  const negative = isNegative(f(0));
  square(f(1), f(0)); // s²
  one(f(2));
  sub(f(3), f(2), f(1)); // u1 = 1 − s²
  add(f(4), f(2), f(1)); // u2 = 1 + s²
  square(f(5), f(4)); // u2²
  square(f(6), f(3));
  mul(f(6), f(6), D);
  neg(f(6), f(6));
  sub(f(6), f(6), f(5));
  carry(f(6), f(6)); // v = −(D·u1²) − u2²
  mul(f(7), f(6), f(5));
  one(f(8));
  const wasSquare = sqrtRatioM1(f(9), f(8), f(7)); // invsqrt of v·u2²
  mul(f(10), f(9), f(4)); // den_x
  mul(f(11), f(9), f(10));
  mul(f(11), f(11), f(6)); // den_y
  add(f(1), f(0), f(0));
  mul(X, f(1), f(10)); // 2·s·den_x
  cneg(X, X, mask(isNegative(X)));
  carry(X, X); // x = |2·s·den_x|
  mul(Y, f(3), f(11)); // y = u1·den_y
  one(Z);
  mul(T, X, Y);
  return canonical & (negative ^ 1) & wasSquare & (isNegative(T) ^ 1) & (isZero(Y) ^ 1);
}

/** §4.3.2 ENCODE of the point p into 32 bytes at out. */
function encode(out: usize, p: usize): void {
  const X0 = p, Y0 = p + FE_SIZE, Z0 = p + 2 * FE_SIZE, T0 = p + 3 * FE_SIZE;
  add(f(0), Z0, Y0);
  sub(f(1), Z0, Y0);
  mul(f(0), f(0), f(1)); // u1 = (z0 + y0)·(z0 − y0)
  mul(f(1), X0, Y0); // u2 = x0·y0
  square(f(2), f(1));
  mul(f(2), f(2), f(0));
  one(f(3));
  sqrtRatioM1(f(4), f(3), f(2)); // invsqrt of u1·u2²
  mul(f(5), f(4), f(0)); // den1
  mul(f(6), f(4), f(1)); // den2
  mul(f(7), f(5), f(6));
  mul(f(7), f(7), T0); // z_inv
  mul(f(8), X0, SQRT_M1); // ix0
  mul(f(9), Y0, SQRT_M1); // iy0
  mul(f(10), f(5), INVSQRT_A_MINUS_D); // enchanted_denominator
  mul(f(11), T0, f(7));
  const rotate = isNegative(f(11));
  copy(f(0), X0);
  cmov(f(0), f(9), FE_SIZE, mask(rotate)); // x
  copy(f(1), Y0);
  cmov(f(1), f(8), FE_SIZE, mask(rotate)); // y
  cmov(f(6), f(10), FE_SIZE, mask(rotate)); // den_inv
  mul(f(11), f(0), f(7));
  cneg(f(1), f(1), mask(isNegative(f(11))));
  sub(f(2), Z0, f(1));
  mul(f(2), f(6), f(2));
  cneg(f(2), f(2), mask(isNegative(f(2)))); // s = |den_inv·(z − y)|
  toBytes(out, f(2));
}

/** §4.3.4 MAP: the Elligator 2 map of the 32 bytes at src (top bit masked) to the point p. */
function map(p: usize, src: usize): void {
  fromBytes(f(0), src); // t
  square(f(1), f(0));
  mul(f(1), f(1), SQRT_M1); // r = SQRT_M1·t²
  one(f(2));
  add(f(3), f(1), f(2));
  mul(f(3), f(3), ONE_MINUS_D_SQ); // u = (r + 1)·ONE_MINUS_D_SQ
  mul(f(4), f(1), D);
  add(f(4), f(4), f(2));
  carry(f(4), f(4));
  neg(f(4), f(4));
  add(f(5), f(1), D);
  mul(f(4), f(4), f(5)); // v = (−1 − r·D)·(r + D)
  const wasSquare = sqrtRatioM1(f(6), f(3), f(4)); // s
  mul(f(7), f(6), f(0));
  cneg(f(7), f(7), mask(isNegative(f(7)) ^ 1));
  carry(f(7), f(7)); // s' = −|s·t|
  cmov(f(6), f(7), FE_SIZE, mask(wasSquare ^ 1));
  one(f(8));
  neg(f(8), f(8));
  cmov(f(8), f(1), FE_SIZE, mask(wasSquare ^ 1)); // c = −1 or r
  sub(f(9), f(1), f(2));
  mul(f(9), f(8), f(9));
  mul(f(9), f(9), D_MINUS_ONE_SQ);
  sub(f(9), f(9), f(4)); // N = c·(r − 1)·D_MINUS_ONE_SQ − v
  add(f(10), f(6), f(6));
  mul(f(10), f(10), f(4)); // w0 = 2·s·v
  mul(f(11), f(9), SQRT_AD_MINUS_ONE); // w1 = N·SQRT_AD_MINUS_ONE
  square(f(3), f(6));
  sub(f(5), f(2), f(3)); // w2 = 1 − s²
  add(f(3), f(2), f(3)); // w3 = 1 + s²
  mul(p, f(10), f(3));
  mul(p + FE_SIZE, f(5), f(11));
  mul(p + 2 * FE_SIZE, f(11), f(3));
  mul(p + 3 * FE_SIZE, f(10), f(5));
}

/** The identity (0, 1, 1, 0). */
function identity(p: usize): void {
  zero(p);
  one(p + FE_SIZE);
  one(p + 2 * FE_SIZE);
  zero(p + 3 * FE_SIZE);
}

/** 1 if the 32 bytes at src are a valid encoding (§4.3.1). */
export function isValid(src: usize): u32 {
  setup();
  return decode(P, src);
}

/** §4.3.4 FROM_UNIFORM_BYTES: out = encode(MAP(b[0..32]) + MAP(b[32..64])). */
export function fromUniformBytes(out: usize, b: usize): void {
  setup();
  map(P, b);
  map(Q, b + 32);
  toEntry(TABLE, Q);
  addEntry(P, P, TABLE);
  encode(out, P);
}

/** RFC 9380 Appendix B hash_to_ristretto255 (RFC 9496 §4.3.4):
 *  out = FROM_UNIFORM_BYTES(expand_message_xmd(SHA-512, msg, DST, 64)). Constant time in msg. */
export function hashToGroup(out: usize, msg: usize, msgLen: i32, dst: usize, dstLen: i32): void {
  expand(HashAlg.SHA512, msg, msgLen, dst, dstLen, UNIFORM, 64);
  fromUniformBytes(out, UNIFORM);
}

/** out = a + b, or a − b when `subtract`, for the encodings at a and b; returns 1 if both decode. */
export function addEncoded(out: usize, a: usize, b: usize, subtract: bool): u32 {
  setup();
  const valid = decode(P, a) & decode(Q, b);
  if (subtract) {
    neg(Q, Q); // −(x, y) = (−x, y)
    neg(Q + 3 * FE_SIZE, Q + 3 * FE_SIZE);
    carry(Q, Q);
    carry(Q + 3 * FE_SIZE, Q + 3 * FE_SIZE);
  }
  toEntry(TABLE, Q);
  addEntry(P, P, TABLE);
  encode(out, P);
  return valid;
}

/** out = k·A for the scalar at k (< 2^255) and the encoding at a; returns 1 if a decodes.
 *  4-bit signed windows, most significant first: four doublings, then one masked scan of
 *  1·A … 8·A, negated by mask, and one addition per digit. */
export function scalarMult(out: usize, k: usize, a: usize): u32 {
  setup();
  const valid = decode(P, a);
  toEntry(TABLE, P);
  for (let j: usize = 1; j < ENTRIES; j++) {
    addEntry(P, P, TABLE); // (j + 1)·A
    toEntry(TABLE + j * POINT, P);
  }
  recode(k);
  identity(P);
  for (let i = 63; i >= 0; i--) {
    if (i < 63) for (let n = 0; n < 4; n++) double(P, n == 3);
    select(TABLE, <i32>load<i8>(DIGITS + i));
    addEntry(P, P, SEL);
  }
  encode(out, P);
  return valid;
}

/** out = k·B for the scalar at k (< 2^255), B the generator (§4.4: the edwards25519 base point),
 *  by x25519-base.ts's comb. */
export function scalarMultBase(out: usize, k: usize): void {
  setup();
  baseMul(P, k);
  encode(out, P);
}

// Multi-scalar multiplication for public terms (the OPRF's composites): each term's table and
// digits in the MSM region, the doublings shared (Straus).
const TERM_DIGITS: usize = ENTRIES * POINT;
// @ts-ignore: compile-time builtin
if (TERM_DIGITS + 64 > <usize>MSM_TERM_SIZE) ERROR('a ristretto255 term does not fit the MSM region');

/** The number of terms weightedSum takes at once. */
export const WEIGHTED_SUM_TERMS: i32 = MSM_TERMS;

/** out = Σ k_j·A_j over `count` (1 … WEIGHTED_SUM_TERMS) scalars (below 2^255, `scalarStride`
 *  apart) and encodings (`pointStride` apart); returns 1 if every encoding decodes. Per signed
 *  4-bit window: four doublings, then one masked scan and one addition per term. */
export function weightedSum(out: usize, scalars: usize, scalarStride: usize, points: usize, pointStride: usize, count: i32): u32 {
  setup();
  let valid: u32 = 1;
  for (let j = 0; j < count; j++) {
    const term = MSM + <usize>j * MSM_TERM_SIZE;
    valid &= decode(P, points + <usize>j * pointStride);
    toEntry(term, P);
    for (let e: usize = 1; e < ENTRIES; e++) {
      addEntry(P, P, term); // (e + 1)·A_j
      toEntry(term + e * POINT, P);
    }
    recode(scalars + <usize>j * scalarStride, term + TERM_DIGITS);
  }
  identity(P);
  for (let i = 63; i >= 0; i--) {
    if (i < 63) for (let n = 0; n < 4; n++) double(P, n == 3);
    for (let j = 0; j < count; j++) {
      const term = MSM + <usize>j * MSM_TERM_SIZE;
      select(term, <i32>load<i8>(term + TERM_DIGITS + i));
      addEntry(P, P, SEL);
    }
  }
  encode(out, P);
  memory.fill(MSM, 0, <usize>count * MSM_TERM_SIZE);
  return valid;
}
