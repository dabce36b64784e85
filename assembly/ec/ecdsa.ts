// ECDSA (FIPS 186-5 §6.4; SEC 1 §4.1) over P-256 with SHA-256, P-384 with SHA-384 and P-521 with
// SHA-512, with RFC 6979 deterministic nonces (rfc6979.ts). Signatures are r ‖ s, each the curve's
// scalar length, big-endian (IEEE P1363). Signing is constant time: the key and the nonce enter the
// field engine by full-width loads, k·G reads its tables by masked scans (weierstrass.ts), k⁻¹ is
// Fermat's fixed exponent chain; only the public outcomes (a candidate k out of range, r or s zero)
// decide a branch. Verification handles public values only and runs in variable time
// (double-mul.ts). Scalars mod n run on montgomery.ts over the order descriptors of nist.ts.
import { F_P, byteLength, elementSize, limbs, mul, square, add, sub, toMont, fromMont, fromBytes, toBytes, isZero, equal, invert, lessThanModulus } from '../field/montgomery';
import * as sha2 from '../hash/sha2';
import { cmov } from '../ct';
import { Curve, HashAlg, ECDSA_LOW_S, ECDSA_PREHASHED } from '../abi';
import { ECDSA_CELL, ECDSA_CELLS, ECDSA_T, MSM, WORK_STATE } from '../mem';
import * as W from './weierstrass';
import { EC_OK, EC_INVALID_SCALAR, EC_INVALID_POINT, EC_SEL, EC_TABLE } from './weierstrass';
import { decode as decodeCompressed } from './nist-group';
import * as DRBG from './rfc6979';
import { DOUBLE_MUL_SIZE, Q_TABLE, SUM, doubleMul } from './double-mul';

/** verify: the signature does not hold, or r or s is out of range. */
export const EC_INVALID_SIGNATURE: i32 = 4;

// Cells of the ECDSA scratch.
const DIGEST: usize = ECDSA_CELLS; // H(m), or the caller's digest when it fits
const ZB: usize = DIGEST + ECDSA_CELL; // bits2octets(h1): z mod n, big-endian
const Z: usize = ZB + ECDSA_CELL; // z mod n
const A: usize = Z + ECDSA_CELL; // sign: d in Montgomery form; verify: u1, big-endian
const B: usize = A + ECDSA_CELL; // sign: k, then k⁻¹ in Montgomery form; verify: u2, big-endian
const R: usize = B + ECDSA_CELL; // r
const S: usize = R + ECDSA_CELL; // s; verify: s⁻¹ in Montgomery form
const TMP: usize = S + ECDSA_CELL;

/** The hash ECDSA pairs with each curve (FIPS 186-5 §6.4 with SP 800-57's matching strengths). */
export function hashOf(c: i32): i32 {
  return c == Curve.P256 ? HashAlg.SHA256 : c == Curve.P384 ? HashAlg.SHA384 : HashAlg.SHA512;
}

/** qlen, the bit length of n. */
function orderBits(c: i32): usize {
  return c == Curve.P256 ? 256 : c == Curve.P384 ? 384 : 521;
}

/** dst = bits2int of the `len` bytes at src (RFC 6979 §2.3.2) as the order's byte length: the
 *  leftmost qlen bits, or all of them left-padded with zeros. dst may alias src. */
function bits2int(c: i32, dst: usize, src: usize, len: usize): void {
  const q = byteLength(W.orderOf(c)), bits = orderBits(c);
  if (len * 8 <= bits) {
    memory.copy(dst + q - len, src, len);
    memory.fill(dst, 0, q - len);
    return;
  }
  memory.copy(dst, src, q);
  const shift = <u32>(q * 8 - bits); // P-521: 7
  for (let i = q - 1; i > 0; i--) store<u8>(dst + i, <u8>((<u32>load<u8>(dst + i) >> shift) | (<u32>load<u8>(dst + i - 1) << (8 - shift))));
  store<u8>(dst, <u8>(<u32>load<u8>(dst) >> shift));
}

