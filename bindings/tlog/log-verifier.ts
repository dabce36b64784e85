// A client's view of one log: it accepts a checkpoint only under its policy (log-policy.ts: the
// log's signature, the witness quorum, freshness) and consistent with the newest checkpoint it
// accepted before, which it remembers in a store. Against that newest one (RFC 9162 §2.1.4):
//   - the same size must have the same root: another root is a split view (INCONSISTENT);
//   - a larger tree needs a consistency proof from it, which moves the newest one forward;
//   - a smaller tree needs a consistency proof to it, and leaves the newest one as it is.
// A missing or failing proof is INCONSISTENT. There is no switch that skips any of this.
import { equalBytes } from '../utils/bytes.js';
import { bytes, objectArgument, optionsArgument } from '../utils/arguments.js';
import type { LogPolicy, VerifiedCheckpoint, VerifiedProof } from './log-policy.js';
import { verifyConsistency, verifyInclusion, type TreeHead } from './merkle.js';
import { parseProof, type TlogProof } from './tlog-proof.js';
import { TransparencyError } from './transparency-error.js';

/** Where a verifier keeps the newest checkpoint it accepted, per origin (a browser might use
 *  IndexedDB, a server a file); in memory by default. */
export interface CheckpointStore {
  /** The newest tree head accepted for `origin`. */
  get(origin: string): Promise<TreeHead | undefined>;
  /** Records `head` as the newest for `origin`. */
  set(origin: string, head: TreeHead): Promise<void>;
}

/** Options of {@link tlog.verifier}. */
export interface LogVerifierOptions {
  readonly policy: LogPolicy;
  readonly store?: CheckpointStore;
}

/** Options of {@link LogVerifier.update} and {@link LogVerifier.verifyProof}. */
export interface UpdateOptions {
  /** The current time, POSIX seconds (the policy's freshness bound is measured from it). */
  readonly now?: number;
  /** A consistency proof between the newest accepted checkpoint and this one. */
  readonly consistency?: readonly Uint8Array[];
}

/** The client's consistent view of one log, from {@link tlog.verifier}. */
export interface LogVerifier {
  readonly origin: string;
  /** The newest checkpoint accepted so far. */
  newest(): Promise<TreeHead | undefined>;
  /** Accepts a signed checkpoint note, or refuses it with a TransparencyError. */
  update(note: string | Uint8Array, options?: UpdateOptions): Promise<VerifiedCheckpoint>;
  /** Accepts a c2sp.org/tlog-proof of the entry whose leaf hash is `leafHash`: its checkpoint as
   *  `update` does, then its inclusion proof (NOT_INCLUDED). */
  verifyProof(
    proof: string | Uint8Array | TlogProof,
    leafHash: Uint8Array,
    options?: UpdateOptions,
  ): Promise<VerifiedProof>;
}

export function memoryCheckpointStore(): CheckpointStore {
  const heads = new Map<string, TreeHead>();
  return Object.freeze({
    get: async (origin: string) => heads.get(origin),
    set: async (origin: string, head: TreeHead) =>
      void heads.set(origin, { size: head.size, rootHash: head.rootHash.slice() }),
  });
}

function proofArgument(value: unknown): readonly Uint8Array[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new TypeError('"options.consistency" expected an array of hashes');
  return value.map((hash, i) => bytes(hash, `options.consistency[${i}]`));
}

export function createLogVerifier(options: LogVerifierOptions): LogVerifier {
  const { policy: given, store = memoryCheckpointStore() } = objectArgument(options, 'options');
  if (!given || typeof given.verifyCheckpoint !== 'function')
    throw new TypeError('"options.policy" expected a log policy');
  const policy: LogPolicy = given;
  const { origin } = policy;

  /** Checks `head` against the newest accepted checkpoint, and records it if it is newer. */
  async function advance(head: TreeHead, consistency: readonly Uint8Array[] | undefined): Promise<void> {
    const newest = await store.get(origin);
    if (newest === undefined) return store.set(origin, head);
    if (head.size === newest.size) {
      if (!equalBytes(head.rootHash, newest.rootHash)) throw new TransparencyError('INCONSISTENT');
      return;
    }
    if (consistency === undefined) throw new TransparencyError('INCONSISTENT');
    if (head.size < newest.size) return verifyConsistency(head, newest, consistency);
    verifyConsistency(newest, head, consistency);
    return store.set(origin, head);
  }

  async function update(note: string | Uint8Array, updateOptions?: UpdateOptions): Promise<VerifiedCheckpoint> {
    const { now, consistency } = optionsArgument(updateOptions);
    const proof = proofArgument(consistency);
    const verified = policy.verifyCheckpoint(note, { now });
    await advance(verified.checkpoint, proof);
    return verified;
  }

  return Object.freeze({
    origin,
    newest: () => store.get(origin),
    update,
    async verifyProof(proof: string | Uint8Array | TlogProof, leafHash: Uint8Array, updateOptions?: UpdateOptions) {
      const { index, hashes, checkpoint, extra } =
        typeof proof === 'string' || proof instanceof Uint8Array ? parseProof(proof) : proof;
      const verified = await update(checkpoint, updateOptions);
      verifyInclusion(leafHash, index, verified.checkpoint, hashes);
      return { ...verified, index, ...(extra === undefined ? {} : { extra }) };
    },
  });
}
