// Parsed certificates, kept by their DER bytes: a verifier sees the same ASK, ARK and VCEK (or the same
// GPU chain) session after session, and parsing them is most of a verification's cost. The key is
// the whole encoding, so a hit is the same certificate; the entries never leave the verifier.
import { encodeBase64url } from '../utils/base64url.js';
import { parseCertificate, type X509Certificate } from './x509.js';

/** Certificates a verifier keeps; the least recently used one goes first. */
const CAPACITY = 32;

export type CertificateParser = (der: Uint8Array) => X509Certificate;

/** A parser that remembers the last `CAPACITY` certificates it parsed. */
export function cachedCertificateParser(): CertificateParser {
  const entries = new Map<string, X509Certificate>();
  return (der) => {
    const key = encodeBase64url(der);
    const hit = entries.get(key);
    if (hit !== undefined) {
      entries.delete(key);
      entries.set(key, hit);
      return hit;
    }
    const parsed = parseCertificate(der);
    entries.set(key, parsed);
    if (entries.size > CAPACITY) entries.delete(entries.keys().next().value!);
    return parsed;
  };
}
