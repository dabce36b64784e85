// oblivia/attestation — TEE evidence verifiers, as the `attestation` namespace: one verifier per
// platform, one result shape (AttestationResult), one error (AttestationError with a code).
import { AttestationError, type AttestationErrorCode } from './attestation/attestation-error.js';
import { h100Verifier } from './attestation/nvidia-h100-verifier.js';
import { NVIDIA_FWID_SIZE, NVIDIA_OPAQUE, parseNvidiaOpaqueData } from './attestation/nvidia-opaque-data.js';
import {
  H100_NONCE_SIZE,
  H100_REQUEST_SIZE,
  H100_SIGNATURE_SIZE,
  parseH100Evidence,
  SPDM_ALL_MEASUREMENTS,
  SPDM_VERSION_1_1,
} from './attestation/nvidia-spdm.js';
import {
  parseSevSnpReport,
  SEV_SNP_ECDSA_P384_SHA384,
  SEV_SNP_REPORT_SIZE,
  SEV_SNP_SIGNED_SIZE,
} from './attestation/sev-snp-report.js';
import { parseSevSnpSigner, verifySevSnpReportSignature } from './attestation/sev-snp-signature.js';
import { sevSnpVerifier } from './attestation/sev-snp-verifier.js';

export type { AttestationPlatform, AttestationResult } from './attestation/attestation-result.js';
export type { H100ReferenceMeasurements } from './attestation/nvidia-h100.js';
export type {
  H100Endorsements,
  H100PolicyOptions,
  H100Result,
  H100Root,
  H100Verifier,
  H100VerifierOptions,
  H100VerifyOptions,
} from './attestation/nvidia-h100-verifier.js';
export type { NvidiaOpaqueData, NvidiaOpaqueField } from './attestation/nvidia-opaque-data.js';
export type { H100Evidence, H100Request, H100Response, SpdmMeasurementBlock } from './attestation/nvidia-spdm.js';
export type { SevSnpMinimumTcb, SevSnpPolicyOptions } from './attestation/sev-snp-policy.js';
export type {
  SevSnpPlatformInfo,
  SevSnpPolicy,
  SevSnpReport,
  SevSnpSigningKey,
  SevSnpTcb,
} from './attestation/sev-snp-report.js';
export type { SevSnpProduct, SevSnpRoot } from './attestation/sev-snp-roots.js';
export type { SevSnpSigner } from './attestation/sev-snp-signature.js';
export type {
  SevSnpEndorsements,
  SevSnpResult,
  SevSnpVerifier,
  SevSnpVerifierOptions,
  SevSnpVerifyOptions,
} from './attestation/sev-snp-verifier.js';
export { AttestationError, type AttestationErrorCode };

/**
 * TEE evidence verifiers, one per platform, with one result shape ({@link AttestationResult}) and
 * one error ({@link AttestationError}): AMD SEV-SNP reports and NVIDIA H100 SPDM evidence
 * (docs/attestation.md).
 *
 * @namespace
 */
