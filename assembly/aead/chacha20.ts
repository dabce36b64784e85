// ChaCha20 (RFC 8439 §2.3, §2.4) and HChaCha20 (draft-irtf-cfrg-xchacha-03 §2.2). The state is
// 16 little-endian words: 4 constants, 8 key words, a 32-bit block counter, 3 nonce words. The
// SIMD build makes four blocks at once, each v128 holding one state word of the four blocks.
import { CIPHER_SCRATCH } from '../mem';

export const STATE_BYTES: usize = 64;
const COUNTER: usize = 48;

/** The initial state (§2.3): "expand 32-byte k", the key, the counter and a 12-byte nonce. */
export function setup(s: usize, key: usize, counter: u32, nonce: usize): void {
  setConstants(s);
  memory.copy(s + 16, key, 32);
  store<u32>(s, counter, COUNTER);
  memory.copy(s + 52, nonce, 12);
}

export function setCounter(s: usize, counter: u32): void {
  store<u32>(s, counter, COUNTER);
}

function setConstants(s: usize): void {
  store<u32>(s, 0x61707865, 0);
  store<u32>(s, 0x3320646e, 4);
  store<u32>(s, 0x79622d32, 8);
  store<u32>(s, 0x6b206574, 12);
}

/** HChaCha20 (§2.2): the 20 rounds over key and a 16-byte nonce; words 0–3 and 12–15 → `out`. */
export function hchacha20(key: usize, nonce: usize, out: usize): void {
  const s = CIPHER_SCRATCH;
  setConstants(s);
  memory.copy(s + 16, key, 32);
  memory.copy(s + 48, nonce, 16);
  permute(s, s, false);
  memory.copy(out, s, 16);
  memory.copy(out + 16, s + 48, 16);
}

/** XORs `len` bytes of keystream into `src` → `dst`, starting at the state's counter. */
export function xorKeystream(s: usize, src: usize, dst: usize, len: usize): void {
  if (ASC_FEATURE_SIMD) {
    while (len >= 256) {
      fourBlocks(s, src, dst);
      src += 256;
      dst += 256;
      len -= 256;
    }
  }
  const block = CIPHER_SCRATCH;
  while (len > 0) {
    permute(s, block, true);
    store<u32>(s, load<u32>(s, COUNTER) + 1, COUNTER);
    const n = min<usize>(len, 64);
    let i: usize = 0;
    for (; i + 8 <= n; i += 8) store<u64>(dst + i, load<u64>(src + i) ^ load<u64>(block + i));
    for (; i < n; i++) store<u8>(dst + i, load<u8>(src + i) ^ load<u8>(block + i));
    src += n;
    dst += n;
    len -= n;
  }
}

