// ECDH over the NIST curves y² = x³ − 3x + b (nist.ts; SEC 1 §3.3.1, SP 800-56A §5.7.1.2).
// Points are homogeneous projective (X : Y : Z), x = X/Z, y = Y/Z, the identity (0 : 1 : 0),
// coordinates in Montgomery form (montgomery.ts). Addition and doubling are the complete formulas
// of Renes, Costello, Batina, "Complete addition formulas for prime order elliptic curves"
// (EUROCRYPT 2016), Algorithms 4 and 6 for a = −3: they hold for every pair of points, the
// identity and P + P included, so nothing branches on a point. Scalar multiplication uses fixed
// 4-bit windows; the window's multiple is read from a table of 16 by a full masked scan. The point
// arithmetic and the scratch also serve nist-group.ts (RFC 9497's groups) and sswu.ts.
import { MAX_LIMBS, FIELD_SCRATCH, FIELD_SCRATCH_SIZE, elementSize, byteLength, one, mul, square, add, sub, toMont, fromMont, fromBytes, toBytes, isZero, equal, invert } from '../field/montgomery';
import { cmov } from '../ct';
import { Status, Curve } from '../abi';
import { CURVE_SCRATCH_SIZE, P256_BASE_TABLE, P256_BASE_TABLE_SIZE } from '../mem';
import { P256_P, P256_N, P256_B, P256_GX, P256_GY, P384_P, P384_N, P384_B, P384_GX, P384_GY, P521_P, P521_N, P521_B, P521_GX, P521_GY } from './nist';

// Scratch in the arena's CURVE_SCRATCH, after the field's, sized for P-521 (68-byte elements,
// 204-byte points); a smaller curve packs its elements closer. It holds secrets (the table, the
// accumulator): every function below wipes it before it returns.
const E: usize = MAX_LIMBS << 2;
const PT: usize = 3 * E;
const TABLE: usize = 0; // 16 points: 0·P … 15·P; afterwards the inversion's 15 powers
const ACC: usize = TABLE + 16 * PT; // the running multiple
const SEL: usize = ACC + PT; // the multiple read from the table
const TMP: usize = SEL + PT; // t0 … t4, X3, Y3, Z3 of the formulas
const BM: usize = TMP + 8 * E; // b in Montgomery form
export const EC_SCRATCH_SIZE: usize = BM + E;
export const EC_SCRATCH: usize = FIELD_SCRATCH + FIELD_SCRATCH_SIZE;
/** The table's room, for an exponentiation's 15 powers between point operations. */
export const EC_TABLE: usize = EC_SCRATCH + TABLE;
/** multiply's result, read by affine; a free point otherwise. */
export const EC_ACC: usize = EC_SCRATCH + ACC;
/** A free point outside multiply. */
export const EC_SEL: usize = EC_SCRATCH + SEL;
/** b in Montgomery form, after setCurve. */
export const EC_B: usize = EC_SCRATCH + BM;
// @ts-ignore: compile-time builtin
if (FIELD_SCRATCH_SIZE + EC_SCRATCH_SIZE > CURVE_SCRATCH_SIZE) ERROR('the curve scratch does not fit');

/** ecdh / publicKey results. */
export const EC_OK: i32 = 0;
export const EC_INVALID_SCALAR: i32 = 1;
export const EC_INVALID_POINT: i32 = 2;
export const EC_IDENTITY: i32 = 3;
export const EC_UNKNOWN_CURVE: i32 = -1;

/** The core's status for a result code. */
export function toStatus(code: i32): Status {
  if (code == EC_OK) return Status.OK;
  if (code == EC_INVALID_SCALAR) return Status.INVALID_SCALAR;
  if (code == EC_INVALID_POINT) return Status.INVALID_POINT;
  if (code == EC_IDENTITY) return Status.IDENTITY;
  return Status.BAD_ALGORITHM;
}

export function fieldOf(curve: i32): usize {
  return curve == Curve.P256 ? P256_P : curve == Curve.P384 ? P384_P : P521_P;
}

export function orderOf(curve: i32): usize {
  return curve == Curve.P256 ? P256_N : curve == Curve.P384 ? P384_N : P521_N;
}

function isCurve(curve: i32): bool {
  return curve >= Curve.P256 && curve <= Curve.P521;
}

