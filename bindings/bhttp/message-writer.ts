// The encoder's output: a buffer that grows as parts are appended.
import { writeVarint } from './varint.js';

export class Writer {
  private buffer = new Uint8Array(256);
  private length = 0;

  /** A variable-length integer (RFC 9000 §16) in its shortest form. */
  varint(value: number): void {
    this.reserve(8);
    this.length = writeVarint(this.buffer, this.length, value);
  }

  bytes(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** `count` zero bytes: the buffer is zero past `length`, as nothing is ever written there. */
  zeros(count: number): void {
    this.reserve(count);
    this.length += count;
  }

  /** The bytes written, as a new array. */
  finish(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }

  /** Makes room for `count` more bytes at once (a message's content, before it is written). */
  reserve(count: number): void {
    if (this.length + count <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(2 * this.buffer.length, this.length + count));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }
}
