// A simulated AMD SEV-SNP platform ("software attester") for tests, demos and anyone without the
// hardware. Its reports and certificates have the formats of real ones (AMD 56860 reports, AMD 57230
// VCEK/ASK/ARK certificates and CRL), so the production verifier runs on them unchanged; they chain
// to a test-only ARK that a verifier must be given explicitly (`arkSha256`) and never trusts itself.
import { p384 } from '../curves.js';
import { sha256 } from '../hash.js';
import { bytes, integer, objectArgument, optionsArgument } from '../utils/arguments.js';
import type { SevSnpProduct } from './sev-snp-roots.js';
import { addYears, buildSimChain, VCEK_YEARS, type SevSnpSimTcb } from './sev-snp-sim-chain.js';
import { writeSimReport, type SimFirmwareVersion } from './sev-snp-sim-report.js';
import { pem } from './x509-builder.js';

export type { SevSnpSimTcb } from './sev-snp-sim-chain.js';
export type { SimFirmwareVersion as SevSnpSimFirmwareVersion } from './sev-snp-sim-report.js';

interface ProductDefaults {
  readonly productName: string;
  readonly cpuid: { readonly family: number; readonly model: number; readonly stepping: number };
  readonly tcb: SevSnpSimTcb;
}

// CPUID Fn0000_0001_EAX family/model/stepping. Milan B0 and Genoa B1 as AMD names them in VCEKs;
// Turin's values are not checked against a real Turin VCEK (none is in the vectors).
const PRODUCTS: Record<SevSnpProduct, ProductDefaults> = {
  Milan: {
    productName: 'Milan-B0',
    cpuid: { family: 0x19, model: 0x01, stepping: 0x00 },
    tcb: { bootloader: 4, tee: 0, snp: 22, microcode: 213 },
  },
  Genoa: {
    productName: 'Genoa-B1',
    cpuid: { family: 0x19, model: 0x11, stepping: 0x01 },
    tcb: { bootloader: 9, tee: 0, snp: 22, microcode: 72 },
  },
  Turin: {
    productName: 'Turin-C1',
    cpuid: { family: 0x1a, model: 0x02, stepping: 0x01 },
    tcb: { fmc: 1, bootloader: 1, tee: 1, snp: 3, microcode: 72 },
  },
};

/** A fixed default start of validity: nothing here reads the clock. */
const DEFAULT_NOT_BEFORE = new Date(Date.UTC(2024, 0, 1));
const DEFAULT_FIRMWARE: SimFirmwareVersion = { major: 1, minor: 55, build: 21 };
/** POLICY bit 17 is reserved and must be one; bits 26..63 are reserved and zero (56860, "Guest Policy"). */
const POLICY_RESERVED_ONE = 1n << 17n;
const POLICY_LIMIT = 1n << 26n;
const UINT64_LIMIT = 1n << 64n;

/** Options of {@link attestationSimulator.sevSnp}: the product, TCB, chip and certificates' validity. */
export interface SevSnpSimulatorOptions {
  /** Default 'Milan'. */
  readonly product?: SevSnpProduct;
  /** The VCEK productName extension; default per product ('Milan-B0', 'Genoa-B1', 'Turin-C1'). */
  readonly productName?: string;
  /** The platform's TCB (REPORTED/CURRENT/COMMITTED/LAUNCH_TCB and the VCEK SPLs); `fmc` on Turin only. */
  readonly tcb?: SevSnpSimTcb;
  /** CHIP_ID and the VCEK hwID, 64 bytes; random by default. */
  readonly chipId?: Uint8Array;
  /** VCEK validity; default 2024-01-01T00:00:00Z and 7 years later. The ARK and ASK cover 25 years. */
  readonly notBefore?: Date;
  readonly notAfter?: Date;
  /** PLATFORM_INFO; default 1 (SMT enabled). */
  readonly platformInfo?: bigint;
  /** CURRENT and COMMITTED firmware version. */
  readonly firmware?: SimFirmwareVersion;
  /** REPORT_ID of the simulated guest, 32 bytes; random by default. */
  readonly reportId?: Uint8Array;
  /** cRLDistributionPoints of the ARK and ASK; default a URL under .invalid (RFC 6761), never AMD's. */
  readonly crlUrl?: string;
}

