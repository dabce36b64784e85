// hpke-js's byte conventions: inputs are ArrayBuffers or any ArrayBufferView (Uint8Array, Buffer,
// DataView, …), outputs are ArrayBuffers. oblivia computes on Uint8Arrays.

export type BufferInput = ArrayBufferLike | ArrayBufferView;

/** The type of a wrong argument, for messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return (value as object).constructor?.name ?? 'object';
  return typeof value;
}

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

/** An options object; TypeError otherwise. */
export function objectArgument<T extends object>(value: T, name: string): T {
  if (typeof value !== 'object' || value === null) throw new TypeError(`"${name}" expected object, got ${describe(value)}`);
  return value;
}

/** The bytes as an ArrayBuffer of exactly their length (oblivia's outputs own their buffers). */
export function arrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const { buffer } = bytes;
  if (buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength) return buffer;
  return bytes.slice().buffer;
}
