// Big-endian framing for the TLS-notation structs of RFC 9577 and RFC 9578 (RFC 8446 §3): a
// reader that throws PrivacyPassError MALFORMED on a short read, and a byte concatenation.
import { PrivacyPassError } from './errors.js';

export class Reader {
  #offset = 0;

  constructor(readonly bytes: Uint8Array) {}

  uint8(): number {
    return this.take(1)[0]!;
  }

  uint16(): number {
    const b = this.take(2);
    return (b[0]! << 8) | b[1]!;
  }

  /** `length` bytes, copied. */
  take(length: number): Uint8Array {
    if (this.#offset + length > this.bytes.length) throw new PrivacyPassError('MALFORMED');
    return this.bytes.slice(this.#offset, (this.#offset += length));
  }

  /** Refuses trailing bytes. */
  end(): void {
    if (this.#offset !== this.bytes.length) throw new PrivacyPassError('MALFORMED');
  }
}

export const uint16 = (value: number): Uint8Array => Uint8Array.of(value >> 8, value & 0xff);