/** Wipes the scratch of this file and of the field engine, and returns `status`. */
function finish(status: i32): i32 {
  memory.fill(EC_SCRATCH, 0, EC_SCRATCH_SIZE);
  memory.fill(FIELD_SCRATCH, 0, FIELD_SCRATCH_SIZE);
  return status;
}

/** Loads b in Montgomery form into BM. */
export function setCurve(curve: i32, f: usize): void {
  toMont(f, EC_SCRATCH + BM, curve == Curve.P256 ? P256_B : curve == Curve.P384 ? P384_B : P521_B);
}

/** r = 2·p (Algorithm 6). r may alias p. */
function double(f: usize, r: usize, p: usize): void {
  const s = elementSize(f), b = EC_SCRATCH + BM;
  const X = p, Y = p + s, Z = p + 2 * s;
  const t0 = EC_SCRATCH + TMP, t1 = t0 + s, t2 = t1 + s, t3 = t2 + s;
  const X3 = t3 + 2 * s, Y3 = X3 + s, Z3 = Y3 + s;
  square(f, t0, X);
  square(f, t1, Y);
  square(f, t2, Z);
  mul(f, t3, X, Y);
  add(f, t3, t3, t3);
  mul(f, Z3, X, Z);
  add(f, Z3, Z3, Z3);
  mul(f, Y3, b, t2);
  sub(f, Y3, Y3, Z3);
  add(f, X3, Y3, Y3);
  add(f, Y3, X3, Y3);
  sub(f, X3, t1, Y3);
  add(f, Y3, t1, Y3);
  mul(f, Y3, X3, Y3);
  mul(f, X3, X3, t3);
  add(f, t3, t2, t2);
  add(f, t2, t2, t3);
  mul(f, Z3, b, Z3);
  sub(f, Z3, Z3, t2);
  sub(f, Z3, Z3, t0);
  add(f, t3, Z3, Z3);
  add(f, Z3, Z3, t3);
  add(f, t3, t0, t0);
  add(f, t0, t3, t0);
  sub(f, t0, t0, t2);
  mul(f, t0, t0, Z3);
  add(f, Y3, Y3, t0);
  mul(f, t0, Y, Z);
  add(f, t0, t0, t0);
  mul(f, Z3, t0, Z3);
  sub(f, X3, X3, Z3);
  mul(f, Z3, t0, t1);
  add(f, Z3, Z3, Z3);
  add(f, Z3, Z3, Z3);
  memory.copy(r, X3, 3 * s);
}

/** r = p + q (Algorithm 4). r may alias p or q. */
export function addPoints(f: usize, r: usize, p: usize, q: usize): void {
  const s = elementSize(f), b = EC_SCRATCH + BM;
  const X1 = p, Y1 = p + s, Z1 = p + 2 * s;
  const X2 = q, Y2 = q + s, Z2 = q + 2 * s;
  const t0 = EC_SCRATCH + TMP, t1 = t0 + s, t2 = t1 + s, t3 = t2 + s, t4 = t3 + s;
  const X3 = t4 + s, Y3 = X3 + s, Z3 = Y3 + s;
  mul(f, t0, X1, X2);
  mul(f, t1, Y1, Y2);
  mul(f, t2, Z1, Z2);
  add(f, t3, X1, Y1);
  add(f, t4, X2, Y2);
  mul(f, t3, t3, t4);
  add(f, t4, t0, t1);
  sub(f, t3, t3, t4);
  add(f, t4, Y1, Z1);
  add(f, X3, Y2, Z2);
  mul(f, t4, t4, X3);
  add(f, X3, t1, t2);
  sub(f, t4, t4, X3);
  add(f, X3, X1, Z1);
  add(f, Y3, X2, Z2);
  mul(f, X3, X3, Y3);
  add(f, Y3, t0, t2);
  sub(f, Y3, X3, Y3);
  mul(f, Z3, b, t2);
  sub(f, X3, Y3, Z3);
  add(f, Z3, X3, X3);
  add(f, X3, X3, Z3);
  sub(f, Z3, t1, X3);
  add(f, X3, t1, X3);
  mul(f, Y3, b, Y3);
  add(f, t1, t2, t2);
  add(f, t2, t1, t2);
  sub(f, Y3, Y3, t2);
  sub(f, Y3, Y3, t0);
  add(f, t1, Y3, Y3);
  add(f, Y3, t1, Y3);
  add(f, t1, t0, t0);
  add(f, t0, t1, t0);
  sub(f, t0, t0, t2);
  mul(f, t1, t4, Y3);
  mul(f, t2, t0, Y3);
  mul(f, Y3, X3, Z3);
  add(f, Y3, Y3, t2);
  mul(f, X3, t3, X3);
  sub(f, X3, X3, t1);
  mul(f, Z3, t4, Z3);
  mul(f, t1, t3, t0);
  add(f, Z3, Z3, t1);
  memory.copy(r, X3, 3 * s);
}

