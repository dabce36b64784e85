// u1·G + u2·Q for ECDSA verification (SEC 1 §4.1.4 step 5). Every input is public, so this runs in
// variable time: Straus–Shamir interleaving over width-5 NAFs (Hankerson, Menezes, Vanstone, "Guide
// to Elliptic Curve Cryptography", Algorithms 3.35 and 3.51), one shared doubling per bit, in
// Jacobian coordinates (x = X/Z², y = Y/Z³; the identity has Z = 0). The addition checks its
// exceptional cases (P = ±Q, the identity) and branches on them. Tables, digits and temporaries
// live in the MSM region (mem.ts), which the caller wipes.
import { MAX_LIMBS, elementSize, byteLength, one, mul, square, add, sub, toMont, isZero } from '../field/montgomery';
import { MSM, MSM_TERMS, MSM_TERM_SIZE } from '../mem';
import { Curve } from '../abi';
import { jacobianDouble } from './weierstrass';
import { P256_GX, P256_GY, P384_GX, P384_GY, P521_GX, P521_GY } from './nist';

const E: usize = MAX_LIMBS << 2;
const PT: usize = 3 * E;
const WIDTH: i32 = 5;
/** Odd multiples P, 3P, …, 15P per table. */
const ODD: usize = 1 << (WIDTH - 2);
const G_TABLE: usize = MSM;
/** Where the caller puts Q (Jacobian, Z = 1); its odd multiples follow. */
export const Q_TABLE: usize = G_TABLE + ODD * PT;
const NAF1: usize = Q_TABLE + ODD * PT; // one signed digit a byte, least significant first
const NAF2: usize = NAF1 + 544;
const DIGITS: usize = NAF2 + 544; // the scalar being recoded, little-endian limbs and one spare
const NEG: usize = DIGITS + E + 4; // a table entry with Y negated
const T: usize = NEG + PT; // eight temporaries
/** The result u1·G + u2·Q. */
export const SUM: usize = T + 8 * E;
/** Bytes of the MSM region this file uses. */
export const DOUBLE_MUL_SIZE: usize = SUM + PT - MSM;

/** dst = the width-5 NAF of the big-endian `len`-byte k; returns its number of digits. */
function recode(dst: usize, k: usize, len: usize): i32 {
  const n = (len + 3) >> 2; // limbs, plus DIGITS[n] = 0 to take a carry
  memory.fill(DIGITS, 0, (n + 1) << 2);
  for (let i: usize = 0; i < len; i++) store<u8>(DIGITS + i, load<u8>(k + len - 1 - i));
  let count = 0;
  while (!isZeroLimbs(n + 1)) {
    let d: i32 = 0;
    const low = load<u32>(DIGITS);
    if (low & 1) {
      d = <i32>(low & ((1 << WIDTH) - 1));
      if (d >= 1 << (WIDTH - 1)) d -= 1 << WIDTH;
      addSmall(n + 1, -d); // k − d, now divisible by 2^WIDTH
    }
    store<i8>(dst + <usize>count, <i8>d);
    count++;
    shiftRight(n + 1);
  }
  return count;
}

function isZeroLimbs(n: usize): bool {
  let x: u32 = 0;
  for (let j: usize = 0; j < n; j++) x |= load<u32>(DIGITS + (j << 2));
  return x == 0;
}

/** DIGITS += v (|v| < 2^31); the result stays non-negative. */
function addSmall(n: usize, v: i32): void {
  let carry = <i64>v;
  for (let j: usize = 0; j < n && carry != 0; j++) {
    const w = <i64>load<u32>(DIGITS + (j << 2)) + carry;
    store<u32>(DIGITS + (j << 2), <u32>w);
    carry = w >> 32;
  }
}

function shiftRight(n: usize): void {
  for (let j: usize = 0; j < n; j++) {
    const hi = j + 1 < n ? load<u32>(DIGITS + ((j + 1) << 2)) : 0;
    store<u32>(DIGITS + (j << 2), (load<u32>(DIGITS + (j << 2)) >> 1) | (hi << 31));
  }
}

/** table[1 … ODD − 1] = 3P, 5P, … for P in table[0]. */
function fillOdd(f: usize, table: usize): void {
  const twice = NEG; // 2P, free until the main loop
  jacobianDouble(f, twice, table);
  for (let i: usize = 1; i < ODD; i++) addChecked(f, table + i * PT, table + (i - 1) * PT, twice);
}

