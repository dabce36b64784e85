// NVIDIA H100 attestation evidence: an SPDM 1.1 GET_MEASUREMENTS request followed by its signed
// MEASUREMENTS response (DMTF DSP0274 1.1.x, "GET_MEASUREMENTS request and MEASUREMENTS response
// messages"), as NVIDIA's drivers return it. The signature is ECDSA P-384 (r ‖ s, 96 bytes) over
// every byte before it (the L1/L2 transcript of SPDM 1.0/1.1: request ‖ response without signature).
//
// Every length is checked before the read it guards. Error codes, consistently:
//   UNSUPPORTED  an SPDMVersion other than 0x11 (1.2 and later sign a different transcript), or a
//                request that asks for no signature (there is then nothing to verify).
//   MALFORMED    anything else that breaks the layout: a wrong request or response code, a length
//                that overruns or leaves bytes unread inside the response, set reserved bits, a
//                block index 0, 0xFF or repeated, a measurement that is not in DMTF format, a block
//                count that disagrees with the record, opaque data longer than 1024 bytes.
// Bytes after the signature are not part of the evidence: the parser reports them (`trailing`)
// and never reads them; the verifier refuses them unless told otherwise (see nvidia-h100.ts).
import { bytes } from '../utils/arguments.js';
import { AttestationError } from './attestation-error.js';
import { parseNvidiaOpaqueData, type NvidiaOpaqueData } from './nvidia-opaque-data.js';

export const SPDM_VERSION_1_1 = 0x11;
export const SPDM_GET_MEASUREMENTS = 0xe0;
export const SPDM_MEASUREMENTS = 0x60;
/** Request: SPDMVersion, code, Param1, Param2, Nonce[32], SlotIDParam. */
export const H100_REQUEST_SIZE = 37;
export const H100_NONCE_SIZE = 32;
/** ECDSA P-384 r ‖ s. */
export const H100_SIGNATURE_SIZE = 96;
/** Param2 of the request: all measurement indices. */
export const SPDM_ALL_MEASUREMENTS = 0xff;
/** DSP0274 1.1 caps OpaqueLength at 1024. */
const MAX_OPAQUE_LENGTH = 1024;
/** MeasurementSpecification bit 0: the DMTF measurement format. */
const SPEC_DMTF = 0x01;
/** DMTFSpecMeasurementValueType bit 7: a raw bit stream, not a digest. */
const RAW_BIT_STREAM = 0x80;

/** The SPDM GET_MEASUREMENTS request inside H100 evidence. */
export interface H100Request {
  readonly version: number;
  readonly code: number;
  readonly param1: number;
  /** Param2: the measurement operation (0 = count only, 0xFF = all, else one index). */
  readonly param2: number;
  /** The requester's nonce (32 bytes): the caller's freshness value. */
  readonly nonce: Uint8Array;
  /** SlotIDParam bits 3:0: the certificate slot asked to sign. */
  readonly slotId: number;
}

/** One measurement block in DMTF format. */
export interface SpdmMeasurementBlock {
  readonly index: number;
  /** MeasurementSpecification (always 0x01, DMTF, here). */
  readonly specification: number;
  /** MeasurementSize: 3 + the value's length. */
  readonly size: number;
  /** DMTFSpecMeasurementValueType: bits 6:0 the component kind, bit 7 raw bit stream. */
  readonly valueType: number;
  /** Bit 7 of the value type clear: `value` is a digest. */
  readonly digest: boolean;
  /** DMTFSpecMeasurementValue: the digest (48 bytes for SHA-384) or the raw bit stream. */
  readonly value: Uint8Array;
}

/** The SPDM MEASUREMENTS response inside H100 evidence. */
export interface H100Response {
  readonly version: number;
  readonly code: number;
  /** Param1: the number of indices when the request's Param2 was 0, reserved otherwise. */
  readonly param1: number;
  readonly param2: number;
  /** Param2 bits 3:0: the slot whose certificate chain signed. */
  readonly slotId: number;
  readonly numberOfBlocks: number;
  /** MeasurementRecordLength (u24 LE). */
  readonly recordLength: number;
  readonly blocks: readonly SpdmMeasurementBlock[];
  /** The responder's nonce (32 bytes). */
  readonly nonce: Uint8Array;
  readonly opaqueLength: number;
  /** OpaqueData as sent. */
  readonly opaqueData: Uint8Array;
  /** OpaqueData as NVIDIA's fields. */
  readonly opaque: NvidiaOpaqueData;
}

