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
// also checks the proof's checkpoint against the newest one it has seen (split views), which
// needs a consistency proof whenever the sizes differ: bundles from different nodes carry
// checkpoints of different sizes as the log grows. The proof is `verify(bundle, { now,
// consistency })`'s if given; else, with the `tiles` option, it is computed from the log's tiles
// (c2sp.org/tlog-tiles, fetched through any mirror: they are checked against both signed roots)
// once the verifier has refused the checkpoint for want of one — after its signatures and
// witnesses passed, so no unverified size makes the client fetch anything. A tile that cannot be
// fetched is LOG (its error the cause); tiles that do not make a valid proof are LOG INCONSISTENT.
import { parseRevocationList } from '../attestation/crl.js';
import { h100Verifier, type H100Result, type H100VerifierOptions } from '../attestation/nvidia-h100-verifier.js';
import { sevSnpVerifier, type SevSnpResult, type SevSnpVerifierOptions } from '../attestation/sev-snp-verifier.js';
import { parseCertificate } from '../attestation/x509.js';
import { sha256 } from '../hash.js';
import { httpTiles } from '../http/tile-source.js';
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
import { parseCheckpoint } from '../tlog/checkpoint.js';
import { parseNote } from '../tlog/signed-note.js';
import { fetchConsistencyProof, type TileSource } from '../tlog/tile-fetch.js';
import { parseProof } from '../tlog/tlog-proof.js';
import { TransparencyError } from '../tlog/transparency-error.js';
import { describe, objectArgument, optionsArgument } from '../utils/arguments.js';
import { equalBytes, utf8 } from '../utils/bytes.js';
import { decodeBundle, type AttestedKeyBundle } from './bundle-format.js';
import { measurementOf } from './measurement.js';
import { platformArgument, type BundlePlatform } from './platform.js';
import type { ReleaseStatement } from './release-statement.js';
import { bindingOf, boundPart, secondsOf } from './report-data.js';
import { SessionError } from './session-error.js';

/** The longest a bundle may still be valid for, in seconds. */
export const MAX_BUNDLE_LIFETIME = 24 * 60 * 60;

/** Options of {@link session.bundleVerifier}: what evidence and which log a client trusts. */
export interface BundleVerifierOptions {
  /** Per platform: the evidence verifier's roots and policy (defaults: the vendors' roots). */
  readonly attestation?: {
    readonly sevSnp?: SevSnpVerifierOptions;
    readonly h100?: H100VerifierOptions;
  };
  /** The release log: a `tlog.policy`, its options, or a `tlog.verifier` (which also keeps the
   *  newest checkpoint seen and refuses an inconsistent one). */
  readonly log: LogPolicy | LogVerifier | PolicyOptions;
  /** With a `tlog.verifier` log only: where the log's tiles are read from to prove consistency
   *  between checkpoints of different sizes — the log's URL prefix (`<prefix>/tile/0/000`), e.g.
   *  a mirror, or a tile source such as `tlog.httpTiles(handler, options)`. */
  readonly tiles?: string | TileSource;
  /** The platforms accepted; default `['sev-snp']`. */
  readonly platforms?: readonly BundlePlatform[];
}

/** Options of {@link BundleVerifier.verify}. */
export interface BundleVerifyOptions {
  /** The verification time: the bundle's expiry, the certificates and the witnesses' freshness. */
  readonly now: Date;
  /** With a `tlog.verifier` log: a consistency proof between the newest checkpoint it has seen
   *  and the proof's (then no tiles are read). */
  readonly consistency?: readonly Uint8Array[];
}

/** What the log proved about the release statement: the facts for a client's audit log. */
export interface BundleLogFacts {
  /** The log's origin. */
  readonly origin: string;
  /** The size of the checkpoint's tree. */
  readonly treeSize: number;
  /** The statement's index in the log. */
  readonly leafIndex: number;
  /** The checkpoint's root hash. */
  readonly rootHash: Uint8Array;
  /** SHA-256 of the checkpoint's note text (its signed body, without signature lines). */
  readonly checkpointHash: Uint8Array;
  /** The signed checkpoint, verbatim. */
  readonly checkpoint: string;
  /** The policy witnesses whose fresh cosignatures verified. */
  readonly witnesses: readonly WitnessCosignature[];
}

