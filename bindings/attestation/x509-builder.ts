// Builds and signs X.509 v3 certificates and v2 CRLs (RFC 5280 §4, §5) with pkijs and asn1js, for
// the simulated TEEs. The TBS DER is built with pkijs and signed here with WebCrypto, so nothing
// depends on pkijs' global crypto engine. Encodings follow AMD's own certificates (AMD 57230).
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { encodeBase64 } from '../utils/base64.js';

const OID_RSASSA_PSS = '1.2.840.113549.1.1.10';
const OID_MGF1 = '1.2.840.113549.1.1.8';
const OID_SHA384 = '2.16.840.1.101.3.4.2.2';
const OID_EC_PUBLIC_KEY = '1.2.840.10045.2.1';
const OID_SECP384R1 = '1.3.132.0.34';
const OID_SUBJECT_KEY_IDENTIFIER = '2.5.29.14';
const OID_KEY_USAGE = '2.5.29.15';
const OID_BASIC_CONSTRAINTS = '2.5.29.19';
const OID_CRL_NUMBER = '2.5.29.20';
const OID_CRL_DISTRIBUTION_POINTS = '2.5.29.31';
const OID_AUTHORITY_KEY_IDENTIFIER = '2.5.29.35';

/** RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050. */
const GENERALIZED_TIME_FROM = Date.UTC(2050, 0, 1);

/** Signs a TBS structure; `algorithm` goes in both the TBS and the outer signatureAlgorithm. */
export interface X509Signer {
  readonly algorithm: () => pkijs.AlgorithmIdentifier;
  readonly sign: (tbs: Uint8Array) => Promise<Uint8Array>;
}

/** WebCrypto parameters of RSASSA-PSS with SHA-384 and a 48-byte salt, as AMD signs. */
export const RSA_PSS_SHA384 = Object.freeze({ name: 'RSA-PSS', saltLength: 48 });

const sha384Identifier = (): asn1js.Sequence =>
  new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: OID_SHA384 }), new asn1js.Null()] });

/**
 * RSASSA-PSS-params (RFC 4055 §3.1) exactly as in AMD's ARK, ASK and VCEK: SHA-384 with explicit
 * NULL parameters, MGF1 with SHA-384, salt length 48, and the default trailerField 1 written out.
 */
export function rsaPssSha384Algorithm(): pkijs.AlgorithmIdentifier {
  const explicit = (tag: number, value: asn1js.AsnType): asn1js.Constructed =>
    new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: tag }, value: [value] });
  const params = new asn1js.Sequence({
    value: [
      explicit(0, sha384Identifier()),
      explicit(
        1,
        new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: OID_MGF1 }), sha384Identifier()] }),
      ),
      explicit(2, new asn1js.Integer({ value: 48 })),
      explicit(3, new asn1js.Integer({ value: 1 })),
    ],
  });
  return new pkijs.AlgorithmIdentifier({ algorithmId: OID_RSASSA_PSS, algorithmParams: params });
}

/** An X509Signer over a WebCrypto RSA-PSS private key (hash SHA-384). */
export function rsaPssSigner(privateKey: CryptoKey): X509Signer {
  return {
    algorithm: rsaPssSha384Algorithm,
    sign: async (tbs) => new Uint8Array(await crypto.subtle.sign(RSA_PSS_SHA384, privateKey, arrayBuffer(tbs))),
  };
}

/** A Name (RFC 5280 §4.1.2.4), one attribute per RDN, in the order given. */
export type NameAttribute = readonly [oid: string, value: string, kind: 'utf8' | 'printable'];

export function distinguishedName(attributes: readonly NameAttribute[]): pkijs.RelativeDistinguishedNames {
  const rdns = attributes.map(([oid, value, kind]) => {
    const string = kind === 'printable' ? new asn1js.PrintableString({ value }) : new asn1js.Utf8String({ value });
    return new asn1js.Set({
      value: [new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: oid }), string] })],
    });
  });
  // pkijs would put every attribute in one SET; parsing our own DER keeps it as written.
  return pkijs.RelativeDistinguishedNames.fromBER(new asn1js.Sequence({ value: rdns }).toBER());
}

