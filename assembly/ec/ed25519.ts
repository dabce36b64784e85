// Ed25519 (RFC 8032 §5.1) on edwards25519, with x25519-base.ts's point arithmetic and comb.
//
// Key generation and signing are constant time: the secret scalar s and the nonce r enter only
// SHA-512, the comb (masked table scans), the fixed inversion chain and scalar25519.ts's
// Montgomery arithmetic. Verification handles public data only and is variable time: a
// width-8 NAF of S over a table of odd multiples of B, a width-5 NAF of k over odd multiples of
// −A, their doublings shared (Straus). It follows Go's crypto/ed25519 (which C2SP signed notes
// are checked with): S must be below ℓ, A decodes as filippo.io/edwards25519's SetBytes does
// (y may be unreduced, x = 0 may carry the sign bit), R is not decoded but compared byte for byte
// with the encoding of [S]B − [k]A, so a non-canonical R never verifies (cofactorless).
//
// A signature is made in two passes over the message, through a sign state: s and A, then r and
// R, and the SHA-512 state of r = H(prefix ‖ M), then of k = H(R ‖ A ‖ M). The state lives in a
// slot for a message streamed through the window, in WORK_STATE for a one-shot call.
import {
  ED25519_EXPANDED, ED25519_WIDE, ED25519_SCALARS, ED25519_FE, ED25519_POINT, ED25519_A_TABLE, ED25519_NAF,
  ED25519_WORDS, ED25519_ACC, ED25519_NAF_TABLE, ED25519_NAF_TABLE_SIZE, SCHEDULE, WORK_STATE, STATE_SIZE,
} from '../mem';
import { HashAlg } from '../abi';
import * as sha2 from '../hash/sha2';
import * as Scalar from '../field/scalar25519';
import {
  FE_SIZE, fromBytes, toBytes, add, sub, neg, mul, square, mulSmall, carry, cneg, invert, pow22523, isNegative,
  equal, one, zero, copy,
} from '../field/fe25519';
import { mask } from '../ct';
import { POINT, BASE_Y, prepare, toEntry, double, baseMul } from './x25519-base';
import { D_BYTES, SQRT_M1_BYTES } from './ristretto255';

// A sign state: SHA-512's state, then s (clamped), A, r and R, 32 bytes each.
const SIGN_SECRET: usize = sha2.STATE_SIZE;
const SIGN_KEY: usize = SIGN_SECRET + 32;
const SIGN_NONCE: usize = SIGN_KEY + 32;
const SIGN_R: usize = SIGN_NONCE + 32;
const SIGN_STATE_SIZE: usize = SIGN_R + 32;
// @ts-ignore: compile-time builtin
if (SIGN_STATE_SIZE > <usize>STATE_SIZE || WORK_STATE + SIGN_STATE_SIZE > SCHEDULE) ERROR('the Ed25519 sign state does not fit');
/** A one-shot signature's state. */
export const ONE_SHOT_STATE: usize = WORK_STATE;

const K: usize = ED25519_SCALARS; // k mod ℓ
const S: usize = K + 32; // s mod ℓ
const POW: usize = ED25519_FE + 8 * FE_SIZE;
const NAF_S: usize = ED25519_NAF;
const NAF_K: usize = NAF_S + 256;
const WORD_S: usize = ED25519_WORDS;
const WORD_K: usize = WORD_S + 40;
const ENTRIES: usize = 8; // A, 3A, …, 15A
const BASE_ENTRIES: usize = 64; // B, 3B, …, 127B
const TWICE: usize = ED25519_A_TABLE + ENTRIES * POINT; // 2P while a table is built (in NAF_S)
// @ts-ignore: compile-time builtin
if (<usize>ED25519_NAF_TABLE_SIZE != BASE_ENTRIES * POINT) ERROR('the Ed25519 NAF table has the wrong size');

// @ts-ignore: decorator
@inline function t(i: usize): usize {
  return ED25519_FE + i * FE_SIZE;
}

const D: usize = memory.data(2 * <i32>FE_SIZE, 8);
const SQRT_M1: usize = D + FE_SIZE;
let ready = false;