/** Z and ZB = bits2int(h) mod n (RFC 6979 §2.3.4) for the digest h (`len` bytes). */
function reduceDigest(c: i32, q: usize, h: usize, len: usize): void {
  bits2int(c, ZB, h, len);
  fromBytes(q, Z, ZB); // < 2^qlen ≤ R: toMont reduces it
  toMont(q, Z, Z);
  fromMont(q, Z, Z);
  toBytes(q, ZB, Z);
}

/** The digest to sign or verify: the message's hash into DIGEST, or the caller's. */
function digest(c: i32, flags: i32, msg: usize, msgLen: i32): usize {
  if (flags & ECDSA_PREHASHED) return msg;
  sha2.init(WORK_STATE, hashOf(c));
  sha2.update(WORK_STATE, msg, msgLen);
  sha2.finish(WORK_STATE, DIGEST);
  return DIGEST;
}

function digestLength(c: i32, flags: i32, msgLen: i32): usize {
  return <usize>(flags & ECDSA_PREHASHED ? msgLen : sha2.digestLength(hashOf(c)));
}

/** All ones when the integer a (the order's limbs) is below b. */
function lessThan(q: usize, a: usize, b: usize): u32 {
  const top = limbs(q) << 2;
  let borrow: u64 = 0;
  for (let j: usize = 0; j < top; j += 4) borrow = (<u64>load<u32>(a + j) - <u64>load<u32>(b + j) - borrow) >> 63;
  return 0 - <u32>borrow;
}

/** TMP = n − s; the mask says whether it is below s, that is s > (n − 1)/2. */
function highS(q: usize): u32 {
  memory.fill(TMP, 0, elementSize(q));
  sub(q, TMP, TMP, S);
  return lessThan(q, TMP, S);
}

/** 0 < scalar < n, the scalar loaded into dst; in constant time. */
function loadScalar(q: usize, dst: usize, scalar: usize): bool {
  const below = <u32>fromBytes(q, dst, scalar);
  return <bool>(below & ~isZero(q, dst) & 1);
}

/** One candidate k (ECDSA_T, big-endian): out = r ‖ s, or false when k is out of range or r or s
 *  is zero (RFC 6979 §3.2 h.3 then draws another). */
function tryNonce(c: i32, f: usize, q: usize, out: usize, lowS: bool): bool {
  const len = byteLength(q);
  if (!loadScalar(q, B, ECDSA_T)) return false;
  W.multiplyBase(c, f, ECDSA_T);
  W.affine(f, out, 0); // x(kG): never the identity, as 0 < k < n
  fromBytes(q, R, out);
  toMont(q, R, R);
  fromMont(q, R, R); // r = x mod n
  if (isZero(q, R)) return false;
  toMont(q, B, B);
  invert(q, B, B, EC_TABLE); // k⁻¹·R
  mul(q, S, R, A); // r·d
  add(q, S, S, Z);
  mul(q, S, S, B); // s = k⁻¹·(z + r·d)
  if (isZero(q, S)) return false;
  if (lowS) cmov(S, TMP, elementSize(q), highS(q));
  toBytes(q, out, R);
  toBytes(q, out + len, S);
  return true;
}

/** out = r ‖ s, the signature of the message (or digest, with ECDSA_PREHASHED) by the secret key
 *  d; k' (`extraLen` bytes, possibly none) joins the nonce's seed (RFC 6979 §3.6). EC_OK or
 *  EC_INVALID_SCALAR (d is 0 or ≥ n). */
