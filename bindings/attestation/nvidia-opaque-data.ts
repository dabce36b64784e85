// The OpaqueData of an NVIDIA GPU's SPDM MEASUREMENTS response (DSP0274 1.1 leaves its content to
// the responder): a sequence of fields, each a type (u16 LE), a length (u16 LE) and that many value
// bytes, filling OpaqueData exactly. The type ids are NVIDIA's (nvtrust, OPAQUE_FIELD_ID_*). Only
// framing and lengths are checked here, never the content of a value, so that a changed value byte
// is refused by the signature, not by this parser.
import { AttestationError } from './attestation-error.js';

/** NVIDIA's opaque data field types (OPAQUE_FIELD_ID_*). Unknown types are kept, undecoded. */
export const NVIDIA_OPAQUE = Object.freeze({
  CERT_ISSUER_NAME: 1,
  CERT_AUTHORITY_KEY_IDENTIFIER: 2,
  DRIVER_VERSION: 3,
  GPU_INFO: 4,
  SKU: 5,
  VBIOS_VERSION: 6,
  MANUFACTURER_ID: 7,
  TAMPER_DETECTION: 8,
  SMC: 9,
  VPR: 10,
  NVDEC0_STATUS: 11,
  MSRSCNT: 12,
  CPRINFO: 13,
  BOARD_ID: 14,
  CHIP_SKU: 15,
  CHIP_SKU_MOD: 16,
  PROJECT: 17,
  PROJECT_SKU: 18,
  PROJECT_SKU_MOD: 19,
  FWID: 20,
  PROTECTED_PCIE_STATUS: 21,
  SWITCH_PDI: 22,
  FLOORSWEPT_PORTS: 23,
  POSITION_ID: 24,
  LOCK_SWITCH_STATUS: 25,
  GPU_LINK_CONN: 32,
  SYS_ENABLE_STATUS: 33,
  OPAQUE_DATA_VERSION: 34,
  CHIP_INFO: 35,
  FEATURE_FLAG: 36,
});

/** The FWID is a SHA-384 digest, as in the leaf certificate's TCG DICE FWID extension. */
export const NVIDIA_FWID_SIZE = 48;
const VBIOS_VERSION_SIZE = 8;

/** One opaque data field: its type and value. */
export interface NvidiaOpaqueField {
  readonly type: number;
  readonly value: Uint8Array;
}

/** NVIDIA opaque data: every field, and the ones this library decodes. */
export interface NvidiaOpaqueData {
  /** Every field, in order; each type appears at most once. */
  readonly fields: readonly NvidiaOpaqueField[];
  /** DRIVER_VERSION: the ASCII text before the first NUL, e.g. "550.90.07". */
  readonly driverVersion?: string;
  /** VBIOS_VERSION, formatted as NVIDIA's tools do: e.g. "96.00.9f.00.01". */
  readonly vbiosVersion?: string;
  /** FWID (48 bytes). */
  readonly fwid?: Uint8Array;
  /** MSRSCNT: one u32 LE count per measurement index, from index 1. */
  readonly measurementCounts?: readonly number[];
  /** OPAQUE_DATA_VERSION (u16 LE in the vectors; up to 6 bytes accepted). */
  readonly opaqueDataVersion?: number;
}

const malformed = (): AttestationError => new AttestationError('MALFORMED');
const u16 = (data: Uint8Array, at: number): number => data[at]! | (data[at + 1]! << 8);

/** Parses NVIDIA opaque data; a field that overruns, a duplicate type or a bad length → MALFORMED. */
export function parseNvidiaOpaqueData(data: Uint8Array): NvidiaOpaqueData {
  const fields: NvidiaOpaqueField[] = [];
  const byType = new Map<number, Uint8Array>();
  let at = 0;
  while (at < data.length) {
    if (data.length - at < 4) throw malformed();
    const type = u16(data, at);
    const length = u16(data, at + 2);
    at += 4;
    if (data.length - at < length || byType.has(type)) throw malformed();
    const value = data.slice(at, at + length);
    at += length;
    fields.push({ type, value });
    byType.set(type, value);
  }

  const driver = byType.get(NVIDIA_OPAQUE.DRIVER_VERSION);
  const vbios = byType.get(NVIDIA_OPAQUE.VBIOS_VERSION);
  const fwid = byType.get(NVIDIA_OPAQUE.FWID);
  const counts = byType.get(NVIDIA_OPAQUE.MSRSCNT);
  const version = byType.get(NVIDIA_OPAQUE.OPAQUE_DATA_VERSION);
  if (vbios !== undefined && vbios.length !== VBIOS_VERSION_SIZE) throw malformed();
  if (fwid !== undefined && fwid.length !== NVIDIA_FWID_SIZE) throw malformed();
  if (counts !== undefined && counts.length % 4 !== 0) throw malformed();
  if (version !== undefined && (version.length === 0 || version.length > 6)) throw malformed();
  return {
    fields,
    ...(driver !== undefined ? { driverVersion: text(driver) } : {}),
    ...(vbios !== undefined ? { vbiosVersion: vbiosVersion(vbios) } : {}),
    ...(fwid !== undefined ? { fwid: fwid.slice() } : {}),
    ...(counts !== undefined ? { measurementCounts: littleEndianWords(counts) } : {}),
    ...(version !== undefined ? { opaqueDataVersion: littleEndian(version) } : {}),
  };
}

/** The bytes before the first NUL, one character per byte. */
function text(value: Uint8Array): string {
  let result = '';
  for (const byte of value) {
    if (byte === 0) break;
    result += String.fromCharCode(byte);
  }
  return result;
}

/**
 * The 8 VBIOS bytes as NVIDIA prints them: the u32 LE of bytes 0..3 as 8 hex digits, then byte 4,
 * dotted by byte: 00 9f 00 96 01 00 00 00 → "96.00.9f.00.01". Bytes 5..7 are not shown.
 */
function vbiosVersion(value: Uint8Array): string {
  const hex = (b: number): string => b.toString(16).padStart(2, '0');
  return [value[3]!, value[2]!, value[1]!, value[0]!, value[4]!].map(hex).join('.');
}

function littleEndianWords(value: Uint8Array): number[] {
  const words: number[] = [];
  for (let i = 0; i < value.length; i += 4) words.push(littleEndian(value.subarray(i, i + 4)));
  return words;
}

function littleEndian(value: Uint8Array): number {
  let n = 0;
  for (let i = value.length - 1; i >= 0; i--) n = n * 256 + value[i]!;
  return n;
}
