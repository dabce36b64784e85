// What a relying party accepts of a verified SEV-SNP report (AMD 56860 §4.3 guest policy, §7.3 report
// fields). Defaults fail closed: no debug, no migration agent. A policy is checked once, when a
// verifier is made; the report is checked on every verification.
import { equalBytes } from '../utils/bytes.js';
import { bytes, describe, integer, optionsArgument } from '../utils/arguments.js';
import { AttestationError } from './attestation-error.js';
import type { SevSnpReport, SevSnpTcb } from './sev-snp-report.js';

/** The lowest security version of each TCB component a policy accepts. */
export interface SevSnpMinimumTcb {
  readonly bootloader?: number;
  readonly tee?: number;
  readonly snp?: number;
  readonly microcode?: number;
  readonly fmc?: number;
}

/** The relying party's SEV-SNP policy: measurements, minimum TCB, debug and migration, and more. */
export interface SevSnpPolicyOptions {
  /** Accept a guest whose policy allows debugging (default false: DEBUG). */
  readonly allowDebug?: boolean;
  /** Accept a guest that may have a migration agent (default false: POLICY). */
  readonly allowMigrationAgent?: boolean;
  /** Accept a guest on a host with SMT enabled (default true; false: POLICY). */
  readonly allowSmt?: boolean;
  /** The VMPL the report must come from (default: any). */
  readonly vmpl?: number;
  /** Each REPORTED_TCB component must be at least this (else TCB). */
  readonly minimumTcb?: SevSnpMinimumTcb;
  readonly minimumGuestSvn?: number;
  /** Accepted launch MEASUREMENTs (48 bytes each; default: any). */
  readonly measurements?: readonly Uint8Array[];
  /** Accepted FAMILY_ID and IMAGE_ID values of the ID block (16 bytes each; default: any). */
  readonly familyIds?: readonly Uint8Array[];
  readonly imageIds?: readonly Uint8Array[];
  /** The exact HOST_DATA (32 bytes). */
  readonly hostData?: Uint8Array;
  /** The product line and the CPU stepping (from CPUID in report version 3 and later, else from
   *  the VCEK's product name, e.g. Milan-B0 is stepping 0). */
  readonly product?: string;
  readonly stepping?: number;
}

export type SevSnpPolicyCheck = (report: SevSnpReport, product: { name: string; stepping?: number }) => void;

const TCB_PARTS = ['bootloader', 'tee', 'snp', 'microcode', 'fmc'] as const;

/** Checks `options` (TypeError, RangeError) and returns the check of a report against them. */
export function sevSnpPolicy(options?: SevSnpPolicyOptions): SevSnpPolicyCheck {
  const o = optionsArgument(options, 'policy');
  const allowDebug = flag(o.allowDebug, 'allowDebug', false);
  const allowMigrationAgent = flag(o.allowMigrationAgent, 'allowMigrationAgent', false);
  const allowSmt = flag(o.allowSmt, 'allowSmt', true);
  const vmpl = o.vmpl === undefined ? undefined : integer(o.vmpl, 'vmpl', 0, 3);
  const minimumGuestSvn =
    o.minimumGuestSvn === undefined ? 0 : integer(o.minimumGuestSvn, 'minimumGuestSvn', 0, 2 ** 32 - 1);
  const minimumTcb = optionsArgument(o.minimumTcb, 'minimumTcb');
  for (const part of TCB_PARTS) {
    if (minimumTcb[part] !== undefined) integer(minimumTcb[part], `minimumTcb.${part}`, 0, 255);
  }
  const measurements = list(o.measurements, 'measurements', 48);
  const familyIds = list(o.familyIds, 'familyIds', 16);
  const imageIds = list(o.imageIds, 'imageIds', 16);
  const hostData = o.hostData === undefined ? undefined : new Uint8Array(bytes(o.hostData, 'hostData', 32));
  if (o.product !== undefined && typeof o.product !== 'string') {
    throw new TypeError(`"product" expected string, got ${describe(o.product)}`);
  }
  const wantedProduct = o.product;
  const stepping = o.stepping === undefined ? undefined : integer(o.stepping, 'stepping', 0, 15);

  return (report, product) => {
    if (report.policy.debug && !allowDebug) throw new AttestationError('DEBUG');
    const refuse = (): never => {
      throw new AttestationError('POLICY');
    };
    if (report.policy.migrateMa && !allowMigrationAgent) refuse();
    if (report.platformInfo.smtEnabled && !allowSmt) refuse();
    if (vmpl !== undefined && report.vmpl !== vmpl) refuse();
    if (report.guestSvn < minimumGuestSvn) refuse();
    if (wantedProduct !== undefined && product.name !== wantedProduct) refuse();
    if (stepping !== undefined && product.stepping !== stepping) refuse();
    if (!oneOf(report.measurement, measurements)) refuse();
    if (!oneOf(report.familyId, familyIds) || !oneOf(report.imageId, imageIds)) refuse();
    if (hostData !== undefined && !equalBytes(report.hostData, hostData)) refuse();
    if (!atLeast(report.reportedTcb, minimumTcb)) throw new AttestationError('TCB');
  };
}

function atLeast(tcb: SevSnpTcb, minimum: SevSnpMinimumTcb): boolean {
  return TCB_PARTS.every((part) => minimum[part] === undefined || (tcb[part] ?? 0) >= minimum[part]);
}

function oneOf(value: Uint8Array, accepted: readonly Uint8Array[] | undefined): boolean {
  return accepted === undefined || accepted.some((candidate) => equalBytes(candidate, value));
}

function list(value: unknown, name: string, length: number): Uint8Array[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new TypeError(`"${name}" expected an array, got ${describe(value)}`);
  return value.map((item, i) => new Uint8Array(bytes(item, `${name}[${i}]`, length)));
}

function flag(value: unknown, name: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new TypeError(`"${name}" expected boolean, got ${describe(value)}`);
  return value;
}
