// hpke-js's byte conventions: inputs are ArrayBuffers or any ArrayBufferView (Uint8Array, Buffer,
// DataView, …), outputs are ArrayBuffers. oblivia computes on Uint8Arrays.

import { describe } from '../utils/arguments.js';
import { decodeBase64url } from '../utils/base64url.js';

export type BufferInput = ArrayBufferLike | ArrayBufferView;

function isArrayBufferLike(value: unknown): value is ArrayBufferLike {
  const tag = Object.prototype.toString.call(value);
  return tag === '[object ArrayBuffer]' || tag === '[object SharedArrayBuffer]';
}

/** A Uint8Array over the same memory (no copy); TypeError for anything but a buffer or a view. */
export function bytesArgument(value: unknown, name: string): Uint8Array {
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (isArrayBufferLike(value)) return new Uint8Array(value);
  throw new TypeError(`"${name}" expected ArrayBuffer or ArrayBufferView, got ${describe(value)}`);
}

/** bytesArgument, with undefined passed through. */
export function optionalBytesArgument(value: unknown, name: string): Uint8Array | undefined {
  return value === undefined ? undefined : bytesArgument(value, name);
}

/** The bytes of a base64url JWK member (unpadded, RFC 7515 §2); TypeError if it is not one. */
export function base64urlArgument(value: unknown, name: string): Uint8Array {
  const bytes = typeof value === 'string' ? decodeBase64url(value) : undefined;
  if (bytes === undefined) throw new TypeError(`"${name}" expected a base64url string`);
  return bytes;
}

/** The bytes as an ArrayBuffer of exactly their length (oblivia's outputs own their buffers). */
export function arrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const { buffer } = bytes;
  if (buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength) return buffer;
  return bytes.slice().buffer;
}
