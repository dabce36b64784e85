// A bounded reader over big-endian framing (the TLS-notation structs of RFC 8446 §3): a read past
// the end, or trailing bytes at `end()`, throw the family's error, made by `fail`.
import { readU16, readU32 } from './bytes.js';

export class Reader {
  constructor(
    readonly bytes: Uint8Array,
    private readonly fail: () => Error,
    /** Where the next read starts. */
    public offset = 0,
  ) {}

  uint8(): number {
    return this.bytes[this.advance(1)]!;
  }

  uint16(): number {
    return readU16(this.bytes, this.advance(2));
  }

  uint32(): number {
    return readU32(this.bytes, this.advance(4));
  }

  /** `length` bytes, copied. */
  take(length: number): Uint8Array {
    const at = this.advance(length);
    return this.bytes.slice(at, at + length);
  }

  /** Refuses trailing bytes. */
  end(): void {
    if (this.offset !== this.bytes.length) throw this.fail();
  }

  /** Where the next `length` bytes start, once they are known to be in the input. */
  private advance(length: number): number {
    if (this.offset + length > this.bytes.length) throw this.fail();
    return (this.offset += length) - length;
  }
}
