// P-256, P-384 and P-521 as the prime-order groups of RFC 9497 §4.3–§4.5 (abi.ts Curve):
// elements are compressed SEC1 points (SEC 1 §2.3.3/§2.3.4; the identity has no encoding), scalars
// big-endian integers mod n. The point arithmetic is weierstrass.ts's, hashing to the curve
// sswu.ts's, scalars run on montgomery.ts's engine over the order descriptors of nist.ts.
// Square roots are a^((p+1)/4) (every p here is 3 mod 4), inversions a^(m−2): public exponents.
// Nothing branches on or indexes memory by a scalar, a message, or a secret point; only results
// that are public (an invalid point, the identity) decide a branch.
//
// Pointers are the caller's, outside CURVE_SCRATCH and the hash scratch; outputs may alias inputs.
// Every function wipes the curve scratch before it returns.
import { MAX_LIMBS, elementSize, byteLength, one, mul, square, add as fieldAdd, sub, toMont, fromMont, fromBytes, fromWideBytes, toBytes, isZero, equal, invert, pow } from '../field/montgomery';
import { cmov, mask } from '../ct';
import { CURVE_SCRATCH, CURVE_SCRATCH_SIZE, MSM, MSM_TERM_SIZE } from '../mem';
import { Curve } from '../abi';
import * as W from './weierstrass';
import { EC_OK, EC_INVALID_POINT, EC_IDENTITY, EC_TABLE, EC_ACC, EC_SEL } from './weierstrass';
import { H2C_SCRATCH, H2C_SCRATCH_SIZE, hashToCurve, fromUniform, hashToField, h2cConstant } from './sswu';
import { H2C_C1 } from './nist';

const E: usize = MAX_LIMBS << 2; // an element, sized for P-521
const GROUP_SCRATCH: usize = H2C_SCRATCH + H2C_SCRATCH_SIZE;
const X: usize = GROUP_SCRATCH; // four elements: x or a scalar, y², y or a second scalar, a temporary
const Y2: usize = X + E;
const Y: usize = Y2 + E;
const TMP: usize = Y + E;
const GROUP_END: usize = TMP + E;
// @ts-ignore: compile-time builtin
if (GROUP_END > CURVE_SCRATCH + CURVE_SCRATCH_SIZE) ERROR('the group scratch does not fit');

/** Wipes everything the curve code uses, from the field engine's scratch to this file's. */
function wipeScratch(): void {
  memory.fill(CURVE_SCRATCH, 0, GROUP_END - CURVE_SCRATCH);
}

function finish(code: i32): i32 {
  wipeScratch();
  return code;
}

/** 33, 49 or 67: a compressed point. */
export function elementLength(c: i32): usize {
  return scalarLength(c) + 1;
}

/** 32, 48 or 66. */
export function scalarLength(c: i32): usize {
  return c == Curve.P256 ? 32 : c == Curve.P384 ? 48 : 66;
}

/** Decodes the compressed point at src (SEC 1 §2.3.4: 0x02 or 0x03 ‖ x, x < p, x³ − 3x + b a
 *  square) into dst, (x : y : 1); all ones if it is valid. dst is EC_ACC or EC_SEL. */
export function decode(c: i32, f: usize, dst: usize, src: usize): u32 {
  const s = elementSize(f), x = dst, y = dst + s;
  const tag = <u32>load<u8>(src);
  let ok = 0 - <u32>((tag & 0xfe) == 2);
  ok &= 0 - <u32>fromBytes(f, x, src + 1);
  toMont(f, x, x);
  W.curveEquation(f, Y2, x, TMP); // y² = x³ − 3x + b
  // y = (y²)^((p+1)/4), a root if there is one; then the root of the tag's parity.
  pow(f, y, Y2, h2cConstant(c, f, H2C_C1), EC_TABLE);
  mul(f, y, y, Y2);
  square(f, TMP, y);
  ok &= equal(f, TMP, Y2);
  fromMont(f, TMP, y);
  const flip = (load<u32>(TMP) ^ tag) & 1;
  memory.fill(TMP, 0, s);
  sub(f, TMP, TMP, y);
  cmov(y, TMP, elementSize(f), mask(flip));
  memory.copy(dst + 2 * s, one(f), s);
  return ok;
}

