// A node's side of an attested key bundle: it binds its key config and expiry into report data,
// has its TEE attest to it, and packs the evidence, the endorsements, the release statement and the
// statement's tlog-proof. The private key never enters here; the key config is public.
import type { H100Endorsements } from '../attestation/nvidia-h100-verifier.js';
import type { SevSnpEndorsements } from '../attestation/sev-snp-verifier.js';
import { parsePemCertificates } from '../attestation/x509.js';
import type { KeyConfig } from '../ohttp/key-config.js';
import { bytes, describe, objectArgument } from '../utils/arguments.js';
import { encodeBundle } from './bundle-format.js';
import { parseReleaseStatement, releaseStatement, type ReleaseStatement } from './release-statement.js';
import { bindingOf, boundPart, keyConfigOf, secondsOf } from './report-data.js';

/** The TEE's attestation: evidence whose report data is `reportData` (64 bytes for SEV-SNP, the
 *  32-byte nonce for H100), e.g. `(reportData) => sim.attest({ reportData, measurement })`. */
export type Attester = (reportData: Uint8Array) => Uint8Array | Promise<Uint8Array>;

/** Options of {@link session.createBundle}. */
export interface CreateBundleOptions {
  readonly keyConfig: KeyConfig | Uint8Array;
  /** When the key expires; at most 24 h after the bundle is verified, or verifiers refuse it. */
  readonly expiry: Date;
  /** The TEE's attester, or evidence already made over `session.reportData(keyConfig, expiry)`. */
  readonly attester: Attester | Uint8Array;
  /** SEV-SNP: the VCEK or VLEK, the ASK/ARK chain (PEM or DER) and CRLs; H100: the device chain. */
  readonly endorsements: SevSnpEndorsements | H100Endorsements;
  /** The release statement of the node's measurement (its encoding as logged, or its parts); the
   *  bundle's platform is the statement's. */
  readonly statement: Uint8Array | ReleaseStatement;
  /** The c2sp.org/tlog-proof of the statement's inclusion in the log. */
  readonly proof: string | Uint8Array;
}

function certificateList(value: unknown, name: string): Uint8Array[] {
  if (typeof value === 'string') return parsePemCertificates(value);
  if (Array.isArray(value)) return value.map((der, i) => bytes(der, `${name}[${i}]`));
  throw new TypeError(`"${name}" expected string or array, got ${describe(value)}`);
}

/** The encoded attested key bundle. */
export async function createBundle(options: CreateBundleOptions): Promise<Uint8Array> {
  const o = objectArgument<CreateBundleOptions>(options, 'options');
  const { encoded: keyConfig } = keyConfigOf(o.keyConfig, 'options.keyConfig');
  const expiry = secondsOf(o.expiry, 'options.expiry');
  const statement =
    o.statement instanceof Uint8Array
      ? o.statement
      : releaseStatement(objectArgument<ReleaseStatement>(o.statement, 'options.statement') as ReleaseStatement);
  const { platform } = parseReleaseStatement(statement);
  const e = objectArgument<SevSnpEndorsements & H100Endorsements>(o.endorsements, 'options.endorsements');
  const chain = certificateList(e.chain, 'options.endorsements.chain');
  const certificates = platform === 'sev-snp' ? [bytes(e.signer, 'options.endorsements.signer'), ...chain] : chain;
  if (e.crls !== undefined && !Array.isArray(e.crls))
    throw new TypeError(`"options.endorsements.crls" expected an array, got ${describe(e.crls)}`);
  const crls = e.crls ?? [];

  const attester = o.attester;
  let evidence: Uint8Array;
  if (attester instanceof Uint8Array) evidence = attester;
  else if (typeof attester === 'function')
    evidence = bytes(
      await attester(boundPart(bindingOf(keyConfig, expiry), platform)),
      'the evidence the attester returned',
    );
  else throw new TypeError(`"options.attester" expected a function or Uint8Array, got ${describe(attester)}`);

  return encodeBundle({
    platform,
    expiry: new Date(expiry * 1000),
    keyConfig,
    evidence,
    certificates,
    crls,
    statement,
    proof: o.proof!,
  });
}
