// X25519 key generation (RFC 7748 §6.1: X25519(k, 9)) by a fixed-base comb on edwards25519, the
// twisted Edwards curve −x² + y² = 1 + d·x²y² birationally equivalent to Curve25519 (§4.1), whose
// base point maps to u = 9 by u = (1 + y) / (1 − y). The addition law (extended coordinates,
// Hisil–Wong–Carter–Dawson 2008, "add-2008-hwcd-3") is complete on this curve (a = −1 square,
// d not a square), so the identity and doublings need no special case.
//
// The clamped scalar k is written in 64 signed radix-16 digits e_i ∈ [−8, 8]; with a table of
// k · 256^j · B (k = 1 … 8), k·B = Σ_odd e_i·16^(i−1)·B · 16 + Σ_even e_i·16^i·B: 64 additions of
// table entries (each read by a full masked scan, negated by mask) and 4 doublings.
// Temporaries live in CIPHER_SCRATCH after the clamped scalar; the caller wipes them. The point
// arithmetic, the recoding and the comb also serve ristretto255 (ec/ristretto255.ts).
import { CIPHER_SCRATCH, CIPHER_SCRATCH_SIZE, X25519_BASE_TABLE, X25519_BASE_TABLE_SIZE } from '../mem';
import {
  FE_SIZE, FE_POW_SCRATCH, fromBytes, toBytes, add, sub, neg, mul, square, mulSmall, carry, invert, cneg, one, zero, copy,
} from '../field/fe25519';
import { cswap, mask } from '../ct';

/** A point (X, Y, Z, T), or a table entry (Y + X, Y − X, Z, 2d·T): four elements. */
export const POINT: usize = 4 * FE_SIZE;
export const ENTRIES: usize = 8;
const ROWS: usize = 32;
// @ts-ignore: compile-time builtin
if (<usize>X25519_BASE_TABLE_SIZE != ROWS * ENTRIES * POINT) ERROR('the X25519 base table has the wrong size');

export const DIGITS: usize = CIPHER_SCRATCH + 32; // after x25519.ts's clamped scalar
const ACC: usize = DIGITS + 64;
/** The entry `select` reads. */
export const SEL: usize = ACC + POINT;
const TA: usize = SEL + POINT;
const TB: usize = TA + FE_SIZE;
const TC: usize = TB + FE_SIZE;
const TD: usize = TC + FE_SIZE;
const TE: usize = TD + FE_SIZE;
const TF: usize = TE + FE_SIZE;
const TG: usize = TF + FE_SIZE;
const TH: usize = TG + FE_SIZE;
const POW: usize = TH + FE_SIZE;
// @ts-ignore: compile-time builtin
if (POW + FE_POW_SCRATCH > CIPHER_SCRATCH + <usize>CIPHER_SCRATCH_SIZE) ERROR('the X25519 base scratch exceeds CIPHER_SCRATCH');

// The base point (x, 4/5) and 2d, little-endian (RFC 8032 §5.1); BASE_Y is also B's encoding (ed25519.ts).
const BASE_X = memory.data<u8>([
  0x1a, 0xd5, 0x25, 0x8f, 0x60, 0x2d, 0x56, 0xc9, 0xb2, 0xa7, 0x25, 0x95, 0x60, 0xc7, 0x2c, 0x69,
  0x5c, 0xdc, 0xd6, 0xfd, 0x31, 0xe2, 0xa4, 0xc0, 0xfe, 0x53, 0x6e, 0xcd, 0xd3, 0x36, 0x69, 0x21,
]);
export const BASE_Y = memory.data<u8>([
  0x58, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66,
  0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66,
]);
const D2_BYTES = memory.data<u8>([
  0x59, 0xf1, 0xb2, 0x26, 0x94, 0x9b, 0xd6, 0xeb, 0x56, 0xb1, 0x83, 0x82, 0x9a, 0x14, 0xe0, 0x00,
  0x30, 0xd1, 0xf3, 0xee, 0xf2, 0x80, 0x8e, 0x19, 0xe7, 0xfc, 0xdf, 0x56, 0xdc, 0xd9, 0x06, 0x24,
]);
const D2: usize = memory.data(<i32>FE_SIZE, 8);

