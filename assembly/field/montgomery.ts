// A prime field GF(p) for any odd p < 2^544, in Montgomery form: the element a is held as
// a·R mod p with R = 2^(32·N), in N little-endian 32-bit limbs, always fully reduced (< p).
// One engine serves the NIST base fields and group orders (P-256/384/521, FIPS 186-5 / SEC 2);
// each is a descriptor in static memory (below). Multiplication is CIOS (Koç, Acar, Kaliski,
// "Analyzing and comparing Montgomery multiplication algorithms", 1996), the product pass and the
// reduction pass interleaved: every product is 32×32→64 bits, and t + a·b + c ≤ (2^32 − 1)·2^32
// + (2^32 − 1) < 2^64. Nothing branches on or indexes memory by an element's value; exponents
// (p − 2 for the inversion, (p − 3)/4 for square roots) are public constants. A descriptor may name
// a straight-line kernel for its p (P-256: p256.ts, P-384: p384.ts, about twice as fast); the generic loops serve
// every other field.
//
// Every function takes the descriptor `f` and pointers to N-limb elements; results may alias
// operands. Temporaries live in FIELD_SCRATCH, which holds secrets: callers wipe it.
import { mul256, sqr256, add256, sub256 } from './p256';
import { mul384, sqr384, add384, sub384 } from './p384';
import { CURVE_SCRATCH } from '../mem';
import { cmov, mask } from '../ct';

/** Most limbs a field may have (P-521: 17 × 32 = 544 bits). */
export const MAX_LIMBS: usize = 17;

// Descriptor: four u32 words, then p, R² mod p and R mod p, N limbs each.
/** N, the limb count. */
export const F_LIMBS: usize = 0;
/** −p⁻¹ mod 2^32. */
export const F_M0: usize = 4;
/** Bytes of the big-endian encoding. */
export const F_BYTES: usize = 8;
/** Which code multiplies, adds and subtracts: the generic loops below, or straight-line kernels
 *  for one particular p (p256.ts, p384.ts). Both compute the same function. */
export const F_KERNEL: usize = 12;
export const KERNEL_GENERIC: u32 = 0;
export const KERNEL_P256: u32 = 1;
export const KERNEL_P384: u32 = 2;
/** p, then R² mod p (to enter Montgomery form), then R mod p (one), N limbs each. */
export const F_P: usize = 16;

/** mul's accumulator t (N + 1 limbs) and copies of a and p, 80 bytes each. */
export const FIELD_SCRATCH_SIZE: usize = 240;
export const FIELD_SCRATCH: usize = CURVE_SCRATCH;
const T: usize = FIELD_SCRATCH;
const AC: usize = FIELD_SCRATCH + 80;
const PC: usize = FIELD_SCRATCH + 160;

