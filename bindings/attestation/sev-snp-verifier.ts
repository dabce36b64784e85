// The SEV-SNP verifier: a report, its VCEK or VLEK, the ASK/ASVK ← ARK chain and AMD's CRLs, checked
// at a given time against pinned roots and a policy (AMD 56860 §7.3; VCEK spec 57230 §2-3). Order:
// parse, chain to a pinned ARK, the product, the report signature and its binding to the signer
// certificate, then the policy. Any failure throws AttestationError; there is no partial result.
import { equalBytes } from '../utils/bytes.js';
import { bytes, describe, objectArgument, optionsArgument } from '../utils/arguments.js';
import { AttestationError } from './attestation-error.js';
import type { AttestationResult } from './attestation-result.js';
import { cachedCertificateParser } from './certificate-cache.js';
import { verifyCertificateChain } from './certificate-chain.js';
import { parseRevocationList } from './crl.js';
import { parseSevSnpReport, type SevSnpReport } from './sev-snp-report.js';
import { sevSnpPolicy, type SevSnpPolicyOptions } from './sev-snp-policy.js';
import { AMD_SEV_SNP_ROOTS, type SevSnpRoot } from './sev-snp-roots.js';
import { sevSnpSigner, verifySevSnpReportSignature } from './sev-snp-signature.js';
import { verificationTime } from './verification-time.js';
import { parsePemCertificates } from './x509.js';

/** What the host or AMD's KDS supplies next to the report. */
export interface SevSnpEndorsements {
  /** The VCEK or VLEK certificate (DER). */
  readonly signer: Uint8Array;
  /** The ASK (or ASVK) then the ARK: the KDS `cert_chain` PEM text, or the two DER certificates. */
  readonly chain: string | readonly Uint8Array[];
  /** CRLs (DER) from the KDS `crl` endpoint; each one whose issuer is in the chain is enforced. */
  readonly crls?: readonly Uint8Array[];
}

/** Options of `attestation.sevSnp.verifier`. */
export interface SevSnpVerifierOptions {
  /** Trusted roots (default: AMD's Milan, Genoa and Turin ARKs). */
  readonly roots?: readonly SevSnpRoot[];
  readonly policy?: SevSnpPolicyOptions;
}

/** A verified SEV-SNP report's result: measurement, report data, TCB, signing key and product. */
export interface SevSnpResult extends AttestationResult<'sev-snp', SevSnpReport> {
  readonly signingKey: 'VCEK' | 'VLEK';
  /** The product line of the root reached, and the CPU stepping where known. */
  readonly product: { readonly name: string; readonly stepping?: number };
}

/** Options of {@link SevSnpVerifier.verify}: the verification time and the expected REPORT_DATA. */
export interface SevSnpVerifyOptions {
  readonly at: Date;
  /** The exact REPORT_DATA (64 bytes) this session expects, e.g. a key hash and a nonce (else
   *  REPORT_DATA); without it the caller checks `result.reportData` itself. */
  readonly reportData?: Uint8Array;
}

/** An SEV-SNP report verifier, from `attestation.sevSnp.verifier`. */
export interface SevSnpVerifier {
  /** Verifies `report` (1184 bytes) with its endorsements at time `options.at`. */
  verify(report: Uint8Array, endorsements: SevSnpEndorsements, options: SevSnpVerifyOptions): Promise<SevSnpResult>;
}

const OID_PRODUCT_NAME = '1.3.6.1.4.1.3704.1.2';

