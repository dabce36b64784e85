// Writes an AMD SEV-SNP ATTESTATION_REPORT (AMD 56860, Table "ATTESTATION_REPORT Structure") the way
// the firmware does: 1184 bytes, little-endian, every field at its offset, reserved bytes zero; then
// signs bytes 0x000..0x29F with ECDSA P-384/SHA-384 and writes R and S as 72-byte little-endian values
// (56860, "ECDSA P-384 with SHA-384 Signature"). The layout is the one sev-snp-report.ts parses.
import { p384 } from '../curves.js';
import {
  SEV_SNP_ECDSA_P384_SHA384,
  SEV_SNP_REPORT_SIZE,
  SEV_SNP_SIGNED_SIZE,
  type SevSnpReport,
} from './sev-snp-report.js';
import type { SevSnpSimTcb } from './sev-snp-sim-chain.js';

/** CPUID family of Turin (Zen 5): its TCB_VERSION puts FMC first (56860, "TCB_VERSION"). */
const FAMILY_TURIN = 0x1a;

/** The simulated firmware's version, as a report states it. */
export interface SimFirmwareVersion {
  readonly major: number;
  readonly minor: number;
  readonly build: number;
}

/** Every field of the report, already checked; the byte fields and their names are the parser's. */
export interface SimReportFields extends Pick<
  SevSnpReport,
  | 'version'
  | 'guestSvn'
  | 'familyId'
  | 'imageId'
  | 'vmpl'
  | 'authorKeyEn'
  | 'reportData'
  | 'measurement'
  | 'hostData'
  | 'idKeyDigest'
  | 'authorKeyDigest'
  | 'reportId'
  | 'reportIdMa'
  | 'cpuid'
  | 'chipId'
> {
  readonly policy: bigint;
  readonly tcb: SevSnpSimTcb;
  readonly platformInfo: bigint;
  readonly firmware: SimFirmwareVersion;
  readonly launchMitVector: bigint;
  readonly currentMitVector: bigint;
}

/** TCB_VERSION: Milan and Genoa [bl, tee, 0, 0, 0, 0, snp, ucode]; Turin [fmc, bl, tee, snp, 0, 0, 0, ucode]. */
export function tcbBytes(tcb: SevSnpSimTcb, family: number): Uint8Array {
  return family === FAMILY_TURIN
    ? Uint8Array.of(tcb.fmc ?? 0, tcb.bootloader, tcb.tee, tcb.snp, 0, 0, 0, tcb.microcode)
    : Uint8Array.of(tcb.bootloader, tcb.tee, 0, 0, 0, 0, tcb.snp, tcb.microcode);
}

/** The signed report; `secretKey` is the VCEK's P-384 scalar. */
export function writeSimReport(f: SimReportFields, secretKey: Uint8Array): Uint8Array {
  const report = new Uint8Array(SEV_SNP_REPORT_SIZE);
  const view = new DataView(report.buffer);
  const u32 = (at: number, value: number): void => view.setUint32(at, value, true);
  const u64 = (at: number, value: bigint): void => view.setBigUint64(at, value, true);
  const tcb = tcbBytes(f.tcb, f.cpuid.family);

  u32(0x00, f.version);
  u32(0x04, f.guestSvn);
  u64(0x08, f.policy);
  report.set(f.familyId, 0x10);
  report.set(f.imageId, 0x20);
  u32(0x30, f.vmpl);
  u32(0x34, SEV_SNP_ECDSA_P384_SHA384);
  report.set(tcb, 0x38); // CURRENT_TCB
  u64(0x40, f.platformInfo);
  // Bit 0 AUTHOR_KEY_EN; bit 1 MASK_CHIP_KEY (0); bits 4:2 SIGNING_KEY, 0 = VCEK.
  u32(0x48, f.authorKeyEn ? 1 : 0);
  report.set(f.reportData, 0x50);
  report.set(f.measurement, 0x90);
  report.set(f.hostData, 0xc0);
  report.set(f.idKeyDigest, 0xe0);
  report.set(f.authorKeyDigest, 0x110);
  report.set(f.reportId, 0x140);
  report.set(f.reportIdMa, 0x160);
  report.set(tcb, 0x180); // REPORTED_TCB: what the VCEK certifies
  if (f.version >= 3) report.set([f.cpuid.family, f.cpuid.model, f.cpuid.stepping], 0x188);
  report.set(f.chipId, 0x1a0);
  report.set(tcb, 0x1e0); // COMMITTED_TCB
  report.set([f.firmware.build, f.firmware.minor, f.firmware.major], 0x1e8); // CURRENT_BUILD/MINOR/MAJOR
  report.set([f.firmware.build, f.firmware.minor, f.firmware.major], 0x1ec); // COMMITTED_*
  report.set(tcb, 0x1f0); // LAUNCH_TCB
  if (f.version >= 5) {
    u64(0x1f8, f.launchMitVector);
    u64(0x200, f.currentMitVector);
  }

  const signature = p384.sign(report.subarray(0, SEV_SNP_SIGNED_SIZE), secretKey, {
    prehash: true,
    format: 'compact',
  });
  // R and S: 48 big-endian bytes each → little-endian in 72-byte fields, zero above.
  report.set(signature.subarray(0, 48).reverse(), 0x2a0);
  report.set(signature.subarray(48, 96).reverse(), 0x2e8);
  signature.fill(0);
  return report;
}
