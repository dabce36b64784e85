// The attested key bundle's encoding: length-prefixed binary, big-endian, version first, one
// encoding per bundle (docs/session.md, "Attested key bundle"):
//
//   uint8  version = 1
//   uint8  platform                    0x01 sev-snp, 0x02 nvidia-h100
//   uint64 expiry                      POSIX seconds
//   opaque key_config<1..2^16-1>       RFC 9458 §3.1
//   opaque evidence<1..2^16-1>         the SEV-SNP report, or the H100 SPDM evidence
//   uint8  certificate count (1..8), then each opaque certificate<1..2^16-1> (DER, signer first)
//   uint8  crl count (0..8), then each opaque crl<1..2^16-1> (DER)
//   opaque statement<1..2^16-1>        the release statement, as the log holds it
//   opaque proof<1..2^16-1>            the c2sp.org/tlog-proof of the statement, UTF-8
//
// At most 256 KiB. Decoding refuses anything else with SessionError('MALFORMED'): a short or long
// input, an unknown version or platform, an empty field, a count out of bounds, a key config,
// statement or proof that breaks its own format or is not in its one encoding.
import { decodeKeyConfig, encodeKeyConfig, type KeyConfig } from '../ohttp/key-config.js';
import { formatProof, parseProof } from '../tlog/tlog-proof.js';
import { bytes, describe, objectArgument } from '../utils/arguments.js';
import { concat, equalBytes, u16, utf8 } from '../utils/bytes.js';
import { Reader } from '../utils/reader.js';
import { PLATFORM_ID, platformArgument, platformOfId, type BundlePlatform } from './platform.js';
import { parseReleaseStatement, releaseStatement, type ReleaseStatement } from './release-statement.js';
import { keyConfigOf, MAX_SECONDS, secondsOf, uint64 } from './report-data.js';
import { SessionError } from './session-error.js';

export const BUNDLE_VERSION = 1;
export const MAX_BUNDLE_SIZE = 256 * 1024;
export const MAX_CERTIFICATES = 8;
export const MAX_CRLS = 8;
const MAX_FIELD = 0xffff;

/** What a bundle holds, as `encodeBundle` takes it. */
export interface BundleFields {
  /** The TEE platform of the evidence. */
  readonly platform: BundlePlatform;
  /** When the key expires (whole seconds, rounded down); a verifier refuses more than 24 h ahead. */
  readonly expiry: Date;
  /** The node's key configuration (its public part), or its encoding. */
  readonly keyConfig: KeyConfig | Uint8Array;
  /** The TEE's evidence, whose report data binds the key configuration and the expiry ({@link session.reportData}). */
  readonly evidence: Uint8Array;
  /** DER certificates, signer first: SEV-SNP VCEK (or VLEK), ASK (or ASVK), ARK; H100 the device
   *  chain, leaf first. */
  readonly certificates: readonly Uint8Array[];
  /** DER CRLs (SEV-SNP); none by default. */
  readonly crls?: readonly Uint8Array[];
  /** The release statement: its encoding as appended to the log, or its parts. */
  readonly statement: Uint8Array | ReleaseStatement;
  /** The c2sp.org/tlog-proof of the statement's inclusion. */
  readonly proof: string | Uint8Array;
}

/** A decoded bundle: every field, each already checked against its format. */
export interface AttestedKeyBundle {
  /** The format version, {@link session.BUNDLE_VERSION}. */
  readonly version: typeof BUNDLE_VERSION;
  /** The TEE platform of the evidence. */
  readonly platform: BundlePlatform;
  /** When the key expires. */
  readonly expiry: Date;
  /** The node's key configuration. */
  readonly keyConfig: KeyConfig;
  /** The key config's §3.1 encoding, as the report data binds it. */
  readonly encodedKeyConfig: Uint8Array;
  /** The TEE's evidence (an SEV-SNP report, H100 SPDM evidence). */
  readonly evidence: Uint8Array;
  /** DER certificates, signer first. */
  readonly certificates: readonly Uint8Array[];
  /** DER CRLs (SEV-SNP); may be empty. */
  readonly crls: readonly Uint8Array[];
  /** The release statement's encoding: the log entry. */
  readonly statement: Uint8Array;
  /** The release statement's parts. */
  readonly release: ReleaseStatement;
  /** The c2sp.org/tlog-proof of the statement's inclusion. */
  readonly proof: string;
}

function field(value: unknown, name: string): Uint8Array {
  const b = bytes(value, name);
  if (b.length === 0 || b.length > MAX_FIELD)
    throw new RangeError(`"${name}" expected Uint8Array of length 1 to ${MAX_FIELD}, got length=${b.length}`);
  return b;
}

