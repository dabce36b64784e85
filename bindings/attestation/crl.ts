// Certificate revocation lists (RFC 5280 §5): AMD publishes one per product, signed by the ARK, that
// lists revoked ASKs and ASVKs. A CRL counts only once its signature by the issuer verifies and the
// verification time falls between thisUpdate and nextUpdate.
import * as pkijs from 'pkijs';
import { equalBytes } from '../utils/bytes.js';
import { AttestationError } from './attestation-error.js';
import { verifyCertificateSignature } from './certificate-signature.js';
import { bitString, decodeAsn1, encodedName, signatureAlgorithm, type X509Certificate } from './x509.js';

export interface RevocationList {
  readonly issuer: Uint8Array;
  readonly thisUpdate: Date;
  readonly nextUpdate?: Date;
  /** Serial numbers (content octets) of the revoked certificates. */
  readonly revoked: readonly Uint8Array[];
  readonly tbs: Uint8Array;
  readonly signatureAlgorithm: ReturnType<typeof signatureAlgorithm>;
  readonly signature: Uint8Array;
}

const malformed = (cause?: unknown): AttestationError => new AttestationError('MALFORMED', { cause });

export function parseRevocationList(der: Uint8Array): RevocationList {
  try {
    const crl = new pkijs.CertificateRevocationList({ schema: decodeAsn1(der) });
    // §5.1.1.2: the outer algorithm must equal the one inside the signed part.
    const outer = new Uint8Array(crl.signatureAlgorithm.toSchema().toBER());
    const inner = new Uint8Array(crl.signature.toSchema().toBER());
    if (!equalBytes(outer, inner)) throw malformed();
    for (const extension of crl.crlExtensions?.extensions ?? []) {
      // §5.2: a critical CRL extension the verifier does not process makes the CRL unusable.
      if (extension.critical) throw new AttestationError('UNSUPPORTED');
    }
    return {
      issuer: encodedName(crl.issuer),
      thisUpdate: crl.thisUpdate.value,
      ...(crl.nextUpdate ? { nextUpdate: crl.nextUpdate.value } : {}),
      revoked: (crl.revokedCertificates ?? []).map((entry) => entry.userCertificate.valueBlock.valueHexView.slice()),
      tbs: crl.tbsView.slice(),
      signatureAlgorithm: signatureAlgorithm(crl.signatureAlgorithm),
      signature: bitString(crl.signatureValue),
    };
  } catch (cause) {
    // pkijs throws its own errors for values that break their schema (an algorithm's parameters).
    throw cause instanceof AttestationError ? cause : malformed(cause);
  }
}

/**
 * Throws REVOKED if `certificate` is on a CRL of its `issuer`. Each CRL of that issuer must be
 * signed by it (else CHAIN) and current at `at` (else EXPIRED); CRLs of other issuers are skipped.
 */
export async function checkRevocation(
  certificate: X509Certificate,
  issuer: X509Certificate,
  crls: readonly RevocationList[],
  at: Date,
): Promise<void> {
  for (const crl of crls) {
    if (!equalBytes(crl.issuer, issuer.subject)) continue;
    if (!(await verifyCertificateSignature(issuer.publicKey, crl.signatureAlgorithm, crl.tbs, crl.signature))) {
      throw new AttestationError('CHAIN');
    }
    if (at < crl.thisUpdate || (crl.nextUpdate !== undefined && at > crl.nextUpdate)) {
      throw new AttestationError('EXPIRED');
    }
    if (crl.revoked.some((serial) => equalBytes(serial, certificate.serialNumber))) {
      throw new AttestationError('REVOKED');
    }
  }
}
