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

export const tlog = Object.freeze({
  SIGNATURE_TYPE,
  HASH_SIZE,
  MAX_SIGNATURES,
  TLOG_PROOF_HEADER,
  // keys (c2sp.org/signed-note)
  keyId,
  generateKey,
  noteSigner,
  noteVerifier,
  parseVerifierKey,
  formatVerifierKey,
  // notes
  parseNote,
  formatNote,
  openNote,
  signNote,
  // checkpoints and cosignatures (c2sp.org/tlog-checkpoint, c2sp.org/tlog-cosignature)
  parseCheckpoint,
  formatCheckpoint,
  cosigner,
  cosignatureTime,
  policy,
  verifier: createLogVerifier,
  memoryCheckpointStore,
  // the witness (c2sp.org/tlog-witness)
  witness: createWitness,
  memoryWitnessStore,
  // Merkle trees (RFC 9162 §2.1)
  leafHash,
  nodeHash,
  rootHash,
  inclusionProof,
  consistencyProof,
  verifyInclusion,
  verifyConsistency,
  // proofs (c2sp.org/tlog-proof)
  parseProof,
  formatProof,
  // tiled logs (c2sp.org/tlog-tiles)
  CHECKPOINT_PATH,
  tilePath,
  logWriter,
  tileReader,
  memoryStorage,
  // a client's consistency proofs, from the log's tiles over HTTP
  httpTiles,
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
