// The NVIDIA H100 verifier: SPDM 1.1 GET_MEASUREMENTS evidence and the device certificate chain
// (GSP FMC leaf ← GSP BROM ← Provisioner ICA ← GH100 Identity ← NVIDIA Device Identity CA), checked at
// a given time against the pinned root; then the evidence signature by the leaf, the leaf's FWID
// (TCG DICE CompositeDeviceID, 2.23.133.5.4.1) against the evidence's, the nonce and the reference
// measurements. Any failure throws AttestationError.
import { equalBytes, hexToBytes } from '../utils/bytes.js';
import * as asn1js from 'asn1js';
import { bytes, describe, objectArgument, optionsArgument } from '../utils/arguments.js';
import { AttestationError } from './attestation-error.js';
import type { AttestationResult } from './attestation-result.js';
import { cachedCertificateParser } from './certificate-cache.js';
import { verifyCertificateChain } from './certificate-chain.js';
import { verifyH100Evidence, type H100ReferenceMeasurements } from './nvidia-h100.js';
import type { H100Evidence } from './nvidia-spdm.js';
import { verificationTime } from './verification-time.js';
import { decodeAsn1, parsePemCertificates, type X509Certificate } from './x509.js';

/** A trusted root of the H100 device chain, pinned by its SHA-256. */
export interface H100Root {
  /** SHA-256 of the root certificate's DER. */
  readonly rootSha256: Uint8Array;
}

/** The NVIDIA Device Identity CA (ECDSA P-384), as NVIDIA's attestation SDK pins it. */
const NVIDIA_DEVICE_IDENTITY_CA: H100Root = Object.freeze({
  rootSha256: hexToBytes('102bf659d5419614c9d8e6aecebc80454eb26b1df6a769ac720b9a690b167b48'),
});
const CHAIN_LENGTH = 5;
const OID_DICE_COMPOSITE_DEVICE_ID = '2.23.133.5.4.1';
const OID_SHA384 = '2.16.840.1.101.3.4.2.2';

/** The relying party's H100 policy: reference measurements, trailing bytes. */
export interface H100PolicyOptions {
  /** Each index given must be measured with exactly this value (else POLICY). */
  readonly referenceMeasurements?: H100ReferenceMeasurements;
  /** Accept zero bytes after the signature (default false: MALFORMED). */
  readonly allowTrailingZeros?: boolean;
}

/** Options of `attestation.h100.verifier`. */
export interface H100VerifierOptions {
  /** Trusted roots (default: the NVIDIA Device Identity CA). */
  readonly roots?: readonly H100Root[];
  readonly policy?: H100PolicyOptions;
}

/** The device certificate chain, leaf first: PEM text or DER certificates. */
export interface H100Endorsements {
  readonly chain: string | readonly Uint8Array[];
}

/** Options of {@link H100Verifier.verify}: the verification time and the expected nonce. */
export interface H100VerifyOptions {
  readonly at: Date;
  /** The 32-byte nonce the relying party put in the request (else REPORT_DATA). */
  readonly nonce: Uint8Array;
}

/** A verified H100's result: measurements by SPDM index, the nonce, the driver and VBIOS versions. */
export interface H100Result extends AttestationResult<'nvidia-h100', H100Evidence> {
  readonly driverVersion: string;
  readonly vbiosVersion: string;
  readonly fwid: Uint8Array;
}

/** An H100 evidence verifier, from `attestation.h100.verifier`. */
export interface H100Verifier {
  /** Verifies `evidence` with the device chain at time `options.at`, for `options.nonce`. */
  verify(evidence: Uint8Array, endorsements: H100Endorsements, options: H100VerifyOptions): Promise<H100Result>;
}

