// Certificate path validation (RFC 5280 §6.1), reduced to what a TEE vendor's fixed chain needs: the
// chain is given in order, leaf first, and must end at a self-signed root whose SHA-256 (of the DER)
// is pinned. Names are compared byte for byte; every issuer must be a CA allowed to sign
// certificates, within its path length; every certificate must be valid at `at`.
import { equalBytes } from '../utils/bytes.js';
import { sha256 } from '../hash.js';
import { AttestationError } from './attestation-error.js';
import { verifyCertificateSignature } from './certificate-signature.js';
import { checkRevocation, type RevocationList } from './crl.js';
import type { X509Certificate } from './x509.js';

export interface ChainOptions {
  /** SHA-256 of each trusted root's DER. */
  readonly roots: readonly Uint8Array[];
  /** The verification time; never the wall clock. */
  readonly at: Date;
  readonly crls?: readonly RevocationList[];
}

/** Validates `chain` (leaf first, root last); returns the SHA-256 of the root. Throws
 *  AttestationError CHAIN, EXPIRED or REVOKED. */
export async function verifyCertificateChain(
  chain: readonly X509Certificate[],
  { roots, at, crls = [] }: ChainOptions,
): Promise<Uint8Array> {
  if (chain.length < 2) throw new AttestationError('CHAIN');
  const root = chain[chain.length - 1]!;
  const pin = sha256(root.der);
  if (!roots.some((trusted) => equalBytes(trusted, pin))) throw new AttestationError('CHAIN');
  if (!equalBytes(root.issuer, root.subject)) throw new AttestationError('CHAIN');

  for (let i = 0; i < chain.length; i++) {
    const certificate = chain[i]!;
    const issuer = chain[Math.min(i + 1, chain.length - 1)]!;
    if (!equalBytes(certificate.issuer, issuer.subject) || !issuer.ca || !issuer.mayCertify) {
      throw new AttestationError('CHAIN');
    }
    // §6.1.4 (l, m): the issuer of chain[i] has i CA certificates below it, the leaf excepted.
    if (i + 1 < chain.length && issuer.pathLength !== undefined && i > issuer.pathLength) {
      throw new AttestationError('CHAIN');
    }
    const signed = await verifyCertificateSignature(
      issuer.publicKey,
      certificate.signatureAlgorithm,
      certificate.tbs,
      certificate.signature,
    );
    if (!signed) throw new AttestationError('CHAIN');
  }
  for (const certificate of chain) {
    if (at < certificate.notBefore || at > certificate.notAfter) throw new AttestationError('EXPIRED');
  }
  for (let i = 0; i + 1 < chain.length; i++) await checkRevocation(chain[i]!, chain[i + 1]!, crls, at);
  return pin;
}
