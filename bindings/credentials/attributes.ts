// Public attributes and their framing, the POPRF `info` (RFC 9497 §3.3.3): the epoch first, then
// each value, every item length-prefixed, so no two attribute lists frame alike.
import { CredentialError } from './errors.js';

/** The protocol label; prefixes `info` and the key-id and redemption-key derivations. */
export const PROTOCOL = 'oblivia-acs-v1';

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

/** The most framed attributes accepted. Far below RFC 9497's 65535-byte `info`, so that every
 *  secret-key step fits the core's I/O window (64 KiB), and a token fits an HTTP header. */
export const MAX_FRAMED_ATTRIBUTES = 4096;
const LABEL = new TextEncoder().encode(PROTOCOL);

const encoder = new TextEncoder();

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
    if (typeof value === 'string') return encoder.encode(value);
    if (value instanceof Uint8Array) return value;
    throw new TypeError(`"attributes.values[${i}]" expected string or Uint8Array`);
  });
  const length = 2 + 6 + items.reduce((sum, item) => sum + 2 + item.length, 0);
  if (length > MAX_FRAMED_ATTRIBUTES) throw new RangeError(`"attributes" expected at most ${MAX_FRAMED_ATTRIBUTES} framed bytes, got ${length}`);
  const out = new Uint8Array(length);
  const view = new DataView(out.buffer);
  view.setUint16(0, 1 + items.length);
  view.setUint16(2, 4);
  view.setUint32(4, epoch);
  let at = 8;
  for (const item of items) {
    view.setUint16(at, item.length);
    out.set(item, at + 2);
    at += 2 + item.length;
  }
  return out;
}

/** The framed attributes at `offset`, and where they end; CredentialError MALFORMED if they do not
 *  decode or exceed MAX_FRAMED_ATTRIBUTES (checked per value, before it is copied). */
export function readAttributes(data: Uint8Array, offset: number): { attributes: CredentialAttributes; end: number } {
  const u16 = (at: number): number => {
    if (at + 2 > data.length) throw new CredentialError('MALFORMED');
    return (data[at]! << 8) | data[at + 1]!;
  };
  const count = u16(offset);
  if (count < 1 || u16(offset + 2) !== 4 || offset + 8 > data.length) throw new CredentialError('MALFORMED');
  const epoch = new DataView(data.buffer, data.byteOffset).getUint32(offset + 4);
  const values: Uint8Array[] = [];
  let at = offset + 8;
  for (let i = 1; i < count; i++) {
    const length = u16(at);
    if (at + 2 + length - offset > MAX_FRAMED_ATTRIBUTES || at + 2 + length > data.length) throw new CredentialError('MALFORMED');
    values.push(data.slice(at + 2, at + 2 + length));
    at += 2 + length;
  }
  return { attributes: Object.freeze({ epoch, values: Object.freeze(values) }), end: at };
}

/** The POPRF `info`: "oblivia-acs-v1" ‖ framed attributes. */
export function infoOf(framed: Uint8Array): Uint8Array {
  const info = new Uint8Array(LABEL.length + framed.length);
  info.set(LABEL);
  info.set(framed, LABEL.length);
  return info;
}

/** The day number of `now` (ms since 1970-01-01 UTC): the default epoch. */
export function currentEpoch(now: number = Date.now()): number {
  return Math.floor(now / 86_400_000);
}
