// Public attributes and their framing, the POPRF `info` (RFC 9497 §3.3.3): the epoch first, then
// each value, every item length-prefixed, so no two attribute lists frame alike.
import { concat, utf8, writeU16, writeU32 } from '../utils/bytes.js';
import type { Reader } from '../utils/reader.js';
import { malformed } from './credential-error.js';

/** The protocol label; prefixes `info` and the key-id and redemption-key derivations. */
export const PROTOCOL = 'oblivia-acs-v1';

/** A credential's public attributes: an epoch and further values (the POPRF `info`). */
export interface Attributes {
  /** u32, e.g. days since 1970-01-01 (UTC); keys rotate and spent sets expire per epoch. */
  readonly epoch: number;
  /** Further public attributes, such as the use case; strings are UTF-8 encoded. */
  readonly values: readonly (string | Uint8Array)[];
}

/** Attributes as decoded from the wire: every value as bytes. */
export interface CredentialAttributes extends Attributes {
  readonly values: readonly Uint8Array[];
}

/** The most framed attributes accepted. Far below RFC 9497's 65535-byte `info`, so that one
 *  request bounds the secret-key hashing it causes, and a token fits an HTTP header. */
export const MAX_FRAMED_ATTRIBUTES = 4096;
const LABEL = utf8(PROTOCOL);

/** I2OSP(1 + n, 2) ‖ (I2OSP(4, 2) ‖ epoch as u32) ‖ (I2OSP(len, 2) ‖ value)…; TypeError / RangeError on bad attributes. */
export function frameAttributes(attributes: Attributes): Uint8Array {
  if (typeof attributes !== 'object' || attributes === null) throw new TypeError('"attributes" expected object');
  const { epoch, values } = attributes;
  if (typeof epoch !== 'number') throw new TypeError('"attributes.epoch" expected integer');
  if (!Number.isSafeInteger(epoch) || epoch < 0 || epoch > 0xffffffff) {
    throw new RangeError(`"attributes.epoch" expected integer in [0, 4294967295], got ${epoch}`);
  }
  if (!Array.isArray(values)) throw new TypeError('"attributes.values" expected an array of string or Uint8Array');
  const items = values.map((value: unknown, i) => {
    if (typeof value === 'string') return utf8(value);
    if (value instanceof Uint8Array) return value;
    throw new TypeError(`"attributes.values[${i}]" expected string or Uint8Array`);
  });
  const length = 2 + 6 + items.reduce((sum, item) => sum + 2 + item.length, 0);
  if (length > MAX_FRAMED_ATTRIBUTES)
    throw new RangeError(`"attributes" expected at most ${MAX_FRAMED_ATTRIBUTES} framed bytes, got ${length}`);
  const out = new Uint8Array(length);
  writeU16(out, 0, 1 + items.length);
  writeU16(out, 2, 4);
  writeU32(out, 4, epoch);
  let at = 8;
  for (const item of items) {
    writeU16(out, at, item.length);
    out.set(item, at + 2);
    at += 2 + item.length;
  }
  return out;
}

/** The framed attributes at the reader's offset, which it passes; CredentialError MALFORMED if they
 *  do not decode or exceed MAX_FRAMED_ATTRIBUTES (checked per value, before it is copied). */
export function readAttributes(r: Reader): CredentialAttributes {
  const start = r.offset;
  const count = r.uint16();
  if (count < 1 || r.uint16() !== 4) throw malformed();
  const epoch = r.uint32();
  const values: Uint8Array[] = [];
  for (let i = 1; i < count; i++) {
    const length = r.uint16();
    if (r.offset + length - start > MAX_FRAMED_ATTRIBUTES) throw malformed();
    values.push(r.take(length));
  }
  return Object.freeze({ epoch, values: Object.freeze(values) });
}

/** The POPRF `info`: "oblivia-acs-v1" ‖ framed attributes. */
export const infoOf = (framed: Uint8Array): Uint8Array => concat(LABEL, framed);

/** The day number of `now` (ms since 1970-01-01 UTC): the default epoch. */
export function currentEpoch(now: number = Date.now()): number {
  return Math.floor(now / 86_400_000);
}
