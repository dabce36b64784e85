// The prime-order group and hash of an RFC 9497 ciphersuite (§4): ristretto255-SHA512 (§4.1) over
// ec/ristretto255.ts and field/scalar25519.ts, P256-SHA256, P384-SHA384 and P521-SHA512
// (§4.3–4.5) over ec/nist-group.ts. Elements cross this file as SerializeElement encodings,
// scalars as SerializeScalar encodings (ristretto255: little-endian; NIST: big-endian).
// `configure` fixes the suite and mode for the call and writes the contextString.
import { HashAlg, Curve, OprfSuite, OprfMode } from '../abi';
import * as XMD from '../hash/xmd';
import * as Ristretto from '../ec/ristretto255';
import * as Scalar from '../field/scalar25519';
import * as Nist from '../ec/nist-group';
import { EC_OK, EC_INVALID_POINT, EC_IDENTITY } from '../ec/weierstrass';
import { OPRF_CONTEXT, OPRF_DST, OPRF_UNIFORM, MSM_TERMS } from '../mem';

export { EC_OK, EC_INVALID_POINT, EC_IDENTITY };

let suite: i32 = 0;
/** The NIST curve of ec/nist-group.ts. */
let curve: i32 = 0;
/** §4: Ne, Ns, Nh, and the hash; L, the uniform bytes per scalar (RFC 9380 §5). */
export let Ne: i32 = 0;
export let Ns: i32 = 0;
export let Nh: i32 = 0;
export let hash: i32 = 0;
let L: i32 = 0;
let contextLength: i32 = 0;

/** Configures the suite and mode; false for numbers outside §3.1 and §4. */
export function configure(s: i32, mode: i32): bool {
  if (s < OprfSuite.RISTRETTO255_SHA512 || s > OprfSuite.P521_SHA512 || mode < OprfMode.OPRF || mode > OprfMode.POPRF) return false;
  suite = s;
  curve = s == OprfSuite.P256_SHA256 ? Curve.P256 : s == OprfSuite.P384_SHA384 ? Curve.P384 : Curve.P521;
  if (s == OprfSuite.RISTRETTO255_SHA512) {
    Ne = 32;
    Ns = 32;
    hash = HashAlg.SHA512;
    L = 64;
  } else {
    Ne = <i32>Nist.elementLength(curve);
    Ns = <i32>Nist.scalarLength(curve);
    hash = s == OprfSuite.P256_SHA256 ? HashAlg.SHA256 : s == OprfSuite.P521_SHA512 ? HashAlg.SHA512 : HashAlg.SHA384;
    L = s == OprfSuite.P256_SHA256 ? 48 : s == OprfSuite.P521_SHA512 ? 98 : 72;
  }
  Nh = s == OprfSuite.P256_SHA256 ? 32 : hash == HashAlg.SHA384 ? 48 : 64;
  const identifier = s == OprfSuite.RISTRETTO255_SHA512 ? 'ristretto255-SHA512' : s == OprfSuite.P256_SHA256 ? 'P256-SHA256' : s == OprfSuite.P521_SHA512 ? 'P521-SHA512' : 'P384-SHA384';
  let at = put(OPRF_CONTEXT, 'OPRFV1-');
  store<u8>(at++, <u8>mode);
  at = put(put(at, '-'), identifier);
  contextLength = <i32>(at - OPRF_CONTEXT);
  return true;
}

/** Writes the ASCII `text` at `at`; returns the address after it. */
export function put(at: usize, text: string): usize {
  for (let i = 0; i < text.length; i++) store<u8>(at + i, <u8>text.charCodeAt(i));
  return at + text.length;
}

/** The DST `prefix` ‖ contextString in OPRF_DST; returns its length. */
function dst(prefix: string): i32 {
  const at = put(OPRF_DST, prefix);
  memory.copy(at, OPRF_CONTEXT, contextLength);
  return <i32>(at - OPRF_DST) + contextLength;
}

/** Absorbs contextString into a hash or an expand_message_xmd message. */
export function contextString(): usize {
  return OPRF_CONTEXT;
}

export function contextStringLength(): i32 {
  return contextLength;
}

// ── HashToGroup and HashToScalar (§4) ───────────────────────────────────────────────────────

/** out = HashToGroup(msg) with DST "HashToGroup-" ‖ contextString; false if it is the identity. */
export function hashToGroup(out: usize, msg: usize, msgLen: i32): bool {
  const dstLen = dst('HashToGroup-');
  if (suite == OprfSuite.RISTRETTO255_SHA512) {
    XMD.expand(hash, msg, msgLen, OPRF_DST, dstLen, OPRF_UNIFORM, 64);
    Ristretto.fromUniformBytes(out, OPRF_UNIFORM);
    return !isZero(out, 32);
  }
  return Nist.hashToGroup(curve, out, msg, msgLen, OPRF_DST, dstLen);
}

/** Starts the message of a HashToScalar; its pieces follow through XMD.absorb. */
export function beginHashToScalar(): void {
  XMD.begin(hash);
}

/** Ends a HashToScalar with DST `prefix` ‖ contextString: out = the message's scalar. */
export function endHashToScalar(out: usize, prefix: string): void {
  XMD.end(OPRF_DST, dst(prefix), OPRF_UNIFORM, L);
  if (suite == OprfSuite.RISTRETTO255_SHA512) Scalar.reduce(out, OPRF_UNIFORM);
  else Nist.scalarReduceWide(curve, out, OPRF_UNIFORM, L);
}

// ── Elements ─────────────────────────────────────────────────────────────────────────────────