export function sign(c: i32, out: usize, d: usize, flags: i32, extra: usize, extraLen: i32, msg: usize, msgLen: i32): i32 {
  const f = W.fieldOf(c), q = W.orderOf(c), alg = hashOf(c), len = <i32>byteLength(q);
  if (!loadScalar(q, A, d)) return EC_INVALID_SCALAR;
  toMont(q, A, A);
  reduceDigest(c, q, digest(c, flags, msg, msgLen), digestLength(c, flags, msgLen));
  DRBG.seed(alg, d, ZB, len, extra, extraLen);
  W.setCurve(c, f);
  const lowS = (flags & ECDSA_LOW_S) != 0;
  for (;;) {
    DRBG.generate(alg, len);
    bits2int(c, ECDSA_T, ECDSA_T, <usize>len); // k = bits2int(T)
    if (tryNonce(c, f, q, out, lowS)) break;
    DRBG.reseed(alg);
  }
  return EC_OK;
}

/** Q_TABLE[0] = the SEC1 point at `key` (compressed, or uncompressed by its length), checked. */
function decodeKey(c: i32, f: usize, key: usize, keyLen: i32): bool {
  const size = elementSize(f);
  if (<usize>keyLen == 1 + 2 * byteLength(f)) {
    if (!W.decode(f, key)) return false;
    memory.copy(Q_TABLE, W.inputPoint(f), 3 * size);
    return true;
  }
  if (!(decodeCompressed(c, f, EC_SEL, key) & 1)) return false;
  memory.copy(Q_TABLE, EC_SEL, 3 * size);
  return true;
}

/** Whether the Jacobian SUM has x ≡ r (mod n): x = r or x = r + n (when below p), compared as
 *  r·Z² = X without leaving Montgomery form. */
function xMatches(f: usize, q: usize): bool {
  const s = elementSize(f);
  const z2 = TMP;
  square(f, z2, SUM + 2 * s);
  for (let lift = 0; lift < 2; lift++) {
    if (lift == 1) {
      // r + n as an integer; one that carries out of the limbs is not below p either.
      let carry: u64 = 0;
      for (let j: usize = 0; j < s; j += 4) {
        const w = <u64>load<u32>(R + j) + <u64>load<u32>(q + F_P + j) + carry;
        store<u32>(R + j, <u32>w);
        carry = w >> 32;
      }
      if (carry || !lessThanModulus(f, R)) return false;
    }
    toMont(f, S, R);
    mul(f, S, S, z2);
    if (equal(f, S, SUM)) return true;
  }
  return false;
}

/** Verifies r ‖ s at sig for the message (or digest) and the public key (SEC 1 §4.1.4). EC_OK,
 *  EC_INVALID_SIGNATURE, or EC_INVALID_POINT for a key that does not decode. */
export function verify(c: i32, key: usize, keyLen: i32, sig: usize, flags: i32, msg: usize, msgLen: i32): i32 {
  const f = W.fieldOf(c), q = W.orderOf(c), len = byteLength(q);
  W.setCurve(c, f);
  let code = EC_OK;
  if (!decodeKey(c, f, key, keyLen)) code = EC_INVALID_POINT;
  else if (!loadScalar(q, R, sig) || !loadScalar(q, S, sig + len)) code = EC_INVALID_SIGNATURE;
  else if ((flags & ECDSA_LOW_S) && highS(q)) code = EC_INVALID_SIGNATURE;
  if (code == EC_OK) {
    reduceDigest(c, q, digest(c, flags, msg, msgLen), digestLength(c, flags, msgLen));
    toMont(q, S, S);
    invert(q, S, S, EC_TABLE); // s⁻¹·R
    mul(q, TMP, Z, S);
    toBytes(q, A, TMP); // u1 = z·s⁻¹
    mul(q, TMP, R, S);
    toBytes(q, B, TMP); // u2 = r·s⁻¹
    doubleMul(c, f, A, B);
    if (isZero(f, SUM + 2 * elementSize(f)) || !xMatches(f, q)) code = EC_INVALID_SIGNATURE;
  }
  memory.fill(MSM, 0, DOUBLE_MUL_SIZE);
  return code;
}
