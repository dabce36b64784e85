// The versioned binary messages of oblivia-acs-v1 (docs/credentials.md §Wire formats). Decoding is
// strict: every length checked, no trailing bytes; failures are CredentialError codes.
import { concat, u16 } from '../utils/bytes.js';
import { Reader } from '../utils/reader.js';
import { readAttributes, type CredentialAttributes } from './attributes.js';
import { CredentialError, malformed } from './credential-error.js';
import { KEY_ID_LENGTH } from './key-id.js';

export const VERSION = 1;
/** The token input: 32 random bytes (the POPRF PrivateInput). */
export const INPUT_LENGTH = 32;
/** The tag: HMAC-SHA256. */
export const TAG_LENGTH = 32;
/** The largest batch, as the OPRF API takes (RFC 9497 batches of 1 … 256 here). */
export const MAX_BATCH = 256;

export interface IssuanceRequest {
  keyId: Uint8Array;
  attributes: CredentialAttributes;
  /** The framed attributes as sent; `info` is built from these bytes. */
  framed: Uint8Array;
  blinded: Uint8Array[];
}

export interface Token {
  keyId: Uint8Array;
  attributes: CredentialAttributes;
  framed: Uint8Array;
  input: Uint8Array;
  tag: Uint8Array;
}

/** A reader past the version byte; MALFORMED if empty, VERSION if not 1. */
function open(data: Uint8Array): Reader {
  if (!(data instanceof Uint8Array) || data.length === 0) throw malformed();
  if (data[0] !== VERSION) throw new CredentialError('VERSION');
  return new Reader(data, malformed, 1);
}

/** A batch count: BATCH unless 1 … MAX_BATCH (and `expected`, if given). */
function batchCount(r: Reader, expected?: number): number {
  const n = r.uint16();
  if (n < 1 || n > MAX_BATCH || (expected !== undefined && n !== expected)) throw new CredentialError('BATCH');
  return n;
}

const elements = (r: Reader, n: number, length: number): Uint8Array[] =>
  Array.from({ length: n }, () => r.take(length));

/** 0x01 ‖ keyId(8) ‖ framed attributes ‖ I2OSP(N, 2) ‖ N blinded elements. */
export function encodeIssuanceRequest(
  keyId: Uint8Array,
  framed: Uint8Array,
  blinded: readonly Uint8Array[],
): Uint8Array {
  return concat(Uint8Array.of(VERSION), keyId, framed, u16(blinded.length), ...blinded);
}

export function decodeIssuanceRequest(data: Uint8Array, elementLength: number): IssuanceRequest {
  const r = open(data);
  const keyId = r.take(KEY_ID_LENGTH);
  const attributes = readAttributes(r);
  const framed = data.slice(1 + KEY_ID_LENGTH, r.offset);
  const blinded = elements(r, batchCount(r), elementLength);
  r.end();
  return { keyId, attributes, framed, blinded };
}

/** 0x01 ‖ I2OSP(N, 2) ‖ N evaluated elements ‖ proof (c ‖ s, RFC 9497 §2.2.1). */
export function encodeIssuanceResponse(evaluated: readonly Uint8Array[], proof: Uint8Array): Uint8Array {
  return concat(Uint8Array.of(VERSION), u16(evaluated.length), ...evaluated, proof);
}

export function decodeIssuanceResponse(
  data: Uint8Array,
  count: number,
  elementLength: number,
  proofLength: number,
): { evaluated: Uint8Array[]; proof: Uint8Array } {
  const r = open(data);
  const evaluated = elements(r, batchCount(r, count), elementLength);
  const proof = r.take(proofLength);
  r.end();
  return { evaluated, proof };
}

/** 0x01 ‖ keyId(8) ‖ framed attributes ‖ input(32) ‖ tag(32). */
export function encodeToken(keyId: Uint8Array, framed: Uint8Array, input: Uint8Array, tag: Uint8Array): Uint8Array {
  return concat(Uint8Array.of(VERSION), keyId, framed, input, tag);
}

export function decodeToken(data: Uint8Array): Token {
  const r = open(data);
  const keyId = r.take(KEY_ID_LENGTH);
  const attributes = readAttributes(r);
  const framed = data.slice(1 + KEY_ID_LENGTH, r.offset);
  const input = r.take(INPUT_LENGTH);
  const tag = r.take(TAG_LENGTH);
  r.end();
  return { keyId, attributes, framed, input, tag };
}