/** The 20 rounds (§2.3) over the state at `s` into `out`, adding the input words if `feedForward`. */
function permute(s: usize, out: usize, feedForward: bool): void {
  let x0 = load<u32>(s, 0); let x1 = load<u32>(s, 4); let x2 = load<u32>(s, 8); let x3 = load<u32>(s, 12);
  let x4 = load<u32>(s, 16); let x5 = load<u32>(s, 20); let x6 = load<u32>(s, 24); let x7 = load<u32>(s, 28);
  let x8 = load<u32>(s, 32); let x9 = load<u32>(s, 36); let x10 = load<u32>(s, 40); let x11 = load<u32>(s, 44);
  let x12 = load<u32>(s, 48); let x13 = load<u32>(s, 52); let x14 = load<u32>(s, 56); let x15 = load<u32>(s, 60);
  for (let i = 0; i < 10; i++) {
    x0 += x4; x12 = rotl<u32>(x12 ^ x0, 16); x8 += x12; x4 = rotl<u32>(x4 ^ x8, 12);
    x0 += x4; x12 = rotl<u32>(x12 ^ x0, 8); x8 += x12; x4 = rotl<u32>(x4 ^ x8, 7);
    x1 += x5; x13 = rotl<u32>(x13 ^ x1, 16); x9 += x13; x5 = rotl<u32>(x5 ^ x9, 12);
    x1 += x5; x13 = rotl<u32>(x13 ^ x1, 8); x9 += x13; x5 = rotl<u32>(x5 ^ x9, 7);
    x2 += x6; x14 = rotl<u32>(x14 ^ x2, 16); x10 += x14; x6 = rotl<u32>(x6 ^ x10, 12);
    x2 += x6; x14 = rotl<u32>(x14 ^ x2, 8); x10 += x14; x6 = rotl<u32>(x6 ^ x10, 7);
    x3 += x7; x15 = rotl<u32>(x15 ^ x3, 16); x11 += x15; x7 = rotl<u32>(x7 ^ x11, 12);
    x3 += x7; x15 = rotl<u32>(x15 ^ x3, 8); x11 += x15; x7 = rotl<u32>(x7 ^ x11, 7);
    x0 += x5; x15 = rotl<u32>(x15 ^ x0, 16); x10 += x15; x5 = rotl<u32>(x5 ^ x10, 12);
    x0 += x5; x15 = rotl<u32>(x15 ^ x0, 8); x10 += x15; x5 = rotl<u32>(x5 ^ x10, 7);
    x1 += x6; x12 = rotl<u32>(x12 ^ x1, 16); x11 += x12; x6 = rotl<u32>(x6 ^ x11, 12);
    x1 += x6; x12 = rotl<u32>(x12 ^ x1, 8); x11 += x12; x6 = rotl<u32>(x6 ^ x11, 7);
    x2 += x7; x13 = rotl<u32>(x13 ^ x2, 16); x8 += x13; x7 = rotl<u32>(x7 ^ x8, 12);
    x2 += x7; x13 = rotl<u32>(x13 ^ x2, 8); x8 += x13; x7 = rotl<u32>(x7 ^ x8, 7);
    x3 += x4; x14 = rotl<u32>(x14 ^ x3, 16); x9 += x14; x4 = rotl<u32>(x4 ^ x9, 12);
    x3 += x4; x14 = rotl<u32>(x14 ^ x3, 8); x9 += x14; x4 = rotl<u32>(x4 ^ x9, 7);
  }
  if (feedForward) {
    x0 += load<u32>(s, 0); x1 += load<u32>(s, 4); x2 += load<u32>(s, 8); x3 += load<u32>(s, 12);
    x4 += load<u32>(s, 16); x5 += load<u32>(s, 20); x6 += load<u32>(s, 24); x7 += load<u32>(s, 28);
    x8 += load<u32>(s, 32); x9 += load<u32>(s, 36); x10 += load<u32>(s, 40); x11 += load<u32>(s, 44);
    x12 += load<u32>(s, 48); x13 += load<u32>(s, 52); x14 += load<u32>(s, 56); x15 += load<u32>(s, 60);
  }
  store<u32>(out, x0, 0); store<u32>(out, x1, 4); store<u32>(out, x2, 8); store<u32>(out, x3, 12);
  store<u32>(out, x4, 16); store<u32>(out, x5, 20); store<u32>(out, x6, 24); store<u32>(out, x7, 28);
  store<u32>(out, x8, 32); store<u32>(out, x9, 36); store<u32>(out, x10, 40); store<u32>(out, x11, 44);
  store<u32>(out, x12, 48); store<u32>(out, x13, 52); store<u32>(out, x14, 56); store<u32>(out, x15, 60);
}

// @ts-ignore: decorator
@inline function rotl4(x: v128, n: i32): v128 {
  return v128.or(i32x4.shl(x, n), i32x4.shr_u(x, 32 - n));
}

// Rotations by whole bytes are byte shuffles.
// @ts-ignore: decorator
@inline function rotl16(x: v128): v128 {
  return i8x16.shuffle(x, x, 2, 3, 0, 1, 6, 7, 4, 5, 10, 11, 8, 9, 14, 15, 12, 13);
}

