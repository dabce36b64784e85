// The client's check of an attested key bundle, before a byte is encrypted to its key. In order:
//   1. decode (SessionError MALFORMED);
//   2. the platform is accepted and is the statement's (PLATFORM);
//   3. the expiry is after `now` (EXPIRED) and at most 24 h after it (LIFETIME);
//   4. the tlog-proof: its checkpoint under the log policy (LOG, the TransparencyError as cause) and
//      the statement's inclusion in it (UNRELEASED, cause NOT_INCLUDED);
//   5. every CRL is issued by a certificate of the bundle (MALFORMED; AttestationError MALFORMED if
//      one does not parse); then the evidence, chain and policy by the platform's verifier at `now`,
//      with the report data the key config and expiry bind: AttestationError, rethrown as it is
//      (REPORT_DATA for another key);
//   6. the evidence's measurement is the statement's (UNRELEASED).
// The log is checked before the evidence because it is cheaper. A log given as `tlog.verifier`
// also checks the proof's checkpoint against the newest one it has seen (split views); this is the
// hook for the client's consistency tracking: `verify(bundle, { now, consistency })`.
import { equalBytes } from '@noble/curves/utils.js';
import { parseRevocationList } from '../attestation/crl.js';
import { h100Verifier, type H100Result, type H100VerifierOptions } from '../attestation/nvidia-h100-verifier.js';
import { sevSnpVerifier, type SevSnpResult, type SevSnpVerifierOptions } from '../attestation/sev-snp-verifier.js';
import { parseCertificate } from '../attestation/x509.js';
import { sha256 } from '../hash.js';
import type { KeyConfig } from '../ohttp/key-config.js';
import {
  policy as logPolicy,
  type LogPolicy,
  type PolicyOptions,
  type VerifiedProof,
  type WitnessCosignature,
} from '../tlog/log-policy.js';
import type { LogVerifier } from '../tlog/log-verifier.js';
import { leafHash } from '../tlog/merkle.js';
import { TransparencyError } from '../tlog/transparency-error.js';
import { describe, objectArgument, optionsArgument } from '../utils/arguments.js';
import { utf8 } from '../utils/bytes.js';
import { decodeBundle, type AttestedKeyBundle } from './bundle-format.js';
import { measurementOf } from './measurement.js';
import { platformArgument, type BundlePlatform } from './platform.js';
import type { ReleaseStatement } from './release-statement.js';
import { bindingOf, boundPart, secondsOf } from './report-data.js';
import { SessionError } from './session-error.js';

/** The longest a bundle may still be valid for, in seconds. */
export const MAX_BUNDLE_LIFETIME = 24 * 60 * 60;

export interface BundleVerifierOptions {
  /** Per platform: the evidence verifier's roots and policy (defaults: the vendors' roots). */
  readonly attestation?: {
    readonly sevSnp?: SevSnpVerifierOptions;
    readonly h100?: H100VerifierOptions;
  };
  /** The release log: a `tlog.policy`, its options, or a `tlog.verifier` (which also keeps the
   *  newest checkpoint seen and refuses an inconsistent one). */
  readonly log: LogPolicy | LogVerifier | PolicyOptions;
  /** The platforms accepted; default `['sev-snp']`. */
  readonly platforms?: readonly BundlePlatform[];
}

export interface BundleVerifyOptions {
  /** The verification time: the bundle's expiry, the certificates and the witnesses' freshness. */
  readonly now: Date;
  /** With a `tlog.verifier` log: a consistency proof between the newest checkpoint it has seen
   *  and the proof's. */
  readonly consistency?: readonly Uint8Array[];
}

/** What the log proved about the release statement: the facts for a client's audit log. */
export interface BundleLogFacts {
  readonly origin: string;
  readonly treeSize: number;
  readonly leafIndex: number;
  readonly rootHash: Uint8Array;
  /** SHA-256 of the checkpoint's note text (its signed body, without signature lines). */
  readonly checkpointHash: Uint8Array;
  /** The signed checkpoint, verbatim. */
  readonly checkpoint: string;
  /** The policy witnesses whose fresh cosignatures verified. */
  readonly witnesses: readonly WitnessCosignature[];
}

export interface VerifiedBundle {
  readonly keyConfig: KeyConfig;
  readonly encodedKeyConfig: Uint8Array;
  readonly expiry: Date;
  readonly platform: BundlePlatform;
  readonly measurement: Uint8Array;
  readonly statement: ReleaseStatement;
  readonly log: BundleLogFacts;
  /** The evidence verifier's result. */
  readonly attestation: SevSnpResult | H100Result;
  readonly bundle: AttestedKeyBundle;
}

export interface BundleVerifier {
  /** The verified bundle, or a SessionError, AttestationError (evidence) refusal. */
  verify(bundle: Uint8Array, options: BundleVerifyOptions): Promise<VerifiedBundle>;
}

type ProofCheck = (
  proof: string,
  leaf: Uint8Array,
  now: number,
  consistency?: readonly Uint8Array[],
) => Promise<VerifiedProof>;