/** An extension whose extnValue is the DER of `value`. */
export function extension(oid: string, value: asn1js.AsnType | Uint8Array, critical = false): pkijs.Extension {
  const der = value instanceof Uint8Array ? arrayBuffer(value) : value.toBER();
  return new pkijs.Extension({ extnID: oid, critical, extnValue: der });
}

/** Key usage bits (RFC 5280 §4.2.1.3). */
export const KEY_CERT_SIGN = 0x04;
export const CRL_SIGN = 0x02;

/**
 * keyUsage, critical, in one byte with one unused bit as AMD encodes it (03 02 01 04 for keyCertSign,
 * 03 02 01 06 with cRLSign), even where DER would count two unused bits.
 */
export const keyUsage = (bits: number): pkijs.Extension =>
  extension(OID_KEY_USAGE, Uint8Array.of(0x03, 0x02, 0x01, bits), true);

/** basicConstraints, critical (RFC 5280 §4.2.1.9): cA TRUE, with pathLenConstraint if given. */
export function basicConstraints(pathLength?: number): pkijs.Extension {
  const value: asn1js.AsnType[] = [new asn1js.Boolean({ value: true })];
  if (pathLength !== undefined) value.push(new asn1js.Integer({ value: pathLength }));
  return extension(OID_BASIC_CONSTRAINTS, new asn1js.Sequence({ value }), true);
}

export const subjectKeyIdentifier = (id: Uint8Array): pkijs.Extension =>
  extension(OID_SUBJECT_KEY_IDENTIFIER, new asn1js.OctetString({ valueHex: arrayBuffer(id) }));

/** authorityKeyIdentifier with keyIdentifier only (RFC 5280 §4.2.1.1). */
export const authorityKeyIdentifier = (id: Uint8Array): pkijs.Extension =>
  extension(
    OID_AUTHORITY_KEY_IDENTIFIER,
    new asn1js.Sequence({
      value: [new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 }, valueHex: arrayBuffer(id) })],
    }),
  );

/** cRLDistributionPoints with one fullName URI (RFC 5280 §4.2.1.13). */
export function crlDistributionPoint(uri: string): pkijs.Extension {
  const generalName = new asn1js.Primitive({
    idBlock: { tagClass: 3, tagNumber: 6 },
    valueHex: arrayBuffer(new TextEncoder().encode(uri)),
  });
  const tagged = (value: asn1js.AsnType): asn1js.Constructed =>
    new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [value] });
  const point = new asn1js.Sequence({ value: [tagged(tagged(generalName))] });
  return extension(OID_CRL_DISTRIBUTION_POINTS, new asn1js.Sequence({ value: [point] }));
}

/** cRLNumber (RFC 5280 §5.2.3). */
export const crlNumber = (n: bigint): pkijs.Extension => extension(OID_CRL_NUMBER, asn1js.Integer.fromBigInt(n));

/** Key identifier method (1) of RFC 5280 §4.2.1.2: SHA-1 of the subjectPublicKey bits (as AMD's). */
export async function keyIdentifier(subjectPublicKeyInfo: Uint8Array): Promise<Uint8Array> {
  const spki = pkijs.PublicKeyInfo.fromBER(arrayBuffer(subjectPublicKeyInfo));
  const bits = spki.subjectPublicKey.valueBlock.valueHexView;
  return new Uint8Array(await crypto.subtle.digest('SHA-1', arrayBuffer(bits)));
}

/** SubjectPublicKeyInfo (DER) of a P-384 public key, SEC1 uncompressed (RFC 5480 §2). */
export function p384PublicKeyInfo(point: Uint8Array): Uint8Array {
  const spki = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [
          new asn1js.ObjectIdentifier({ value: OID_EC_PUBLIC_KEY }),
          new asn1js.ObjectIdentifier({ value: OID_SECP384R1 }),
        ],
      }),
      new asn1js.BitString({ valueHex: arrayBuffer(point) }),
    ],
  });
  return new Uint8Array(spki.toBER());
}

