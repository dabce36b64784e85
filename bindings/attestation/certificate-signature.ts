// Whether an issuer's key signed a certificate or CRL: ECDSA through the core (SEC 1 §4.1.4, the
// signature DER-encoded as RFC 5758 §3.2 requires), RSASSA-PSS through WebCrypto (RFC 8017 §8.1.2;
// the core holds no RSA). The caller maps false to its error code.
import { p256, p384 } from '../curves.js';
import { sha256, sha384 } from '../hash.js';
import type { CertificateKey, CertificateSignatureAlgorithm } from './x509.js';

/** AMD's ASK and ARK are RSA-4096; nothing below 2048 bits is accepted. */
const MIN_RSA_BITS = 2048;

export async function verifyCertificateSignature(
  key: CertificateKey,
  algorithm: CertificateSignatureAlgorithm,
  signed: Uint8Array,
  signature: Uint8Array,
): Promise<boolean> {
  if (algorithm.type === 'ecdsa') {
    if (key.type !== 'ec') return false;
    const digest = (algorithm.hash === 'SHA-256' ? sha256 : sha384)(signed);
    const curve = key.curve === 'P-256' ? p256 : p384;
    try {
      return curve.verify(signature, digest, key.point, { prehash: false, format: 'der' });
    } catch {
      return false; // not a DER Ecdsa-Sig-Value
    }
  }
  if (key.type !== 'rsa') return false;
  const { subtle } = globalThis.crypto;
  try {
    const publicKey = await subtle.importKey(
      'spki',
      new Uint8Array(key.spki),
      { name: 'RSA-PSS', hash: algorithm.hash },
      false,
      ['verify'],
    );
    if ((publicKey.algorithm as RsaHashedKeyAlgorithm).modulusLength < MIN_RSA_BITS) return false;
    return await subtle.verify(
      { name: 'RSA-PSS', saltLength: algorithm.saltLength },
      publicKey,
      new Uint8Array(signature),
      new Uint8Array(signed),
    );
  } catch {
    return false; // a key WebCrypto refuses
  }
}
