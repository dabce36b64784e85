// AMD SEV-SNP attestation reports (SEV Secure Nested Paging Firmware ABI, AMD 56860, Table
// "ATTESTATION_REPORT Structure"), versions 2, 3 and 5: 1184 bytes, little-endian, at fixed offsets.
// The length is checked first, so every read below is in bounds; reserved bytes must be zero.
import { bytes } from '../utils/arguments.js';
import { AttestationError } from './attestation-error.js';

export const SEV_SNP_REPORT_SIZE = 0x4a0;
/** The signed part: bytes 0x000..0x29F. */
export const SEV_SNP_SIGNED_SIZE = 0x2a0;
/** SIGNATURE_ALGO 1: ECDSA P-384 with SHA-384. */
export const SEV_SNP_ECDSA_P384_SHA384 = 1;
const VERSIONS: readonly number[] = [2, 3, 5];
/** CPUID family of Turin (Zen 5), whose TCB_VERSION layout differs. */
const FAMILY_TURIN = 0x1a;

/** TCB_VERSION: security patch levels. `fmc` exists on Turin only. */
export interface SevSnpTcb {
  readonly bootloader: number;
  readonly tee: number;
  readonly snp: number;
  readonly microcode: number;
  readonly fmc?: number;
  /** The 8 bytes as in the report. */
  readonly raw: Uint8Array;
}

/** The guest policy (POLICY, 64 bits). */
export interface SevSnpPolicy {
  readonly value: bigint;
  readonly abiMinor: number;
  readonly abiMajor: number;
  /** Bit 16: SMT allowed. */
  readonly smt: boolean;
  /** Bit 18: a migration agent may be associated. */
  readonly migrateMa: boolean;
  /** Bit 19: the guest may be debugged. */
  readonly debug: boolean;
  /** Bit 20: single socket only. */
  readonly singleSocket: boolean;
}

/** PLATFORM_INFO of a report: the raw value and its flags. */
export interface SevSnpPlatformInfo {
  readonly value: bigint;
  readonly smtEnabled: boolean;
  readonly tsmeEnabled: boolean;
}

/** Which key signed the report (flags bits 4:2). */
export type SevSnpSigningKey = 'VCEK' | 'VLEK' | 'NONE';

/** The fields of an SEV-SNP attestation report (SEV-SNP Firmware ABI, Table 23). */
export interface SevSnpReport {
  readonly version: number;
  readonly guestSvn: number;
  readonly policy: SevSnpPolicy;
  readonly familyId: Uint8Array;
  readonly imageId: Uint8Array;
  readonly vmpl: number;
  readonly signatureAlgo: number;
  readonly currentTcb: SevSnpTcb;
  readonly platformInfo: SevSnpPlatformInfo;
  readonly authorKeyEn: boolean;
  readonly maskChipKey: boolean;
  readonly signingKey: SevSnpSigningKey;
  readonly reportData: Uint8Array;
  readonly measurement: Uint8Array;
  readonly hostData: Uint8Array;
  readonly idKeyDigest: Uint8Array;
  readonly authorKeyDigest: Uint8Array;
  readonly reportId: Uint8Array;
  readonly reportIdMa: Uint8Array;
  readonly reportedTcb: SevSnpTcb;
  /** CPUID family, model, stepping (version 3 and later; zero before). */
  readonly cpuid: { readonly family: number; readonly model: number; readonly stepping: number };
  readonly chipId: Uint8Array;
  readonly committedTcb: SevSnpTcb;
  readonly currentVersion: { readonly build: number; readonly minor: number; readonly major: number };
  readonly committedVersion: { readonly build: number; readonly minor: number; readonly major: number };
  readonly launchTcb: SevSnpTcb;
  /** LAUNCH_MIT_VECTOR and CURRENT_MIT_VECTOR (version 5 and later). */
  readonly launchMitVector?: bigint;
  readonly currentMitVector?: bigint;
  /** R and S as 72-byte little-endian values, as in the report. */
  readonly signature: { readonly r: Uint8Array; readonly s: Uint8Array };
  /** The signed bytes 0x000..0x29F (a copy). */
  readonly signed: Uint8Array;
}

const malformed = (): AttestationError => new AttestationError('MALFORMED');

