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
