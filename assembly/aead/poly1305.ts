// Poly1305 (RFC 8439 §2.5) with five 26-bit limbs: every product is 32×32→64 bits and a sum of
// five stays below 2^58, far from 2^64. Only whole 16-byte blocks are absorbed; the AEAD pads its
// inputs to 16 bytes (§2.8), so the one-time key is the only partial-block concern it has.
import { CIPHER_SCRATCH } from '../mem';

export const POLY_STATE_SIZE: usize = 72;
const R: usize = 0; // r in five limbs, clamped (§2.5.1)
const R5: usize = 20; // 5·r1 … 5·r4, for the wrap-around 2^130 ≡ 5
const S: usize = 36; // s, the second half of the one-time key
const H: usize = 52; // the accumulator, five limbs

const MASK: u32 = 0x3ffffff;

/** Keys the state with the 32-byte one-time key r ‖ s. */
export function polyInit(p: usize, key: usize): void {
  const t0 = load<u32>(key, 0), t1 = load<u32>(key, 4), t2 = load<u32>(key, 8), t3 = load<u32>(key, 12);
  // The limbs of r with the clamp r &= 0x0ffffffc0ffffffc0ffffffc0fffffff folded into the masks.
  const r1 = ((t0 >> 26) | (t1 << 6)) & 0x3ffff03;
  const r2 = ((t1 >> 20) | (t2 << 12)) & 0x3ffc0ff;
  const r3 = ((t2 >> 14) | (t3 << 18)) & 0x3f03fff;
  const r4 = (t3 >> 8) & 0x00fffff;
  store<u32>(p, t0 & 0x3ffffff, R);
  store<u32>(p, r1, R + 4);
  store<u32>(p, r2, R + 8);
  store<u32>(p, r3, R + 12);
  store<u32>(p, r4, R + 16);
  store<u32>(p, r1 * 5, R5);
  store<u32>(p, r2 * 5, R5 + 4);
  store<u32>(p, r3 * 5, R5 + 8);
  store<u32>(p, r4 * 5, R5 + 12);
  memory.copy(p + S, key + 16, 16);
  memory.fill(p + H, 0, 20);
}

/** Absorbs `len` bytes as 16-byte blocks, the last one zero-padded (the AEAD's pad16). */
export function polyPadded(p: usize, m: usize, len: usize): void {
  const whole = len & ~15;
  polyBlocks(p, m, whole);
  if (whole < len) {
    const block = CIPHER_SCRATCH;
    memory.fill(block, 0, 16);
    memory.copy(block, m + whole, len - whole);
    polyBlocks(p, block, 16);
  }
}

