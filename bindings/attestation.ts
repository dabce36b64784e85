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

export const attestation = Object.freeze({
  sevSnp: Object.freeze({
    REPORT_SIZE: SEV_SNP_REPORT_SIZE,
    SIGNED_SIZE: SEV_SNP_SIGNED_SIZE,
    ECDSA_P384_SHA384: SEV_SNP_ECDSA_P384_SHA384,
    verifier: sevSnpVerifier,
    parseReport: parseSevSnpReport,
    parseSigner: parseSevSnpSigner,
    verifyReportSignature: verifySevSnpReportSignature,
  }),
  h100: Object.freeze({
    SPDM_VERSION: SPDM_VERSION_1_1,
    ALL_MEASUREMENTS: SPDM_ALL_MEASUREMENTS,
    REQUEST_SIZE: H100_REQUEST_SIZE,
    NONCE_SIZE: H100_NONCE_SIZE,
    SIGNATURE_SIZE: H100_SIGNATURE_SIZE,
    FWID_SIZE: NVIDIA_FWID_SIZE,
    OPAQUE: NVIDIA_OPAQUE,
    verifier: h100Verifier,
    parseEvidence: parseH100Evidence,
    parseOpaqueData: parseNvidiaOpaqueData,
  }),
});
