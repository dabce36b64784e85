// What a client trusts about one log: its origin and key, and the witnesses whose cosignatures
// (c2sp.org/tlog-cosignature) must vouch for a checkpoint: k of n, each within a freshness bound.
// Time is always a parameter (`now`, POSIX seconds); nothing here reads the clock.
//
// A checkpoint is accepted only if, in this order: the note parses and its text is a checkpoint of
// the policy's origin (UNKNOWN_LOG); every signature by the log or a policy witness verifies
// (BAD_SIGNATURE: one tampered cosignature refuses the whole note, however many others are valid);
// the log signed it (UNVERIFIED); at least `quorum` witnesses cosigned it (QUORUM), within `maxAge`
// seconds before `now` and not after it (STALE). Signatures from other keys are ignored.
import { integer, objectArgument, optionsArgument } from '../utils/arguments.js';
import { parseCheckpoint, type Checkpoint } from './checkpoint.js';
import { cosignatureTime, cosignatureVerifier } from './cosignature.js';
import { verifyInclusion } from './merkle.js';
import { parseVerifierKey, type NoteVerifier } from './note-key.js';
import { noteVerifier } from './note-signers.js';
import { openNote, parseNote, type OpenedNote } from './signed-note.js';
import { parseProof, type TlogProof } from './tlog-proof.js';
import { TransparencyError } from './transparency-error.js';

/** Options of {@link tlog.policy}. */
export interface PolicyOptions {
  /** The log's verifier: a vkey (type 0x01), or any note verifier. */
  readonly log: string | NoteVerifier;
  /** The checkpoints' origin line; the log key's name by default. */
  readonly origin?: string;
  /** The witnesses' type-0x04 vkeys. */
  readonly witnesses?: readonly string[];
  /** How many distinct witnesses must cosign; all of them by default. */
  readonly quorum?: number;
  /** The oldest cosignature that counts, in seconds before `now`; no bound by default. */
  readonly maxAge?: number;
}

/** Options of {@link LogPolicy.verifyCheckpoint} and {@link LogPolicy.verifyProof}. */
export interface VerifyCheckpointOptions {
  /** The current time, POSIX seconds: required when the policy has a `maxAge`. */
  readonly now?: number;
}

/** A witness's cosignature that counted: its name and time. */
export interface WitnessCosignature {
  readonly name: string;
  /** When the witness cosigned, POSIX seconds. */
  readonly time: number;
}

/** A checkpoint the policy accepted: the checkpoint, the opened note, the fresh cosignatures. */
export interface VerifiedCheckpoint {
  readonly checkpoint: Checkpoint;
  readonly note: OpenedNote;
  /** The policy witnesses whose cosignatures verified and are fresh. */
  readonly cosignatures: readonly WitnessCosignature[];
}

/** A tlog-proof the policy accepted: its checkpoint, and the index of the entry it includes. */
export interface VerifiedProof extends VerifiedCheckpoint {
  readonly index: number;
  /** The proof's extra data, if any: not authenticated. */
  readonly extra?: Uint8Array;
}

/** A log's trust policy, from {@link tlog.policy}. */
export interface LogPolicy {
  readonly origin: string;
  /** Verifies a signed checkpoint note against this policy. */
  verifyCheckpoint(note: string | Uint8Array, options?: VerifyCheckpointOptions): VerifiedCheckpoint;
  /** Verifies a c2sp.org/tlog-proof for the entry whose leaf hash is `leafHash`: its checkpoint
   *  as `verifyCheckpoint` does, then its inclusion proof (NOT_INCLUDED). */
  verifyProof(
    proof: string | Uint8Array | TlogProof,
    leafHash: Uint8Array,
    options?: VerifyCheckpointOptions,
  ): VerifiedProof;
}

type KeyName = Pick<NoteVerifier, 'name' | 'keyId'>;
const sameKey = (a: KeyName, b: KeyName): boolean => a.name === b.name && a.keyId === b.keyId;

/** A log's trust policy; AMBIGUOUS_KEY if two of its keys share a name and key ID. */
export function policy(options: PolicyOptions): LogPolicy {
  const {
    log,
    origin: originOption,
    witnesses = [],
    quorum: quorumOption,
    maxAge,
  } = objectArgument(options, 'options');
  const logVerifier = typeof log === 'string' ? noteVerifier(log) : objectArgument<NoteVerifier>(log!, 'options.log');
  if (!Array.isArray(witnesses)) throw new TypeError(`"options.witnesses" expected an array of vkeys`);
  const witnessVerifiers = witnesses.map((vkey) => cosignatureVerifier(parseVerifierKey(vkey)));
  const verifiers = [logVerifier as NoteVerifier, ...witnessVerifiers];
  if (verifiers.some((v, i) => verifiers.findIndex((w) => sameKey(v, w)) !== i))
    throw new TransparencyError('AMBIGUOUS_KEY');
  const origin = originOption ?? logVerifier.name!;
  if (typeof origin !== 'string' || origin === '') throw new TypeError(`"options.origin" expected a non-empty string`);
  const quorum = integer(quorumOption ?? witnesses.length, 'options.quorum', 0, witnesses.length);
  if (maxAge !== undefined) integer(maxAge, 'options.maxAge', 0, Number.MAX_SAFE_INTEGER);

  function verifyCheckpoint(note: string | Uint8Array, verifyOptions?: VerifyCheckpointOptions): VerifiedCheckpoint {
    const { now } = optionsArgument(verifyOptions);
    if (maxAge !== undefined) integer(now, 'options.now', 0, Number.MAX_SAFE_INTEGER);
    const checkpoint = parseCheckpoint(parseNote(note).text, { origin });
    const opened = openNote(note, verifiers);
    if (!opened.verified.some((s) => sameKey(s, logVerifier as NoteVerifier)))
      throw new TransparencyError('UNVERIFIED');
    const cosigned = opened.verified
      .filter((s) => witnessVerifiers.some((w) => sameKey(s, w)))
      .map((s) => ({ name: s.name, time: cosignatureTime(s.signature) }));
    const fresh = cosigned.filter((c) => maxAge === undefined || (c.time <= now! && now! - c.time <= maxAge));
    if (fresh.length < quorum) throw new TransparencyError(cosigned.length < quorum ? 'QUORUM' : 'STALE');
    return { checkpoint, note: opened, cosignatures: fresh };
  }

  return Object.freeze({
    origin,
    verifyCheckpoint,
    verifyProof(proof: string | Uint8Array | TlogProof, leafHash: Uint8Array, verifyOptions?: VerifyCheckpointOptions) {
      const { index, hashes, checkpoint, extra } =
        typeof proof === 'string' || proof instanceof Uint8Array ? parseProof(proof) : proof;
      const verified = verifyCheckpoint(checkpoint, verifyOptions);
      verifyInclusion(leafHash, index, verified.checkpoint, hashes);
      return { ...verified, index, ...(extra === undefined ? {} : { extra }) };
    },
  });
}