/** Options of {@link SevSnpSimulator.attest}: what the report says (REPORT_DATA, MEASUREMENT, policy, …). */
export interface SevSnpAttestOptions {
  /** REPORT_DATA, 64 bytes: what the report binds (a key's hash, a nonce). */
  readonly reportData: Uint8Array;
  /** MEASUREMENT, 48 bytes; default zero. */
  readonly measurement?: Uint8Array;
  /** POLICY; default 0x30000 (SMT allowed, debug off). */
  readonly policy?: bigint | number;
  /** VMPL 0..3; default 0. */
  readonly vmpl?: number;
  /** HOST_DATA, 32 bytes; FAMILY_ID and IMAGE_ID, 16 bytes each; default zero. */
  readonly hostData?: Uint8Array;
  readonly familyId?: Uint8Array;
  readonly imageId?: Uint8Array;
  /** ID_KEY_DIGEST, 48 bytes; AUTHOR_KEY_DIGEST, 48 bytes (also sets AUTHOR_KEY_EN); default zero. */
  readonly idKeyDigest?: Uint8Array;
  readonly authorKeyDigest?: Uint8Array;
  /** GUEST_SVN; default 0. */
  readonly guestSvn?: number;
  /** Report version 2, 3 or 5; default 3. CPUID is written from 3, the mitigation vectors from 5. */
  readonly version?: 2 | 3 | 5;
  /** LAUNCH_MIT_VECTOR and CURRENT_MIT_VECTOR (version 5); default 0. */
  readonly launchMitVector?: bigint;
  readonly currentMitVector?: bigint;
}

/** Options of {@link SevSnpSimulator.crl}. */
export interface SevSnpCrlOptions {
  readonly thisUpdate: Date;
  readonly nextUpdate: Date;
  /** Serial numbers revoked in this CRL, besides those given to `revoke`. */
  readonly revoked?: readonly (bigint | number)[];
}

/** A simulated SEV-SNP platform, from {@link attestationSimulator.sevSnp}: reports and a test-only chain. */
export interface SevSnpSimulator {
  readonly product: SevSnpProduct;
  readonly productName: string;
  readonly tcb: SevSnpSimTcb;
  /** DER certificates (copies). */
  readonly ark: Uint8Array;
  readonly ask: Uint8Array;
  readonly vcek: Uint8Array;
  /** SHA-256 of the ARK's DER: the pin a verifier must be given to accept this simulator. */
  readonly arkSha256: Uint8Array;
  /** ASK then ARK, PEM, as AMD's KDS serves `cert_chain`. */
  readonly chainPem: string;
  readonly chipId: Uint8Array;
  readonly serialNumbers: { readonly ark: bigint; readonly ask: bigint; readonly vcek: bigint };
  /** A signed 1184-byte attestation report. */
  attest(options: SevSnpAttestOptions): Uint8Array;
  /** Adds serial numbers to the ARK's revocation list. */
  revoke(serialNumbers: readonly (bigint | number)[]): void;
  /** The product's CRL (DER), signed by the ARK; entries are revoked as of `thisUpdate`. */
  crl(options: SevSnpCrlOptions): Promise<Uint8Array>;
  /** Wipes the VCEK secret key; `attest` throws afterwards. */
  destroy(): void;
}