export const attestation = Object.freeze({
  /**
   * AMD SEV-SNP (SEV Secure Nested Paging Firmware ABI): attestation reports, VCEK/VLEK signers,
   * the VCEK ← ASK ← ARK chain.
   *
   * @namespace
   */
  sevSnp: Object.freeze({
    /** Bytes of an attestation report: 1184 (0x4A0). */
    REPORT_SIZE: SEV_SNP_REPORT_SIZE,
    /** Bytes of a report that its signature covers: 672 (0x000–0x29F). */
    SIGNED_SIZE: SEV_SNP_SIGNED_SIZE,
    /** SIGNATURE_ALGO 1: ECDSA P-384 with SHA-384, the only one defined. */
    ECDSA_P384_SHA384: SEV_SNP_ECDSA_P384_SHA384,
    /**
     * A verifier of SEV-SNP reports: the signature by the VCEK/VLEK, its chain to a pinned ARK
     * (AMD's Milan, Genoa and Turin by default), CRLs, the TCB, the guest policy and the caller's
     * policy (measurements, minimum TCB, debug), and the REPORT_DATA if given.
     *
     * @throws `TypeError` / `RangeError` for bad options. `verify` rejects with
     * {@link AttestationError} `SIGNATURE`, `CHAIN`, `EXPIRED`, `REVOKED`, `TCB`, `POLICY`, `DEBUG`,
     * `REPORT_DATA`, `MALFORMED`, `UNSUPPORTED`.
     * @example
     * ```ts
     * import { attestation } from 'oblivia/attestation';
     *
     * const verifier = attestation.sevSnp.verifier({ policy: { measurements: [expectedMeasurement] } });
     * const result = await verifier.verify(report, { signer: vcekDer, chain: askArkPem }, { at: new Date(), reportData });
     * result.measurements.get('MEASUREMENT');
     * ```
     */
    verifier: sevSnpVerifier,
    /**
     * The fields of an SEV-SNP attestation report, unverified.
     *
     * @throws {@link AttestationError} `MALFORMED` (length, reserved bits) or `UNSUPPORTED` (report
     * version, signature algorithm); `TypeError` for a non-Uint8Array.
     * @example
     * ```ts
     * import { attestation } from 'oblivia/attestation';
     *
     * const { version, reportData, measurement, policy } = attestation.sevSnp.parseReport(report);
     * ```
     */
    parseReport: parseSevSnpReport,
    /**
     * A VCEK or VLEK certificate (DER): its kind, TCB extensions and hwID.
     *
     * @throws {@link AttestationError} `MALFORMED` for a certificate that does not parse or lacks
     * AMD's extensions.
     * @example
     * ```ts
     * import { attestation } from 'oblivia/attestation';
     *
     * const signer = attestation.sevSnp.parseSigner(vcekDer);
     * ```
     */
    parseSigner: parseSevSnpSigner,
    /**
     * Verifies a report's signature with its VCEK/VLEK certificate, and that the certificate is the
     * report's signer (kind, CHIP_ID, REPORTED_TCB); the chain is not checked (the verifier does
     * that).
     *
     * @throws {@link AttestationError} `SIGNATURE`, `CHAIN` (kind or chip), `TCB`, `MALFORMED`,
     * `UNSUPPORTED`.
     * @example
     * ```ts
     * import { attestation } from 'oblivia/attestation';
     *
     * const report = attestation.sevSnp.verifyReportSignature(reportBytes, vcekDer);
     * ```
     */
    verifyReportSignature: verifySevSnpReportSignature,
  }),
  /**
   * NVIDIA H100 (confidential computing mode): SPDM 1.1 GET_MEASUREMENTS evidence, its opaque data
   * and the device certificate chain.
   *
   * @namespace
   */
  h100: Object.freeze({
    /** SPDMVersion of the evidence: 0x11 (SPDM 1.1). */
    SPDM_VERSION: SPDM_VERSION_1_1,
    /** Param2 of a request for every measurement block: 0xFF. */
    ALL_MEASUREMENTS: SPDM_ALL_MEASUREMENTS,
    /** Bytes of a GET_MEASUREMENTS request: 37. */
    REQUEST_SIZE: H100_REQUEST_SIZE,
    /** Bytes of the request's nonce: 32. */
    NONCE_SIZE: H100_NONCE_SIZE,
    /** Bytes of the response's signature: 96 (ECDSA P-384 r ‖ s). */
    SIGNATURE_SIZE: H100_SIGNATURE_SIZE,
    /** Bytes of the FWID: 48 (a SHA-384 digest). */
    FWID_SIZE: NVIDIA_FWID_SIZE,
    /** NVIDIA's opaque data field types (OPAQUE_FIELD_ID_*). */
    OPAQUE: NVIDIA_OPAQUE,
    /**
     * A verifier of H100 evidence: the response's signature by the device's leaf certificate, the
     * chain to the NVIDIA Device Identity CA (or the given roots), the nonce, and the reference
     * measurements.
     *
     * @throws `TypeError` / `RangeError` for bad options. `verify` rejects with
     * {@link AttestationError} `SIGNATURE`, `CHAIN`, `EXPIRED`, `POLICY`, `REPORT_DATA`, `MALFORMED`,
     * `UNSUPPORTED`.
     * @example
     * ```ts
     * import { attestation } from 'oblivia/attestation';
     *
     * const verifier = attestation.h100.verifier({ policy: { referenceMeasurements: rim } });
     * const result = await verifier.verify(evidence, { chain: deviceChainPem }, { at: new Date(), nonce });
     * result.driverVersion;
     * ```
     */
    verifier: h100Verifier,
    /**
     * The parts of H100 evidence (the GET_MEASUREMENTS request and response), unverified.
     *
     * @throws {@link AttestationError} `MALFORMED` or `UNSUPPORTED`; `TypeError` for a
     * non-Uint8Array.
     * @example
     * ```ts
     * import { attestation } from 'oblivia/attestation';
     *
     * const { request, response } = attestation.h100.parseEvidence(evidence);
     * ```
     */
    parseEvidence: parseH100Evidence,
    /**
     * The fields of NVIDIA opaque data (type-length-value), unknown types kept undecoded.
     *
     * @throws {@link AttestationError} `MALFORMED` for a field that overruns, a duplicate type or a
     * bad length.
     * @example
     * ```ts
     * import { attestation } from 'oblivia/attestation';
     *
     * const { driverVersion, vbiosVersion } = attestation.h100.parseOpaqueData(response.opaqueData);
     * ```
     */
    parseOpaqueData: parseNvidiaOpaqueData,
  }),
});
