// X.509 certificates (RFC 5280 §4.1) as the attestation verifiers need them: pkijs decodes the DER,
// and this file reduces the result to plain bytes and the few algorithms TEE vendors use. Nothing
// here checks a signature or a date; certificate-chain.ts does.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { equalBytes } from '../utils/bytes.js';
import { AttestationError } from './attestation-error.js';

const OID = {
  ecPublicKey: '1.2.840.10045.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  secp256r1: '1.2.840.10045.3.1.7',
  secp384r1: '1.3.132.0.34',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  ecdsaWithSha384: '1.2.840.10045.4.3.3',
  rsassaPss: '1.2.840.113549.1.1.10',
  mgf1: '1.2.840.113549.1.1.8',
  sha384: '2.16.840.1.101.3.4.2.2',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
} as const;

/** Critical extensions this code understands (RFC 5280 §4.2: refuse any other critical one). */
const UNDERSTOOD_CRITICAL: readonly string[] = [OID.basicConstraints, OID.keyUsage];
/** keyUsage bit 5 (RFC 5280 §4.2.1.3). */
const KEY_CERT_SIGN = 5;

export type CertificateKey =
  | { readonly type: 'ec'; readonly curve: 'P-256' | 'P-384'; readonly point: Uint8Array }
  | { readonly type: 'rsa'; readonly spki: Uint8Array };

/** ECDSA with SHA-256/384 (RFC 5758 §3.2), or RSASSA-PSS with SHA-384 and MGF1-SHA-384 (RFC 4055 §3.1). */
export type CertificateSignatureAlgorithm =
  | { readonly type: 'ecdsa'; readonly hash: 'SHA-256' | 'SHA-384' }
  | { readonly type: 'rsa-pss'; readonly hash: 'SHA-384'; readonly saltLength: number };

export interface X509Certificate {
  readonly der: Uint8Array;
  /** The signed TBSCertificate, as encoded. */
  readonly tbs: Uint8Array;
  /** The serial number's content octets (two's complement, big-endian). */
  readonly serialNumber: Uint8Array;
  /** The issuer and subject Names, as encoded (compared byte for byte). */
  readonly issuer: Uint8Array;
  readonly subject: Uint8Array;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly publicKey: CertificateKey;
  readonly signatureAlgorithm: CertificateSignatureAlgorithm;
  readonly signature: Uint8Array;
  /** basicConstraints: whether the key may sign certificates, and the path length limit. */
  readonly ca: boolean;
  readonly pathLength?: number;
  /** Whether keyUsage, if present, allows keyCertSign. */
  readonly mayCertify: boolean;
  /** Extension values (the extnValue contents) by OID; each OID at most once. */
  readonly extensions: ReadonlyMap<string, Uint8Array>;
}

const malformed = (cause?: unknown): AttestationError => new AttestationError('MALFORMED', { cause });
const unsupported = (): AttestationError => new AttestationError('UNSUPPORTED');
const view = (value: ArrayBuffer | Uint8Array): Uint8Array => new Uint8Array(value).slice();

/** Decodes one DER value that must be the whole of `bytes` and re-encode to them (X.690 §10): asn1js
 *  reads BER and lets a length run past its end, so only a round trip proves the encoding DER. */
export function decodeAsn1(bytes: Uint8Array): asn1js.AsnType {
  const { offset, result } = asn1js.fromBER(bytes);
  if (offset === -1 || offset !== bytes.length || result.error !== '') throw malformed();
  if (!equalBytes(new Uint8Array(result.toBER(false)), bytes)) throw malformed();
  return result;
}

/** Parses a DER certificate; AMD's serial number 0 is accepted (RFC 5280 §4.1.2.2 asks issuers,
 *  not verifiers, for a positive serial). */
export function parseCertificate(der: Uint8Array): X509Certificate {
  let certificate: pkijs.Certificate;
  try {
    certificate = new pkijs.Certificate({ schema: decodeAsn1(der) });
  } catch (cause) {
    throw cause instanceof AttestationError ? cause : malformed(cause);
  }
  if (certificate.version !== 2) throw malformed();
  // §4.1.1.2: the outer algorithm must equal the one inside the signed part.
  const outer = certificate.signatureAlgorithm.toSchema().toBER();
  const inner = certificate.signature.toSchema().toBER();
  if (!equalBytes(new Uint8Array(outer), new Uint8Array(inner))) throw malformed();

  const extensions = new Map<string, Uint8Array>();
  let ca = false;
  let pathLength: number | undefined;
  let mayCertify = true;
  for (const extension of certificate.extensions ?? []) {
    if (extensions.has(extension.extnID)) throw malformed();
    const value = view(extension.extnValue.valueBlock.valueHexView);
    extensions.set(extension.extnID, value);
    if (extension.critical && !UNDERSTOOD_CRITICAL.includes(extension.extnID)) throw unsupported();
    if (extension.extnID === OID.basicConstraints) ({ ca, pathLength } = basicConstraints(value));
    if (extension.extnID === OID.keyUsage) mayCertify = keyUsageBit(value, KEY_CERT_SIGN);
  }

  return {
    der: new Uint8Array(der),
    tbs: view(certificate.tbsView),
    serialNumber: view(certificate.serialNumber.valueBlock.valueHexView),
    issuer: encodedName(certificate.issuer),
    subject: encodedName(certificate.subject),
    notBefore: certificate.notBefore.value,
    notAfter: certificate.notAfter.value,
    publicKey: publicKey(certificate.subjectPublicKeyInfo),
    signatureAlgorithm: signatureAlgorithm(certificate.signatureAlgorithm),
    signature: bitString(certificate.signatureValue),
    ca,
    ...(pathLength === undefined ? {} : { pathLength }),
    mayCertify,
    extensions,
  };
}

