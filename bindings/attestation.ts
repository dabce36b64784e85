// oblivia/attestation — TEE evidence verifiers, as the `attestation` namespace. This slice: AMD
// SEV-SNP attestation reports (parsing) and their signature by the VCEK/VLEK certificate; NVIDIA
// H100 SPDM evidence (parsing, the leaf-key signature, nonce and reference measurements).
import { AttestationError, type AttestationErrorCode } from './attestation/attestation-error.js';
import {
  parseSevSnpReport,
  SEV_SNP_ECDSA_P384_SHA384,
  SEV_SNP_REPORT_SIZE,
  SEV_SNP_SIGNED_SIZE,
} from './attestation/sev-snp-report.js';
import { parseSevSnpSigner, verifySevSnpReportSignature } from './attestation/sev-snp-signature.js';
import { h100EvidenceFwid, verifyH100Evidence } from './attestation/nvidia-h100.js';
import { NVIDIA_FWID_SIZE, NVIDIA_OPAQUE, parseNvidiaOpaqueData } from './attestation/nvidia-opaque-data.js';
import {
  H100_NONCE_SIZE,
  H100_REQUEST_SIZE,
  H100_SIGNATURE_SIZE,
  parseH100Evidence,
  SPDM_ALL_MEASUREMENTS,
  SPDM_VERSION_1_1,
} from './attestation/nvidia-spdm.js';

export type {
  SevSnpPlatformInfo,
  SevSnpPolicy,
  SevSnpReport,
  SevSnpSigningKey,
  SevSnpTcb,
} from './attestation/sev-snp-report.js';
export type { SevSnpSigner } from './attestation/sev-snp-signature.js';
export type { H100ReferenceMeasurements, H100VerifiedEvidence, H100VerifyOptions } from './attestation/nvidia-h100.js';
export type { NvidiaOpaqueData, NvidiaOpaqueField } from './attestation/nvidia-opaque-data.js';
export type { H100Evidence, H100Request, H100Response, SpdmMeasurementBlock } from './attestation/nvidia-spdm.js';
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
  h100: Object.freeze({
    SPDM_VERSION: SPDM_VERSION_1_1,
    ALL_MEASUREMENTS: SPDM_ALL_MEASUREMENTS,
    REQUEST_SIZE: H100_REQUEST_SIZE,
    NONCE_SIZE: H100_NONCE_SIZE,
    SIGNATURE_SIZE: H100_SIGNATURE_SIZE,
    FWID_SIZE: NVIDIA_FWID_SIZE,
    OPAQUE: NVIDIA_OPAQUE,
    parseEvidence: parseH100Evidence,
    parseOpaqueData: parseNvidiaOpaqueData,
    verifyEvidence: verifyH100Evidence,
    evidenceFwid: h100EvidenceFwid,
  }),
});