export function h100Verifier(options?: H100VerifierOptions): H100Verifier {
  const o = optionsArgument(options);
  const roots = o.roots === undefined ? [NVIDIA_DEVICE_IDENTITY_CA] : rootsArgument(o.roots);
  const policy = optionsArgument(o.policy, 'policy');
  const pins = roots.map((root) => root.rootSha256);
  const parse = cachedCertificateParser();

  return Object.freeze({
    async verify(evidence: Uint8Array, endorsements: H100Endorsements, verifyOptions: H100VerifyOptions) {
      bytes(evidence, 'evidence');
      const { chain } = objectArgument<H100Endorsements>(endorsements, 'endorsements');
      const { at, nonce } = objectArgument<H100VerifyOptions>(verifyOptions, 'options');
      const time = verificationTime(at);
      const ders = chainArgument(chain);
      bytes(nonce, 'nonce', 32);

      const certificates = ders.map(parse);
      if (certificates.length !== CHAIN_LENGTH) throw new AttestationError('CHAIN');
      const root = await verifyCertificateChain(certificates, { roots: pins, at: time });
      const leaf = certificates[0]!;
      if (leaf.publicKey.type !== 'ec' || leaf.publicKey.curve !== 'P-384') throw new AttestationError('UNSUPPORTED');

      const verified = verifyH100Evidence(evidence, {
        leafPublicKey: leaf.publicKey.point,
        nonce: nonce!,
        ...(policy.referenceMeasurements === undefined ? {} : { referenceMeasurements: policy.referenceMeasurements }),
        ...(policy.allowTrailingZeros === undefined ? {} : { allowTrailingZeros: policy.allowTrailingZeros }),
      });
      if (!equalBytes(certifiedFwid(leaf), verified.fwid)) throw new AttestationError('CHAIN');

      return Object.freeze({
        platform: 'nvidia-h100' as const,
        measurements: new Map([...verified.measurements].map(([index, value]) => [String(index), value])),
        reportData: verified.nonce,
        tcb: {},
        // H100 evidence states no debug mode; devtools mode changes the measurements instead.
        debug: false,
        root,
        verifiedAt: new Date(time),
        evidence: verified.evidence,
        driverVersion: verified.driverVersion,
        vbiosVersion: verified.vbiosVersion,
        fwid: verified.fwid,
      });
    },
  });
}

/** CompositeDeviceID ::= SEQUENCE { version INTEGER, asymDeviceId SubjectPublicKeyInfo,
 *  deviceFwid FWID }, FWID ::= SEQUENCE { hashAlg OBJECT IDENTIFIER, fwid OCTET STRING }
 *  (TCG Implicit Identity Based Device Attestation 1.0 §6.1.1). */
function certifiedFwid(leaf: X509Certificate): Uint8Array {
  const extension = leaf.extensions.get(OID_DICE_COMPOSITE_DEVICE_ID);
  if (extension === undefined) throw new AttestationError('CHAIN');
  const value = decodeAsn1(extension);
  const fields = value instanceof asn1js.Sequence ? value.valueBlock.value : [];
  const fwid = fields[2];
  const parts = fwid instanceof asn1js.Sequence ? fwid.valueBlock.value : [];
  const [algorithm, digest] = parts;
  if (
    fields.length !== 3 ||
    parts.length !== 2 ||
    !(algorithm instanceof asn1js.ObjectIdentifier) ||
    algorithm.valueBlock.toString() !== OID_SHA384 ||
    !(digest instanceof asn1js.OctetString) ||
    digest.valueBlock.valueHexView.length !== 48
  ) {
    throw new AttestationError('MALFORMED');
  }
  return digest.valueBlock.valueHexView.slice();
}

function chainArgument(chain: unknown): Uint8Array[] {
  if (typeof chain === 'string') return parsePemCertificates(chain);
  if (Array.isArray(chain)) return chain.map((der, i) => bytes(der, `endorsements.chain[${i}]`));
  throw new TypeError(`"endorsements.chain" expected string or array, got ${describe(chain)}`);
}

function rootsArgument(value: unknown): H100Root[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new TypeError(`"roots" expected a non-empty array, got ${describe(value)}`);
  }
  return value.map((root: H100Root, i) => {
    objectArgument(root, `roots[${i}]`);
    return Object.freeze({ rootSha256: new Uint8Array(bytes(root.rootSha256, `roots[${i}].rootSha256`, 32)) });
  });
}