// @ts-ignore: decorator
@inline function rotl8(x: v128): v128 {
  return i8x16.shuffle(x, x, 3, 0, 1, 2, 7, 4, 5, 6, 11, 8, 9, 10, 15, 12, 13, 14);
}

/** Four blocks (counters c…c+3) XORed into 256 bytes at `src` → `dst`; the counter advances by 4. */
function fourBlocks(s: usize, src: usize, dst: usize): void {
  const counters = i32x4.add(i32x4.splat(load<u32>(s, COUNTER)), i32x4(0, 1, 2, 3));
  let x0 = i32x4.splat(load<u32>(s, 0)); let x1 = i32x4.splat(load<u32>(s, 4)); let x2 = i32x4.splat(load<u32>(s, 8)); let x3 = i32x4.splat(load<u32>(s, 12));
    let x4 = i32x4.splat(load<u32>(s, 16)); let x5 = i32x4.splat(load<u32>(s, 20)); let x6 = i32x4.splat(load<u32>(s, 24)); let x7 = i32x4.splat(load<u32>(s, 28));
    let x8 = i32x4.splat(load<u32>(s, 32)); let x9 = i32x4.splat(load<u32>(s, 36)); let x10 = i32x4.splat(load<u32>(s, 40)); let x11 = i32x4.splat(load<u32>(s, 44));
    let x12 = counters; let x13 = i32x4.splat(load<u32>(s, 52)); let x14 = i32x4.splat(load<u32>(s, 56)); let x15 = i32x4.splat(load<u32>(s, 60));
  for (let i = 0; i < 10; i++) {
      x0 = i32x4.add(x0, x4); x12 = rotl16(v128.xor(x12, x0)); x8 = i32x4.add(x8, x12); x4 = rotl4(v128.xor(x4, x8), 12);
      x0 = i32x4.add(x0, x4); x12 = rotl8(v128.xor(x12, x0)); x8 = i32x4.add(x8, x12); x4 = rotl4(v128.xor(x4, x8), 7);
      x1 = i32x4.add(x1, x5); x13 = rotl16(v128.xor(x13, x1)); x9 = i32x4.add(x9, x13); x5 = rotl4(v128.xor(x5, x9), 12);
      x1 = i32x4.add(x1, x5); x13 = rotl8(v128.xor(x13, x1)); x9 = i32x4.add(x9, x13); x5 = rotl4(v128.xor(x5, x9), 7);
      x2 = i32x4.add(x2, x6); x14 = rotl16(v128.xor(x14, x2)); x10 = i32x4.add(x10, x14); x6 = rotl4(v128.xor(x6, x10), 12);
      x2 = i32x4.add(x2, x6); x14 = rotl8(v128.xor(x14, x2)); x10 = i32x4.add(x10, x14); x6 = rotl4(v128.xor(x6, x10), 7);
      x3 = i32x4.add(x3, x7); x15 = rotl16(v128.xor(x15, x3)); x11 = i32x4.add(x11, x15); x7 = rotl4(v128.xor(x7, x11), 12);
      x3 = i32x4.add(x3, x7); x15 = rotl8(v128.xor(x15, x3)); x11 = i32x4.add(x11, x15); x7 = rotl4(v128.xor(x7, x11), 7);
      x0 = i32x4.add(x0, x5); x15 = rotl16(v128.xor(x15, x0)); x10 = i32x4.add(x10, x15); x5 = rotl4(v128.xor(x5, x10), 12);
      x0 = i32x4.add(x0, x5); x15 = rotl8(v128.xor(x15, x0)); x10 = i32x4.add(x10, x15); x5 = rotl4(v128.xor(x5, x10), 7);
      x1 = i32x4.add(x1, x6); x12 = rotl16(v128.xor(x12, x1)); x11 = i32x4.add(x11, x12); x6 = rotl4(v128.xor(x6, x11), 12);
      x1 = i32x4.add(x1, x6); x12 = rotl8(v128.xor(x12, x1)); x11 = i32x4.add(x11, x12); x6 = rotl4(v128.xor(x6, x11), 7);
      x2 = i32x4.add(x2, x7); x13 = rotl16(v128.xor(x13, x2)); x8 = i32x4.add(x8, x13); x7 = rotl4(v128.xor(x7, x8), 12);
      x2 = i32x4.add(x2, x7); x13 = rotl8(v128.xor(x13, x2)); x8 = i32x4.add(x8, x13); x7 = rotl4(v128.xor(x7, x8), 7);
      x3 = i32x4.add(x3, x4); x14 = rotl16(v128.xor(x14, x3)); x9 = i32x4.add(x9, x14); x4 = rotl4(v128.xor(x4, x9), 12);
      x3 = i32x4.add(x3, x4); x14 = rotl8(v128.xor(x14, x3)); x9 = i32x4.add(x9, x14); x4 = rotl4(v128.xor(x4, x9), 7);
  }
  x0 = i32x4.add(x0, i32x4.splat(load<u32>(s, 0))); x1 = i32x4.add(x1, i32x4.splat(load<u32>(s, 4))); x2 = i32x4.add(x2, i32x4.splat(load<u32>(s, 8))); x3 = i32x4.add(x3, i32x4.splat(load<u32>(s, 12)));
    x4 = i32x4.add(x4, i32x4.splat(load<u32>(s, 16))); x5 = i32x4.add(x5, i32x4.splat(load<u32>(s, 20))); x6 = i32x4.add(x6, i32x4.splat(load<u32>(s, 24))); x7 = i32x4.add(x7, i32x4.splat(load<u32>(s, 28)));
    x8 = i32x4.add(x8, i32x4.splat(load<u32>(s, 32))); x9 = i32x4.add(x9, i32x4.splat(load<u32>(s, 36))); x10 = i32x4.add(x10, i32x4.splat(load<u32>(s, 40))); x11 = i32x4.add(x11, i32x4.splat(load<u32>(s, 44)));
    x12 = i32x4.add(x12, counters); x13 = i32x4.add(x13, i32x4.splat(load<u32>(s, 52))); x14 = i32x4.add(x14, i32x4.splat(load<u32>(s, 56))); x15 = i32x4.add(x15, i32x4.splat(load<u32>(s, 60)));
  xorWords(src, dst, 0, x0, x1, x2, x3);
  xorWords(src, dst, 16, x4, x5, x6, x7);
  xorWords(src, dst, 32, x8, x9, x10, x11);
  xorWords(src, dst, 48, x12, x13, x14, x15);
  store<u32>(s, load<u32>(s, COUNTER) + 4, COUNTER);
}

/** Transposes words w..w+3 of the four blocks (one block per lane) and XORs them in place. */
// @ts-ignore: decorator
@inline function xorWords(src: usize, dst: usize, offset: usize, a: v128, b: v128, c: v128, d: v128): void {
  const ab01 = i32x4.shuffle(a, b, 0, 4, 1, 5);
  const cd01 = i32x4.shuffle(c, d, 0, 4, 1, 5);
  const ab23 = i32x4.shuffle(a, b, 2, 6, 3, 7);
  const cd23 = i32x4.shuffle(c, d, 2, 6, 3, 7);
  src += offset;
  dst += offset;
  v128.store(dst, v128.xor(v128.load(src), i32x4.shuffle(ab01, cd01, 0, 1, 4, 5)));
  v128.store(dst + 64, v128.xor(v128.load(src + 64), i32x4.shuffle(ab01, cd01, 2, 3, 6, 7)));
  v128.store(dst + 128, v128.xor(v128.load(src + 128), i32x4.shuffle(ab23, cd23, 0, 1, 4, 5)));
  v128.store(dst + 192, v128.xor(v128.load(src + 192), i32x4.shuffle(ab23, cd23, 2, 3, 6, 7)));
}