function logArgument(value: unknown): ProofCheck {
  const log = objectArgument<LogVerifier & LogPolicy>(value, 'options.log');
  if (typeof log.update === 'function' && typeof log.verifyProof === 'function') {
    const verifier = log as LogVerifier;
    return (proof, leaf, now, consistency) =>
      verifier.verifyProof(proof, leaf, { now, ...(consistency === undefined ? {} : { consistency }) });
  }
  const checked =
    typeof log.verifyProof === 'function' && typeof log.verifyCheckpoint === 'function'
      ? (log as LogPolicy)
      : logPolicy(value as PolicyOptions);
  return async (proof, leaf, now) => checked.verifyProof(proof, leaf, { now });
}

function platformsArgument(value: unknown): readonly BundlePlatform[] {
  if (value === undefined) return ['sev-snp'];
  if (!Array.isArray(value)) throw new TypeError(`"options.platforms" expected an array, got ${describe(value)}`);
  return value.map((p, i) => platformArgument(p, `options.platforms[${i}]`));
}

export function bundleVerifier(options: BundleVerifierOptions): BundleVerifier {
  const o = objectArgument<BundleVerifierOptions>(options, 'options');
  const checkProof = logArgument(o.log);
  const platforms = platformsArgument(o.platforms);
  const a = optionsArgument(o.attestation, 'options.attestation');
  const sevSnp = platforms.includes('sev-snp') ? sevSnpVerifier(a.sevSnp) : undefined;
  const h100 = platforms.includes('nvidia-h100') ? h100Verifier(a.h100) : undefined;

  async function verifyEvidence(bundle: AttestedKeyBundle, at: Date): Promise<SevSnpResult | H100Result> {
    const bound = boundPart(
      bindingOf(bundle.encodedKeyConfig, Math.floor(bundle.expiry.getTime() / 1000)),
      bundle.platform,
    );
    const [signer, ...chain] = bundle.certificates;
    checkCrlIssuers(bundle);
    if (bundle.platform === 'sev-snp')
      return sevSnp!.verify(bundle.evidence, { signer: signer!, chain, crls: bundle.crls }, { at, reportData: bound });
    return h100!.verify(bundle.evidence, { chain: bundle.certificates }, { at, nonce: bound });
  }

  async function verifyLog(bundle: AttestedKeyBundle, now: number, consistency?: readonly Uint8Array[]) {
    try {
      return await checkProof(bundle.proof, leafHash(bundle.statement), now, consistency);
    } catch (cause) {
      if (!(cause instanceof TransparencyError)) throw cause;
      throw new SessionError(cause.code === 'NOT_INCLUDED' ? 'UNRELEASED' : 'LOG', { cause });
    }
  }

  return Object.freeze({
    async verify(encoded: Uint8Array, verifyOptions: BundleVerifyOptions): Promise<VerifiedBundle> {
      const { now: at, consistency } = objectArgument<BundleVerifyOptions>(verifyOptions, 'options');
      const now = secondsOf(at, 'options.now');
      const bundle = decodeBundle(encoded);
      if (!platforms.includes(bundle.platform) || bundle.release.platform !== bundle.platform)
        throw new SessionError('PLATFORM');
      const expiry = Math.floor(bundle.expiry.getTime() / 1000);
      if (expiry <= now) throw new SessionError('EXPIRED');
      if (expiry - now > MAX_BUNDLE_LIFETIME) throw new SessionError('LIFETIME');

      const proven = await verifyLog(bundle, now, consistency);
      const result = await verifyEvidence(bundle, at!);
      const measurement = measurementOf(bundle.platform, result.measurements);
      if (!equalBytes(measurement, bundle.release.measurement)) throw new SessionError('UNRELEASED');

      const { checkpoint, note, cosignatures, index } = proven;
      return Object.freeze({
        keyConfig: bundle.keyConfig,
        encodedKeyConfig: bundle.encodedKeyConfig,
        expiry: bundle.expiry,
        platform: bundle.platform,
        measurement,
        statement: bundle.release,
        log: Object.freeze({
          origin: checkpoint.origin,
          treeSize: checkpoint.size,
          leafIndex: index,
          rootHash: checkpoint.rootHash,
          checkpointHash: sha256(utf8(note.text)),
          checkpoint: proofCheckpoint(bundle.proof),
          witnesses: Object.freeze(cosignatures.map((c) => Object.freeze({ ...c }))),
        }),
        attestation: result,
        bundle,
      });
    },
  });
}

/** Every CRL of a bundle must be issued by one of its certificates (else MALFORMED): the evidence
 *  verifier skips a CRL of another issuer, so one that applies to nothing would pass unnoticed. */
function checkCrlIssuers(bundle: AttestedKeyBundle): void {
  if (bundle.crls.length === 0) return;
  const subjects = bundle.certificates.map((der) => parseCertificate(der).subject);
  for (const der of bundle.crls) {
    const { issuer } = parseRevocationList(der);
    if (!subjects.some((subject) => equalBytes(subject, issuer))) throw new SessionError('MALFORMED');
  }
}

/** The signed checkpoint of a tlog-proof: everything after its first blank line. */
const proofCheckpoint = (proof: string): string => proof.slice(proof.indexOf('\n\n') + 2);
