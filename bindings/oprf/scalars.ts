// Scalars as SerializeScalar encodings (RFC 9497 §2.1): the range check, and RandomScalar by
// rejection sampling over WebCrypto getRandomValues.
import type { OprfSuiteParams } from './oprf-names.js';

/** Whether `scalar` encodes a value in 1 … order−1. Scans every byte without branching on it, so
 *  only the answer shows. */
export function isNonzeroScalar(suite: OprfSuiteParams, scalar: Uint8Array): boolean {
  const { order, littleEndian } = suite;
  const n = order.length;
  let less = 0;
  let greater = 0;
  let any = 0;
  for (let i = 0; i < n; i++) {
    const b = scalar[littleEndian ? n - 1 - i : i]!;
    const o = order[i]!;
    const undecided = 1 & ~(less | greater); // the most significant differing byte decides
    less |= undecided & ((b - o) >>> 31);
    greater |= undecided & ((o - b) >>> 31);
    any |= b;
  }
  return (less & (1 ^ ((any - 1) >>> 31))) === 1;
}

/** A uniformly random nonzero scalar below the order: getRandomValues with the bits above the
 *  order's top bit masked, rejected and redrawn until it is in range; rejected draws are wiped. */
export function randomScalar(suite: OprfSuiteParams): Uint8Array {
  const n = suite.order.length;
  const top = suite.littleEndian ? n - 1 : 0;
  let mask = suite.order[0]!;
  mask |= mask >> 1;
  mask |= mask >> 2;
  mask |= mask >> 4;
  const scalar = new Uint8Array(n);
  for (;;) {
    crypto.getRandomValues(scalar);
    scalar[top]! &= mask;
    if (isNonzeroScalar(suite, scalar)) return scalar;
    scalar.fill(0);
  }
}