/** dst = table[digit], reading all 16 entries (`size` bytes each, a multiple of 4) under masks,
 *  8 bytes at a time and a last 4 when N is odd. */
function lookup(dst: usize, digit: u32, size: usize, table: usize = EC_SCRATCH + TABLE): void {
  memory.fill(dst, 0, size);
  const whole = size & ~7;
  let e = table;
  for (let i: u32 = 0; i < 16; i++, e += size) {
    const mask = 0 - <u64>(((i ^ digit) - 1) >> 31); // all ones when i = digit
    for (let j: usize = 0; j < whole; j += 8) {
      store<u64>(dst + j, load<u64>(dst + j) | (load<u64>(e + j) & mask));
    }
    if (whole < size) store<u32>(dst + whole, load<u32>(dst + whole) | (load<u32>(e + whole) & <u32>mask));
  }
}

/** Where multiply reads its point: table[1]. */
export function inputPoint(f: usize): usize {
  return EC_SCRATCH + TABLE + 3 * elementSize(f);
}

/** Fills `table` (16 points) with 0·P … 15·P for the point P already in table[1]. */
export function fillTable(f: usize, table: usize): void {
  const size = elementSize(f) * 3;
  memory.fill(table, 0, size);
  memory.copy(table + size / 3, one(f), size / 3); // (0 : 1 : 0)
  for (let i: usize = 2; i < 16; i++) {
    const e = table + i * size;
    if (i & 1) addPoints(f, e, e - size, table + size);
    else double(f, e, table + (i >> 1) * size);
  }
}

/** The 4-bit digit i (0 the most significant) of the big-endian scalar at k. */
// @ts-ignore: decorator
@inline function nibble(k: usize, i: usize): u32 {
  return (<u32>load<u8>(k + (i >> 1)) >> (<u32>(~i & 1) << 2)) & 15;
}

// Single-scalar multiplication runs in Jacobian coordinates (x = X/Z², y = Y/Z³), where a
// doubling for a = −3 costs 3M + 5S against the complete formula's 8M + 3S and two products by b.
// Jacobian addition is not complete: it fails for P + P, P − P and the identity. For a scalar
// k < n, read in 4-bit windows from the top, the running value 16·m·P and the window's d·P never
// meet those cases (0 < 16m − d < 16m + d ≤ k < n for m ≥ 1), except that either may be the
// identity (m = 0, d = 0): then a masked move takes the other operand instead of the sum.

/** r = 2·p in Jacobian coordinates (dbl-2001-b, a = −3). r may alias p; the identity (Z = 0)
 *  stays the identity. */
export function jacobianDouble(f: usize, r: usize, p: usize): void {
  const s = elementSize(f);
  const X = p, Y = p + s, Z = p + 2 * s;
  const t0 = EC_SCRATCH + TMP, t1 = t0 + s, t2 = t1 + s, t3 = t2 + s, t4 = t3 + s;
  const X3 = t4 + s, Y3 = X3 + s, Z3 = Y3 + s;
  square(f, t0, Z); // delta
  square(f, t1, Y); // gamma
  mul(f, t2, X, t1); // beta
  sub(f, t3, X, t0);
  add(f, t4, X, t0);
  mul(f, t3, t3, t4);
  add(f, t4, t3, t3);
  add(f, t3, t3, t4); // alpha = 3·(X − delta)·(X + delta)
  add(f, Z3, Y, Z);
  square(f, Z3, Z3);
  sub(f, Z3, Z3, t1);
  sub(f, Z3, Z3, t0); // Z3 = (Y + Z)² − gamma − delta
  square(f, X3, t3);
  add(f, t4, t2, t2);
  add(f, t4, t4, t4); // 4·beta
  sub(f, X3, X3, t4);
  sub(f, X3, X3, t4); // X3 = alpha² − 8·beta
  sub(f, Y3, t4, X3);
  mul(f, Y3, t3, Y3);
  square(f, t1, t1);
  add(f, t1, t1, t1);
  add(f, t1, t1, t1);
  add(f, t1, t1, t1); // 8·gamma²
  sub(f, Y3, Y3, t1); // Y3 = alpha·(4·beta − X3) − 8·gamma²
  memory.copy(r, X3, 3 * s);
}

