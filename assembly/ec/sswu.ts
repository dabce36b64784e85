// Hashing to the NIST curves (RFC 9380): the random-oracle suites P256_XMD:SHA-256_SSWU_RO_,
// P384_XMD:SHA-384_SSWU_RO_ and P521_XMD:SHA-512_SSWU_RO_ (§8.2–§8.4): hash_to_field (§5.2) over
// expand_message_xmd, the simplified SWU map (§6.6.2) in the straight-line form of §F.2 with
// sqrt_ratio for q ≡ 3 mod 4 (§F.2.1.2), Q0 + Q1, cofactor 1. The message is secret: nothing
// branches on or indexes memory by it or by a value derived from it; the exponent is public.
// Points are weierstrass.ts's projective Montgomery-form triples; SWU's output x = x_num / tv4
// becomes (x_num : y·tv4 : tv4), so no division. Temporaries live in H2C_SCRATCH, after
// weierstrass.ts's; Q0 and Q1 in its EC_ACC and EC_SEL. Callers wipe the scratch.
import { MAX_LIMBS, elementSize, one, mul, square, add, sub, toMont, fromMont, fromWideBytes, equal, isZero, pow } from '../field/montgomery';
import { cmov, mask } from '../ct';
import { expand } from '../hash/xmd';
import { HashAlg, Curve } from '../abi';
import { CURVE_SCRATCH, CURVE_SCRATCH_SIZE } from '../mem';
import { EC_SCRATCH, EC_SCRATCH_SIZE, EC_TABLE, EC_ACC, EC_SEL, EC_B, addPoints } from './weierstrass';
import { P256_H2C, P384_H2C, P521_H2C, H2C_C1, H2C_Z, H2C_C2 } from './nist';

const E: usize = MAX_LIMBS << 2; // an element, sized for P-521
/** L of hash_to_field for the curve's field and for its order alike (§5.2; RFC 9497 §4.3–§4.5). */
const MAX_L: usize = 98;
const UNIFORM: usize = 0; // 2·L uniform bytes
const CHUNK: usize = UNIFORM + 2 * MAX_L; // fromWideBytes's chunk
const T: usize = CHUNK + E; // twelve elements: u, tv1 … tv6, x, y, y1, Z, c2
export const H2C_SCRATCH: usize = EC_SCRATCH + EC_SCRATCH_SIZE;
export const H2C_SCRATCH_SIZE: usize = T + 12 * E;
// @ts-ignore: compile-time builtin
if (H2C_SCRATCH + H2C_SCRATCH_SIZE > CURVE_SCRATCH + CURVE_SCRATCH_SIZE) ERROR('the hash-to-curve scratch does not fit');

// @ts-ignore: decorator
@inline function t(i: usize): usize {
  return H2C_SCRATCH + T + i * E;
}

/** L: 48, 72 or 98 bytes per element. */
export function fieldBytes(curve: i32): i32 {
  return curve == Curve.P256 ? 48 : curve == Curve.P384 ? 72 : 98;
}

/** The suite's hash: SHA-256, SHA-384 or SHA-512. */
export function hashOf(curve: i32): i32 {
  return curve == Curve.P256 ? HashAlg.SHA256 : curve == Curve.P384 ? HashAlg.SHA384 : HashAlg.SHA512;
}

/** One of nist.ts's per-curve constants (H2C_C1, H2C_Z, H2C_C2), plain limbs. */
export function h2cConstant(curve: i32, f: usize, which: usize): usize {
  return (curve == Curve.P256 ? P256_H2C : curve == Curve.P384 ? P384_H2C : P521_H2C) + which * elementSize(f);
}

/** r = hash_to_field(msg, 1) over GF(m) for the descriptor m (the field or the group order), in
 *  m's Montgomery form: expand_message_xmd to L bytes, mod m. */
export function hashToField(curve: i32, m: usize, r: usize, msg: usize, msgLen: i32, dst: usize, dstLen: i32): void {
  const L = fieldBytes(curve), uniform = H2C_SCRATCH + UNIFORM;
  expand(hashOf(curve), msg, msgLen, dst, dstLen, uniform, L);
  fromWideBytes(m, r, uniform, <usize>L, H2C_SCRATCH + CHUNK);
}

/** EC_ACC = hash_to_curve(msg) (§3) on the curve with field f; setCurve was called. */
export function hashToCurve(curve: i32, f: usize, msg: usize, msgLen: i32, dst: usize, dstLen: i32): void {
  const uniform = H2C_SCRATCH + UNIFORM;
  expand(hashOf(curve), msg, msgLen, dst, dstLen, uniform, 2 * fieldBytes(curve));
  fromUniform(curve, f, uniform);
}

/** EC_ACC = Q0 + Q1, Q_i = map_to_curve(u_i) for the field elements u_0, u_1 of the 2·L uniform
 *  bytes at `uniform` (§5.2 with count 2, then §3 steps 2–5); setCurve was called. */