/** The integer 1 in MAX_LIMBS limbs: multiplying by it leaves Montgomery form. */
const ONE: usize = memory.data<u32>([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

// @ts-ignore: decorator
@inline export function limbs(f: usize): usize {
  return <usize>load<u32>(f, F_LIMBS);
}

// @ts-ignore: decorator
@inline export function byteLength(f: usize): usize {
  return <usize>load<u32>(f, F_BYTES);
}

/** Bytes of one element. */
// @ts-ignore: decorator
@inline export function elementSize(f: usize): usize {
  return limbs(f) << 2;
}

// @ts-ignore: decorator
@inline function modulus(f: usize): usize {
  return f + F_P;
}

/** R mod p, the Montgomery form of 1. */
// @ts-ignore: decorator
@inline export function one(f: usize): usize {
  return f + F_P + (limbs(f) << 3);
}

/** r = a·b·R⁻¹ mod p (CIOS). Row i adds a·b[i] and m·p, m making the sum divisible by 2^32,
 *  and drops the low word. For a·b < R·p (a, b < p; or a < R, b < p, as toMont allows), t stays
 *  below 2p < 2R after every row, so t[N] ≤ 1. a and p are first copied to fixed addresses, which
 *  the engine folds into the loads. */
export function mul(f: usize, r: usize, a: usize, b: usize): void {
  const kernel = load<u32>(f, F_KERNEL);
  if (kernel == KERNEL_P256) {
    mul256(r, a, b);
    return;
  }
  if (kernel == KERNEL_P384) {
    mul384(r, a, b);
    return;
  }
  const n = limbs(f), m0 = load<u32>(f, F_M0), p = modulus(f);
  const top = n << 2;
  for (let j: usize = 0; j < top; j += 4) {
    store<u32>(j, load<u32>(a + j), AC);
    store<u32>(j, load<u32>(p + j), PC);
    store<u32>(j, 0, T);
  }
  store<u32>(top, 0, T);
  const a0 = <u64>load<u32>(AC), p0 = <u64>load<u32>(PC);
  for (let bi = b, end = b + top; bi < end; bi += 4) {
    const y = <u64>load<u32>(bi);
    // Column 0: after adding m·p[0] its low word is zero and is dropped.
    let u = <u64>load<u32>(T) + a0 * y;
    let c1 = u >> 32;
    const m = <u64>(<u32>u * m0);
    let c2 = ((u & 0xffffffff) + m * p0) >> 32;
    for (let j: usize = 4; j < top; j += 4) {
      u = <u64>load<u32>(j, T) + <u64>load<u32>(j, AC) * y + c1;
      c1 = u >> 32;
      const v = (u & 0xffffffff) + m * <u64>load<u32>(j, PC) + c2;
      c2 = v >> 32;
      store<u32>(j, <u32>v, T - 4);
    }
    u = <u64>load<u32>(top, T) + c1 + c2;
    store<u32>(top, <u32>u, T - 4);
    store<u32>(top, <u32>(u >> 32), T);
  }
  // t < 2p: subtract p once unless that borrows out of t[N].
  let borrow: u64 = 0;
  for (let j: usize = 0; j < top; j += 4) {
    const d = <u64>load<u32>(j, T) - <u64>load<u32>(j, PC) - borrow;
    store<u32>(r + j, <u32>d);
    borrow = d >> 63;
  }
  const keep = <u32>borrow & ~load<u32>(T + top); // t < p
  cmov(r, T, top, mask(keep));
}

/** r = a² · R⁻¹ mod p. */
export function square(f: usize, r: usize, a: usize): void {
  const kernel = load<u32>(f, F_KERNEL);
  if (kernel == KERNEL_P256) sqr256(r, a);
  else if (kernel == KERNEL_P384) sqr384(r, a);
  else mul(f, r, a, a);
}

/** r = a + b mod p. */
export function add(f: usize, r: usize, a: usize, b: usize): void {
  const kernel = load<u32>(f, F_KERNEL);
  if (kernel == KERNEL_P256) {
    add256(r, a, b);
    return;
  }
  if (kernel == KERNEL_P384) {
    add384(r, a, b);
    return;
  }
  const top = limbs(f) << 2, p = modulus(f);
  // a + b − p lies in [−p, p): the final carry is −1 exactly when it is negative.
  let carry: i64 = 0;
  for (let j: usize = 0; j < top; j += 4) {
    const s = <i64>load<u32>(a + j) + <i64>load<u32>(b + j) - <i64>load<u32>(p + j) + carry;
    store<u32>(r + j, <u32>s);
    carry = s >> 32;
  }
  addMasked(r, p, <u32>carry, top);
}

/** r += p & mask over `bytes` bytes, the carry out dropped. */
// @ts-ignore: decorator
@inline function addMasked(r: usize, p: usize, mask: u32, bytes: usize): void {
  let carry: u64 = 0;
  for (let j: usize = 0; j < bytes; j += 4) {
    const s = <u64>load<u32>(r + j) + <u64>(load<u32>(p + j) & mask) + carry;
    store<u32>(r + j, <u32>s);
    carry = s >> 32;
  }
}

/** r = a − b mod p. */
export function sub(f: usize, r: usize, a: usize, b: usize): void {
  const kernel = load<u32>(f, F_KERNEL);
  if (kernel == KERNEL_P256) {
    sub256(r, a, b);
    return;
  }
  if (kernel == KERNEL_P384) {
    sub384(r, a, b);
    return;
  }
  const top = limbs(f) << 2, p = modulus(f);
  let borrow: u64 = 0;
  for (let j: usize = 0; j < top; j += 4) {
    const d = <u64>load<u32>(a + j) - <u64>load<u32>(b + j) - borrow;
    borrow = d >> 63;
    store<u32>(r + j, <u32>d);
  }
  addMasked(r, p, 0 - <u32>borrow, top); // p back when a < b
}

/** r = a·R mod p: into Montgomery form, for any a < R (reduced too). */
export function toMont(f: usize, r: usize, a: usize): void {
  mul(f, r, a, f + F_P + (limbs(f) << 2));
}

/** r = a·R⁻¹ mod p: out of Montgomery form. */
export function fromMont(f: usize, r: usize, a: usize): void {
  mul(f, r, a, ONE);
}

/** r = the big-endian bytes at `src` (the field's byte length) as an integer, not reduced, not in
 *  Montgomery form. Returns whether it is < p, computed without branching on its value. */
export function fromBytes(f: usize, r: usize, src: usize): bool {
  const len = byteLength(f), top = limbs(f) << 2;
  memory.fill(r, 0, top);
  for (let i: usize = 0; i < len; i++) {
    const k = len - 1 - i; // the byte's weight, little-endian
    const w = r + (k & ~3);
    store<u32>(w, load<u32>(w) | (<u32>load<u8>(src + i) << (<u32>(k & 3) << 3)));
  }
  return lessThanModulus(f, r);
}

/** r = (the big-endian integer of `len` bytes at src) mod p, in Montgomery form, for any len (RFC
 *  9380 §5.2's OS2IP(tv) mod p). Horner over N-limb chunks c, most significant first:
 *  r ← r·R + c·R = mul(r, R²) + mul(c, R²). `chunk` is one element of scratch. */
export function fromWideBytes(f: usize, r: usize, src: usize, len: usize, chunk: usize): void {
  const size = limbs(f) << 2, r2 = f + F_P + size;
  memory.fill(r, 0, size);
  let end = len % size; // the first chunk: len mod size bytes, or a whole one
  if (end == 0) end = size;
  for (; end <= len; end += size) {
    // The chunk src[end − size, end) (the first may be shorter), as N little-endian limbs.
    memory.fill(chunk, 0, size);
    for (let i: usize = 0; i < size && i < end; i++) store<u8>(chunk + i, load<u8>(src + end - 1 - i));
    mul(f, r, r, r2);
    mul(f, chunk, chunk, r2);
    add(f, r, r, chunk);
  }
}

/** Whether the integer a (N limbs) is < p, in constant time. */
export function lessThanModulus(f: usize, a: usize): bool {
  const top = limbs(f) << 2, p = modulus(f);
  let borrow: u64 = 0;
  for (let j: usize = 0; j < top; j += 4) {
    borrow = (<u64>load<u32>(a + j) - <u64>load<u32>(p + j) - borrow) >> 63;
  }
  return <bool>borrow;
}

/** Writes the integer a (< p, not in Montgomery form) as big-endian bytes. */
export function toBytes(f: usize, dst: usize, a: usize): void {
  const len = byteLength(f);
  for (let i: usize = 0; i < len; i++) {
    const k = len - 1 - i;
    store<u8>(dst + i, <u8>(load<u32>(a + (k & ~3)) >> (<u32>(k & 3) << 3)));
  }
}

/** All ones when a = 0, else zero. */
export function isZero(f: usize, a: usize): u32 {
  const top = limbs(f) << 2;
  let x: u32 = 0;
  for (let j: usize = 0; j < top; j += 4) x |= load<u32>(a + j);
  return ((x | (0 - x)) >> 31) - 1;
}

/** All ones when a = b, else zero. */
export function equal(f: usize, a: usize, b: usize): u32 {
  const top = limbs(f) << 2;
  let x: u32 = 0;
  for (let j: usize = 0; j < top; j += 4) x |= load<u32>(a + j) ^ load<u32>(b + j);
  return ((x | (0 - x)) >> 31) - 1;
}

/** r = a^(p−2) = a⁻¹ (Fermat; 0 ↦ 0), in Montgomery form. `table` as for pow. */
export function invert(f: usize, r: usize, a: usize, table: usize): void {
  powWindows(f, r, a, modulus(f), 2, table);
}

/** r = a^e for the public exponent e (N little-endian limbs, nonzero), in Montgomery form. `table`
 *  is scratch for a^1 … a^15: 15 elements, and may hold secrets afterwards. */
export function pow(f: usize, r: usize, a: usize, e: usize, table: usize): void {
  powWindows(f, r, a, e, 0, table);
}

/** r = a^(e − d) by 4-bit fixed windows over the public exponent e − d, d subtracted from e's low
 *  limb (it is ≥ d: no borrow). r may alias a. */
function powWindows(f: usize, r: usize, a: usize, e: usize, d: u32, table: usize): void {
  const n = limbs(f), size = n << 2;
  // table[i − 1] = a^i
  memory.copy(table, a, size);
  for (let i: usize = 2; i < 16; i++) {
    const t = table + (i - 1) * size;
    if (i & 1) mul(f, t, t - size, a);
    else square(f, t, table + ((i >> 1) - 1) * size);
  }
  let started = false;
  for (let i = <isize>(n << 3) - 1; i >= 0; i--) {
    let word = load<u32>(e + ((<usize>i >> 3) << 2));
    if (i < 8) word -= d;
    const digit = (word >> (<u32>(i & 7) << 2)) & 15;
    if (started) {
      square(f, r, r);
      square(f, r, r);
      square(f, r, r);
      square(f, r, r);
      if (digit) mul(f, r, r, table + (<usize>digit - 1) * size);
    } else if (digit) {
      memory.copy(r, table + (<usize>digit - 1) * size, size);
      started = true;
    }
  }
}
