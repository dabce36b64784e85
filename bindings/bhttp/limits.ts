// The decoder's limits (RFC 9110 §5.4: a recipient may refuse field sections larger than it wishes
// to process). Each is checked before the part that would cross it is read, so the work and memory
// a message costs are bounded by the limits, not by its length.
import { integer, objectArgument } from '../utils/arguments.js';
import { BhttpError } from './bhttp-error.js';
import type { DecodeOptions } from './message.js';

/** 128 field lines: above what servers accept by default (Apache's LimitRequestFields, Envoy's and
 *  Kestrel's header counts are 100), far above what a browser sends. */
export const DEFAULT_MAX_FIELD_LINES = 128;

/** 16 KiB: Node's default maxHeaderSize, which also covers the request line; nginx and Apache
 *  accept about 8 KiB per line. */
export const DEFAULT_MAX_FIELD_SECTION_BYTES = 16 * 1024;

/** 16 informational responses: a 100 (Continue) and a few 103 (Early Hints, RFC 8297) leave room. */
export const DEFAULT_MAX_INFORMATIONAL_RESPONSES = 16;

export type Limits = Required<DecodeOptions>;

/** The checked limits of `options` (undefined or an object), defaults filled in. */
export function decodeLimits(options: DecodeOptions | undefined): Limits {
  const {
    maxFieldLines = DEFAULT_MAX_FIELD_LINES,
    maxFieldSectionBytes = DEFAULT_MAX_FIELD_SECTION_BYTES,
    maxInformationalResponses = DEFAULT_MAX_INFORMATIONAL_RESPONSES,
  } = options === undefined ? {} : objectArgument<DecodeOptions>(options, 'options');
  const limit = (value: unknown, name: string) => integer(value, name, 1, Number.MAX_SAFE_INTEGER);
  return {
    maxFieldLines: limit(maxFieldLines, 'maxFieldLines'),
    maxFieldSectionBytes: limit(maxFieldSectionBytes, 'maxFieldSectionBytes'),
    maxInformationalResponses: limit(maxInformationalResponses, 'maxInformationalResponses'),
  };
}

/** One field section's count of lines and bytes, whose field lines start at byte `start`. */
export class SectionLimit {
  private lines = 0;

  constructor(
    private readonly limits: Limits,
    private readonly section: string,
    private readonly start: number,
  ) {}

  /** Before a field line is read. */
  line(): void {
    if (++this.lines > this.limits.maxFieldLines) {
      throw new BhttpError(
        'FIELDS_TOO_LARGE',
        `the ${this.section} at byte ${this.start} has more than ${this.limits.maxFieldLines} field lines`,
      );
    }
  }

  /** Before `length` more bytes are read at byte `at`. */
  bytes(at: number, length: number): void {
    if (at - this.start + length > this.limits.maxFieldSectionBytes) {
      throw new BhttpError(
        'FIELDS_TOO_LARGE',
        `the ${this.section} at byte ${this.start} is longer than ${this.limits.maxFieldSectionBytes} bytes`,
      );
    }
  }
}