/** Parses an SEV-SNP attestation report; throws AttestationError MALFORMED or UNSUPPORTED. */
export function parseSevSnpReport(report: Uint8Array): SevSnpReport {
  const data = new Uint8Array(bytes(report, 'report'));
  if (data.length !== SEV_SNP_REPORT_SIZE) throw malformed();
  const view = new DataView(data.buffer);
  const u32 = (at: number): number => view.getUint32(at, true);
  const u64 = (at: number): bigint => view.getBigUint64(at, true);
  const take = (at: number, length: number): Uint8Array => data.slice(at, at + length);
  const zero = (from: number, to: number): void => {
    for (let i = from; i < to; i++) if (data[i] !== 0) throw malformed();
  };

  const version = u32(0x00);
  if (!VERSIONS.includes(version)) throw new AttestationError('UNSUPPORTED');
  const signatureAlgo = u32(0x34);
  if (signatureAlgo !== SEV_SNP_ECDSA_P384_SHA384) throw new AttestationError('UNSUPPORTED');

  const flags = u32(0x48);
  if (flags >>> 5 !== 0) throw malformed();
  const keySelect = (flags >>> 2) & 7;
  const signingKey: SevSnpSigningKey = keySelect === 0 ? 'VCEK' : keySelect === 1 ? 'VLEK' : 'NONE';
  if (keySelect !== 0 && keySelect !== 1 && keySelect !== 7) throw malformed();

  const vmpl = u32(0x30);
  if (vmpl > 3) throw malformed();

  const policyValue = u64(0x08);
  // Bit 17 is reserved and must be one; bits 26..63 are reserved and must be zero.
  if (((policyValue >> 17n) & 1n) !== 1n || policyValue >> 26n !== 0n) throw malformed();
  const policyBit = (bit: bigint): boolean => ((policyValue >> bit) & 1n) === 1n;
  const policy: SevSnpPolicy = {
    value: policyValue,
    abiMinor: Number(policyValue & 0xffn),
    abiMajor: Number((policyValue >> 8n) & 0xffn),
    smt: policyBit(16n),
    migrateMa: policyBit(18n),
    debug: policyBit(19n),
    singleSocket: policyBit(20n),
  };

  const platformValue = u64(0x40);
  const platformInfo: SevSnpPlatformInfo = {
    value: platformValue,
    smtEnabled: (platformValue & 1n) === 1n,
    tsmeEnabled: (platformValue & 2n) === 2n,
  };

  const cpuid =
    version >= 3
      ? { family: data[0x188]!, model: data[0x189]!, stepping: data[0x18a]! }
      : { family: 0, model: 0, stepping: 0 };
  const turin = cpuid.family === FAMILY_TURIN;
  const tcb = (at: number): SevSnpTcb => {
    const raw = take(at, 8);
    return turin
      ? { fmc: raw[0]!, bootloader: raw[1]!, tee: raw[2]!, snp: raw[3]!, microcode: raw[7]!, raw }
      : { bootloader: raw[0]!, tee: raw[1]!, snp: raw[6]!, microcode: raw[7]!, raw };
  };

  // Reserved: after the flags word, after CPUID (or all of it before version 3), the bytes after
  // the two firmware versions, after LAUNCH_TCB (or the mitigation vectors), and after R and S.
  zero(0x4c, 0x50);
  zero(version >= 3 ? 0x18b : 0x188, 0x1a0);
  zero(0x1eb, 0x1ec);
  zero(0x1ef, 0x1f0);
  zero(version >= 5 ? 0x208 : 0x1f8, SEV_SNP_SIGNED_SIZE);
  zero(0x330, SEV_SNP_REPORT_SIZE);

  return {
    version,
    guestSvn: u32(0x04),
    policy,
    familyId: take(0x10, 16),
    imageId: take(0x20, 16),
    vmpl,
    signatureAlgo,
    currentTcb: tcb(0x38),
    platformInfo,
    authorKeyEn: (flags & 1) === 1,
    maskChipKey: (flags & 2) === 2,
    signingKey,
    reportData: take(0x50, 64),
    measurement: take(0x90, 48),
    hostData: take(0xc0, 32),
    idKeyDigest: take(0xe0, 48),
    authorKeyDigest: take(0x110, 48),
    reportId: take(0x140, 32),
    reportIdMa: take(0x160, 32),
    reportedTcb: tcb(0x180),
    cpuid,
    chipId: take(0x1a0, 64),
    committedTcb: tcb(0x1e0),
    currentVersion: { build: data[0x1e8]!, minor: data[0x1e9]!, major: data[0x1ea]! },
    committedVersion: { build: data[0x1ec]!, minor: data[0x1ed]!, major: data[0x1ee]! },
    launchTcb: tcb(0x1f0),
    ...(version >= 5 ? { launchMitVector: u64(0x1f8), currentMitVector: u64(0x200) } : {}),
    signature: { r: take(0x2a0, 72), s: take(0x2e8, 72) },
    signed: take(0, SEV_SNP_SIGNED_SIZE),
  };
}
