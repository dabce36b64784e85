// oblivia/attestation — TEE evidence verifiers, as the `attestation` namespace: one verifier per
// platform, one result shape (AttestationResult), one error (AttestationError with a code).
import { AttestationError, type AttestationErrorCode } from './attestation/attestation-error.js';
import {
  parseSevSnpReport,
  SEV_SNP_ECDSA_P384_SHA384,
  SEV_SNP_REPORT_SIZE,
  SEV_SNP_SIGNED_SIZE,
} from './attestation/sev-snp-report.js';
import { parseSevSnpSigner, verifySevSnpReportSignature } from './attestation/sev-snp-signature.js';
import { sevSnpVerifier } from './attestation/sev-snp-verifier.js';

export type { AttestationPlatform, AttestationResult } from './attestation/attestation-result.js';
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
});
