// The simulated AMD key chain: a test-only ARK (RSA-4096, self-signed), an ASK it signs, and a VCEK
// certificate for a P-384 key, each laid out like AMD's own (AMD 57230 "Versioned Chip Endorsement
// Key (VCEK) Certificate and KDS Interface Specification": names, serial numbers, extensions in the
// same order, RSASSA-PSS SHA-384). Only the common names say SIMULATED, and the CRL URL is not AMD's.
import * as asn1js from 'asn1js';
import type * as pkijs from 'pkijs';
import type { SevSnpProduct } from './sev-snp-roots.js';
import {
  authorityKeyIdentifier,
  basicConstraints,
  buildCertificate,
  buildCrl,
  CRL_SIGN,
  crlDistributionPoint,
  crlNumber,
  distinguishedName,
  extension,
  KEY_CERT_SIGN,
  keyIdentifier,
  keyUsage,
  p384PublicKeyInfo,
  rsaPssSigner,
  subjectKeyIdentifier,
  type RevokedEntry,
  type X509Signer,
} from './x509-builder.js';

/** The SPLs a VCEK certifies; `fmc` on Turin only. */
export interface SevSnpSimTcb {
  readonly bootloader: number;
  readonly tee: number;
  readonly snp: number;
  readonly microcode: number;
  readonly fmc?: number;
}

/** AMD numbers each product's ARK serial 0x01_0000 (Milan), 0x02_0000 (Genoa), 0x03_0000 (Turin); the ASK is one more. */
const ARK_SERIAL: Record<SevSnpProduct, bigint> = { Milan: 0x10000n, Genoa: 0x20000n, Turin: 0x30000n };
/** AMD's ARK and ASK are valid for 25 years, a VCEK for 7. */
export const CA_YEARS = 25;
export const VCEK_YEARS = 7;

// AMD 57230 Table 8: VCEK certificate extensions.
const AMD_OID = '1.3.6.1.4.1.3704.1';
const OID_STRUCT_VERSION = `${AMD_OID}.1`;
const OID_PRODUCT_NAME = `${AMD_OID}.2`;
const OID_SPL = (n: number): string => `${AMD_OID}.3.${n}`;
const OID_HW_ID = `${AMD_OID}.4`;

const RSA_PSS_4096 = {
  name: 'RSA-PSS',
  modulusLength: 4096,
  publicExponent: Uint8Array.of(1, 0, 1),
  hash: 'SHA-384',
} as const;

/** AMD's subject and issuer names: OU, C, L, ST, O, CN, one attribute per RDN. */
const amdName = (commonName: string): pkijs.RelativeDistinguishedNames =>
  distinguishedName([
    ['2.5.4.11', 'Engineering', 'utf8'],
    ['2.5.4.6', 'US', 'printable'],
    ['2.5.4.7', 'Santa Clara', 'utf8'],
    ['2.5.4.8', 'CA', 'utf8'],
    ['2.5.4.10', 'Advanced Micro Devices', 'utf8'],
    ['2.5.4.3', commonName, 'utf8'],
  ]);

export const addYears = (date: Date, years: number): Date => {
  const next = new Date(date.getTime());
  next.setUTCFullYear(next.getUTCFullYear() + years);
  return next;
};

export interface SimChainParameters {
  readonly product: SevSnpProduct;
  readonly productName: string;
  readonly tcb: SevSnpSimTcb;
  readonly chipId: Uint8Array;
  /** The VCEK public key, SEC1 uncompressed. */
  readonly vcekPublicKey: Uint8Array;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly crlUrl: string;
}

export interface SimChain {
  readonly ark: Uint8Array;
  readonly ask: Uint8Array;
  readonly vcek: Uint8Array;
  readonly arkSerialNumber: bigint;
  readonly askSerialNumber: bigint;
  /** Signs the product's CRL with the ARK (RSA-PSS), as AMD's KDS publishes one per product. */
  readonly crl: (thisUpdate: Date, nextUpdate: Date, revoked: readonly RevokedEntry[]) => Promise<Uint8Array>;
}

const rsaKeyPair = (): Promise<CryptoKeyPair> =>
  crypto.subtle.generateKey(RSA_PSS_4096, false, ['sign', 'verify']) as Promise<CryptoKeyPair>;

const spki = async (key: CryptoKey): Promise<Uint8Array> => new Uint8Array(await crypto.subtle.exportKey('spki', key));

