// A cursor over the decoder's input. Every read is checked against the end of the message or, inside
// a known-length field section, against the end of that section, before anything is copied: a
// length that runs past either is refused without being allocated.
import { BhttpError } from './bhttp-error.js';
import { formatVarint, readVarint, varintLength } from './varint.js';

export class Reader {
  /** The offset of the next byte to read. */
  offset: number;

  /** Reads `input[start, end)`: the message, or the known-length field section named `section`. */
  constructor(
    private readonly input: Uint8Array,
    start: number,
    private readonly end: number,
    private readonly section?: string,
  ) {
    this.offset = start;
  }

  get done(): boolean {
    return this.offset === this.end;
  }

  /** A variable-length integer (RFC 9000 §16); `what` names it in errors. */
  varint(what: string): number {
    if (this.done) throw this.overrun(`the ${this.section ?? 'message'} ends before ${what}`);
    const length = varintLength(this.input[this.offset]!);
    if (this.end - this.offset < length)
      throw this.overrun(`${what} at byte ${this.offset} runs past the end of the ${this.section ?? 'message'}`);
    const value = readVarint(this.input, this.offset);
    this.offset += length;
    return value;
  }

  /** The next `length` bytes, a view of the input; `what` names them in errors. */
  take(length: number, what: string): Uint8Array {
    const start = this.offset;
    this.skip(length, what);
    return this.input.subarray(start, this.offset);
  }

  /** Passes over the next `length` bytes; `what` names them in errors. */
  skip(length: number, what: string): void {
    const left = this.end - this.offset;
    if (length > left) {
      const bytesLeft = `${left} byte${left === 1 ? '' : 's'} left`;
      throw this.overrun(
        `${what} at byte ${this.offset} of length ${formatVarint(length)} runs past the end of the ${this.section ?? 'message'} (${bytesLeft})`,
      );
    }
    this.offset += length;
  }

  /** Copies the next `length` bytes to `out[at]`; `what` names them in errors. A short run is copied
   *  byte by byte, as a view of it would cost more than the copy. */
  copy(length: number, what: string, out: Uint8Array, at: number): void {
    const start = this.offset;
    this.skip(length, what);
    if (length > 64) out.set(this.input.subarray(start, this.offset), at);
    else for (let i = 0; i < length; i++) out[at + i] = this.input[start + i]!;
  }

  /** A reader of the next `length` bytes, the known-length field section `section`, which this one skips. */
  sub(length: number, section: string): Reader {
    const start = this.offset;
    this.skip(length, `the ${section}`);
    return new Reader(this.input, start, this.offset, section);
  }

  /** Checks that the rest is padding: zero bytes (RFC 9292 §3.8). */
  padding(): void {
    for (let i = this.offset; i < this.end; i++) {
      if (this.input[i] !== 0) throw new BhttpError('INVALID_PADDING', `padding at byte ${i} is not zero`);
    }
  }

  private overrun(message: string): BhttpError {
    return new BhttpError(this.section === undefined ? 'TRUNCATED' : 'INVALID_LENGTH', message);
  }
}