/** The constants, and the table of odd multiples of B (public work, once per instance). */
function setup(): void {
  prepare();
  if (ready) return;
  fromBytes(D, D_BYTES);
  fromBytes(SQRT_M1, SQRT_M1_BYTES);
  oddMultiples(ED25519_NAF_TABLE, BASE_ENTRIES, BASE_Y);
  ready = true;
}

/** table = the entries of P, 3P, …, (2n − 1)·P for the point P the 32 bytes at src encode;
 *  returns false if they do not decode. Uses ED25519_POINT and ED25519_ACC. */
function oddMultiples(table: usize, n: usize, src: usize): bool {
  const p = ED25519_POINT, acc = ED25519_ACC;
  if (!decode(p, src)) return false;
  toEntry(table, p);
  memory.copy(acc, p, POINT);
  double(acc);
  toEntry(TWICE, acc);
  memory.copy(acc, p, POINT);
  for (let i: usize = 1; i < n; i++) {
    addVartime(acc, acc, TWICE, false, true); // (2i + 1)·P
    toEntry(table + i * POINT, acc);
  }
  return true;
}

// ── Encodings (§5.1.2, §5.1.3) ────────────────────────────────────────────────────────────────

/** §5.1.2: out = the 32-byte encoding of the extended point p: y, with x's low bit on top. */
function encode(out: usize, p: usize): void {
  invert(t(0), p + 2 * FE_SIZE, POW);
  mul(t(1), p, t(0)); // x
  mul(t(2), p + FE_SIZE, t(0)); // y
  toBytes(out, t(2));
  store<u8>(out + 31, load<u8>(out + 31) | <u8>(isNegative(t(1)) << 7));
}

/** §5.1.3 as Go's SetBytes: p = the point the 32 bytes at src encode, y taken mod p; returns
 *  false when x² = (y² − 1)/(d·y² + 1) has no square root. Variable time (public keys only). */
function decode(p: usize, src: usize): bool {
  const X = p, Y = p + FE_SIZE, Z = p + 2 * FE_SIZE, T = p + 3 * FE_SIZE;
  fromBytes(Y, src);
  one(Z);
  square(t(0), Y);
  sub(t(1), t(0), Z);
  carry(t(1), t(1)); // u = y² − 1
  mul(t(2), t(0), D);
  add(t(2), t(2), Z);
  carry(t(2), t(2)); // v = d·y² + 1
  square(t(3), t(2));
  mul(t(3), t(3), t(2)); // v³
  square(t(4), t(3));
  mul(t(4), t(4), t(2)); // v⁷
  mul(t(4), t(4), t(1));
  pow22523(t(4), t(4), POW); // (u·v⁷)^((p − 5)/8)
  mul(t(4), t(4), t(3));
  mul(X, t(4), t(1)); // x = u·v³·(u·v⁷)^((p − 5)/8)
  square(t(5), X);
  mul(t(5), t(5), t(2)); // v·x²
  if (!equal(t(5), t(1))) {
    neg(t(6), t(1));
    if (!equal(t(5), t(6))) return false;
    mul(X, X, SQRT_M1);
  }
  // The nonnegative root, negated when the sign bit is set (x = 0 keeps its sign bit, as in Go).
  const sign = <u32>(load<u8>(src + 31) >> 7);
  cneg(X, X, mask(isNegative(X) ^ sign));
  carry(X, X);
  mul(T, X, Y);
  return true;
}

// ── Key generation and signing (§5.1.5, §5.1.6), constant time ────────────────────────────────

/** §5.1.5: ED25519_EXPANDED = SHA-512(seed) with its first half clamped into s. */
function expand(seed: usize): void {
  sha2.init(ONE_SHOT_STATE, HashAlg.SHA512);
  sha2.update(ONE_SHOT_STATE, seed, 32);
  sha2.finish(ONE_SHOT_STATE, ED25519_EXPANDED);
  store<u8>(ED25519_EXPANDED, load<u8>(ED25519_EXPANDED) & 248);
  store<u8>(ED25519_EXPANDED + 31, (load<u8>(ED25519_EXPANDED + 31) & 127) | 64);
}

