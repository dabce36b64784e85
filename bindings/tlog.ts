// oblivia/tlog — verifiable transparency: C2SP signed notes, checkpoints, cosignatures and
// tlog-proofs, RFC 9162 Merkle trees, tlog-tiles logs, the witness and the client's verifier, as
// the `tlog` namespace (a directory on
// disk as tile storage is oblivia/node's directoryStorage).
import { formatCheckpoint, parseCheckpoint } from './tlog/checkpoint.js';
import { cosigner, cosignatureTime } from './tlog/cosignature.js';
import { httpTiles } from './http/tile-source.js';
import { createWitness, memoryWitnessStore } from './http/witness.js';
import { policy } from './tlog/log-policy.js';
import { logWriter } from './tlog/log-writer.js';
import { createLogVerifier, memoryCheckpointStore } from './tlog/log-verifier.js';
import {
  consistencyProof,
  HASH_SIZE,
  inclusionProof,
  leafHash,
  nodeHash,
  rootHash,
  verifyConsistency,
  verifyInclusion,
} from './tlog/merkle.js';
import { formatVerifierKey, keyId, parseVerifierKey, SIGNATURE_TYPE } from './tlog/note-key.js';
import { generateKey, noteSigner, noteVerifier } from './tlog/note-signers.js';
import { formatNote, MAX_SIGNATURES, openNote, parseNote, signNote } from './tlog/signed-note.js';
import { fetchConsistencyProof } from './tlog/tile-fetch.js';
import { CHECKPOINT_PATH, tilePath } from './tlog/tile-path.js';
import { tileReader } from './tlog/tile-reader.js';
import { memoryStorage } from './tlog/tile-storage.js';
import { formatProof, parseProof, TLOG_PROOF_HEADER } from './tlog/tlog-proof.js';

/**
 * Verifiable transparency (docs/tlog.md): C2SP signed notes, checkpoints, cosignatures and
 * tlog-proofs, RFC 9162 Merkle trees, tlog-tiles logs (writer, reader, HTTP source), the witness,
 * the log policy and the client's consistent view.
 *
 * @namespace
 */
