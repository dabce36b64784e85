// The SEV-SNP report signature: ECDSA P-384/SHA-384 over bytes 0x000..0x29F by the VCEK (or VLEK),
// whose key and claims come from its X.509 certificate (AMD VCEK certificate spec 57230). The
// certificate's own chain (ASK/ASVK ← ARK) and validity are checked elsewhere, not here.
import { equalBytes } from '../utils/bytes.js';
import { p384 } from '../curves.js';
import { AttestationError } from './attestation-error.js';
import { parseSevSnpReport, type SevSnpReport, type SevSnpTcb } from './sev-snp-report.js';
import { decodeAsn1, parseCertificate, type X509Certificate } from './x509.js';
import * as asn1js from 'asn1js';

const OID_BL_SPL = '1.3.6.1.4.1.3704.1.3.1';
const OID_TEE_SPL = '1.3.6.1.4.1.3704.1.3.2';
const OID_SNP_SPL = '1.3.6.1.4.1.3704.1.3.3';
const OID_UCODE_SPL = '1.3.6.1.4.1.3704.1.3.8';
const OID_FMC_SPL = '1.3.6.1.4.1.3704.1.3.9';
const OID_HW_ID = '1.3.6.1.4.1.3704.1.4';
const OID_CSP_ID = '1.3.6.1.4.1.3704.1.5';

/** What a VCEK or VLEK certificate says about the key it certifies. */
export interface SevSnpSigner {
  readonly kind: 'VCEK' | 'VLEK';
  /** The P-384 public key, SEC1 uncompressed (97 bytes). */
  readonly publicKey: Uint8Array;
  readonly tcb: {
    readonly bootloader: number;
    readonly tee: number;
    readonly snp: number;
    readonly microcode: number;
    readonly fmc?: number;
  };
  /** hwID (64 bytes): VCEKs only. */
  readonly hwId?: Uint8Array;
  /** The parsed certificate, for the chain check. */
  readonly certificate: X509Certificate;
}

const malformed = (cause?: unknown): AttestationError => new AttestationError('MALFORMED', { cause });

/** Reads a VCEK or VLEK certificate (DER); AMD's serial number 0 is accepted. */
export function parseSevSnpSigner(der: Uint8Array): SevSnpSigner {
  return sevSnpSigner(parseCertificate(der));
}

/** The signer a parsed VCEK or VLEK certificate describes. */
export function sevSnpSigner(certificate: X509Certificate): SevSnpSigner {
  const key = certificate.publicKey;
  if (key.type !== 'ec' || key.curve !== 'P-384') throw new AttestationError('UNSUPPORTED');
  const publicKey = key.point;
  const extensions = certificate.extensions;
  const spl = (oid: string): number => {
    const value = extensions.get(oid);
    if (value === undefined) throw malformed();
    return integer(value);
  };
  const fmc = extensions.has(OID_FMC_SPL) ? { fmc: spl(OID_FMC_SPL) } : {};
  const tcb = {
    bootloader: spl(OID_BL_SPL),
    tee: spl(OID_TEE_SPL),
    snp: spl(OID_SNP_SPL),
    microcode: spl(OID_UCODE_SPL),
    ...fmc,
  };
  const hwId = extensions.get(OID_HW_ID);
  // A VCEK carries hwID (the raw 64 bytes as the extension value); a VLEK carries csp_id instead.
  if (hwId !== undefined) {
    if (hwId.length !== 64 || extensions.has(OID_CSP_ID)) throw malformed();
    return { kind: 'VCEK', publicKey, tcb, hwId, certificate };
  }
  if (!extensions.has(OID_CSP_ID)) throw malformed();
  return { kind: 'VLEK', publicKey, tcb, certificate };
}

/**
 * Verifies the report signature with the VCEK/VLEK certificate `signerCertificate` (DER), then
 * that the certificate is this report's signer: its kind is the report's SIGNING_KEY, its hwID is
 * CHIP_ID (VCEK) and its SPL extensions are REPORTED_TCB. Returns the parsed report.
 * Throws AttestationError: SIGNATURE, CHAIN (kind or chip), TCB, MALFORMED, UNSUPPORTED.
 */
export function verifySevSnpReportSignature(
  report: Uint8Array | SevSnpReport,
  signerCertificate: Uint8Array | SevSnpSigner,
): SevSnpReport {
  const parsed = report instanceof Uint8Array ? parseSevSnpReport(report) : report;
  const signer = signerCertificate instanceof Uint8Array ? parseSevSnpSigner(signerCertificate) : signerCertificate;
  if (parsed.signingKey === 'NONE' || parsed.maskChipKey) throw new AttestationError('UNSUPPORTED');
  if (parsed.signingKey !== signer.kind) throw new AttestationError('CHAIN');

  const signature = new Uint8Array(96);
  signature.set(bigEndian48(parsed.signature.r), 0);
  signature.set(bigEndian48(parsed.signature.s), 48);
  let valid: boolean;
  try {
    valid = p384.verify(signature, parsed.signed, signer.publicKey, { prehash: true, format: 'compact' });
  } catch {
    valid = false; // a key off the curve, or r or s out of range
  }
  if (!valid) throw new AttestationError('SIGNATURE');

  if (signer.kind === 'VCEK' && !equalBytes(parsed.chipId, signer.hwId!)) throw new AttestationError('CHAIN');
  if (!sameTcb(parsed.reportedTcb, signer.tcb)) throw new AttestationError('TCB');
  return parsed;
}

/** A 72-byte little-endian R or S → 48 bytes big-endian; the high 24 bytes must be zero. */
function bigEndian48(littleEndian: Uint8Array): Uint8Array {
  if (littleEndian.length !== 72) throw malformed();
  for (let i = 48; i < 72; i++) if (littleEndian[i] !== 0) throw malformed();
  return littleEndian.slice(0, 48).reverse();
}

function sameTcb(reported: SevSnpTcb, certified: SevSnpSigner['tcb']): boolean {
  return (
    reported.bootloader === certified.bootloader &&
    reported.tee === certified.tee &&
    reported.snp === certified.snp &&
    reported.microcode === certified.microcode &&
    reported.fmc === certified.fmc
  );
}

/** A DER INTEGER that is the whole of `value`, from 0 to 255 (an SPL is one byte in the report). */
function integer(value: Uint8Array): number {
  const result = decodeAsn1(value);
  if (!(result instanceof asn1js.Integer)) throw malformed();
  const n = result.valueBlock.valueDec;
  if (!Number.isSafeInteger(n) || n < 0 || n > 255) throw malformed();
  return n;
}