/** The DER certificates of a PEM text, in order (RFC 7468 §5); anything else in the text is refused. */
export function parsePemCertificates(pem: string): Uint8Array[] {
  const blocks = pem
    .trim()
    .split(/(?<=-----END CERTIFICATE-----)\s*/u)
    .filter((block) => block !== '');
  return blocks.map((block) => {
    const match = /^-----BEGIN CERTIFICATE-----\s*([A-Za-z0-9+/=\s]+?)\s*-----END CERTIFICATE-----$/u.exec(block);
    if (!match) throw malformed();
    const der = decodeBase64(match[1]!.replace(/\s+/gu, ''));
    if (der.length === 0) throw malformed();
    return der;
  });
}

/** The octets of a BIT STRING that holds whole octets (a signature or a key). */
export function bitString(value: asn1js.BitString): Uint8Array {
  if (value.valueBlock.unusedBits !== 0) throw malformed();
  return view(value.valueBlock.valueHexView);
}

function decodeBase64(text: string): Uint8Array {
  if (text.length % 4 !== 0) throw malformed();
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch (cause) {
    throw malformed(cause);
  }
}

export function encodedName(name: pkijs.RelativeDistinguishedNames): Uint8Array {
  const encoded = name.valueBeforeDecode;
  if (encoded.byteLength === 0) throw malformed();
  return view(encoded);
}

function publicKey(info: pkijs.PublicKeyInfo): CertificateKey {
  const key = bitString(info.subjectPublicKey);
  switch (info.algorithm.algorithmId) {
    case OID.ecPublicKey: {
      const parameters = info.algorithm.algorithmParams;
      const curve = parameters instanceof asn1js.ObjectIdentifier ? parameters.valueBlock.toString() : '';
      const [name, size] = curve === OID.secp384r1 ? (['P-384', 97] as const) : (['P-256', 65] as const);
      if (curve !== OID.secp384r1 && curve !== OID.secp256r1) throw unsupported();
      if (key.length !== size || key[0] !== 4) throw malformed();
      return { type: 'ec', curve: name, point: key };
    }
    case OID.rsaEncryption:
      return { type: 'rsa', spki: new Uint8Array(info.toSchema().toBER()) };
    default:
      throw unsupported();
  }
}

export function signatureAlgorithm(algorithm: pkijs.AlgorithmIdentifier): CertificateSignatureAlgorithm {
  switch (algorithm.algorithmId) {
    case OID.ecdsaWithSha256:
      return { type: 'ecdsa', hash: 'SHA-256' };
    case OID.ecdsaWithSha384:
      return { type: 'ecdsa', hash: 'SHA-384' };
    case OID.rsassaPss: {
      let parameters: pkijs.RSASSAPSSParams;
      try {
        parameters = new pkijs.RSASSAPSSParams({ schema: algorithm.algorithmParams });
      } catch (cause) {
        throw malformed(cause);
      }
      const mgfHash = parameters.maskGenAlgorithm.algorithmParams;
      const mgfHashId = mgfHash ? new pkijs.AlgorithmIdentifier({ schema: mgfHash }).algorithmId : '';
      if (
        parameters.hashAlgorithm.algorithmId !== OID.sha384 ||
        parameters.maskGenAlgorithm.algorithmId !== OID.mgf1 ||
        mgfHashId !== OID.sha384 ||
        parameters.trailerField !== 1
      ) {
        throw unsupported();
      }
      return { type: 'rsa-pss', hash: 'SHA-384', saltLength: parameters.saltLength };
    }
    default:
      throw unsupported();
  }
}

/** RFC 5280 §4.2.1.9: BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER OPTIONAL } */
function basicConstraints(value: Uint8Array): { ca: boolean; pathLength?: number } {
  let parsed: pkijs.BasicConstraints;
  try {
    parsed = new pkijs.BasicConstraints({ schema: decodeAsn1(value) });
  } catch (cause) {
    throw malformed(cause);
  }
  const limit = parsed.pathLenConstraint;
  if (limit === undefined) return { ca: parsed.cA };
  const pathLength = typeof limit === 'number' ? limit : limit.valueBlock.valueDec;
  if (!Number.isSafeInteger(pathLength) || pathLength < 0) throw malformed();
  return { ca: parsed.cA, pathLength };
}

/** RFC 5280 §4.2.1.3: KeyUsage ::= BIT STRING; whether bit `bit` is set. */
function keyUsageBit(value: Uint8Array, bit: number): boolean {
  const usage = decodeAsn1(value);
  if (!(usage instanceof asn1js.BitString)) throw malformed();
  const bits = usage.valueBlock.valueHexView;
  return bit >> 3 < bits.length && ((bits[bit >> 3]! >> (7 - (bit & 7))) & 1) === 1;
}