/** Absorbs whole blocks, each with the 2^128 bit set (§2.5.1). */
export function polyBlocks(p: usize, m: usize, len: usize): void {
  const r0 = <u64>load<u32>(p, R), r1 = <u64>load<u32>(p, R + 4), r2 = <u64>load<u32>(p, R + 8);
  const r3 = <u64>load<u32>(p, R + 12), r4 = <u64>load<u32>(p, R + 16);
  const s1 = <u64>load<u32>(p, R5), s2 = <u64>load<u32>(p, R5 + 4);
  const s3 = <u64>load<u32>(p, R5 + 8), s4 = <u64>load<u32>(p, R5 + 12);
  let h0 = load<u32>(p, H), h1 = load<u32>(p, H + 4), h2 = load<u32>(p, H + 8);
  let h3 = load<u32>(p, H + 12), h4 = load<u32>(p, H + 16);
  for (let end = m + len; m < end; m += 16) {
    const t0 = load<u32>(m, 0), t1 = load<u32>(m, 4), t2 = load<u32>(m, 8), t3 = load<u32>(m, 12);
    h0 += t0 & MASK;
    h1 += ((t0 >> 26) | (t1 << 6)) & MASK;
    h2 += ((t1 >> 20) | (t2 << 12)) & MASK;
    h3 += ((t2 >> 14) | (t3 << 18)) & MASK;
    h4 += (t3 >> 8) | (1 << 24);
    // h · r mod 2^130 − 5, schoolbook, with 2^130 folded back as 5.
    const d0 = <u64>h0 * r0 + <u64>h1 * s4 + <u64>h2 * s3 + <u64>h3 * s2 + <u64>h4 * s1;
    let d1 = <u64>h0 * r1 + <u64>h1 * r0 + <u64>h2 * s4 + <u64>h3 * s3 + <u64>h4 * s2;
    let d2 = <u64>h0 * r2 + <u64>h1 * r1 + <u64>h2 * r0 + <u64>h3 * s4 + <u64>h4 * s3;
    let d3 = <u64>h0 * r3 + <u64>h1 * r2 + <u64>h2 * r1 + <u64>h3 * r0 + <u64>h4 * s4;
    let d4 = <u64>h0 * r4 + <u64>h1 * r3 + <u64>h2 * r2 + <u64>h3 * r1 + <u64>h4 * r0;
    h0 = <u32>d0 & MASK;
    d1 += d0 >> 26;
    h1 = <u32>d1 & MASK;
    d2 += d1 >> 26;
    h2 = <u32>d2 & MASK;
    d3 += d2 >> 26;
    h3 = <u32>d3 & MASK;
    d4 += d3 >> 26;
    h4 = <u32>d4 & MASK;
    h0 += <u32>(d4 >> 26) * 5;
    h1 += h0 >> 26;
    h0 &= MASK;
  }
  store<u32>(p, h0, H);
  store<u32>(p, h1, H + 4);
  store<u32>(p, h2, H + 8);
  store<u32>(p, h3, H + 12);
  store<u32>(p, h4, H + 16);
}

/** The tag (§2.5.1): h fully reduced mod 2^130 − 5, plus s, mod 2^128, little-endian. */
export function polyFinish(p: usize, out: usize): void {
  let h0 = load<u32>(p, H), h1 = load<u32>(p, H + 4), h2 = load<u32>(p, H + 8);
  let h3 = load<u32>(p, H + 12), h4 = load<u32>(p, H + 16);
  h2 += h1 >> 26; h1 &= MASK;
  h3 += h2 >> 26; h2 &= MASK;
  h4 += h3 >> 26; h3 &= MASK;
  h0 += (h4 >> 26) * 5; h4 &= MASK;
  h1 += h0 >> 26; h0 &= MASK;
  // g = h + 5 − 2^130; if g ≥ 0 then h ≥ p and the result is g. Chosen by mask, not by branch.
  let g0 = h0 + 5;
  let g1 = h1 + (g0 >> 26); g0 &= MASK;
  let g2 = h2 + (g1 >> 26); g1 &= MASK;
  let g3 = h3 + (g2 >> 26); g2 &= MASK;
  const g4 = h4 + (g3 >> 26) - (1 << 26); g3 &= MASK;
  const useG = (g4 >> 31) - 1; // all ones when g4 did not go negative
  h0 = (h0 & ~useG) | (g0 & useG);
  h1 = (h1 & ~useG) | (g1 & useG);
  h2 = (h2 & ~useG) | (g2 & useG);
  h3 = (h3 & ~useG) | (g3 & useG);
  h4 = (h4 & ~useG) | (g4 & useG);
  let f = <u64>(h0 | (h1 << 26)) + load<u32>(p, S);
  store<u32>(out, <u32>f, 0);
  f = <u64>((h1 >> 6) | (h2 << 20)) + load<u32>(p, S + 4) + (f >> 32);
  store<u32>(out, <u32>f, 4);
  f = <u64>((h2 >> 12) | (h3 << 14)) + load<u32>(p, S + 8) + (f >> 32);
  store<u32>(out, <u32>f, 8);
  f = <u64>((h3 >> 18) | (h4 << 8)) + load<u32>(p, S + 12) + (f >> 32);
  store<u32>(out, <u32>f, 12);
}