export function fromUniform(curve: i32, f: usize, uniform: usize): void {
  const L = <usize>fieldBytes(curve), u = t(0);
  toMont(f, t(10), h2cConstant(curve, f, H2C_Z));
  toMont(f, t(11), h2cConstant(curve, f, H2C_C2));
  fromWideBytes(f, u, uniform, L, H2C_SCRATCH + CHUNK);
  mapToCurve(curve, f, EC_ACC);
  fromWideBytes(f, u, uniform + L, L, H2C_SCRATCH + CHUNK);
  mapToCurve(curve, f, EC_SEL);
  addPoints(f, EC_ACC, EC_ACC, EC_SEL);
}

/** r = 0 − a. */
function neg(f: usize, r: usize, a: usize): void {
  const s = elementSize(f);
  memory.fill(r, 0, s);
  sub(f, r, r, a);
}

/** r = A·a = −3a; r may alias a, not tmp. */
function mulA(f: usize, r: usize, a: usize, tmp: usize): void {
  add(f, tmp, a, a);
  add(f, tmp, tmp, a);
  neg(f, r, tmp);
}

/** sgn0(a) (§4.1, m = 1): the parity of a's integer; tmp receives it. */
function sgn0(f: usize, a: usize, tmp: usize): u32 {
  fromMont(f, tmp, a);
  return load<u32>(tmp) & 1;
}

/** The simplified SWU map (§6.6.2, straight-line §F.2) of u = t(0) to the point at `out`,
 *  (x_num : y·tv4 : tv4). */
function mapToCurve(curve: i32, f: usize, out: usize): void {
  const s = elementSize(f), B = EC_B, Z = t(10);
  const u = t(0), tv1 = t(1), tv2 = t(2), tv3 = t(3), tv4 = t(4), tv5 = t(5), tv6 = t(6);
  const x = t(7), y = t(8), y1 = t(9);
  square(f, tv1, u); // 1. tv1 = u²
  mul(f, tv1, Z, tv1); // 2. tv1 = Z·tv1
  square(f, tv2, tv1); // 3. tv2 = tv1²
  add(f, tv2, tv2, tv1); // 4. tv2 = tv2 + tv1
  add(f, tv3, tv2, one(f)); // 5. tv3 = tv2 + 1
  mul(f, tv3, B, tv3); // 6. tv3 = B·tv3
  neg(f, tv4, tv2); // 7. tv4 = CMOV(Z, −tv2, tv2 ≠ 0)
  cmov(tv4, Z, elementSize(f), isZero(f, tv2));
  mulA(f, tv4, tv4, tv6); // 8. tv4 = A·tv4
  square(f, tv2, tv3); // 9. tv2 = tv3²
  square(f, tv6, tv4); // 10. tv6 = tv4²
  mulA(f, tv5, tv6, x); // 11. tv5 = A·tv6
  add(f, tv2, tv2, tv5); // 12. tv2 = tv2 + tv5
  mul(f, tv2, tv2, tv3); // 13. tv2 = tv2·tv3
  mul(f, tv6, tv6, tv4); // 14. tv6 = tv6·tv4
  mul(f, tv5, B, tv6); // 15. tv5 = B·tv6
  add(f, tv2, tv2, tv5); // 16. tv2 = tv2 + tv5
  mul(f, x, tv1, tv3); // 17. x = tv1·tv3
  const isQR = sqrtRatio(curve, f, y1, tv2, tv6, tv5, y); // 18. (is_gx1_square, y1) = sqrt_ratio(tv2, tv6)
  mul(f, y, tv1, u); // 19. y = tv1·u
  mul(f, y, y, y1); // 20. y = y·y1
  cmov(x, tv3, elementSize(f), isQR); // 21. x = CMOV(x, tv3, is_gx1_square)
  cmov(y, y1, elementSize(f), isQR); // 22. y = CMOV(y, y1, is_gx1_square)
  const differ = sgn0(f, u, tv2) ^ sgn0(f, y, tv5); // 23. e1 = sgn0(u) == sgn0(y)
  neg(f, tv6, y); // 24. y = CMOV(−y, y, e1)
  cmov(y, tv6, elementSize(f), mask(differ));
  memory.copy(out, x, s); // 25. x = x / tv4, kept projective
  mul(f, out + s, y, tv4);
  memory.copy(out + 2 * s, tv4, s);
}

/** sqrt_ratio(u, v) for q ≡ 3 mod 4 (§F.2.1.2): y = √(u/v) if u/v is square, else √(Z·u/v);
 *  returns all ones if u/v is square. `a` and `b` are scratch; y may alias neither input. */
function sqrtRatio(curve: i32, f: usize, y: usize, u: usize, v: usize, a: usize, b: usize): u32 {
  square(f, a, v); // 1. tv1 = v²
  mul(f, b, u, v); // 2. tv2 = u·v
  mul(f, a, a, b); // 3. tv1 = tv1·tv2
  pow(f, y, a, h2cConstant(curve, f, H2C_C1), EC_TABLE); // 4. y1 = tv1^c1
  mul(f, y, y, b); // 5. y1 = y1·tv2
  mul(f, b, y, t(11)); // 6. y2 = y1·c2
  square(f, a, y); // 7. tv3 = y1²
  mul(f, a, a, v); // 8. tv3 = tv3·v
  const isQR = equal(f, a, u); // 9. isQR = tv3 == u
  cmov(y, b, elementSize(f), ~isQR); // 10. y = CMOV(y2, y1, isQR)
  return isQR;
}