export const tlog = Object.freeze({
  /**
   * c2sp.org/signed-note signature types: `ED25519` (0x01), `COSIGNATURE_ED25519` (0x04),
   * `RFC6962_TREE_HEAD` (0x05: recognised by key ID only, not verified).
   */
  SIGNATURE_TYPE,
  /** Bytes of a Merkle tree hash: 32 (SHA-256, RFC 9162 §2.1). */
  HASH_SIZE,
  /** The most signature lines a note may carry: 100 (more is `MALFORMED`). */
  MAX_SIGNATURES,
  /** The first line of a c2sp.org/tlog-proof: `c2sp.org/tlog-proof@v1`. */
  TLOG_PROOF_HEADER,
  // keys (c2sp.org/signed-note)
  /**
   * signed-note §Signatures: SHA-256(name ‖ 0x0A ‖ type ‖ publicKey)[:4] as a big-endian uint32.
   *
   * @throws `RangeError` for a type outside 0–255; `TypeError` for a key that is not a Uint8Array.
   * @example
   * ```ts
   * import { tlog } from 'oblivia/tlog';
   *
   * tlog.keyId('example.com/log', tlog.SIGNATURE_TYPE.ED25519, publicKey); // a uint32
   * ```
   */
  keyId,
  /**
   * A new Ed25519 key named `name`: Go's skey (`signerKey`, secret) and vkey (`verifierKey`) texts.
   *
   * @throws `RangeError` for a name that is not a key name (empty, a space or a '+').
   * @example
   * ```ts
   * import { tlog } from 'oblivia/tlog';
   *
   * const log = tlog.generateKey('example.com/log');
   * log.verifierKey; // 'example.com/log+<key id>+<base64>'
   * ```
   */
  generateKey,
  /**
   * The Ed25519 (type 0x01) signer of a Go skey; signatures are deterministic. For a witness's
   * cosignatures, use {@link tlog.cosigner}.
   *
   * @throws {@link TransparencyError} `BAD_KEY` for a malformed skey, `KEY_TYPE` for another type.
   * @example
   * ```ts
   * import { tlog } from 'oblivia/tlog';
   *
   * const log = tlog.generateKey('example.com/log');
   * const note = tlog.signNote('hello\n', [tlog.noteSigner(log.signerKey)]);
   * ```
   */
  noteSigner,
  /**
   * The verifier of a vkey: type 0x01 (Ed25519) or 0x04 (cosignature).
   *
   * @throws {@link TransparencyError} `BAD_KEY` for a malformed vkey or a wrong key ID, `KEY_TYPE`
   * for another type.
   * @example
   * ```ts
   * import { tlog } from 'oblivia/tlog';
   *
   * const verifier = tlog.noteVerifier(log.verifierKey);
   * tlog.openNote(note, [verifier]);
   * ```
   */
  noteVerifier,
  /**
   * The parts of a vkey of a supported type (0x01, 0x04): name, key ID, type, public key.
   *
   * @throws {@link TransparencyError} `BAD_KEY` if malformed or its key ID is not the key's,
   * `KEY_TYPE` for another type; `TypeError` for a non-string.
   * @example
   * ```ts
   * import { tlog } from 'oblivia/tlog';
   *
   * const { name, keyId, type, publicKey } = tlog.parseVerifierKey(log.verifierKey);
   * ```
   */
  parseVerifierKey,
  /**
   * The vkey of a public key: `<name>+<hex key ID>+<base64(type ‖ publicKey)>`.
   *
   * @throws `RangeError` for a name that is not a key name; `TypeError` / `RangeError` for a bad
   * type or key.
   * @example
   * ```ts
   * import { tlog } from 'oblivia/tlog';
   *
   * const { name, type, publicKey } = tlog.parseVerifierKey(log.verifierKey);
   * tlog.formatVerifierKey(name, type, publicKey) === log.verifierKey; // true
   * ```
   */
  formatVerifierKey,
  // notes
  /**
   * c2sp.org/signed-note §Format: the text and signature lines of a note, unverified (see
   * {@link tlog.openNote}).
   *
   * @throws {@link TransparencyError} `MALFORMED` if the note breaks the format or has over 100
   * signatures.
   * @example
   * ```ts
   * import { tlog } from 'oblivia/tlog';
   *
   * const { text, signatures } = tlog.parseNote(note);
   * ```
   */
  parseNote,
  /**
   * The text of a note: its text, a blank line, its signature lines.
   *
   * @throws {@link TransparencyError} `MALFORMED` for a text that does not end in a newline or is
   * not valid note text.
   * @example
   * ```ts
   * import { tlog } from 'oblivia/tlog';
   *
   * const again = tlog.formatNote(tlog.parseNote(note));
   * ```
   */
  formatNote,
  /**
   * Parses a note and checks its signatures against `verifiers`: every signature from a known key
   * must verify, and at least one must exist. The text, and the verified and unverified signatures.
   *
   * @throws {@link TransparencyError} `MALFORMED`, `BAD_SIGNATURE` (a known key's signature does
   * not verify: the whole note is refused), `UNVERIFIED` (no known signature), `AMBIGUOUS_KEY`.
   * @example
   * ```ts
   * import { tlog } from 'oblivia/tlog';
   *
   * const { text, verified } = tlog.openNote(note, [tlog.noteVerifier(log.verifierKey)]);
   * ```
   */
  openNote,
  /**
   * Signs a note text (ending in a newline), or adds signatures to a parsed note (Go's note.Sign).
   *
   * @throws {@link TransparencyError} `MALFORMED` for a text that is not valid note text;
   * `TypeError` for a bad signer.
   * @example
   * ```ts
   * import { tlog } from 'oblivia/tlog';
   *
   * const log = tlog.generateKey('example.com/log');
   * const note = tlog.signNote('example.com/log\n5\n…\n', [tlog.noteSigner(log.signerKey)]);
   * ```
   */
  signNote,
  // checkpoints and cosignatures (c2sp.org/tlog-checkpoint, c2sp.org/tlog-cosignature)
  /**
   * c2sp.org/tlog-checkpoint: the checkpoint in a note text (origin, size, root hash, extension
   * lines).
   *
   * @throws {@link TransparencyError} `MALFORMED` if it breaks the format, `UNKNOWN_LOG` if its
   * origin is not `options.origin`; `TypeError` for a non-string.
   * @example
   * ```ts
   * import { tlog } from 'oblivia/tlog';
   *
   * const { origin, size, rootHash } = tlog.parseCheckpoint(tlog.openNote(note, [verifier]).text, { origin: 'example.com/log' });
   * ```
   */
  parseCheckpoint,
  /**
   * c2sp.org/tlog-checkpoint: the note text of a checkpoint (what the log signs).
   *
   * @throws `TypeError` / `RangeError` for a bad origin, size, root hash or extension line.
   * @example
   * ```ts
   * import { tlog } from 'oblivia/tlog';
   *
   * const leaves = ['a', 'b'].map((e) => tlog.leafHash(new TextEncoder().encode(e)));
   * const text = tlog.formatCheckpoint({ origin: 'example.com/log', size: 2, rootHash: tlog.rootHash(leaves), extensions: [] });
   * ```
   */
  formatCheckpoint,
  /**
   * c2sp.org/tlog-cosignature: a witness's cosigner (type 0x04, timestamped) from a Go skey of type
   * 0x01 or 0x04; `cosign(note, time)` adds its cosignature line.
   *
   * @throws {@link TransparencyError} `BAD_KEY` for a malformed skey, `KEY_TYPE` for another type.
   * @example
   * ```ts
   * import { tlog } from 'oblivia/tlog';
   *
   * const witness = tlog.cosigner(tlog.generateKey('w1.example').signerKey);
   * const cosigned = witness.cosign(checkpointNote, Math.floor(Date.now() / 1000));
   * ```
   */
  cosigner,
  /**
   * The timestamp (POSIX seconds) of a type-0x04 signature (the bytes after the key ID).
   *
   * @throws {@link TransparencyError} `MALFORMED` unless 72 bytes; `TypeError` for a
   * non-Uint8Array.
   * @example
   * ```ts
   * import { tlog } from 'oblivia/tlog';
   *
   * const [line] = tlog.parseNote(cosigned).signatures.slice(-1);
   * tlog.cosignatureTime(line!.signature);
   * ```
   */
  cosignatureTime,
  /**
   * A log's trust policy: the log's key, the witnesses' keys, a quorum and a freshness bound.
   * `verifyCheckpoint` and `verifyProof` accept only a checkpoint the log signed and a quorum of
   * witnesses cosigned within `maxAge`.
   *
   * @throws {@link TransparencyError} `AMBIGUOUS_KEY` if two keys share a name and key ID,
   * `BAD_KEY` / `KEY_TYPE`; `RangeError` for a quorum above the witnesses. Its methods throw
   * `UNVERIFIED`, `UNKNOWN_LOG`, `QUORUM`, `STALE`, `NOT_INCLUDED`.
   * @example
   * ```ts
   * import { tlog } from 'oblivia/tlog';
   *
   * const policy = tlog.policy({ log: log.verifierKey, witnesses: witnessKeys, quorum: 2, maxAge: 600 });
   * const { checkpoint, cosignatures } = policy.verifyProof(proof, leafHash, { now: Math.floor(Date.now() / 1000) });
   * ```
   */
  policy,
  /**
   * The client's view of a log: accepts a checkpoint under `policy` only if it is consistent with
   * the newest one it accepted before (kept in `store`).
   *
   * @throws `TypeError` for a missing policy. `update` and `verifyProof` reject with the policy's
   * {@link TransparencyError} codes, `INCONSISTENT` (a split view), `NOT_FOUND` / `UNAVAILABLE`
   * from the tiles.
   * @example
   * ```ts
   * import { tlog } from 'oblivia/tlog';
   *
   * const view = tlog.verifier({ policy, store: tlog.memoryCheckpointStore() });
   * await view.verifyProof(proof, leafHash, { now, consistency });
   * ```
   */
  verifier: createLogVerifier,
  /**
   * A {@link CheckpointStore} in this process's memory: the newest tree head accepted, per origin.
   *
   * @example
   * ```ts
   * import { tlog } from 'oblivia/tlog';
   *
   * const view = tlog.verifier({ policy, store: tlog.memoryCheckpointStore() });
   * ```
   */
  memoryCheckpointStore,
  // the witness (c2sp.org/tlog-witness)
  /**
   * c2sp.org/tlog-witness: a witness's `add-checkpoint` handler. It cosigns only a checkpoint the
   * log signed and that extends its record; it answers every request (400, 403, 404, 409, 413, 422)
   * and never throws once made.
   *
   * @throws `TypeError` / `RangeError` for bad options (a key, a log list, `maxBodyBytes`).
   * @example
   * ```ts
   * import { tlog } from 'oblivia/tlog';
   * import { serveNode } from 'oblivia/node';
   *
   * const w = tlog.generateKey('w1.example');
   * await serveNode(tlog.witness({ key: w.signerKey, logs: [{ key: log.verifierKey }] }));
   * ```
   */
  witness: createWitness,
  /**
   * A {@link WitnessStore} in this process's memory: the tree head each log's checkpoint was
   * cosigned at.
   *
   * @example
   * ```ts
   * import { tlog } from 'oblivia/tlog';
   *
   * const witness = tlog.witness({ key, logs, store: tlog.memoryWitnessStore() });
   * ```
   */
  memoryWitnessStore,
  // Merkle trees (RFC 9162 §2.1)
  /**
   * RFC 9162 §2.1.1: the hash of one entry, SHA-256(0x00 ‖ data).
   *
   * @throws `TypeError` for a non-Uint8Array.
   * @example
   * ```ts
   * import { tlog } from 'oblivia/tlog';
   *
   * const leaf = tlog.leafHash(new TextEncoder().encode('entry'));
   * ```
   */
  leafHash,
  /**
   * RFC 9162 §2.1.1: an interior node, SHA-256(0x01 ‖ left ‖ right).
   *
   * @throws `RangeError` unless both hashes are 32 bytes.
   * @example
   * ```ts
   * import { tlog } from 'oblivia/tlog';
   *
   * tlog.nodeHash(tlog.leafHash(a), tlog.leafHash(b));
   * ```
   */
  nodeHash,
  /**
   * RFC 9162 §2.1.1: the root hash of the tree of these leaf hashes; SHA-256("") if none.
   *
   * @throws `TypeError` / `RangeError` for a leaf hash that is not 32 bytes.
   * @example
   * ```ts
   * import { tlog } from 'oblivia/tlog';
   *
   * const leaves = ['a', 'b', 'c'].map((e) => tlog.leafHash(new TextEncoder().encode(e)));
   * tlog.rootHash(leaves);
   * ```
   */
  rootHash,
  /**
   * RFC 9162 §2.1.3.1: the inclusion proof of leaf `index` in the tree of these leaf hashes.
   *
   * @throws `RangeError` for an index outside the tree or a bad leaf hash.
   * @example
   * ```ts
   * import { tlog } from 'oblivia/tlog';
   *
   * const proof = tlog.inclusionProof(leaves, 2);
   * ```
   */
  inclusionProof,
  /**
   * RFC 9162 §2.1.4.1: the consistency proof from the first `size1` of these leaf hashes to all
   * of them.
   *
   * @throws `RangeError` for a size1 outside 1 … the tree's size, or a bad leaf hash.
   * @example
   * ```ts
   * import { tlog } from 'oblivia/tlog';
   *
   * const proof = tlog.consistencyProof(leaves, 3);
   * ```
   */
  consistencyProof,
  /**
   * RFC 9162 §2.1.3.2: verifies that the leaf with hash `leaf` is at `index` in `tree`.
   *
   * @throws {@link TransparencyError} `NOT_INCLUDED` if the proof does not lead to the tree's root
   * (an index outside the tree, or a hash not of 32 bytes, too); `TypeError` for an argument of the
   * wrong type, `RangeError` for a negative index or tree size.
   * @example
   * ```ts
   * import { tlog } from 'oblivia/tlog';
   *
   * tlog.verifyInclusion(tlog.leafHash(entry), 2, { size: 3, rootHash: tlog.rootHash(leaves) }, tlog.inclusionProof(leaves, 2));
   * ```
   */
  verifyInclusion,
  /**
   * RFC 9162 §2.1.4.2: verifies that `newer` extends `older`.
   *
   * @throws {@link TransparencyError} `INCONSISTENT` if it does not, if `older` is empty or the
   * larger, or a hash is not of 32 bytes; `TypeError` for an argument of the wrong type,
   * `RangeError` for a negative tree size.
   * @example
   * ```ts
   * import { tlog } from 'oblivia/tlog';
   *
   * tlog.verifyConsistency(seen, { size: 6, rootHash: tlog.rootHash(more) }, tlog.consistencyProof(more, seen.size));
   * ```
   */
  verifyConsistency,
  // proofs (c2sp.org/tlog-proof)
  /**
   * c2sp.org/tlog-proof: the parts of a proof (index, hashes, checkpoint note, extra); its
   * signatures are not checked here ({@link LogPolicy.verifyProof} does).
   *
   * @throws {@link TransparencyError} `MALFORMED` if it breaks the format or its checkpoint is not
   * a signed checkpoint note.
   * @example
   * ```ts
   * import { tlog } from 'oblivia/tlog';
   *
   * const { index, hashes, checkpoint } = tlog.parseProof(proofText);
   * ```
   */
  parseProof,
  /**
   * c2sp.org/tlog-proof: the text of a proof.
   *
   * @throws `TypeError` / `RangeError` for a bad index, hash or checkpoint.
   * @example
   * ```ts
   * import { tlog } from 'oblivia/tlog';
   *
   * const proofText = tlog.formatProof({ index: 3, hashes: tlog.inclusionProof(leaves, 3), checkpoint: note });
   * ```
   */
  formatProof,
  // tiled logs (c2sp.org/tlog-tiles)
  /** c2sp.org/tlog-tiles: the path of a log's checkpoint, `checkpoint`. */
  CHECKPOINT_PATH,
  /**
   * c2sp.org/tlog-tiles: the path of tile `index` at `level` (0 to 63, or `'entries'`) of `width`
   * (1 to 256), such as `tile/0/x001/234.p/7`.
   *
   * @throws nothing for valid arguments (they are not checked).
   * @example
   * ```ts
   * import { tlog } from 'oblivia/tlog';
   *
   * tlog.tilePath(0, 1234, 256); // 'tile/0/x001/234'
   * tlog.tilePath('entries', 5, 7); // 'tile/entries/005.p/7'
   * ```
   */
  tilePath,
  /**
   * c2sp.org/tlog-tiles: a log's writer. `append` sequences entries; `publish` writes their bundles
   * and tiles, then the signed checkpoint. It resumes from the checkpoint in its storage; one
   * writer a log.
   *
   * @throws `TypeError` for bad options; {@link TransparencyError} `BAD_KEY` / `KEY_TYPE` for the
   * signer key, `MALFORMED` for a checkpoint in storage that is not this log's. `append` throws
   * `RangeError` for an entry over 65535 bytes.
   * @example
   * ```ts
   * import { tlog } from 'oblivia/tlog';
   *
   * const key = tlog.generateKey('example.com/tiled');
   * const storage = tlog.memoryStorage();
   * const writer = tlog.logWriter({ storage, signer: key.signerKey });
   * writer.append(new TextEncoder().encode('entry 0'));
   * const note = writer.publish();
   * ```
   */
  logWriter,
  /**
   * c2sp.org/tlog-tiles: a reader of the tree of `size` leaves in `storage`: roots, proofs and
   * entries. Tiles are untrusted: check what it gives against a verified checkpoint.
   *
   * @throws `RangeError` for a bad size. Its methods throw {@link TransparencyError} `NOT_FOUND`
   * for a missing tile, `MALFORMED` for one of the wrong length.
   * @example
   * ```ts
   * import { tlog } from 'oblivia/tlog';
   *
   * const reader = tlog.tileReader(storage, checkpoint.size);
   * const entry = reader.entry(299);
   * tlog.verifyInclusion(tlog.leafHash(entry), 299, checkpoint, reader.inclusionProof(299));
   * ```
   */
  tileReader,
  /**
   * A {@link TileStorage} in memory; `files` lists what was written. On Node, oblivia/node's
   * `directoryStorage(dir)` keeps them on disk.
   *
   * @example
   * ```ts
   * import { tlog } from 'oblivia/tlog';
   *
   * const storage = tlog.memoryStorage();
   * const writer = tlog.logWriter({ storage, signer: key.signerKey });
   * ```
   */
  memoryStorage,
  // a client's consistency proofs, from the log's tiles over HTTP
  /**
   * A {@link TileSource} reading the files of the log at `base` (a URL prefix, or an in-process
   * handler) over HTTP.
   *
   * @throws `TypeError` for a base that is not an http(s) URL or a handler; `RangeError` for bad
   * options. The source rejects with {@link TransparencyError} `UNAVAILABLE` (a status other than
   * 200 or 404, a network error or a timeout).
   * @example
   * ```ts
   * import { tlog } from 'oblivia/tlog';
   *
   * const source = tlog.httpTiles('https://log.example/', { timeoutMs: 10_000 });
   * const proof = await tlog.fetchConsistencyProof(source, 5, 300);
   * ```
   */
  httpTiles,
  /**
   * The consistency proof from the log's first `size1` leaves to its first `size2`, computed from
   * the tiles `source` serves. Unverified: check it with {@link tlog.verifyConsistency} against
   * both signed checkpoints.
   *
   * @throws `TypeError` / `RangeError` for bad arguments; rejects with {@link TransparencyError}
   * `NOT_FOUND` for a missing tile, `MALFORMED` for a short one, or what `source` throws.
   * @example
   * ```ts
   * import { tlog } from 'oblivia/tlog';
   *
   * const proof = await tlog.fetchConsistencyProof(tlog.httpTiles('https://log.example/'), older.size, newer.size);
   * tlog.verifyConsistency(older, newer, proof);
   * ```
   */
  fetchConsistencyProof,
});

export { TransparencyError, type TransparencyErrorCode } from './tlog/transparency-error.js';
export type { Checkpoint, ParseCheckpointOptions } from './tlog/checkpoint.js';
export type { Cosigner } from './tlog/cosignature.js';
export type {
  LogPolicy,
  PolicyOptions,
  VerifiedCheckpoint,
  VerifiedProof,
  VerifyCheckpointOptions,
  WitnessCosignature,
} from './tlog/log-policy.js';
export type { TreeHead } from './tlog/merkle.js';
export type { NoteSigner, NoteVerifier, VerifierKey } from './tlog/note-key.js';
export type { Note, NoteSignature, OpenedNote } from './tlog/signed-note.js';
export type { TlogProof } from './tlog/tlog-proof.js';
export type { LogWriter, LogWriterOptions } from './tlog/log-writer.js';
export type { TileReader } from './tlog/tile-reader.js';
export type { TileStorage } from './tlog/tile-storage.js';
export type { TileSource } from './tlog/tile-fetch.js';
export type { HttpTilesOptions } from './http/tile-source.js';
export type { CheckpointStore, LogVerifier, LogVerifierOptions, UpdateOptions } from './tlog/log-verifier.js';
export type { WitnessOptions, WitnessStore } from './http/witness.js';