/** r = p + q in Jacobian coordinates (add-2007-bl) for p ≠ ±q, neither the identity. r may alias
 *  p or q. */
function jacobianAdd(f: usize, r: usize, p: usize, q: usize): void {
  const s = elementSize(f);
  const X1 = p, Y1 = p + s, Z1 = p + 2 * s;
  const X2 = q, Y2 = q + s, Z2 = q + 2 * s;
  const t0 = EC_SCRATCH + TMP, t1 = t0 + s, t2 = t1 + s, t3 = t2 + s, t4 = t3 + s;
  const X3 = t4 + s, Y3 = X3 + s, Z3 = Y3 + s;
  square(f, t0, Z1); // Z1Z1
  square(f, t1, Z2); // Z2Z2
  mul(f, t2, X1, t1); // U1
  mul(f, t3, X2, t0); // U2
  mul(f, t4, Y1, Z2);
  mul(f, t4, t4, t1); // S1
  mul(f, X3, Y2, Z1);
  mul(f, X3, X3, t0); // S2
  add(f, Z3, Z1, Z2);
  square(f, Z3, Z3);
  sub(f, Z3, Z3, t0);
  sub(f, Z3, Z3, t1); // 2·Z1·Z2
  sub(f, t3, t3, t2); // H = U2 − U1
  mul(f, Z3, Z3, t3); // Z3 = 2·Z1·Z2·H
  add(f, t0, t3, t3);
  square(f, t0, t0); // I = (2H)²
  mul(f, t1, t3, t0); // J = H·I
  sub(f, X3, X3, t4);
  add(f, X3, X3, X3); // r = 2·(S2 − S1)
  mul(f, t2, t2, t0); // V = U1·I
  square(f, t0, X3);
  sub(f, t0, t0, t1);
  sub(f, t0, t0, t2);
  sub(f, t0, t0, t2); // X3 = r² − J − 2V
  sub(f, Y3, t2, t0);
  mul(f, Y3, X3, Y3);
  mul(f, t4, t4, t1);
  add(f, t4, t4, t4);
  sub(f, Y3, Y3, t4); // Y3 = r·(V − X3) − 2·S1·J
  memory.copy(r, t0, s);
  memory.copy(r + s, Y3, 2 * s);
}

/** r = p where mask is all ones, for a whole point. */
function pointMove(f: usize, r: usize, p: usize, mask: u32): void {
  const s = elementSize(f);
  cmov(r, p, elementSize(f), mask);
  cmov(r + s, p + s, elementSize(f), mask);
  cmov(r + 2 * s, p + 2 * s, elementSize(f), mask);
}

/** ACC = k·P for the point P (Z = 1) in table[1] and the big-endian scalar k < n (the field's
 *  byte length); ACC is homogeneous projective, the identity for k = 0. */
export function multiply(f: usize, k: usize): void {
  const s = elementSize(f), size = s * 3, table = EC_SCRATCH + TABLE;
  const acc = EC_SCRATCH + ACC, sel = EC_SCRATCH + SEL;
  // table[0] = (1 : 1 : 0), table[i] = i·P: no exceptional case (i − 1 ≠ ±1 for odd i ≥ 3).
  memory.fill(table, 0, size);
  memory.copy(table, one(f), s);
  memory.copy(table + s, one(f), s);
  for (let i: usize = 2; i < 16; i++) {
    const e = table + i * size;
    if (i & 1) jacobianAdd(f, e, e - size, table + size);
    else jacobianDouble(f, e, table + (i >> 1) * size);
  }
  // Most significant digit first; the first needs no doubling.
  const digits = byteLength(f) << 1;
  lookup(acc, nibble(k, 0), size);
  for (let i: usize = 1; i < digits; i++) {
    jacobianDouble(f, acc, acc);
    jacobianDouble(f, acc, acc);
    jacobianDouble(f, acc, acc);
    jacobianDouble(f, acc, acc);
    const digit = nibble(k, i);
    lookup(sel, digit, size);
    const accIsIdentity = isZero(f, acc + 2 * s);
    const digitIsZero = 0 - (((digit - 1) >> 31) & 1);
    // table[0], the identity, is only ever selected for digit 0, whose sum the last move discards:
    // from here on it keeps acc.
    memory.copy(table, acc, size);
    jacobianAdd(f, acc, acc, sel);
    pointMove(f, acc, sel, accIsIdentity);
    pointMove(f, acc, table, digitIsZero);
  }
  // Homogeneous (X·Z : Y : Z³) has x = X/Z², y = Y/Z³.
  const t = EC_SCRATCH + TMP, z = acc + 2 * s;
  mul(f, acc, acc, z);
  square(f, t, z);
  mul(f, z, t, z);
}