function list(value: unknown, name: string, min: number, max: number): Uint8Array[] {
  if (!Array.isArray(value)) throw new TypeError(`"${name}" expected an array, got ${describe(value)}`);
  if (value.length < min || value.length > max)
    throw new RangeError(`"${name}" expected ${min} to ${max} items, got ${value.length}`);
  return value.map((item, i) => field(item, `${name}[${i}]`));
}

const prefixed = (item: Uint8Array): Uint8Array => concat(u16(item.length), item);

/** The bundle's encoding. Arguments are checked (TypeError, RangeError); the statement and proof
 *  must parse (SessionError or TransparencyError MALFORMED). */
export function encodeBundle(bundle: BundleFields): Uint8Array {
  const b = objectArgument<BundleFields>(bundle, 'bundle');
  const platform = platformArgument(b.platform, 'bundle.platform');
  const expiry = secondsOf(b.expiry, 'bundle.expiry');
  const keyConfig = field(keyConfigOf(b.keyConfig, 'bundle.keyConfig').encoded, 'bundle.keyConfig');
  const evidence = field(b.evidence, 'bundle.evidence');
  const certificates = list(b.certificates, 'bundle.certificates', 1, MAX_CERTIFICATES);
  const crls = list(b.crls ?? [], 'bundle.crls', 0, MAX_CRLS);
  const statement =
    b.statement instanceof Uint8Array
      ? field(b.statement, 'bundle.statement')
      : releaseStatement(objectArgument<ReleaseStatement>(b.statement, 'bundle.statement') as ReleaseStatement);
  parseReleaseStatement(statement);
  const proof = typeof b.proof === 'string' ? utf8(b.proof) : field(b.proof, 'bundle.proof');
  parseProof(proof);
  const out = concat(
    Uint8Array.of(BUNDLE_VERSION, PLATFORM_ID[platform]),
    uint64(expiry),
    prefixed(keyConfig),
    prefixed(evidence),
    Uint8Array.of(certificates.length),
    ...certificates.map(prefixed),
    Uint8Array.of(crls.length),
    ...crls.map(prefixed),
    prefixed(statement),
    prefixed(field(proof, 'bundle.proof')),
  );
  if (out.length > MAX_BUNDLE_SIZE)
    throw new RangeError(`"bundle" expected an encoding of at most ${MAX_BUNDLE_SIZE} bytes, got ${out.length}`);
  return out;
}

/** `run()`, with any failure as SessionError('MALFORMED') and the failure as its cause. */
function malformed<T>(run: () => T): T {
  try {
    return run();
  } catch (cause) {
    throw cause instanceof SessionError ? cause : new SessionError('MALFORMED', { cause });
  }
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The fields of an encoded bundle; SessionError('MALFORMED') unless it is one bundle's one encoding. */
export function decodeBundle(encoded: Uint8Array): AttestedKeyBundle {
  bytes(encoded, 'bundle');
  if (encoded.length > MAX_BUNDLE_SIZE) throw new SessionError('MALFORMED');
  const r = new Reader(encoded, () => new SessionError('MALFORMED'));
  const item = (): Uint8Array => {
    const length = r.uint16();
    if (length === 0) throw new SessionError('MALFORMED');
    return r.take(length);
  };
  const items = (min: number, max: number): Uint8Array[] => {
    const count = r.uint8();
    if (count < min || count > max) throw new SessionError('MALFORMED');
    return Array.from({ length: count }, item);
  };
  if (r.uint8() !== BUNDLE_VERSION) throw new SessionError('MALFORMED');
  const platform = platformOfId(r.uint8());
  if (platform === undefined) throw new SessionError('MALFORMED');
  const expiry = r.uint32() * 2 ** 32 + r.uint32();
  if (expiry > MAX_SECONDS) throw new SessionError('MALFORMED');
  const encodedKeyConfig = item();
  const evidence = item();
  const certificates = items(1, MAX_CERTIFICATES);
  const crls = items(0, MAX_CRLS);
  const statement = item();
  const proofBytes = item();
  r.end();

  const keyConfig = malformed(() => decodeKeyConfig(encodedKeyConfig));
  if (
    !equalBytes(
      malformed(() => encodeKeyConfig(keyConfig)),
      encodedKeyConfig,
    )
  )
    throw new SessionError('MALFORMED');
  const release = parseReleaseStatement(statement);
  const proof = malformed(() => {
    const text = fatalUtf8.decode(proofBytes);
    if (formatProof(parseProof(text)) !== text) throw new SessionError('MALFORMED');
    return text;
  });
  return Object.freeze({
    version: BUNDLE_VERSION,
    platform,
    expiry: new Date(expiry * 1000),
    keyConfig,
    encodedKeyConfig,
    evidence,
    certificates: Object.freeze(certificates),
    crls: Object.freeze(crls),
    statement,
    release,
    proof,
  });
}
