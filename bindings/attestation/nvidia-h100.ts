// NVIDIA H100 evidence checks that need no certificate: the response signature by the leaf (GSP
// FMC) key, the request nonce against the caller's, and the measurements against reference values.
// The leaf certificate's chain to NVIDIA's root, and its FWID extension against the evidence's, are
// nvidia-h100-verifier.ts's job, not this file's.
//
// Trailing bytes: the signature covers only the bytes before it, so anything after it is unsigned
// and may have been added by anyone. By default they are refused (MALFORMED); `allowTrailingZeros`
// accepts zero bytes only (a capture artefact seen in the wild), which are then dropped.
import { equalBytes } from '../utils/bytes.js';
import { p384 } from '../curves.js';
import { bytes, integer, objectArgument } from '../utils/arguments.js';
import { AttestationError } from './attestation-error.js';
import { H100_NONCE_SIZE, parseH100Evidence, type H100Evidence } from './nvidia-spdm.js';

/** Reference values: measurement index → the exact measurement value (digest) it must have. */
export type H100ReferenceMeasurements = ReadonlyMap<number, Uint8Array> | Readonly<Record<number, Uint8Array>>;

export interface H100EvidenceOptions {
  /** The leaf certificate's P-384 public key, SEC1 uncompressed (97 bytes). */
  readonly leafPublicKey: Uint8Array;
  /** The 32-byte nonce the caller put in the GET_MEASUREMENTS request. */
  readonly nonce: Uint8Array;
  /** Each index given must be measured, with exactly this value. */
  readonly referenceMeasurements?: H100ReferenceMeasurements;
  /** Accept zero bytes after the signature (default false: any trailing byte is MALFORMED). */
  readonly allowTrailingZeros?: boolean;
}

export interface H100VerifiedEvidence {
  readonly evidence: H100Evidence;
  /** The request nonce (equal to the caller's). */
  readonly nonce: Uint8Array;
  /** Measurement index → value (the digest), for every block. */
  readonly measurements: ReadonlyMap<number, Uint8Array>;
  readonly driverVersion: string;
  readonly vbiosVersion: string;
  /** FWID from the opaque data (48 bytes): compare with the leaf certificate's TCG DICE FWID. */
  readonly fwid: Uint8Array;
}

const PUBLIC_KEY_SIZE = 97;

/**
 * Verifies H100 evidence (bytes) with the leaf key; checks, in order: the layout (MALFORMED,
 * UNSUPPORTED), the signature (SIGNATURE), the request nonce (REPORT_DATA), the reference
 * measurements (POLICY). Evidence without a driver version, VBIOS version or FWID is MALFORMED.
 */
export function verifyH100Evidence(evidence: Uint8Array, options: H100EvidenceOptions): H100VerifiedEvidence {
  const { leafPublicKey, nonce, referenceMeasurements, allowTrailingZeros } = objectArgument(options, 'options');
  const key = bytes(leafPublicKey, 'leafPublicKey', PUBLIC_KEY_SIZE);
  const expectedNonce = bytes(nonce, 'nonce', H100_NONCE_SIZE);
  const references = referenceList(referenceMeasurements);
  if (allowTrailingZeros !== undefined && typeof allowTrailingZeros !== 'boolean') {
    throw new TypeError('"allowTrailingZeros" expected boolean');
  }

  const parsed = parseH100Evidence(evidence);
  if (parsed.trailing.length > 0 && (allowTrailingZeros !== true || parsed.trailing.some((b) => b !== 0))) {
    throw new AttestationError('MALFORMED');
  }
  const { driverVersion, vbiosVersion, fwid } = parsed.response.opaque;
  if (driverVersion === undefined || vbiosVersion === undefined || fwid === undefined) {
    throw new AttestationError('MALFORMED');
  }

  let valid: boolean;
  try {
    valid = p384.verify(parsed.signature, parsed.signed, key, { prehash: true, format: 'compact' });
  } catch {
    valid = false; // a key off the curve, or r or s out of range
  }
  if (!valid) throw new AttestationError('SIGNATURE');
  if (!equalBytes(parsed.request.nonce, expectedNonce)) throw new AttestationError('REPORT_DATA');

  const measurements = new Map(parsed.response.blocks.map((block) => [block.index, block.value] as const));
  for (const [index, value] of references) {
    const measured = measurements.get(index);
    if (measured === undefined || !equalBytes(measured, value)) throw new AttestationError('POLICY');
  }
  return { evidence: parsed, nonce: parsed.request.nonce, measurements, driverVersion, vbiosVersion, fwid };
}

/** The reference measurements as checked [index, value] pairs (indices 1..254, as SPDM 1.1 allows). */
function referenceList(references: H100ReferenceMeasurements | undefined): [number, Uint8Array][] {
  if (references === undefined) return [];
  const entries: [unknown, unknown][] =
    references instanceof Map
      ? [...references.entries()]
      : Object.entries(objectArgument(references, 'referenceMeasurements')).map(([k, v]) => [
          String(Number(k)) === k ? Number(k) : k,
          v,
        ]);
  return entries.map(([index, value]) => [
    integer(index, 'referenceMeasurements index', 1, 254),
    bytes(value, `referenceMeasurements[${String(index)}]`),
  ]);
}