/** out = the compressed encoding of EC_ACC (SEC 1 §2.3.3); EC_IDENTITY (out zeroed) for the
 *  identity, else EC_OK. */
function encode(f: usize, out: usize): i32 {
  const s = elementSize(f), len = byteLength(f);
  if (isZero(f, EC_ACC + 2 * s)) {
    memory.fill(out, 0, len + 1);
    return EC_IDENTITY;
  }
  W.affine(f, out + 1, Y);
  store<u8>(out, 2 | (load<u8>(Y + len - 1) & 1));
  return EC_OK;
}

/** RFC 9380 hash_to_curve (§3) for the curve's RO suite, compressed into out; false (out zeroed)
 *  when the result is the identity. Constant time in msg. */
export function hashToGroup(c: i32, out: usize, msg: usize, msgLen: i32, dst: usize, dstLen: i32): bool {
  const f = W.fieldOf(c);
  W.setCurve(c, f);
  hashToCurve(c, f, msg, msgLen, dst, dstLen);
  return finish(encode(f, out)) == EC_OK;
}

/** hash_to_curve as 0x04 ‖ x ‖ y (SEC 1 §2.3.3 uncompressed); false (out zeroed) for the identity. */
export function hashToCurveUncompressed(c: i32, out: usize, msg: usize, msgLen: i32, dst: usize, dstLen: i32): bool {
  const f = W.fieldOf(c);
  W.setCurve(c, f);
  hashToCurve(c, f, msg, msgLen, dst, dstLen);
  return uncompressed(f, out);
}

/** hash_to_curve from its 2·L uniform bytes (expand_message_xmd's output), as 0x04 ‖ x ‖ y; false
 *  (out zeroed) for the identity. For messages the caller expands itself. */
export function uniformToCurve(c: i32, out: usize, uniform: usize): bool {
  const f = W.fieldOf(c);
  W.setCurve(c, f);
  fromUniform(c, f, uniform);
  return uncompressed(f, out);
}

/** out = 0x04 ‖ x ‖ y of EC_ACC, or zeros (false) for the identity; wipes the scratch. */
function uncompressed(f: usize, out: usize): bool {
  const len = byteLength(f);
  const identity = isZero(f, EC_ACC + 2 * elementSize(f));
  if (identity) {
    memory.fill(out, 0, 2 * len + 1);
  } else {
    W.affine(f, out + 1, out + 1 + len);
    store<u8>(out, 4);
  }
  wipeScratch();
  return !identity;
}

/** RFC 9497 HashToScalar: hash_to_field(msg, 1) over GF(n) (RFC 9380 §5.2), big-endian into out. */
export function hashToScalar(c: i32, out: usize, msg: usize, msgLen: i32, dst: usize, dstLen: i32): void {
  const q = W.orderOf(c);
  hashToField(c, q, X, msg, msgLen, dst, dstLen);
  fromMont(q, X, X);
  toBytes(q, out, X);
  wipeScratch();
}

/** Whether the compressed point at p decodes (§2.3.4); the identity and 0x04 forms do not. */
export function isValidElement(c: i32, p: usize): bool {
  const f = W.fieldOf(c);
  W.setCurve(c, f);
  const ok = decode(c, f, EC_ACC, p);
  wipeScratch();
  return <bool>(ok & 1);
}

/** out = k·P for the big-endian k < n (0 allowed) and the compressed P. EC_OK, EC_INVALID_POINT
 *  (P does not decode; out untouched) or EC_IDENTITY (out zeroed). */
export function multiply(c: i32, out: usize, k: usize, p: usize): i32 {
  const f = W.fieldOf(c);
  W.setCurve(c, f);
  if (!(decode(c, f, EC_SEL, p) & 1)) return finish(EC_INVALID_POINT);
  memory.copy(W.inputPoint(f), EC_SEL, 3 * elementSize(f));
  W.multiply(f, k);
  return finish(encode(f, out));
}

/** out = k·G; EC_OK, or EC_IDENTITY (out zeroed) for k = 0. */
export function multiplyBase(c: i32, out: usize, k: usize): i32 {
  const f = W.fieldOf(c);
  W.setCurve(c, f);
  W.multiplyBase(c, f, k);
  return finish(encode(f, out));
}