/** A bundle that verified: the node's key configuration, its expiry, and the evidence and log facts. */
export interface VerifiedBundle {
  /** The node's key configuration: encrypt to this. */
  readonly keyConfig: KeyConfig;
  /** Its §3.1 encoding, as the report data binds it. */
  readonly encodedKeyConfig: Uint8Array;
  /** When the key expires. */
  readonly expiry: Date;
  /** The TEE platform. */
  readonly platform: BundlePlatform;
  /** The measurement the evidence reports and the statement names (48 bytes). */
  readonly measurement: Uint8Array;
  /** The release statement included in the log. */
  readonly statement: ReleaseStatement;
  /** What the log proved. */
  readonly log: BundleLogFacts;
  /** The evidence verifier's result. */
  readonly attestation: SevSnpResult | H100Result;
  /** The decoded bundle. */
  readonly bundle: AttestedKeyBundle;
}

/** A bundle verifier, from {@link session.bundleVerifier}. */
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

function logArgument(value: unknown, tilesOption: unknown): ProofCheck {
  const log = objectArgument<LogVerifier & LogPolicy>(value, 'options.log');
  if (typeof log.update === 'function' && typeof log.verifyProof === 'function') {
    const verifier = log as LogVerifier;
    const tiles = tilesArgument(tilesOption);
    return async (proof, leaf, now, consistency) => {
      if (consistency !== undefined || tiles === undefined) {
        return verifier.verifyProof(proof, leaf, { now, ...(consistency === undefined ? {} : { consistency }) });
      }
      try {
        return await verifier.verifyProof(proof, leaf, { now });
      } catch (refusal) {
        // INCONSISTENT without a proof: the checkpoint passed the policy, and its size is not the
        // newest one's (then a proof from the tiles may settle it) or its root is not (a split view).
        if (!(refusal instanceof TransparencyError) || refusal.code !== 'INCONSISTENT') throw refusal;
        const fetched = await tileProof(verifier, tiles, proof);
        if (fetched === undefined) throw refusal;
        return verifier.verifyProof(proof, leaf, { now, consistency: fetched });
      }
    };
  }
  if (tilesOption !== undefined) throw new TypeError('"options.tiles" expected "options.log" to be a tlog.verifier');
  const checked =
    typeof log.verifyProof === 'function' && typeof log.verifyCheckpoint === 'function'
      ? (log as LogPolicy)
      : logPolicy(value as PolicyOptions);
  return async (proof, leaf, now) => checked.verifyProof(proof, leaf, { now });
}

function tilesArgument(value: unknown): TileSource | undefined {
  if (value === undefined || typeof value === 'function') return value as TileSource | undefined;
  if (typeof value === 'string') return httpTiles(value);
  throw new TypeError(`"options.tiles" expected URL string or tile source function, got ${describe(value)}`);
}

/** The consistency proof between the newest checkpoint `verifier` holds and `proof`'s, read from
 *  the tiles of the larger tree; undefined if the sizes are the same (or one is empty). A tile that
 *  cannot be fetched is SessionError LOG, or the source's TransparencyError (which is LOG too). */
async function tileProof(verifier: LogVerifier, tiles: TileSource, proof: string): Promise<Uint8Array[] | undefined> {
  const { size } = parseCheckpoint(parseNote(parseProof(proof).checkpoint).text);
  const newest = await verifier.newest();
  if (newest === undefined || newest.size === size || newest.size === 0) return undefined;
  try {
    return await fetchConsistencyProof(tiles, Math.min(size, newest.size), Math.max(size, newest.size));
  } catch (cause) {
    if (cause instanceof TransparencyError) throw cause;
    throw new SessionError('LOG', { cause });
  }
}

function platformsArgument(value: unknown): readonly BundlePlatform[] {
  if (value === undefined) return ['sev-snp'];
  if (!Array.isArray(value)) throw new TypeError(`"options.platforms" expected an array, got ${describe(value)}`);
  return value.map((p, i) => platformArgument(p, `options.platforms[${i}]`));
}

export function bundleVerifier(options: BundleVerifierOptions): BundleVerifier {
  const o = objectArgument<BundleVerifierOptions>(options, 'options');
  const checkProof = logArgument(o.log, o.tiles);
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