/** H100 evidence, parsed: request, response and signature. */
export interface H100Evidence {
  readonly request: H100Request;
  readonly response: H100Response;
  /** r ‖ s, 96 bytes. */
  readonly signature: Uint8Array;
  /** Every byte before the signature: what the signature covers (a copy). */
  readonly signed: Uint8Array;
  /** How many input bytes the evidence takes: signed.length + 96. */
  readonly length: number;
  /** Bytes after the signature: not covered by it, not read (a copy; usually empty). */
  readonly trailing: Uint8Array;
}

const malformed = (): AttestationError => new AttestationError('MALFORMED');

/** Parses H100 evidence; throws AttestationError MALFORMED or UNSUPPORTED, TypeError for a non-Uint8Array. */
export function parseH100Evidence(evidence: Uint8Array): H100Evidence {
  const data = new Uint8Array(bytes(evidence, 'evidence'));
  let at = 0;
  const need = (length: number): number => {
    if (data.length - at < length) throw malformed();
    return (at += length) - length;
  };
  const u8 = (): number => data[need(1)]!;
  const u16 = (): number => {
    const p = need(2);
    return data[p]! | (data[p + 1]! << 8);
  };
  const take = (length: number): Uint8Array => {
    const p = need(length);
    return data.slice(p, p + length);
  };

  // GET_MEASUREMENTS request. Param1 bit 0 asks for a signature (and brings Nonce and SlotIDParam);
  // its other bits are reserved in 1.1, as are SlotIDParam bits 7:4.
  const request = header(u8, SPDM_GET_MEASUREMENTS);
  if ((request.param1 & 1) === 0) throw new AttestationError('UNSUPPORTED');
  if (request.param1 !== 1) throw malformed();
  const requestNonce = take(H100_NONCE_SIZE);
  const slotParam = u8();
  if (slotParam >>> 4 !== 0) throw malformed();

  // MEASUREMENTS response (version 0x11 too); Param2 bits 7:4 reserved, bits 3:0 the request's slot.
  const response = header(u8, SPDM_MEASUREMENTS);
  if (response.param2 >>> 4 !== 0 || (response.param2 & 0x0f) !== slotParam) throw malformed();
  const numberOfBlocks = u8();
  const recordLength = u8() | (u8() << 8) | (u8() << 16);
  if (data.length - at < recordLength) throw malformed();
  const recordEnd = at + recordLength;
  const blocks: SpdmMeasurementBlock[] = [];
  const seen = new Set<number>();
  for (let i = 0; i < numberOfBlocks; i++) {
    const block = measurementBlock(u8, u16, take, () => recordEnd - at);
    if (block.index === 0 || block.index === 0xff || seen.has(block.index)) throw malformed();
    seen.add(block.index);
    blocks.push(block);
  }
  if (at !== recordEnd) throw malformed();
  const responseNonce = take(H100_NONCE_SIZE);
  const opaqueLength = u16();
  if (opaqueLength > MAX_OPAQUE_LENGTH) throw malformed();
  const opaqueData = take(opaqueLength);
  const opaque = parseNvidiaOpaqueData(opaqueData);
  const signedLength = at;
  const signature = take(H100_SIGNATURE_SIZE);

  return {
    request: { ...request, nonce: requestNonce, slotId: slotParam },
    response: {
      ...response,
      slotId: response.param2 & 0x0f,
      numberOfBlocks,
      recordLength,
      blocks,
      nonce: responseNonce,
      opaqueLength,
      opaqueData,
      opaque,
    },
    signature,
    signed: data.slice(0, signedLength),
    length: at,
    trailing: data.slice(at),
  };
}

/** SPDM message header: SPDMVersion, RequestResponseCode, Param1, Param2. */
function header(u8: () => number, code: number) {
  const version = u8();
  if (version !== SPDM_VERSION_1_1) throw new AttestationError('UNSUPPORTED');
  const actual = u8();
  if (actual !== code) throw malformed();
  return { version, code, param1: u8(), param2: u8() };
}

/** A measurement block (Index, MeasurementSpecification, MeasurementSize u16 LE, Measurement) whose
 * Measurement is in DMTF format (value type, value size u16 LE, value), inside `left()` bytes. */
function measurementBlock(
  u8: () => number,
  u16: () => number,
  take: (length: number) => Uint8Array,
  left: () => number,
): SpdmMeasurementBlock {
  if (left() < 4) throw malformed();
  const index = u8();
  const specification = u8();
  const size = u16();
  if (specification !== SPEC_DMTF || size < 3 || left() < size) throw malformed();
  const valueType = u8();
  const valueSize = u16();
  if (valueSize !== size - 3) throw malformed();
  return { index, specification, size, valueType, digest: (valueType & RAW_BIT_STREAM) === 0, value: take(valueSize) };
}
