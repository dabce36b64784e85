// The versioned binary messages of oblivia-acs-v1 (docs/credentials.md §Wire formats). Decoding is
// strict: every length checked, no trailing bytes; failures are CredentialError codes.
import { concatBytes } from '@noble/hashes/utils.js';
import { readAttributes, type CredentialAttributes } from './attributes.js';
import { CredentialError } from './errors.js';
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

const u16 = (n: number) => Uint8Array.of(n >> 8, n & 0xff);

/** Checks the version byte; MALFORMED if empty, VERSION if not 1. */
function version(data: Uint8Array): void {
  if (!(data instanceof Uint8Array) || data.length === 0) throw new CredentialError('MALFORMED');
  if (data[0] !== VERSION) throw new CredentialError('VERSION');
}

/** A batch count at `at`: BATCH unless 1 … MAX_BATCH (and `expected`, if given). */
function batchCount(data: Uint8Array, at: number, expected?: number): number {
  if (at + 2 > data.length) throw new CredentialError('MALFORMED');
  const n = (data[at]! << 8) | data[at + 1]!;
  if (n < 1 || n > MAX_BATCH || (expected !== undefined && n !== expected)) throw new CredentialError('BATCH');
  return n;
}

function elements(data: Uint8Array, at: number, n: number, length: number): Uint8Array[] {
  return Array.from({ length: n }, (_, i) => data.slice(at + i * length, at + (i + 1) * length));
}

/** 0x01 ‖ keyId(8) ‖ framed attributes ‖ I2OSP(N, 2) ‖ N blinded elements. */
export function encodeIssuanceRequest(keyId: Uint8Array, framed: Uint8Array, blinded: readonly Uint8Array[]): Uint8Array {
  return concatBytes(Uint8Array.of(VERSION), keyId, framed, u16(blinded.length), ...blinded);
}

export function decodeIssuanceRequest(data: Uint8Array, elementLength: number): IssuanceRequest {
  version(data);
  if (data.length < 1 + KEY_ID_LENGTH) throw new CredentialError('MALFORMED');
  const keyId = data.slice(1, 1 + KEY_ID_LENGTH);
  const { attributes, end } = readAttributes(data, 1 + KEY_ID_LENGTH);
  const n = batchCount(data, end);
  if (data.length !== end + 2 + n * elementLength) throw new CredentialError('MALFORMED');
  return { keyId, attributes, framed: data.slice(1 + KEY_ID_LENGTH, end), blinded: elements(data, end + 2, n, elementLength) };
}

/** 0x01 ‖ I2OSP(N, 2) ‖ N evaluated elements ‖ proof (c ‖ s, RFC 9497 §2.2.1). */
export function encodeIssuanceResponse(evaluated: readonly Uint8Array[], proof: Uint8Array): Uint8Array {
  return concatBytes(Uint8Array.of(VERSION), u16(evaluated.length), ...evaluated, proof);
}

export function decodeIssuanceResponse(
  data: Uint8Array,
  count: number,
  elementLength: number,
  proofLength: number,
): { evaluated: Uint8Array[]; proof: Uint8Array } {
  version(data);
  const n = batchCount(data, 1, count);
  const end = 3 + n * elementLength;
  if (data.length !== end + proofLength) throw new CredentialError('MALFORMED');
  return { evaluated: elements(data, 3, n, elementLength), proof: data.slice(end) };
}

/** 0x01 ‖ keyId(8) ‖ framed attributes ‖ input(32) ‖ tag(32). */
export function encodeToken(keyId: Uint8Array, framed: Uint8Array, input: Uint8Array, tag: Uint8Array): Uint8Array {
  return concatBytes(Uint8Array.of(VERSION), keyId, framed, input, tag);
}

export function decodeToken(data: Uint8Array): Token {
  version(data);
  if (data.length < 1 + KEY_ID_LENGTH) throw new CredentialError('MALFORMED');
  const { attributes, end } = readAttributes(data, 1 + KEY_ID_LENGTH);
  if (data.length !== end + INPUT_LENGTH + TAG_LENGTH) throw new CredentialError('MALFORMED');
  return {
    keyId: data.slice(1, 1 + KEY_ID_LENGTH),
    attributes,
    framed: data.slice(1 + KEY_ID_LENGTH, end),
    input: data.slice(end, end + INPUT_LENGTH),
    tag: data.slice(end + INPUT_LENGTH),
  };
}
