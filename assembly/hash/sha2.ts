// SHA-256, SHA-384 and SHA-512 (FIPS 180-4). One generic compression function serves both word
// sizes: T = u32 for SHA-256 (64 rounds), T = u64 for SHA-384/512 (80 rounds). The message
// schedule lives in 16 locals, each word updated in place just before its round uses it.
// Nothing here depends on secret data except the data itself: no secret branch or index.
import { HashAlg } from '../abi';
import { SCHEDULE } from '../mem';

// §4.2.2 and §4.2.3: the round constants.
const K256: usize = memory.data<u32>(
  [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
  ],
  16,
);
const K512: usize = memory.data<u64>([
  0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc,
  0x3956c25bf348b538, 0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118,
  0xd807aa98a3030242, 0x12835b0145706fbe, 0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2,
  0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235, 0xc19bf174cf692694,
  0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
  0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5,
  0x983e5152ee66dfab, 0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4,
  0xc6e00bf33da88fc2, 0xd5a79147930aa725, 0x06ca6351e003826f, 0x142929670a0e6e70,
  0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed, 0x53380d139d95b3df,
  0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
  0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30,
  0xd192e819d6ef5218, 0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8,
  0x19a4c116b8d2d0c8, 0x1e376c085141ab53, 0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8,
  0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373, 0x682e6ff3d6b2b8a3,
  0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
  0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b,
  0xca273eceea26619c, 0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178,
  0x06f067aa72176fba, 0x0a637dc5a2c898a6, 0x113f9804bef90dae, 0x1b710b35131c471b,
  0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc, 0x431d67c49c100d4c,
  0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817,
]);