let tableReady = false;

/** The entry form of the extended point p: (Y + X, Y − X, Z, 2d·T) → e. */
export function toEntry(e: usize, p: usize): void {
  add(e, p + FE_SIZE, p);
  sub(e + FE_SIZE, p + FE_SIZE, p);
  copy(e + 2 * FE_SIZE, p + 2 * FE_SIZE);
  mul(e + 3 * FE_SIZE, p + 3 * FE_SIZE, D2);
}

/** r = p + q for the extended point p and the entry q (add-2008-hwcd-3, 9M). r may alias p. */
export function addEntry(r: usize, p: usize, q: usize): void {
  const X1 = p, Y1 = p + FE_SIZE, Z1 = p + 2 * FE_SIZE, T1 = p + 3 * FE_SIZE;
  sub(TA, Y1, X1);
  mul(TA, TA, q + FE_SIZE); // A = (Y1 − X1)(Y2 − X2)
  add(TB, Y1, X1);
  mul(TB, TB, q); // B = (Y1 + X1)(Y2 + X2)
  mul(TC, T1, q + 3 * FE_SIZE); // C = T1 · 2d·T2
  mul(TD, Z1, q + 2 * FE_SIZE);
  mulSmall(TD, TD, 2); // D = 2·Z1·Z2
  sub(TE, TB, TA);
  sub(TF, TD, TC);
  add(TG, TD, TC);
  add(TH, TB, TA);
  mul(r, TE, TF); // X3 = E·F
  mul(r + FE_SIZE, TG, TH); // Y3 = G·H
  mul(r + 2 * FE_SIZE, TF, TG); // Z3 = F·G
  mul(r + 3 * FE_SIZE, TE, TH); // T3 = E·H
}

/** p = 2·p for the extended point p (dbl-2008-hwcd with a = −1, 4S + 4M):
 *  A = X², B = Y², C = 2Z², E = (X + Y)² − A − B, G = B − A, F = G − C, H = −A − B,
 *  (X, Y, Z, T) = (E·F, G·H, F·G, E·H). Carries keep every factor within mul's bounds. A doubling
 *  followed by another doubling may skip T (`withT` false): the formula does not read it. */
export function double(p: usize, withT: bool = true): void {
  const X = p, Y = p + FE_SIZE, Z = p + 2 * FE_SIZE, T = p + 3 * FE_SIZE;
  square(TA, X);
  square(TB, Y);
  square(TC, Z);
  mulSmall(TC, TC, 2);
  add(TE, X, Y);
  square(TE, TE);
  sub(TG, TB, TA);
  carry(TG, TG);
  sub(TF, TG, TC);
  add(TH, TA, TB);
  carry(TH, TH);
  neg(TH, TH);
  add(TE, TE, TH);
  mul(X, TE, TF);
  mul(Y, TG, TH);
  mul(Z, TF, TG);
  if (withT) mul(T, TE, TH);
}

/** Fills the table (public work, once per instance). */
function buildTable(): void {
  fromBytes(D2, D2_BYTES);
  const base = ACC; // 256^j · B, extended
  fromBytes(base, BASE_X);
  fromBytes(base + FE_SIZE, BASE_Y);
  one(base + 2 * FE_SIZE);
  mul(base + 3 * FE_SIZE, base, base + FE_SIZE);
  for (let j: usize = 0; j < ROWS; j++) {
    const row = X25519_BASE_TABLE + j * ENTRIES * POINT;
    toEntry(row, base);
    copy(SEL, base);
    copy(SEL + FE_SIZE, base + FE_SIZE);
    copy(SEL + 2 * FE_SIZE, base + 2 * FE_SIZE);
    copy(SEL + 3 * FE_SIZE, base + 3 * FE_SIZE);
    for (let k: usize = 1; k < ENTRIES; k++) {
      addEntry(SEL, SEL, row); // (k + 1) · 256^j · B
      toEntry(row + k * POINT, SEL);
    }
    for (let i = 0; i < 8; i++) double(base);
  }
  tableReady = true;
}