/** out = the encoding of k·B for the 32-byte scalar at k (below 2^255), by the comb. */
function multiplyBase(out: usize, k: usize): void {
  baseMul(ED25519_POINT, k);
  encode(out, ED25519_POINT);
}

/** §5.1.5: out = A, the public key of the 32-byte seed. */
export function publicKey(out: usize, seed: usize): void {
  expand(seed);
  multiplyBase(out, ED25519_EXPANDED);
}

/** Starts a signature in the sign state st: s and A from the seed, then r's hash over the prefix. */
export function signInit(st: usize, seed: usize): void {
  expand(seed);
  memory.copy(st + SIGN_SECRET, ED25519_EXPANDED, 32);
  multiplyBase(st + SIGN_KEY, ED25519_EXPANDED);
  sha2.init(st, HashAlg.SHA512);
  sha2.update(st, ED25519_EXPANDED + 32, 32);
}

/** Absorbs a piece of the message into the current hash (r's, then k's). */
export function signUpdate(st: usize, msg: usize, len: i32): void {
  sha2.update(st, msg, len);
}

/** After the first pass: r = H(prefix ‖ M) mod ℓ, R = r·B, and k's hash started over R ‖ A. */
export function signCommit(st: usize): void {
  sha2.finish(st, ED25519_WIDE);
  Scalar.reduce(st + SIGN_NONCE, ED25519_WIDE);
  multiplyBase(st + SIGN_R, st + SIGN_NONCE);
  sha2.init(st, HashAlg.SHA512);
  sha2.update(st, st + SIGN_R, 32);
  sha2.update(st, st + SIGN_KEY, 32);
}

/** After the second pass: out = R ‖ S with k = H(R ‖ A ‖ M) mod ℓ and S = r + k·s mod ℓ. */
export function signFinal(out: usize, st: usize): void {
  sha2.finish(st, ED25519_WIDE);
  Scalar.reduce(K, ED25519_WIDE);
  memory.fill(ED25519_WIDE, 0, 64);
  memory.copy(ED25519_WIDE, st + SIGN_SECRET, 32);
  Scalar.reduce(S, ED25519_WIDE); // s mod ℓ
  Scalar.mul(out + 32, K, S);
  Scalar.add(out + 32, out + 32, st + SIGN_NONCE);
  memory.copy(out, st + SIGN_R, 32);
}

/** §5.1.6 in one call: out = R ‖ S, the signature of the `len` bytes at msg under the seed. */
export function sign(out: usize, seed: usize, msg: usize, len: i32): void {
  const st = ONE_SHOT_STATE;
  signInit(st, seed);
  signUpdate(st, msg, len);
  signCommit(st);
  signUpdate(st, msg, len);
  signFinal(out, st);
}

// ── Verification (§5.1.7 as Go's crypto/ed25519), variable time ───────────────────────────────

/** r = p ± q for the extended point p and the entry q (add-2008-hwcd-3; −q swaps Y + X and
 *  Y − X and negates 2d·T). r may alias p. T3 is skipped when only a doubling reads r next. */
function addVartime(r: usize, p: usize, q: usize, subtract: bool, withT: bool): void {
  const X1 = p, Y1 = p + FE_SIZE, Z1 = p + 2 * FE_SIZE, T1 = p + 3 * FE_SIZE;
  sub(t(0), Y1, X1);
  mul(t(0), t(0), subtract ? q : q + FE_SIZE); // A
  add(t(1), Y1, X1);
  mul(t(1), t(1), subtract ? q + FE_SIZE : q); // B
  mul(t(2), T1, q + 3 * FE_SIZE); // ±C
  mul(t(3), Z1, q + 2 * FE_SIZE);
  mulSmall(t(3), t(3), 2); // D
  sub(t(4), t(1), t(0)); // E
  add(t(7), t(1), t(0)); // H
  if (subtract) {
    add(t(5), t(3), t(2)); // F
    sub(t(6), t(3), t(2)); // G
  } else {
    sub(t(5), t(3), t(2));
    add(t(6), t(3), t(2));
  }
  mul(r, t(4), t(5)); // X3 = E·F
  mul(r + FE_SIZE, t(6), t(7)); // Y3 = G·H
  mul(r + 2 * FE_SIZE, t(5), t(6)); // Z3 = F·G
  if (withT) mul(r + 3 * FE_SIZE, t(4), t(7)); // T3 = E·H
}