/** A DER INTEGER extension value, as AMD writes each SPL and structVersion. */
const integerExtension = (oid: string, value: number): pkijs.Extension => extension(oid, new asn1js.Integer({ value }));

/** Generates the ARK and ASK keys (seconds: RSA-4096) and issues the three certificates. */
export async function buildSimChain(p: SimChainParameters): Promise<SimChain> {
  const [arkKeys, askKeys] = await Promise.all([rsaKeyPair(), rsaKeyPair()]);
  const [arkSpki, askSpki] = await Promise.all([spki(arkKeys.publicKey), spki(askKeys.publicKey)]);
  const [arkId, askId] = await Promise.all([keyIdentifier(arkSpki), keyIdentifier(askSpki)]);
  const arkSigner: X509Signer = rsaPssSigner(arkKeys.privateKey);
  const arkName = amdName(`ARK-${p.product}-SIMULATED`);
  const askName = amdName(`SEV-${p.product}-SIMULATED`);
  const arkSerialNumber = ARK_SERIAL[p.product];
  const askSerialNumber = arkSerialNumber + 1n;
  // The CA certificates outlive every VCEK they issue.
  const caNotAfter = new Date(Math.max(addYears(p.notBefore, CA_YEARS).getTime(), p.notAfter.getTime()));

  const ark = await buildCertificate(
    {
      serialNumber: arkSerialNumber,
      issuer: arkName,
      subject: arkName,
      notBefore: p.notBefore,
      notAfter: caNotAfter,
      subjectPublicKeyInfo: arkSpki,
      extensions: [
        keyUsage(KEY_CERT_SIGN | CRL_SIGN),
        subjectKeyIdentifier(arkId),
        basicConstraints(),
        crlDistributionPoint(p.crlUrl),
      ],
    },
    arkSigner,
  );
  const ask = await buildCertificate(
    {
      serialNumber: askSerialNumber,
      issuer: arkName,
      subject: askName,
      notBefore: p.notBefore,
      notAfter: caNotAfter,
      subjectPublicKeyInfo: askSpki,
      extensions: [
        subjectKeyIdentifier(askId),
        authorityKeyIdentifier(arkId),
        basicConstraints(0),
        keyUsage(KEY_CERT_SIGN),
        crlDistributionPoint(p.crlUrl),
      ],
    },
    arkSigner,
  );
  // AMD 57230 Table 8, in the order of AMD's VCEKs: structVersion, productName, blSPL, teeSPL,
  // the reserved SPLs 4..7 (zero), snpSPL, ucodeSPL, (Turin) fmcSPL, hwID (the raw CHIP_ID).
  const vcekExtensions = [
    integerExtension(OID_STRUCT_VERSION, 0),
    extension(OID_PRODUCT_NAME, new asn1js.IA5String({ value: p.productName })),
    integerExtension(OID_SPL(1), p.tcb.bootloader),
    integerExtension(OID_SPL(2), p.tcb.tee),
    ...[4, 5, 6, 7].map((n) => integerExtension(OID_SPL(n), 0)),
    integerExtension(OID_SPL(3), p.tcb.snp),
    integerExtension(OID_SPL(8), p.tcb.microcode),
    ...(p.tcb.fmc === undefined ? [] : [integerExtension(OID_SPL(9), p.tcb.fmc)]),
    extension(OID_HW_ID, p.chipId),
  ];
  const vcek = await buildCertificate(
    {
      serialNumber: 0n, // AMD's VCEKs all have serial number 0
      issuer: askName,
      subject: amdName('SEV-VCEK-SIMULATED'),
      notBefore: p.notBefore,
      notAfter: p.notAfter,
      subjectPublicKeyInfo: p384PublicKeyInfo(p.vcekPublicKey),
      extensions: vcekExtensions,
    },
    rsaPssSigner(askKeys.privateKey),
  );

  let crlCount = 0n;
  const crl = (thisUpdate: Date, nextUpdate: Date, revoked: readonly RevokedEntry[]): Promise<Uint8Array> =>
    buildCrl(
      {
        issuer: arkName,
        thisUpdate,
        nextUpdate,
        revoked,
        // RFC 5280 §5.2.1, §5.2.3: a conforming CRL carries the authority key id and a CRL number.
        extensions: [authorityKeyIdentifier(arkId), crlNumber(++crlCount)],
      },
      arkSigner,
    );
  return { ark, ask, vcek, arkSerialNumber, askSerialNumber, crl };
}