/** Whether P deserializes (§4): a canonical encoding, not the identity. */
export function isValidElement(p: usize): bool {
  if (suite != OprfSuite.RISTRETTO255_SHA512) return Nist.isValidElement(curve, p);
  return !isZero(p, 32) && Ristretto.isValid(p) != 0;
}

/** out = k·P for a scalar k < order and the encoding P: EC_OK, EC_INVALID_POINT (P does not
 *  deserialize, the identity included: §4), EC_IDENTITY (the result). */
export function multiply(out: usize, k: usize, p: usize): i32 {
  if (suite != OprfSuite.RISTRETTO255_SHA512) return Nist.multiply(curve, out, k, p);
  if (isZero(p, 32) || !Ristretto.scalarMult(out, k, p)) {
    memory.fill(out, 0, 32);
    return EC_INVALID_POINT;
  }
  return isZero(out, 32) ? EC_IDENTITY : EC_OK;
}

/** out = k·G: EC_OK or EC_IDENTITY (k = 0). */
export function multiplyBase(out: usize, k: usize): i32 {
  if (suite != OprfSuite.RISTRETTO255_SHA512) return Nist.multiplyBase(curve, out, k);
  Ristretto.scalarMultBase(out, k);
  return isZero(out, 32) ? EC_IDENTITY : EC_OK;
}

/** out = a + b: EC_OK, EC_INVALID_POINT, EC_IDENTITY. */
export function add(out: usize, a: usize, b: usize): i32 {
  if (suite != OprfSuite.RISTRETTO255_SHA512) return Nist.add(curve, out, a, b);
  if (isZero(a, 32) || isZero(b, 32) || !Ristretto.addEncoded(out, a, b, false)) {
    memory.fill(out, 0, 32);
    return EC_INVALID_POINT;
  }
  return isZero(out, 32) ? EC_IDENTITY : EC_OK;
}

/** The most terms weightedSum takes. */
export const WEIGHTED_SUM_TERMS: i32 = MSM_TERMS;

/** out = Σ k_j·P_j over `count` (1 … WEIGHTED_SUM_TERMS) scalars and encodings, each list
 *  `stride` bytes apart; for public terms (the doublings are shared, the scans still masked).
 *  EC_OK, EC_INVALID_POINT (some P_j does not deserialize), EC_IDENTITY (the sum). */
export function weightedSum(out: usize, scalars: usize, scalarStride: usize, points: usize, pointStride: usize, count: i32): i32 {
  if (count == 1) return multiply(out, scalars, points); // one term: the single-scalar path is faster
  if (suite != OprfSuite.RISTRETTO255_SHA512) return Nist.weightedSum(curve, out, scalars, scalarStride, points, pointStride, count);
  let valid = Ristretto.weightedSum(out, scalars, scalarStride, points, pointStride, count);
  for (let j = 0; j < count; j++) valid &= <u32>!isZero(points + <usize>j * pointStride, 32);
  if (!valid) {
    memory.fill(out, 0, 32);
    return EC_INVALID_POINT;
  }
  return isZero(out, 32) ? EC_IDENTITY : EC_OK;
}

/** Whether `len` bytes at p are all zero (the ristretto255 identity's encoding; a zero scalar). */
function isZero(p: usize, len: usize): bool {
  let acc: u32 = 0;
  for (let i: usize = 0; i < len; i++) acc |= load<u8>(p + i);
  return acc == 0;
}

// ── Scalars mod the group order ─────────────────────────────────────────────────────────────

/** 0 < k < order, in constant time. */
export function scalarIsValid(k: usize): bool {
  if (suite == OprfSuite.RISTRETTO255_SHA512) return Scalar.isCanonical(k) && !Scalar.isZero(k);
  return Nist.scalarIsCanonical(curve, k) && !Nist.scalarIsZero(curve, k);
}

/** k < order (DeserializeScalar, §4). */
export function scalarIsCanonical(k: usize): bool {
  return suite == OprfSuite.RISTRETTO255_SHA512 ? Scalar.isCanonical(k) : Nist.scalarIsCanonical(curve, k);
}

export function scalarIsZero(k: usize): bool {
  return suite == OprfSuite.RISTRETTO255_SHA512 ? Scalar.isZero(k) != 0 : Nist.scalarIsZero(curve, k);
}

export function scalarMul(r: usize, a: usize, b: usize): void {
  if (suite == OprfSuite.RISTRETTO255_SHA512) Scalar.mul(r, a, b);
  else Nist.scalarMul(curve, r, a, b);
}

export function scalarAdd(r: usize, a: usize, b: usize): void {
  if (suite == OprfSuite.RISTRETTO255_SHA512) Scalar.add(r, a, b);
  else Nist.scalarAdd(curve, r, a, b);
}

export function scalarSub(r: usize, a: usize, b: usize): void {
  if (suite == OprfSuite.RISTRETTO255_SHA512) Scalar.sub(r, a, b);
  else Nist.scalarSub(curve, r, a, b);
}

/** r = a⁻¹ (0 ↦ 0). */
export function scalarInvert(r: usize, a: usize): void {
  if (suite == OprfSuite.RISTRETTO255_SHA512) Scalar.invert(r, a);
  else Nist.scalarInvert(curve, r, a);
}

/** Whether two scalars are equal, in constant time. */
export function scalarEqual(a: usize, b: usize): bool {
  let acc: u32 = 0;
  for (let i = 0; i < Ns; i++) acc |= load<u8>(a + i) ^ load<u8>(b + i);
  return acc == 0;
}
