// hash-wasm has no HKDF, and its createHMAC is asynchronous per key, so HKDF (RFC 5869) is
// composed here from HMAC (RFC 2104) written over one of its synchronous hashers.
import type { IHasher } from 'hash-wasm';
import { digest } from './hash-wasm.js';

/** HMAC(key, parts…) over `hasher`; the key pads are rebuilt on every call, as peers do. */
export function hmac(hasher: IHasher, key: Uint8Array, ...parts: Uint8Array[]): Uint8Array {
  const k = key.length > hasher.blockSize ? digest(hasher, key) : key;
  const ipad = new Uint8Array(hasher.blockSize).fill(0x36);
  const opad = new Uint8Array(hasher.blockSize).fill(0x5c);
  for (let i = 0; i < k.length; i++) {
    ipad[i]! ^= k[i]!;
    opad[i]! ^= k[i]!;
  }
  return digest(hasher, opad, digest(hasher, ipad, ...parts));
}

/** HKDF-Extract then HKDF-Expand to `length` bytes. */
export function hkdf(hasher: IHasher, ikm: Uint8Array, salt: Uint8Array, info: Uint8Array, length: number): Uint8Array {
  const prk = hmac(hasher, salt, ikm);
  const okm = new Uint8Array(length);
  let t: Uint8Array = new Uint8Array(0);
  for (let counter = 1, offset = 0; offset < length; counter++) {
    t = hmac(hasher, prk, t, info, Uint8Array.of(counter));
    okm.set(t.subarray(0, length - offset), offset);
    offset += t.length;
  }
  return okm;
}