/** The width-w NAF of the scalar in the 40-byte zero-extended words at x (below 2^255): 256
 *  digits at out, each zero or odd in (−2^(w−1), 2^(w−1)), nonzero ones at least w apart. */
function nonAdjacentForm(out: usize, x: usize, w: u32): void {
  memory.fill(out, 0, 256);
  const width: i32 = 1 << w;
  let pos: u32 = 0;
  let carried: i32 = 0;
  while (pos < 256) {
    const word = x + ((pos >> 6) << 3);
    const bit = <u64>(pos & 63);
    let bits = load<u64>(word) >> bit;
    if (bit > 64 - <u64>w) bits |= load<u64>(word + 8) << (64 - bit);
    const window = carried + <i32>(bits & <u64>(width - 1));
    if ((window & 1) == 0) {
      pos++;
      continue;
    }
    carried = window < width >> 1 ? 0 : 1;
    store<i8>(out + pos, <i8>(window - (carried << w)));
    pos += w;
  }
}

/** Adds the table entry of the digit e (odd multiples, e ≠ 0), negated when `negate`. */
// @ts-ignore: decorator
@inline function addDigit(acc: usize, table: usize, e: i32, negate: bool, withT: bool): void {
  const magnitude = e < 0 ? -e : e;
  addVartime(acc, acc, table + <usize>(magnitude >> 1) * POINT, (e < 0) != negate, withT);
}

/** Whether the signature R ‖ S at sig of a message whose H(R ‖ A ‖ M) is the 64 bytes at digest
 *  verifies under the public key at pk: S < ℓ, A decodes, and encode([S]B − [k]A) = R. */
export function verifyDigest(pk: usize, sig: usize, digest: usize): bool {
  if (!Scalar.isCanonical(sig + 32)) return false;
  setup();
  if (!oddMultiples(ED25519_A_TABLE, ENTRIES, pk)) return false;
  const acc = ED25519_ACC;
  memory.fill(WORD_S, 0, 80);
  memory.copy(WORD_S, sig + 32, 32);
  Scalar.reduce(WORD_K, digest); // k, below ℓ
  nonAdjacentForm(NAF_S, WORD_S, 8);
  nonAdjacentForm(NAF_K, WORD_K, 5);
  // The identity, then from the top digit: a doubling, then the digits' additions.
  zero(acc);
  one(acc + FE_SIZE);
  one(acc + 2 * FE_SIZE);
  zero(acc + 3 * FE_SIZE);
  let top = 255;
  while (top >= 0 && load<i8>(NAF_S + <usize>top) == 0 && load<i8>(NAF_K + <usize>top) == 0) top--;
  for (let i = top; i >= 0; i--) {
    const es = <i32>load<i8>(NAF_S + <usize>i), ek = <i32>load<i8>(NAF_K + <usize>i);
    if (i < top) double(acc, es != 0 || ek != 0);
    if (es != 0) addDigit(acc, ED25519_NAF_TABLE, es, false, ek != 0);
    if (ek != 0) addDigit(acc, ED25519_A_TABLE, ek, true, false);
  }
  encode(ED25519_WIDE, acc);
  let difference: u32 = 0;
  for (let i: usize = 0; i < 32; i++) difference |= load<u8>(ED25519_WIDE + i) ^ load<u8>(sig + i);
  return difference == 0;
}

/** §5.1.7 in one call over the `len` bytes at msg. */
export function verify(pk: usize, sig: usize, msg: usize, len: i32): bool {
  const st = ONE_SHOT_STATE;
  sha2.init(st, HashAlg.SHA512);
  sha2.update(st, sig, 32);
  sha2.update(st, pk, 32);
  sha2.update(st, msg, len);
  sha2.finish(st, ED25519_WIDE);
  return verifyDigest(pk, sig, ED25519_WIDE); // read before encode reuses WIDE
}