/** out = A + B for the compressed A and B; EC_OK, EC_INVALID_POINT (out untouched) or
 *  EC_IDENTITY (out zeroed). */
export function add(c: i32, out: usize, a: usize, b: usize): i32 {
  const f = W.fieldOf(c);
  W.setCurve(c, f);
  const ok = decode(c, f, EC_ACC, a) & decode(c, f, EC_SEL, b);
  if (!(ok & 1)) return finish(EC_INVALID_POINT);
  W.addPoints(f, EC_ACC, EC_ACC, EC_SEL);
  return finish(encode(f, out));
}

/** out = Σ k_j·P_j over `count` (1 … MSM_TERMS) big-endian scalars below n (`scalarStride` bytes
 *  apart) and compressed points (`pointStride` apart), each term's table in the MSM region; for
 *  public terms (the RFC 9497 composites). EC_OK, EC_INVALID_POINT (out untouched), EC_IDENTITY
 *  (out zeroed). */
export function weightedSum(c: i32, out: usize, scalars: usize, scalarStride: usize, points: usize, pointStride: usize, count: i32): i32 {
  const f = W.fieldOf(c), size = elementSize(f) * 3;
  W.setCurve(c, f);
  let code = EC_OK;
  for (let j = 0; j < count && code == EC_OK; j++) {
    const table = MSM + <usize>j * MSM_TERM_SIZE;
    if (!(decode(c, f, EC_SEL, points + <usize>j * pointStride) & 1)) code = EC_INVALID_POINT;
    memory.copy(table + size, EC_SEL, size);
    W.fillTable(f, table);
  }
  if (code == EC_OK) {
    W.multiplyMany(f, MSM, MSM_TERM_SIZE, scalars, scalarStride, count);
    code = encode(f, out);
  }
  memory.fill(MSM, 0, <usize>count * MSM_TERM_SIZE);
  return finish(code);
}

/** r = a·b mod n; a and b canonical. */
export function scalarMul(c: i32, r: usize, a: usize, b: usize): void {
  const q = W.orderOf(c);
  fromBytes(q, X, a);
  fromBytes(q, Y, b);
  toMont(q, X, X);
  mul(q, X, X, Y); // a·R · b · R⁻¹
  toBytes(q, r, X);
  wipeScratch();
}

/** r = a + b mod n; a and b canonical. */
export function scalarAdd(c: i32, r: usize, a: usize, b: usize): void {
  const q = W.orderOf(c);
  fromBytes(q, X, a);
  fromBytes(q, Y, b);
  fieldAdd(q, X, X, Y);
  toBytes(q, r, X);
  wipeScratch();
}

/** r = a − b mod n; a and b canonical. */
export function scalarSub(c: i32, r: usize, a: usize, b: usize): void {
  const q = W.orderOf(c);
  fromBytes(q, X, a);
  fromBytes(q, Y, b);
  sub(q, X, X, Y);
  toBytes(q, r, X);
  wipeScratch();
}

/** r = a⁻¹ mod n (a^(n−2), a fixed exponent; 0 ↦ 0); a canonical. */
export function scalarInvert(c: i32, r: usize, a: usize): void {
  const q = W.orderOf(c);
  fromBytes(q, X, a);
  toMont(q, X, X);
  invert(q, X, X, EC_TABLE);
  fromMont(q, X, X);
  toBytes(q, r, X);
  wipeScratch();
}

/** Whether a = 0, in constant time. */
export function scalarIsZero(c: i32, a: usize): bool {
  const q = W.orderOf(c);
  fromBytes(q, X, a);
  const zero = isZero(q, X) & 1;
  wipeScratch();
  return <bool>zero;
}

/** Whether a < n, in constant time. */
export function scalarIsCanonical(c: i32, a: usize): bool {
  const below = fromBytes(W.orderOf(c), X, a);
  wipeScratch();
  return below;
}

/** r = the big-endian `wideLen` bytes at wide (≤ 98) mod n. */
export function scalarReduceWide(c: i32, r: usize, wide: usize, wideLen: i32): void {
  const q = W.orderOf(c);
  fromWideBytes(q, X, wide, <usize>wideLen, TMP);
  fromMont(q, X, X);
  toBytes(q, r, X);
  wipeScratch();
}
