// @noble/curves directly (the library under oblivia js's ristretto255): decode, multiply, encode.
import { ristretto255 } from '@noble/curves/ed25519.js';
import { bytesToNumberLE } from '@noble/curves/utils.js';
import type { RistrettoParams, RistrettoPeer } from './ristretto.js';

const { Point } = ristretto255;

/** scalar · element, by noble (also the bench's way to make an element from a scalar: `element(k)` = k · B). */
export function ristrettoElement(scalar: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Point.BASE.multiply(bytesToNumberLE(scalar)).toBytes());
}

export function nobleRistretto({ scalar, element }: RistrettoParams): RistrettoPeer {
  return {
    name: '@noble/curves',
    multiply: () => Point.fromBytes(element).multiply(bytesToNumberLE(scalar)).toBytes(),
  };
}
