// Why attestation evidence was refused. Wrong argument types stay TypeError; these codes are for
// what a TEE, a host or a certificate service handed over:
//
//   SIGNATURE    the evidence signature does not verify with the signer's key.
//   CHAIN        the signer certificate does not vouch for this evidence: wrong key kind (VCEK for a
//                VLEK-signed report, or the reverse), another chip (hwID ≠ CHIP_ID), or a chain
//                that does not reach the pinned root.
//   EXPIRED      a certificate or collateral is outside its validity at the verification time.
//   REVOKED      a certificate is on its issuer's revocation list.
//   TCB          the TCB the evidence reports does not match its signer certificate, or is below
//                the policy's minimum.
//   POLICY       a measurement, guest policy or platform value the policy does not accept.
//   DEBUG        the guest may be debugged (SEV-SNP policy DEBUG, TDX ATTRIBUTES.DEBUG, Nitro zero PCRs).
//   REPORT_DATA  the report data does not bind the expected key or nonce.
//   MALFORMED    evidence or a certificate that breaks its format (length, reserved bits, encoding).
//   UNSUPPORTED  a well-formed value this library does not handle (report version, signature algorithm).
import { codedError } from '../utils/coded-error.js';

/** Why attestation evidence was refused: see {@link AttestationError}. */
export type AttestationErrorCode =
  | 'SIGNATURE'
  | 'CHAIN'
  | 'EXPIRED'
  | 'REVOKED'
  | 'TCB'
  | 'POLICY'
  | 'DEBUG'
  | 'REPORT_DATA'
  | 'MALFORMED'
  | 'UNSUPPORTED';

const MESSAGES: Record<AttestationErrorCode, string> = {
  SIGNATURE: 'attestation signature does not verify',
  CHAIN: 'signer certificate does not vouch for the evidence',
  EXPIRED: 'a certificate or collateral is not valid at the verification time',
  REVOKED: 'a certificate is revoked',
  TCB: 'TCB does not match the signer or is below the minimum',
  POLICY: 'evidence does not meet the policy',
  DEBUG: 'the guest is debuggable',
  REPORT_DATA: 'report data does not bind the expected value',
  MALFORMED: 'attestation evidence is malformed',
  UNSUPPORTED: 'attestation evidence uses an unsupported version or algorithm',
};

/**
 * Refused attestation evidence, with a stable `code`: `SIGNATURE`, `CHAIN`, `EXPIRED`, `REVOKED`,
 * `TCB`, `POLICY`, `DEBUG`, `REPORT_DATA`, `MALFORMED`, `UNSUPPORTED`. The message is fixed per
 * code. Wrong argument types stay `TypeError`.
 *
 * @example
 * ```ts
 * import { attestation, AttestationError } from 'oblivia/attestation';
 *
 * try {
 *   attestation.sevSnp.parseReport(new Uint8Array(10));
 * } catch (e) {
 *   if (!(e instanceof AttestationError && e.code === 'MALFORMED')) throw e;
 * }
 * ```
 */
export class AttestationError extends codedError<AttestationErrorCode>('AttestationError', MESSAGES) {}