export function sevSnpVerifier(options?: SevSnpVerifierOptions): SevSnpVerifier {
  const o = optionsArgument(options);
  const roots = o.roots === undefined ? AMD_SEV_SNP_ROOTS : rootsArgument(o.roots);
  const checkPolicy = sevSnpPolicy(o.policy);
  const pins = roots.map((root) => root.arkSha256);
  const parse = cachedCertificateParser();

  return Object.freeze({
    async verify(report: Uint8Array, endorsements: SevSnpEndorsements, options: SevSnpVerifyOptions) {
      bytes(report, 'report');
      const { signer: signerDer, chain, crls } = endorsementsArgument(endorsements);
      const { at, reportData } = objectArgument<SevSnpVerifyOptions>(options, 'options');
      const time = verificationTime(at);
      const expectedReportData = reportData === undefined ? undefined : bytes(reportData, 'reportData', 64);
      const parsed = parseSevSnpReport(report);

      const signer = sevSnpSigner(parse(signerDer));
      const issuers = (typeof chain === 'string' ? parsePemCertificates(chain) : chain).map(parse);
      if (issuers.length !== 2) throw new AttestationError('CHAIN');
      const root = await verifyCertificateChain([signer.certificate, ...issuers], {
        roots: pins,
        at: time,
        crls: crls.map(parseRevocationList),
      });
      const product = productOf(signer.certificate.extensions.get(OID_PRODUCT_NAME), parsed);
      const pinned = roots.find((r) => equalBytes(r.arkSha256, root))!;
      if (product.name !== pinned.product) throw new AttestationError('CHAIN');

      verifySevSnpReportSignature(parsed, signer);
      checkPolicy(parsed, product);
      if (expectedReportData !== undefined && !equalBytes(parsed.reportData, expectedReportData)) {
        throw new AttestationError('REPORT_DATA');
      }
      return Object.freeze({
        platform: 'sev-snp' as const,
        measurements: new Map([['MEASUREMENT', parsed.measurement]]),
        reportData: parsed.reportData,
        tcb: tcbRecord(parsed),
        debug: parsed.policy.debug,
        root,
        verifiedAt: new Date(time),
        evidence: parsed,
        signingKey: signer.kind,
        product,
      });
    },
  });
}

/** VCEK spec 57230 §3.1: productName is an IA5String such as `Milan-B0` (line, then stepping as
 *  a letter and digit); a VLEK's is the line alone. Report version 3 and later give the stepping in
 *  CPUID, which is preferred. */
function productOf(extension: Uint8Array | undefined, report: SevSnpReport): { name: string; stepping?: number } {
  // IA5String: tag 0x16, a one-byte length.
  if (
    extension === undefined ||
    extension.length < 2 ||
    extension[0] !== 0x16 ||
    extension[1] !== extension.length - 2
  ) {
    throw new AttestationError('MALFORMED');
  }
  const text = String.fromCharCode(...extension.subarray(2));
  const match = /^([A-Za-z]+)(?:-[A-Z]([0-9]))?$/u.exec(text);
  if (!match) throw new AttestationError('MALFORMED');
  if (report.version >= 3) return { name: match[1]!, stepping: report.cpuid.stepping };
  return match[2] === undefined ? { name: match[1]! } : { name: match[1]!, stepping: Number(match[2]) };
}

function tcbRecord(report: SevSnpReport): Record<string, number> {
  const { bootloader, tee, snp, microcode, fmc } = report.reportedTcb;
  return { bootloader, tee, snp, microcode, ...(fmc === undefined ? {} : { fmc }), guestSvn: report.guestSvn };
}

function rootsArgument(value: unknown): SevSnpRoot[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new TypeError(`"roots" expected a non-empty array, got ${describe(value)}`);
  }
  return value.map((root: SevSnpRoot, i) => {
    objectArgument(root, `roots[${i}]`);
    if (typeof root.product !== 'string') throw new TypeError(`"roots[${i}].product" expected string`);
    return Object.freeze({
      product: root.product,
      arkSha256: new Uint8Array(bytes(root.arkSha256, `roots[${i}].arkSha256`, 32)),
    });
  });
}

function endorsementsArgument(value: unknown): Required<SevSnpEndorsements> & { chain: string | Uint8Array[] } {
  const e = objectArgument<SevSnpEndorsements>(value, 'endorsements');
  const signer = bytes(e.signer, 'endorsements.signer');
  let chain: string | Uint8Array[];
  if (typeof e.chain === 'string') chain = e.chain;
  else if (Array.isArray(e.chain)) chain = e.chain.map((c, i) => bytes(c, `endorsements.chain[${i}]`));
  else throw new TypeError(`"endorsements.chain" expected string or array, got ${describe(e.chain)}`);
  if (e.crls !== undefined && !Array.isArray(e.crls)) {
    throw new TypeError(`"endorsements.crls" expected an array, got ${describe(e.crls)}`);
  }
  const crls = (e.crls ?? []).map((c, i) => bytes(c, `endorsements.crls[${i}]`));
  return { signer, chain, crls };
}
