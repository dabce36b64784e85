// Constant-time helpers.

/** Zeroes `len` bytes at `ptr`; used on every secret before an export returns. */
// @ts-ignore: decorator
@inline export function wipe(ptr: usize, len: usize): void {
  memory.fill(ptr, 0, len);
}

/** Whether `len` bytes at `a` and `b` are equal, in time independent of their contents. */
export function equal(a: usize, b: usize, len: usize): bool {
  let difference: u32 = 0;
  for (let i: usize = 0; i < len; i++) difference |= load<u8>(a + i) ^ load<u8>(b + i);
  return difference == 0;
}

// Conditional operations take a mask: all ones to act, zero to leave things as they are; `mask`
// makes one from a bit. They do the same loads and stores either way.

/** All ones when the low bit of `bit` is 1, else zero. */
// @ts-ignore: decorator
@inline export function mask(bit: u32): u32 {
  return 0 - (bit & 1);
}

/** `bytes` (a multiple of 4) at `dst` = those at `src` where `m` is all ones, unchanged where it is zero. */
// @ts-ignore: decorator
@inline export function cmov(dst: usize, src: usize, bytes: usize, m: u32): void {
  for (let j: usize = 0; j < bytes; j += 4) {
    const x = load<u32>(dst + j);
    store<u32>(dst + j, x ^ ((x ^ load<u32>(src + j)) & m));
  }
}

/** Swaps `bytes` (a multiple of 8) at `a` and `b` where `m` is all ones, leaves them where it is zero. */
// @ts-ignore: decorator
@inline export function cswap(a: usize, b: usize, bytes: usize, m: u32): void {
  const m64 = (<u64>m << 32) | <u64>m;
  for (let j: usize = 0; j < bytes; j += 8) {
    const x = load<u64>(a + j),
      y = load<u64>(b + j);
    const t = (x ^ y) & m64;
    store<u64>(a + j, x ^ t);
    store<u64>(b + j, y ^ t);
  }
}