/** r = p + q (add-2007-bl), any p and q: a doubling for p = q, the identity for p = −q. r may alias p. */
function addChecked(f: usize, r: usize, p: usize, q: usize): void {
  const s = elementSize(f);
  const X1 = p, Y1 = p + s, Z1 = p + 2 * s;
  const X2 = q, Y2 = q + s, Z2 = q + 2 * s;
  if (isZero(f, Z1)) {
    memory.copy(r, q, 3 * s);
    return;
  }
  if (isZero(f, Z2)) {
    memory.copy(r, p, 3 * s);
    return;
  }
  const z1z1 = T, z2z2 = T + E, u1 = T + 2 * E, u2 = T + 3 * E, s1 = T + 4 * E, s2 = T + 5 * E;
  const h = T + 6 * E, rr = T + 7 * E;
  square(f, z1z1, Z1);
  square(f, z2z2, Z2);
  mul(f, u1, X1, z2z2);
  mul(f, u2, X2, z1z1);
  mul(f, s1, Y1, Z2);
  mul(f, s1, s1, z2z2);
  mul(f, s2, Y2, Z1);
  mul(f, s2, s2, z1z1);
  sub(f, h, u2, u1);
  sub(f, rr, s2, s1);
  if (isZero(f, h)) {
    if (isZero(f, rr)) jacobianDouble(f, r, p);
    else memory.fill(r + 2 * s, 0, s); // Z = 0
    return;
  }
  add(f, rr, rr, rr); // r = 2·(S2 − S1)
  // Z3 = ((Z1 + Z2)² − Z1Z1 − Z2Z2)·H, written last: Z1 and Z2 may be r's.
  add(f, s2, Z1, Z2);
  square(f, s2, s2);
  sub(f, s2, s2, z1z1);
  sub(f, s2, s2, z2z2);
  mul(f, s2, s2, h); // Z3
  add(f, z1z1, h, h);
  square(f, z1z1, z1z1); // I = (2H)²
  mul(f, z2z2, h, z1z1); // J = H·I
  mul(f, u1, u1, z1z1); // V = U1·I
  square(f, h, rr);
  sub(f, h, h, z2z2);
  sub(f, h, h, u1);
  sub(f, h, h, u1); // X3 = r² − J − 2V
  sub(f, u2, u1, h);
  mul(f, u2, rr, u2);
  mul(f, s1, s1, z2z2);
  add(f, s1, s1, s1);
  sub(f, u2, u2, s1); // Y3 = r·(V − X3) − 2·S1·J
  memory.copy(r, h, s);
  memory.copy(r + s, u2, s);
  memory.copy(r + 2 * s, s2, s);
}

/** SUM += digit·P for the odd multiples of P in `table`; digit is odd, or 0 for nothing. */
function addDigit(f: usize, table: usize, digit: i32): void {
  if (digit == 0) return;
  const s = elementSize(f);
  const entry = table + <usize>((abs(digit) - 1) >> 1) * PT;
  if (digit > 0) {
    addChecked(f, SUM, SUM, entry);
    return;
  }
  memory.copy(NEG, entry, 3 * s);
  memory.fill(NEG + s, 0, s);
  sub(f, NEG + s, NEG + s, entry + s);
  addChecked(f, SUM, SUM, NEG);
}

/** SUM = u1·G + u2·Q for the big-endian scalars u1 and u2 (below n) and Q in Q_TABLE[0]. */
export function doubleMul(curve: i32, f: usize, u1: usize, u2: usize): void {
  const s = elementSize(f), len = byteLength(f);
  toMont(f, G_TABLE, curve == Curve.P256 ? P256_GX : curve == Curve.P384 ? P384_GX : P521_GX);
  toMont(f, G_TABLE + s, curve == Curve.P256 ? P256_GY : curve == Curve.P384 ? P384_GY : P521_GY);
  memory.copy(G_TABLE + 2 * s, one(f), s);
  fillOdd(f, G_TABLE);
  fillOdd(f, Q_TABLE);
  const n1 = recode(NAF1, u1, len), n2 = recode(NAF2, u2, len);
  memory.fill(SUM, 0, 3 * s); // the identity
  memory.copy(SUM, one(f), s);
  memory.copy(SUM + s, one(f), s);
  for (let i = max(n1, n2) - 1; i >= 0; i--) {
    if (!isZero(f, SUM + 2 * s)) jacobianDouble(f, SUM, SUM);
    if (i < n1) addDigit(f, G_TABLE, <i32>load<i8>(NAF1 + <usize>i));
    if (i < n2) addDigit(f, Q_TABLE, <i32>load<i8>(NAF2 + <usize>i));
  }
}

// @ts-ignore: compile-time builtin
if (DOUBLE_MUL_SIZE > <usize>(MSM_TERMS * MSM_TERM_SIZE)) ERROR('the double multiplication does not fit MSM');
// The recoding uses up to MAX_LIMBS + 1 limbs of DIGITS.
// @ts-ignore: compile-time builtin
if (NEG - DIGITS < (MAX_LIMBS + 1) << 2) ERROR('the recoding buffer is too small');