/** A Time: whole seconds (RFC 5280 §4.1.2.5.1, §4.1.2.5.2 forbid fractions), UTC or Generalized. */
export function x509Time(date: Date): pkijs.Time {
  const seconds = new Date(Math.floor(date.getTime() / 1000) * 1000);
  return new pkijs.Time({ type: seconds.getTime() < GENERALIZED_TIME_FROM ? 0 : 1, value: seconds });
}

export interface CertificateFields {
  readonly serialNumber: bigint;
  readonly issuer: pkijs.RelativeDistinguishedNames;
  readonly subject: pkijs.RelativeDistinguishedNames;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** SubjectPublicKeyInfo, DER. */
  readonly subjectPublicKeyInfo: Uint8Array;
  readonly extensions: readonly pkijs.Extension[];
}

/** A signed X.509 v3 certificate (DER). */
export async function buildCertificate(fields: CertificateFields, signer: X509Signer): Promise<Uint8Array> {
  const certificate = new pkijs.Certificate({
    version: 2,
    serialNumber: asn1js.Integer.fromBigInt(fields.serialNumber),
    signature: signer.algorithm(),
    issuer: fields.issuer,
    subject: fields.subject,
    notBefore: x509Time(fields.notBefore),
    notAfter: x509Time(fields.notAfter),
    subjectPublicKeyInfo: pkijs.PublicKeyInfo.fromBER(arrayBuffer(fields.subjectPublicKeyInfo)),
    extensions: [...fields.extensions],
    signatureAlgorithm: signer.algorithm(),
  });
  const tbs = new Uint8Array(certificate.encodeTBS().toBER());
  certificate.tbsView = tbs;
  certificate.signatureValue = new asn1js.BitString({ valueHex: arrayBuffer(await signer.sign(tbs)) });
  return new Uint8Array(certificate.toSchema().toBER());
}

export interface RevokedEntry {
  readonly serialNumber: bigint;
  readonly revocationDate: Date;
}

export interface CrlFields {
  readonly issuer: pkijs.RelativeDistinguishedNames;
  readonly thisUpdate: Date;
  readonly nextUpdate: Date;
  readonly revoked: readonly RevokedEntry[];
  readonly extensions: readonly pkijs.Extension[];
}

/** A signed X.509 v2 CRL (DER); revokedCertificates is left out when empty (RFC 5280 §5.1.2.6). */
export async function buildCrl(fields: CrlFields, signer: X509Signer): Promise<Uint8Array> {
  const revoked = fields.revoked.map(
    (entry) =>
      new pkijs.RevokedCertificate({
        userCertificate: asn1js.Integer.fromBigInt(entry.serialNumber),
        revocationDate: x509Time(entry.revocationDate),
      }),
  );
  const crl = new pkijs.CertificateRevocationList({
    version: 1,
    signature: signer.algorithm(),
    issuer: fields.issuer,
    thisUpdate: x509Time(fields.thisUpdate),
    nextUpdate: x509Time(fields.nextUpdate),
    ...(revoked.length > 0 ? { revokedCertificates: revoked } : {}),
    crlExtensions: new pkijs.Extensions({ extensions: [...fields.extensions] }),
    signatureAlgorithm: signer.algorithm(),
  });
  // CertificateRevocationList.encodeTBS is protected: encode the whole list and take its TBS.
  const tbs = new Uint8Array((crl.toSchema(true).valueBlock.value[0] as asn1js.Sequence).toBER());
  crl.tbsView = tbs;
  crl.signatureValue = new asn1js.BitString({ valueHex: arrayBuffer(await signer.sign(tbs)) });
  return new Uint8Array(crl.toSchema().toBER());
}

/** PEM text of a DER object (RFC 7468 §2), 64 characters a line. */
export function pem(label: string, der: Uint8Array): string {
  const lines = encodeBase64(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** A copy in a fresh ArrayBuffer: what WebCrypto and asn1js take. */
function arrayBuffer(data: Uint8Array): ArrayBuffer {
  return data.slice().buffer;
}