/** A simulated SEV-SNP platform: generates a test-only ARK, ASK (RSA-4096) and VCEK (P-384). */
export async function createSevSnpSimulator(options?: SevSnpSimulatorOptions): Promise<SevSnpSimulator> {
  const o = optionsArgument(options);
  const product = o.product ?? 'Milan';
  if (!Object.hasOwn(PRODUCTS, product)) throw new RangeError(`"product" expected Milan, Genoa or Turin`);
  const defaults = PRODUCTS[product];
  const productName = o.productName ?? defaults.productName;
  if (typeof productName !== 'string' || !/^[\x20-\x7e]+$/.test(productName))
    throw new TypeError('"productName" expected printable ASCII (IA5String)');
  const tcb = tcbArgument(o.tcb ?? defaults.tcb, product === 'Turin');
  const chipId = o.chipId === undefined ? random(64) : new Uint8Array(bytes(o.chipId, 'chipId', 64));
  const reportId = o.reportId === undefined ? random(32) : new Uint8Array(bytes(o.reportId, 'reportId', 32));
  const notBefore = dateArgument(o.notBefore ?? DEFAULT_NOT_BEFORE, 'notBefore');
  const notAfter = dateArgument(o.notAfter ?? addYears(notBefore, VCEK_YEARS), 'notAfter');
  if (notAfter <= notBefore) throw new RangeError('"notAfter" expected a date after "notBefore"');
  const platformInfo = uint64(o.platformInfo ?? 1n, 'platformInfo');
  const firmware = firmwareArgument(o.firmware ?? DEFAULT_FIRMWARE);
  const crlUrl = o.crlUrl ?? `https://kds.simulated.invalid/vcek/v1/${product}/crl`;
  if (typeof crlUrl !== 'string') throw new TypeError('"crlUrl" expected string');

  // The VCEK secret lives only in this closure.
  let secretKey: Uint8Array | undefined = p384.randomSecretKey();
  const chain = await buildSimChain({
    product,
    productName,
    tcb,
    chipId,
    vcekPublicKey: p384.getPublicKey(secretKey),
    notBefore,
    notAfter,
    crlUrl,
  });
  const arkSha256 = sha256(chain.ark);
  const chainPem = pem('CERTIFICATE', chain.ask) + pem('CERTIFICATE', chain.ark);
  const revoked = new Set<bigint>();

  return Object.freeze({
    product,
    productName,
    tcb,
    get ark() {
      return chain.ark.slice();
    },
    get ask() {
      return chain.ask.slice();
    },
    get vcek() {
      return chain.vcek.slice();
    },
    get arkSha256() {
      return arkSha256.slice();
    },
    chainPem,
    get chipId() {
      return chipId.slice();
    },
    serialNumbers: Object.freeze({ ark: chain.arkSerialNumber, ask: chain.askSerialNumber, vcek: 0n }),
    attest(attestOptions: SevSnpAttestOptions): Uint8Array {
      if (secretKey === undefined) throw new TypeError('this simulator was destroyed');
      const a = objectArgument(attestOptions, 'options');
      const version = a.version ?? 3;
      if (version !== 2 && version !== 3 && version !== 5) throw new RangeError('"version" expected 2, 3 or 5');
      const policy = uint64(a.policy ?? 0x30000n, 'policy');
      if ((policy & POLICY_RESERVED_ONE) === 0n || policy >= POLICY_LIMIT)
        throw new RangeError('"policy" expected bit 17 set and bits 26..63 clear');
      const optional = (value: Uint8Array | undefined, name: string, length: number): Uint8Array =>
        value === undefined ? new Uint8Array(length) : bytes(value, name, length);
      return writeSimReport(
        {
          version,
          guestSvn: integer(a.guestSvn ?? 0, 'guestSvn', 0, 0xffffffff),
          policy,
          familyId: optional(a.familyId, 'familyId', 16),
          imageId: optional(a.imageId, 'imageId', 16),
          vmpl: integer(a.vmpl ?? 0, 'vmpl', 0, 3),
          tcb,
          platformInfo,
          authorKeyEn: a.authorKeyDigest !== undefined,
          reportData: bytes(a.reportData, 'reportData', 64),
          measurement: optional(a.measurement, 'measurement', 48),
          hostData: optional(a.hostData, 'hostData', 32),
          idKeyDigest: optional(a.idKeyDigest, 'idKeyDigest', 48),
          authorKeyDigest: optional(a.authorKeyDigest, 'authorKeyDigest', 48),
          reportId,
          reportIdMa: new Uint8Array(32).fill(0xff), // no migration agent
          cpuid: defaults.cpuid,
          chipId,
          firmware,
          launchMitVector: uint64(a.launchMitVector ?? 0n, 'launchMitVector'),
          currentMitVector: uint64(a.currentMitVector ?? 0n, 'currentMitVector'),
        },
        secretKey,
      );
    },
    revoke(serialNumbers: readonly (bigint | number)[]): void {
      for (const serial of serialList(serialNumbers)) revoked.add(serial);
    },
    async crl(crlOptions: SevSnpCrlOptions): Promise<Uint8Array> {
      const c = objectArgument(crlOptions, 'options');
      const thisUpdate = dateArgument(c.thisUpdate, 'thisUpdate');
      const nextUpdate = dateArgument(c.nextUpdate, 'nextUpdate');
      if (nextUpdate <= thisUpdate) throw new RangeError('"nextUpdate" expected a date after "thisUpdate"');
      const serials = new Set([...revoked, ...serialList(c.revoked ?? [])]);
      const entries = [...serials].map((serialNumber) => ({ serialNumber, revocationDate: thisUpdate }));
      return chain.crl(thisUpdate, nextUpdate, entries);
    },
    destroy(): void {
      secretKey?.fill(0);
      secretKey = undefined;
    },
  });
}

