// ristretto255 (RFC 9496) variable-base scalar multiplication, scalar · element, both as bytes: a
// 32-byte little-endian scalar below ℓ and a canonical 32-byte encoding. Every implementation
// decodes the element and the scalar and encodes the product on every call.
import type { Impl } from '../types.js';

export interface RistrettoParams {
  /** Little-endian, nonzero, below ℓ. */
  readonly scalar: Uint8Array<ArrayBuffer>;
  readonly element: Uint8Array<ArrayBuffer>;
}

/** One implementation of the multiplication. */
export type RistrettoPeer = Pick<Impl, 'name' | 'backend' | 'build'> & { readonly multiply: () => Uint8Array };