/** digits = the scalar at k (below 2^255, as a clamped or a reduced scalar is) in signed radix
 *  16: e_i ∈ [−8, 8], Σ e_i·16^i = k; 64 bytes, DIGITS unless said otherwise. */
export function recode(k: usize, digits: usize = DIGITS): void {
  let carry: i32 = 0;
  for (let i: usize = 0; i < 32; i++) {
    const byte = <i32>load<u8>(k + i);
    for (let half: usize = 0; half < 2; half++) {
      let e = ((byte >> (<i32>half << 2)) & 15) + carry;
      carry = (e + 8) >> 4;
      e -= carry << 4;
      store<i8>(digits + 2 * i + half, <i8>e);
    }
  }
  // The top byte is below 128, so the last digit is at most 7 + 1: no carry is left.
  store<i8>(digits + 63, <i8>(load<i8>(digits + 63) + (carry << 4)));
}

/** SEL = e·P in entry form, for the digit e ∈ [−8, 8], reading all 8 entries 1·P … 8·P of the
 *  row at `row`. */
export function select(row: usize, e: i32): void {
  const negative = <u32>e >> 31;
  const magnitude = <u32>((e ^ -(<i32>negative)) + <i32>negative); // |e|
  memory.fill(SEL, 0, POINT);
  let entry = row;
  for (let k: u32 = 1; k <= <u32>ENTRIES; k++, entry += POINT) {
    const mask = 0 - <u64>(((k ^ magnitude) - 1) >> 31); // all ones when k = |e|
    for (let i: usize = 0; i < POINT; i += 8) store<u64>(SEL + i, load<u64>(SEL + i) | (load<u64>(entry + i) & mask));
  }
  // e = 0: the identity (1, 1, 1, 0).
  const none = ((magnitude - 1) >> 31) & 1;
  store<u32>(SEL, load<u32>(SEL) | none);
  store<u32>(SEL + FE_SIZE, load<u32>(SEL + FE_SIZE) | none);
  store<u32>(SEL + 2 * FE_SIZE, load<u32>(SEL + 2 * FE_SIZE) | none);
  // −(x, y) = (−x, y): swap Y + X and Y − X, negate 2d·T.
  const flip = mask(negative);
  cswap(SEL, SEL + FE_SIZE, FE_SIZE, flip);
  cneg(SEL + 3 * FE_SIZE, SEL + 3 * FE_SIZE, flip);
}

/** The point arithmetic needs 2d, which buildTable sets. */
export function prepare(): void {
  if (!tableReady) buildTable();
}

/** r = k·B (extended) for the scalar at k (32 bytes, little-endian, below 2^255). */
export function baseMul(r: usize, k: usize): void {
  prepare();
  recode(k);
  zero(ACC);
  one(ACC + FE_SIZE);
  one(ACC + 2 * FE_SIZE);
  zero(ACC + 3 * FE_SIZE);
  for (let i: usize = 1; i < 64; i += 2) {
    select(X25519_BASE_TABLE + (i >> 1) * ENTRIES * POINT, <i32>load<i8>(DIGITS + i));
    addEntry(ACC, ACC, SEL);
  }
  for (let i = 0; i < 4; i++) double(ACC, i == 3);
  for (let i: usize = 0; i < 64; i += 2) {
    select(X25519_BASE_TABLE + (i >> 1) * ENTRIES * POINT, <i32>load<i8>(DIGITS + i));
    addEntry(ACC, ACC, SEL);
  }
  memory.copy(r, ACC, POINT);
}

/** out = the u-coordinate of k·B for the clamped scalar at k (32 bytes, little-endian). */
export function x25519BaseComb(out: usize, k: usize): void {
  baseMul(ACC, k);
  // u = (1 + y) / (1 − y) = (Z + Y) / (Z − Y); never 0/0, since k·B is not the identity.
  add(TA, ACC + 2 * FE_SIZE, ACC + FE_SIZE);
  sub(TB, ACC + 2 * FE_SIZE, ACC + FE_SIZE);
  invert(TB, TB, POW);
  mul(TA, TA, TB);
  toBytes(out, TA);
}