// §5.3.3, §5.3.4 and §5.3.5: the initial hash values.
const IV256: usize = memory.data<u32>([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);
const IV384: usize = memory.data<u64>([
  0xcbbb9d5dc1059ed8, 0x629a292a367cd507, 0x9159015a3070dd17, 0x152fecd8f70e5939,
  0x67332667ffc00b31, 0x8eb44a8768581511, 0xdb0c2e0d64f98fa7, 0x47b5481dbefa4fa4,
]);
const IV512: usize = memory.data<u64>([
  0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
  0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
]);

// Layout of one hash state (fits twice in a slot, for HMAC's inner and outer hash).
export const STATE_SIZE: usize = 256;
const H: usize = 0; // eight words of chaining value
const BUFFER: usize = 64; // a partial block
const TOTAL: usize = 192; // bytes absorbed so far (u64; 2^64 bytes is beyond any caller)
const FILL: usize = 200; // bytes in BUFFER (u32)
const ALG: usize = 204; // HashAlg (u32)

export function isHashAlg(alg: i32): bool {
  return alg >= HashAlg.SHA256 && alg <= HashAlg.SHA512;
}

export function digestLength(alg: i32): i32 {
  return alg == HashAlg.SHA256 ? 32 : alg == HashAlg.SHA384 ? 48 : 64;
}

export function blockLength(alg: i32): i32 {
  return alg == HashAlg.SHA256 ? 64 : 128;
}

export function algorithm(s: usize): i32 {
  return <i32>load<u32>(s, ALG);
}

export function init(s: usize, alg: i32): void {
  memory.fill(s, 0, STATE_SIZE);
  const iv = alg == HashAlg.SHA256 ? IV256 : alg == HashAlg.SHA384 ? IV384 : IV512;
  memory.copy(s + H, iv, alg == HashAlg.SHA256 ? 32 : 64);
  store<u32>(s, alg, ALG);
}

export function update(s: usize, p: usize, len: i32): void {
  if (algorithm(s) == HashAlg.SHA256) absorb<u32>(s, p, len);
  else absorb<u64>(s, p, len);
}

/** Pads (§5.1), writes the digest to `out` and leaves the state to be wiped by the caller. */
export function finish(s: usize, out: usize): void {
  const alg = algorithm(s);
  if (alg == HashAlg.SHA256) pad<u32>(s);
  else pad<u64>(s);
  const n = digestLength(alg);
  if (alg == HashAlg.SHA256) {
    for (let i = 0; i < n; i += 4) store<u32>(out + i, bswap<u32>(load<u32>(s + H + i)));
  } else {
    for (let i = 0; i < n; i += 8) store<u64>(out + i, bswap<u64>(load<u64>(s + H + i)));
  }
}

function absorb<T>(s: usize, p: usize, len: i32): void {
  const B = sizeof<T>() * 16;
  store<u64>(s, load<u64>(s, TOTAL) + <u64>len, TOTAL);
  let fill = <usize>load<u32>(s, FILL);
  let rest = <usize>len;
  if (fill > 0) {
    const take = min(B - fill, rest);
    memory.copy(s + BUFFER + fill, p, take);
    fill += take;
    p += take;
    rest -= take;
    if (fill < B) {
      store<u32>(s, <u32>fill, FILL);
      return;
    }
    blocks<T>(s, s + BUFFER, 1);
    fill = 0;
  }
  const n = rest / B;
  if (n > 0) blocks<T>(s, p, n);
  p += n * B;
  rest -= n * B;
  memory.copy(s + BUFFER, p, rest);
  store<u32>(s, <u32>rest, FILL);
}

// §5.1.1 / §5.1.2: a 1 bit, zeros, then the message length in bits as a 64- or 128-bit integer.
function pad<T>(s: usize): void {
  const B = sizeof<T>() * 16;
  const lengthAt = B - sizeof<T>() * 2;
  const buffer = s + BUFFER;
  let fill = <usize>load<u32>(s, FILL);
  store<u8>(buffer + fill, 0x80);
  fill++;
  if (fill > lengthAt) {
    memory.fill(buffer + fill, 0, B - fill);
    blocks<T>(s, buffer, 1);
    fill = 0;
  }
  memory.fill(buffer + fill, 0, B - fill);
  const total = load<u64>(s, TOTAL);
  if (sizeof<T>() == 8) store<u64>(buffer, bswap<u64>(total >> 61), B - 16);
  store<u64>(buffer, bswap<u64>(total << 3), B - 8);
  blocks<T>(s, buffer, 1);
}

// §4.1.2 (u32) and §4.1.3 (u64).
// @ts-ignore: decorator
@inline function ch<T>(x: T, y: T, z: T): T {
  return z ^ (x & (y ^ z));
}

// @ts-ignore: decorator
@inline function maj<T>(x: T, y: T, z: T): T {
  return (x & y) | (z & (x | y));
}

// @ts-ignore: decorator
@inline function bigSigma0<T>(x: T): T {
  return sizeof<T>() == 4
    ? rotr<T>(x, 2) ^ rotr<T>(x, 13) ^ rotr<T>(x, 22)
    : rotr<T>(x, 28) ^ rotr<T>(x, 34) ^ rotr<T>(x, 39);
}

// @ts-ignore: decorator
@inline function bigSigma1<T>(x: T): T {
  return sizeof<T>() == 4
    ? rotr<T>(x, 6) ^ rotr<T>(x, 11) ^ rotr<T>(x, 25)
    : rotr<T>(x, 14) ^ rotr<T>(x, 18) ^ rotr<T>(x, 41);
}

// @ts-ignore: decorator
@inline function smallSigma0<T>(x: T): T {
  return sizeof<T>() == 4
    ? rotr<T>(x, 7) ^ rotr<T>(x, 18) ^ (x >> 3)
    : rotr<T>(x, 1) ^ rotr<T>(x, 8) ^ (x >> 7);
}

// @ts-ignore: decorator
@inline function smallSigma1<T>(x: T): T {
  return sizeof<T>() == 4
    ? rotr<T>(x, 17) ^ rotr<T>(x, 19) ^ (x >> 10)
    : rotr<T>(x, 19) ^ rotr<T>(x, 61) ^ (x >> 6);
}

/**
 * Compresses `n` whole blocks at `p` into the chaining value of state `s` (§6.2.2, §6.4.2).
 * Rounds 0–15 use the message words; each later round first updates its word in place.
 * The SIMD build runs SHA-256 through blocks256 instead.
 */
function blocks<T>(s: usize, p: usize, n: usize): void {
  if (ASC_FEATURE_SIMD && sizeof<T>() == 4) {
    blocks256(s, p, n);
    return;
  }
  const W = sizeof<T>();
  const chunks = W == 4 ? 4 : 5; // 64 or 80 rounds, 16 per chunk
  const K = W == 4 ? K256 : K512;
  let a = load<T>(s, H + 0 * W), b = load<T>(s, H + 1 * W);
  let c = load<T>(s, H + 2 * W), d = load<T>(s, H + 3 * W);
  let e = load<T>(s, H + 4 * W), f = load<T>(s, H + 5 * W);
  let g = load<T>(s, H + 6 * W), h = load<T>(s, H + 7 * W);
  for (let end = p + n * 16 * W; p < end; p += 16 * W) {
    let w0 = bswap<T>(load<T>(p, 0 * W));
    let w1 = bswap<T>(load<T>(p, 1 * W));
    let w2 = bswap<T>(load<T>(p, 2 * W));
    let w3 = bswap<T>(load<T>(p, 3 * W));
    let w4 = bswap<T>(load<T>(p, 4 * W));
    let w5 = bswap<T>(load<T>(p, 5 * W));
    let w6 = bswap<T>(load<T>(p, 6 * W));
    let w7 = bswap<T>(load<T>(p, 7 * W));
    let w8 = bswap<T>(load<T>(p, 8 * W));
    let w9 = bswap<T>(load<T>(p, 9 * W));
    let w10 = bswap<T>(load<T>(p, 10 * W));
    let w11 = bswap<T>(load<T>(p, 11 * W));
    let w12 = bswap<T>(load<T>(p, 12 * W));
    let w13 = bswap<T>(load<T>(p, 13 * W));
    let w14 = bswap<T>(load<T>(p, 14 * W));
    let w15 = bswap<T>(load<T>(p, 15 * W));
    const a0 = a, b0 = b, c0 = c, d0 = d, e0 = e, f0 = f, g0 = g, h0 = h;
    let t: T;
    t = h + bigSigma1<T>(e) + ch<T>(e, f, g) + load<T>(K, 0 * W) + w0; d += t; h = t + bigSigma0<T>(a) + maj<T>(a, b, c);
    t = g + bigSigma1<T>(d) + ch<T>(d, e, f) + load<T>(K, 1 * W) + w1; c += t; g = t + bigSigma0<T>(h) + maj<T>(h, a, b);
    t = f + bigSigma1<T>(c) + ch<T>(c, d, e) + load<T>(K, 2 * W) + w2; b += t; f = t + bigSigma0<T>(g) + maj<T>(g, h, a);
    t = e + bigSigma1<T>(b) + ch<T>(b, c, d) + load<T>(K, 3 * W) + w3; a += t; e = t + bigSigma0<T>(f) + maj<T>(f, g, h);
    t = d + bigSigma1<T>(a) + ch<T>(a, b, c) + load<T>(K, 4 * W) + w4; h += t; d = t + bigSigma0<T>(e) + maj<T>(e, f, g);
    t = c + bigSigma1<T>(h) + ch<T>(h, a, b) + load<T>(K, 5 * W) + w5; g += t; c = t + bigSigma0<T>(d) + maj<T>(d, e, f);
    t = b + bigSigma1<T>(g) + ch<T>(g, h, a) + load<T>(K, 6 * W) + w6; f += t; b = t + bigSigma0<T>(c) + maj<T>(c, d, e);
    t = a + bigSigma1<T>(f) + ch<T>(f, g, h) + load<T>(K, 7 * W) + w7; e += t; a = t + bigSigma0<T>(b) + maj<T>(b, c, d);
    t = h + bigSigma1<T>(e) + ch<T>(e, f, g) + load<T>(K, 8 * W) + w8; d += t; h = t + bigSigma0<T>(a) + maj<T>(a, b, c);
    t = g + bigSigma1<T>(d) + ch<T>(d, e, f) + load<T>(K, 9 * W) + w9; c += t; g = t + bigSigma0<T>(h) + maj<T>(h, a, b);
    t = f + bigSigma1<T>(c) + ch<T>(c, d, e) + load<T>(K, 10 * W) + w10; b += t; f = t + bigSigma0<T>(g) + maj<T>(g, h, a);
    t = e + bigSigma1<T>(b) + ch<T>(b, c, d) + load<T>(K, 11 * W) + w11; a += t; e = t + bigSigma0<T>(f) + maj<T>(f, g, h);
    t = d + bigSigma1<T>(a) + ch<T>(a, b, c) + load<T>(K, 12 * W) + w12; h += t; d = t + bigSigma0<T>(e) + maj<T>(e, f, g);
    t = c + bigSigma1<T>(h) + ch<T>(h, a, b) + load<T>(K, 13 * W) + w13; g += t; c = t + bigSigma0<T>(d) + maj<T>(d, e, f);
    t = b + bigSigma1<T>(g) + ch<T>(g, h, a) + load<T>(K, 14 * W) + w14; f += t; b = t + bigSigma0<T>(c) + maj<T>(c, d, e);
    t = a + bigSigma1<T>(f) + ch<T>(f, g, h) + load<T>(K, 15 * W) + w15; e += t; a = t + bigSigma0<T>(b) + maj<T>(b, c, d);
    for (let j = 1, k = K + 16 * W; j < chunks; j++, k += 16 * W) {
      w0 += smallSigma1<T>(w14) + w9 + smallSigma0<T>(w1);
      t = h + bigSigma1<T>(e) + ch<T>(e, f, g) + load<T>(k, 0 * W) + w0; d += t; h = t + bigSigma0<T>(a) + maj<T>(a, b, c);
      w1 += smallSigma1<T>(w15) + w10 + smallSigma0<T>(w2);
      t = g + bigSigma1<T>(d) + ch<T>(d, e, f) + load<T>(k, 1 * W) + w1; c += t; g = t + bigSigma0<T>(h) + maj<T>(h, a, b);
      w2 += smallSigma1<T>(w0) + w11 + smallSigma0<T>(w3);
      t = f + bigSigma1<T>(c) + ch<T>(c, d, e) + load<T>(k, 2 * W) + w2; b += t; f = t + bigSigma0<T>(g) + maj<T>(g, h, a);
      w3 += smallSigma1<T>(w1) + w12 + smallSigma0<T>(w4);
      t = e + bigSigma1<T>(b) + ch<T>(b, c, d) + load<T>(k, 3 * W) + w3; a += t; e = t + bigSigma0<T>(f) + maj<T>(f, g, h);
      w4 += smallSigma1<T>(w2) + w13 + smallSigma0<T>(w5);
      t = d + bigSigma1<T>(a) + ch<T>(a, b, c) + load<T>(k, 4 * W) + w4; h += t; d = t + bigSigma0<T>(e) + maj<T>(e, f, g);
      w5 += smallSigma1<T>(w3) + w14 + smallSigma0<T>(w6);
      t = c + bigSigma1<T>(h) + ch<T>(h, a, b) + load<T>(k, 5 * W) + w5; g += t; c = t + bigSigma0<T>(d) + maj<T>(d, e, f);
      w6 += smallSigma1<T>(w4) + w15 + smallSigma0<T>(w7);
      t = b + bigSigma1<T>(g) + ch<T>(g, h, a) + load<T>(k, 6 * W) + w6; f += t; b = t + bigSigma0<T>(c) + maj<T>(c, d, e);
      w7 += smallSigma1<T>(w5) + w0 + smallSigma0<T>(w8);
      t = a + bigSigma1<T>(f) + ch<T>(f, g, h) + load<T>(k, 7 * W) + w7; e += t; a = t + bigSigma0<T>(b) + maj<T>(b, c, d);
      w8 += smallSigma1<T>(w6) + w1 + smallSigma0<T>(w9);
      t = h + bigSigma1<T>(e) + ch<T>(e, f, g) + load<T>(k, 8 * W) + w8; d += t; h = t + bigSigma0<T>(a) + maj<T>(a, b, c);
      w9 += smallSigma1<T>(w7) + w2 + smallSigma0<T>(w10);
      t = g + bigSigma1<T>(d) + ch<T>(d, e, f) + load<T>(k, 9 * W) + w9; c += t; g = t + bigSigma0<T>(h) + maj<T>(h, a, b);
      w10 += smallSigma1<T>(w8) + w3 + smallSigma0<T>(w11);
      t = f + bigSigma1<T>(c) + ch<T>(c, d, e) + load<T>(k, 10 * W) + w10; b += t; f = t + bigSigma0<T>(g) + maj<T>(g, h, a);
      w11 += smallSigma1<T>(w9) + w4 + smallSigma0<T>(w12);
      t = e + bigSigma1<T>(b) + ch<T>(b, c, d) + load<T>(k, 11 * W) + w11; a += t; e = t + bigSigma0<T>(f) + maj<T>(f, g, h);
      w12 += smallSigma1<T>(w10) + w5 + smallSigma0<T>(w13);
      t = d + bigSigma1<T>(a) + ch<T>(a, b, c) + load<T>(k, 12 * W) + w12; h += t; d = t + bigSigma0<T>(e) + maj<T>(e, f, g);
      w13 += smallSigma1<T>(w11) + w6 + smallSigma0<T>(w14);
      t = c + bigSigma1<T>(h) + ch<T>(h, a, b) + load<T>(k, 13 * W) + w13; g += t; c = t + bigSigma0<T>(d) + maj<T>(d, e, f);
      w14 += smallSigma1<T>(w12) + w7 + smallSigma0<T>(w15);
      t = b + bigSigma1<T>(g) + ch<T>(g, h, a) + load<T>(k, 14 * W) + w14; f += t; b = t + bigSigma0<T>(c) + maj<T>(c, d, e);
      w15 += smallSigma1<T>(w13) + w8 + smallSigma0<T>(w0);
      t = a + bigSigma1<T>(f) + ch<T>(f, g, h) + load<T>(k, 15 * W) + w15; e += t; a = t + bigSigma0<T>(b) + maj<T>(b, c, d);
    }
    a += a0; b += b0; c += c0; d += d0; e += e0; f += f0; g += g0; h += h0;
  }
  store<T>(s, a, H + 0 * W); store<T>(s, b, H + 1 * W);
  store<T>(s, c, H + 2 * W); store<T>(s, d, H + 3 * W);
  store<T>(s, e, H + 4 * W); store<T>(s, f, H + 5 * W);
  store<T>(s, g, H + 6 * W); store<T>(s, h, H + 7 * W);
}

// SHA-256 in the SIMD build: the message schedule (§6.2.2 step 1) is computed four words at a time
// in v128 registers, interleaved with the rounds, and kept in SCHEDULE as W[t] + K[t] (K256 is
// 16-byte aligned for these loads); each round then reads its one word from there.

// @ts-ignore: decorator
@inline function rotr4(x: v128, n: i32): v128 {
  return v128.or(i32x4.shr_u(x, n), i32x4.shl(x, 32 - n));
}

// @ts-ignore: decorator
@inline function smallSigma0x4(x: v128): v128 {
  return v128.xor(v128.xor(rotr4(x, 7), rotr4(x, 18)), i32x4.shr_u(x, 3));
}

// @ts-ignore: decorator
@inline function smallSigma1x4(x: v128): v128 {
  return v128.xor(v128.xor(rotr4(x, 17), rotr4(x, 19)), i32x4.shr_u(x, 10));
}

/** Four big-endian words at `p`. */
// @ts-ignore: decorator
@inline function loadWords(p: usize): v128 {
  const v = v128.load(p);
  return i8x16.shuffle(v, v, 3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12);
}

/** W[t..t+3] from W[t-16..t-1] in w0..w3 (§6.2.2 step 1). σ1 needs W[t] and W[t+1] for the
 *  last two lanes, so those lanes are computed after the first two. */
// @ts-ignore: decorator
@inline function nextWords(w0: v128, w1: v128, w2: v128, w3: v128): v128 {
  const partial = i32x4.add(i32x4.add(w0, smallSigma0x4(i32x4.shuffle(w0, w1, 1, 2, 3, 4))), i32x4.shuffle(w2, w3, 1, 2, 3, 4));
  const low = i32x4.add(partial, smallSigma1x4(i32x4.shuffle(w3, w3, 2, 3, 2, 3)));
  const high = i32x4.add(partial, smallSigma1x4(i32x4.shuffle(low, low, 0, 1, 0, 1)));
  return i32x4.shuffle(low, high, 0, 1, 6, 7);
}

/** blocks<u32> with the schedule in SIMD. */
function blocks256(s: usize, p: usize, n: usize): void {
  let a = load<u32>(s, H + 0), b = load<u32>(s, H + 4), c = load<u32>(s, H + 8), d = load<u32>(s, H + 12);
  let e = load<u32>(s, H + 16), f = load<u32>(s, H + 20), g = load<u32>(s, H + 24), h = load<u32>(s, H + 28);
  for (let end = p + n * 64; p < end; p += 64) {
    let w0 = loadWords(p), w1 = loadWords(p + 16), w2 = loadWords(p + 32), w3 = loadWords(p + 48);
    v128.store(SCHEDULE, i32x4.add(w0, v128.load(K256)), 0);
    v128.store(SCHEDULE, i32x4.add(w1, v128.load(K256, 16)), 16);
    v128.store(SCHEDULE, i32x4.add(w2, v128.load(K256, 32)), 32);
    v128.store(SCHEDULE, i32x4.add(w3, v128.load(K256, 48)), 48);
    const a0 = a, b0 = b, c0 = c, d0 = d, e0 = e, f0 = f, g0 = g, h0 = h;
    let t: u32;
    // Eight rounds per step; while rounds 8j..8j+7 run, the words of rounds 8j+16..8j+23 are made.
    for (let wk = SCHEDULE, k = K256 + 64; wk < SCHEDULE + 256; wk += 32, k += 32) {
      if (k < K256 + 256) {
        const w4 = nextWords(w0, w1, w2, w3);
        const w5 = nextWords(w1, w2, w3, w4);
        v128.store(wk, i32x4.add(w4, v128.load(k)), 64);
        v128.store(wk, i32x4.add(w5, v128.load(k, 16)), 80);
        w0 = w2;
        w1 = w3;
        w2 = w4;
        w3 = w5;
      }
      t = h + load<u32>(wk, 0) + ch<u32>(e, f, g) + bigSigma1<u32>(e); d += t; h = t + bigSigma0<u32>(a) + maj<u32>(a, b, c);
      t = g + load<u32>(wk, 4) + ch<u32>(d, e, f) + bigSigma1<u32>(d); c += t; g = t + bigSigma0<u32>(h) + maj<u32>(h, a, b);
      t = f + load<u32>(wk, 8) + ch<u32>(c, d, e) + bigSigma1<u32>(c); b += t; f = t + bigSigma0<u32>(g) + maj<u32>(g, h, a);
      t = e + load<u32>(wk, 12) + ch<u32>(b, c, d) + bigSigma1<u32>(b); a += t; e = t + bigSigma0<u32>(f) + maj<u32>(f, g, h);
      t = d + load<u32>(wk, 16) + ch<u32>(a, b, c) + bigSigma1<u32>(a); h += t; d = t + bigSigma0<u32>(e) + maj<u32>(e, f, g);
      t = c + load<u32>(wk, 20) + ch<u32>(h, a, b) + bigSigma1<u32>(h); g += t; c = t + bigSigma0<u32>(d) + maj<u32>(d, e, f);
      t = b + load<u32>(wk, 24) + ch<u32>(g, h, a) + bigSigma1<u32>(g); f += t; b = t + bigSigma0<u32>(c) + maj<u32>(c, d, e);
      t = a + load<u32>(wk, 28) + ch<u32>(f, g, h) + bigSigma1<u32>(f); e += t; a = t + bigSigma0<u32>(b) + maj<u32>(b, c, d);
    }
    a += a0; b += b0; c += c0; d += d0; e += e0; f += f0; g += g0; h += h0;
  }
  store<u32>(s, a, H + 0); store<u32>(s, b, H + 4); store<u32>(s, c, H + 8); store<u32>(s, d, H + 12);
  store<u32>(s, e, H + 16); store<u32>(s, f, H + 20); store<u32>(s, g, H + 24); store<u32>(s, h, H + 28);
}
