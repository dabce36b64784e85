// Constant-time helpers.

/** Zeroes `len` bytes at `ptr`; used on every secret before an export returns. */
// @ts-ignore: decorator
@inline export function wipe(ptr: usize, len: usize): void {
  memory.fill(ptr, 0, len);
}