/** ACC = Σ k_j·P_j over `count` terms: the tables (filled by fillTable) `tableStride` bytes apart
 *  and the big-endian scalars `scalarStride` apart. The terms share the doublings (Straus): per
 *  4-bit window, four doublings, then one masked scan and one addition per term. */
export function multiplyMany(f: usize, tables: usize, tableStride: usize, scalars: usize, scalarStride: usize, count: i32): void {
  const size = elementSize(f) * 3;
  const acc = EC_SCRATCH + ACC, sel = EC_SCRATCH + SEL;
  memory.fill(acc, 0, size);
  memory.copy(acc + size / 3, one(f), size / 3);
  const digits = byteLength(f) << 1;
  for (let i: usize = 0; i < digits; i++) {
    if (i > 0) {
      double(f, acc, acc);
      double(f, acc, acc);
      double(f, acc, acc);
      double(f, acc, acc);
    }
    for (let j = 0; j < count; j++) {
      lookup(sel, nibble(scalars + <usize>j * scalarStride, i), size, tables + <usize>j * tableStride);
      addPoints(f, acc, acc, sel);
    }
  }
}

// Fixed-base multiplication for P-256: with j · 16^w · G precomputed for every nibble w, k·G is
// the sum of 64 table entries, one per nibble, each read by a full masked scan: no doubling.
const P256_POINT: usize = 96;
// @ts-ignore: compile-time builtin
if (<usize>P256_BASE_TABLE_SIZE != 64 * 16 * P256_POINT) ERROR('the P-256 base table has the wrong size');
let p256BaseTableReady = false;

/** Fills P256_BASE_TABLE from G in table[1] (public work, once per instance). */
function buildP256BaseTable(f: usize): void {
  const base = EC_SCRATCH + SEL; // 16^w · G
  memory.copy(base, EC_SCRATCH + TABLE + P256_POINT, P256_POINT);
  for (let w: usize = 0; w < 64; w++) {
    const row = P256_BASE_TABLE + w * 16 * P256_POINT;
    memory.fill(row, 0, P256_POINT);
    memory.copy(row + 32, one(f), 32); // (0 : 1 : 0)
    memory.copy(row + P256_POINT, base, P256_POINT);
    for (let j: usize = 2; j < 16; j++) addPoints(f, row + j * P256_POINT, row + (j - 1) * P256_POINT, base);
    double(f, base, row + 8 * P256_POINT);
  }
  p256BaseTableReady = true;
}

/** ACC = k·G on P-256 for the big-endian 32-byte scalar k; G is in table[1]. */
function multiplyP256Base(f: usize, k: usize): void {
  if (!p256BaseTableReady) buildP256BaseTable(f);
  const acc = EC_SCRATCH + ACC, sel = EC_SCRATCH + SEL;
  memory.fill(acc, 0, P256_POINT);
  memory.copy(acc + 32, one(f), 32);
  for (let w: usize = 0; w < 64; w++) {
    const digit = (<u32>load<u8>(k + 31 - (w >> 1)) >> (<u32>(w & 1) << 2)) & 15;
    lookup(sel, digit, P256_POINT, P256_BASE_TABLE + w * 16 * P256_POINT);
    addPoints(f, acc, acc, sel);
  }
}

/** ACC = k·G for the big-endian scalar k; setCurve was called. */
export function multiplyBase(curve: i32, f: usize, k: usize): void {
  const s = elementSize(f), g = inputPoint(f);
  toMont(f, g, curve == Curve.P256 ? P256_GX : curve == Curve.P384 ? P384_GX : P521_GX);
  toMont(f, g + s, curve == Curve.P256 ? P256_GY : curve == Curve.P384 ? P384_GY : P521_GY);
  memory.copy(g + 2 * s, one(f), s);
  if (curve == Curve.P256) multiplyP256Base(f, k);
  else multiply(f, k);
}

/** Writes the affine x (and y, when `y` is not 0) of ACC as big-endian bytes. ACC is not the
 *  identity. The inversion's powers overwrite the table. */
