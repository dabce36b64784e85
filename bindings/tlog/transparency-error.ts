// Why transparency-log data was refused. Wrong argument types and lengths stay TypeError and
// RangeError; these codes are for what a log, a witness or the network handed over:
//
//   MALFORMED      a note, checkpoint or tlog-proof that breaks its grammar (c2sp.org/signed-note,
//                  c2sp.org/tlog-checkpoint, c2sp.org/tlog-proof), or one with over 100 signatures.
//   BAD_KEY        a verifier or signer key (vkey, skey) that is malformed or whose key ID is wrong.
//   KEY_TYPE       a key of a signature type this library does not verify (signed-note §Signature types).
//   AMBIGUOUS_KEY  two known verifiers share a name and key ID, and the note uses it.
//   BAD_SIGNATURE  a signature from a known key does not verify: the whole note is refused.
//   UNVERIFIED     no valid signature from a key that is required (any known key, or the log's).
//   UNKNOWN_LOG    a checkpoint whose origin is not the expected log's.
//   QUORUM         fewer witnesses than the policy's quorum cosigned the checkpoint.
//   STALE          enough witnesses cosigned, but too few of them within the freshness bound.
//   NOT_INCLUDED   an inclusion proof that does not verify (RFC 9162 §2.1.3.2).
//   INCONSISTENT   a consistency proof that does not verify (RFC 9162 §2.1.4.2).
//   NOT_FOUND      a tile or entry bundle that a tree of the given size needs is not in storage.
//   UNAVAILABLE    a log's file could not be fetched: an HTTP status other than 200 or 404, a
//                  network error or a timeout (the cause); trying later may succeed.
import { codedError } from '../utils/coded-error.js';

/** Why transparency-log data was refused: see {@link TransparencyError}. */
export type TransparencyErrorCode =
  | 'MALFORMED'
  | 'BAD_KEY'
  | 'KEY_TYPE'
  | 'AMBIGUOUS_KEY'
  | 'BAD_SIGNATURE'
  | 'UNVERIFIED'
  | 'UNKNOWN_LOG'
  | 'QUORUM'
  | 'STALE'
  | 'NOT_INCLUDED'
  | 'INCONSISTENT'
  | 'NOT_FOUND'
  | 'UNAVAILABLE';

const MESSAGES: Record<TransparencyErrorCode, string> = {
  MALFORMED: 'transparency log data is malformed',
  BAD_KEY: 'signer or verifier key is malformed',
  KEY_TYPE: 'unsupported note signature type',
  AMBIGUOUS_KEY: 'two known verifier keys share a name and key ID',
  BAD_SIGNATURE: 'a signature from a known key does not verify',
  UNVERIFIED: 'note has no valid signature from a required key',
  UNKNOWN_LOG: 'checkpoint is not from the expected log',
  QUORUM: 'too few witnesses cosigned the checkpoint',
  STALE: 'too few witness cosignatures are fresh',
  NOT_INCLUDED: 'inclusion proof does not verify',
  INCONSISTENT: 'consistency proof does not verify',
  NOT_FOUND: 'a tile or entry bundle is missing',
  UNAVAILABLE: 'a log file could not be fetched',
};

/**
 * Refused transparency-log data, with a stable `code`: `MALFORMED`, `BAD_KEY`, `KEY_TYPE`,
 * `AMBIGUOUS_KEY`, `BAD_SIGNATURE`, `UNVERIFIED`, `UNKNOWN_LOG`, `QUORUM`, `STALE`, `NOT_INCLUDED`,
 * `INCONSISTENT`, `NOT_FOUND`, `UNAVAILABLE` (docs/tlog.md). Wrong argument types and lengths stay
 * `TypeError` and `RangeError`.
 *
 * @example
 * ```ts
 * import { tlog, TransparencyError } from 'oblivia/tlog';
 *
 * try {
 *   tlog.parseNote('no signature line\n');
 * } catch (e) {
 *   if (!(e instanceof TransparencyError && e.code === 'MALFORMED')) throw e;
 * }
 * ```
 */
export class TransparencyError extends codedError<TransparencyErrorCode>('TransparencyError', MESSAGES) {}