function random(length: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(length));
}

function tcbArgument(value: SevSnpSimTcb, turin: boolean): SevSnpSimTcb {
  const t = objectArgument(value, 'tcb');
  const spl = (v: unknown, name: string): number => integer(v, `tcb.${name}`, 0, 255);
  if (turin !== (t.fmc !== undefined)) throw new RangeError('"tcb.fmc" expected on Turin only');
  return Object.freeze({
    bootloader: spl(t.bootloader, 'bootloader'),
    tee: spl(t.tee, 'tee'),
    snp: spl(t.snp, 'snp'),
    microcode: spl(t.microcode, 'microcode'),
    ...(turin ? { fmc: spl(t.fmc, 'fmc') } : {}),
  });
}

function firmwareArgument(value: SimFirmwareVersion): SimFirmwareVersion {
  const f = objectArgument(value, 'firmware');
  return Object.freeze({
    major: integer(f.major, 'firmware.major', 0, 255),
    minor: integer(f.minor, 'firmware.minor', 0, 255),
    build: integer(f.build, 'firmware.build', 0, 255),
  });
}

function dateArgument(value: unknown, name: string): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new TypeError(`"${name}" expected a valid Date`);
  return new Date(value.getTime());
}

function uint64(value: unknown, name: string): bigint {
  const n = typeof value === 'number' && Number.isSafeInteger(value) ? BigInt(value) : value;
  if (typeof n !== 'bigint') throw new TypeError(`"${name}" expected bigint or integer`);
  if (n < 0n || n >= UINT64_LIMIT) throw new RangeError(`"${name}" expected an unsigned 64-bit value`);
  return n;
}

/** Serial numbers as bigint (RFC 5280 §4.1.2.2: at most 20 octets; AMD's VCEKs use 0). */
function serialList(values: readonly (bigint | number)[]): bigint[] {
  if (!Array.isArray(values)) throw new TypeError('"serialNumbers" expected an array');
  return values.map((value: unknown) => {
    const n = typeof value === 'number' && Number.isSafeInteger(value) ? BigInt(value) : value;
    if (typeof n !== 'bigint') throw new TypeError('"serialNumbers" expected bigint or integer values');
    if (n < 0n || n >= 1n << 159n) throw new RangeError('"serialNumbers" expected values in [0, 2^159)');
    return n;
  });
}
