// oblivia/attestation — TEE evidence verifiers, as the `attestation` namespace. This slice: AMD
// SEV-SNP attestation reports (parsing) and their signature by the VCEK/VLEK certificate.
import { AttestationError, type AttestationErrorCode } from './attestation/attestation-error.js';
import {
  parseSevSnpReport,
  SEV_SNP_ECDSA_P384_SHA384,
  SEV_SNP_REPORT_SIZE,
  SEV_SNP_SIGNED_SIZE,
} from './attestation/sev-snp-report.js';
import { parseSevSnpSigner, verifySevSnpReportSignature } from './attestation/sev-snp-signature.js';

export type {
  SevSnpPlatformInfo,
  SevSnpPolicy,
  SevSnpReport,
  SevSnpSigningKey,
  SevSnpTcb,
} from './attestation/sev-snp-report.js';
export type { SevSnpSigner } from './attestation/sev-snp-signature.js';
export { AttestationError, type AttestationErrorCode };

export const attestation = Object.freeze({
  sevSnp: Object.freeze({
    REPORT_SIZE: SEV_SNP_REPORT_SIZE,
    SIGNED_SIZE: SEV_SNP_SIGNED_SIZE,
    ECDSA_P384_SHA384: SEV_SNP_ECDSA_P384_SHA384,
    parseReport: parseSevSnpReport,
    parseSigner: parseSevSnpSigner,
    verifyReportSignature: verifySevSnpReportSignature,
  }),
});