export function affine(f: usize, x: usize, y: usize): void {
  const s = elementSize(f), acc = EC_SCRATCH + ACC;
  const zi = EC_SCRATCH + TMP, t = zi + s;
  invert(f, zi, acc + 2 * s, EC_SCRATCH + TABLE);
  mul(f, t, acc, zi);
  fromMont(f, t, t);
  toBytes(f, x, t);
  if (y) {
    mul(f, t, acc + s, zi);
    fromMont(f, t, t);
    toBytes(f, y, t);
  }
}

/** Decodes the SEC1 uncompressed point 0x04 ‖ X ‖ Y (SEC 1 §2.3.4) into table[1] and checks it:
 *  coordinates < p and on the curve (SP 800-56A §5.6.2.3.4; cofactor 1, so no order check). The
 *  identity has no such encoding. */
export function decode(f: usize, src: usize): bool {
  const s = elementSize(f), len = byteLength(f);
  const X = EC_SCRATCH + TABLE + 3 * s, Y = X + s, Z = Y + s;
  const t0 = EC_SCRATCH + TMP, t1 = t0 + s, t2 = t1 + s;
  let ok = <u32>(load<u8>(src) == 4);
  ok &= <u32>fromBytes(f, X, src + 1);
  ok &= <u32>fromBytes(f, Y, src + 1 + len);
  toMont(f, X, X);
  toMont(f, Y, Y);
  memory.copy(Z, one(f), s);
  square(f, t0, Y);
  curveEquation(f, t1, X, t2);
  ok &= equal(f, t0, t1);
  return <bool>(ok & 1);
}

/** r = x³ − 3x + b, the curve equation's right-hand side (setCurve was called); `tmp` is one
 *  element of scratch. */
export function curveEquation(f: usize, r: usize, x: usize, tmp: usize): void {
  square(f, r, x);
  mul(f, r, r, x);
  add(f, tmp, x, x);
  add(f, tmp, tmp, x);
  sub(f, r, r, tmp);
  add(f, r, r, EC_SCRATCH + BM);
}

/** 0 < k < n for the big-endian scalar k, in constant time; `tmp` receives k. */
function scalarInRange(curve: i32, k: usize, tmp: usize): bool {
  const q = orderOf(curve);
  const below = <u32>fromBytes(q, tmp, k);
  return <bool>(below & ~isZero(q, tmp) & 1);
}

/** 0 < scalar < n (the scalar big-endian, of the curve's field size), in constant time. */
export function scalarIsValid(curve: i32, scalar: usize): bool {
  if (!isCurve(curve)) return false;
  const valid = scalarInRange(curve, scalar, EC_SCRATCH + SEL);
  finish(0);
  return valid;
}

/** out = x(scalar·point), big-endian, for the SEC1 uncompressed `point`. Returns EC_OK,
 *  EC_INVALID_SCALAR (0 or ≥ n), EC_INVALID_POINT, EC_IDENTITY or EC_UNKNOWN_CURVE. */
export function ecdh(curve: i32, out: usize, scalar: usize, point: usize): i32 {
  if (!isCurve(curve)) return EC_UNKNOWN_CURVE;
  const f = fieldOf(curve);
  if (!scalarInRange(curve, scalar, EC_SCRATCH + SEL)) return finish(EC_INVALID_SCALAR);
  setCurve(curve, f);
  if (!decode(f, point)) return finish(EC_INVALID_POINT);
  multiply(f, scalar);
  if (isZero(f, EC_SCRATCH + ACC + 2 * elementSize(f))) return finish(EC_IDENTITY);
  affine(f, out, 0);
  return finish(EC_OK);
}

/** out = 0x04 ‖ x ‖ y of scalar·G (SEC 1 §2.3.3). Returns EC_OK, EC_INVALID_SCALAR or
 *  EC_UNKNOWN_CURVE. */
export function publicKey(curve: i32, out: usize, scalar: usize): i32 {
  if (!isCurve(curve)) return EC_UNKNOWN_CURVE;
  const f = fieldOf(curve), len = byteLength(f);
  if (!scalarInRange(curve, scalar, EC_SCRATCH + SEL)) return finish(EC_INVALID_SCALAR);
  setCurve(curve, f);
  multiplyBase(curve, f, scalar);
  store<u8>(out, 4);
  affine(f, out + 1, out + 1 + len);
  return finish(EC_OK);
}
