// Why an attested key bundle was refused (client side). Wrong argument types and sizes stay
// TypeError and RangeError. The evidence's own failures are AttestationError, rethrown as they
// are (their codes are the evidence checks': REPORT_DATA, CHAIN, DEBUG, TCB, …); the log's are
// wrapped here, with the TransparencyError as the `cause`:
//
//   MALFORMED   the bundle, its key config, release statement or tlog-proof breaks its format, or
//               a size or count is out of bounds.
//   PLATFORM    a platform the verifier does not accept, or a statement for another platform.
//   EXPIRED     the bundle's expiry is not after the verification time.
//   LIFETIME    the bundle's expiry is more than 24 hours after the verification time.
//   UNRELEASED  the evidence's measurement is not the statement's, or the tlog-proof does not
//               include the statement (NOT_INCLUDED underneath): the measurement was not released.
//   LOG         the tlog-proof's checkpoint is not trusted under the log policy: another log or
//               key, a bad signature, too few or stale witness cosignatures, a split view.
// And the session client's own (nothing was sent when these are thrown):
//   DIRECTORY   the node directory cannot be had, or it is not exactly one directory's encoding.
//   INCONSISTENT the mirror and the confirming mirror list one node with different bundles. (For
//               the gateway's keys it is ObliviousFetchError KEY_INCONSISTENT.)
//   NO_NODE     no node of the directory verifies; the cause is an AggregateError of each node's
//               refusal, in the directory's order.
// And after the request was sent:
//   NODE        the router or the node answered without an inner Encapsulated Response.
import { codedError } from '../utils/coded-error.js';

/** Why an attested key bundle or a session was refused: see {@link SessionError}. */
export type SessionErrorCode =
  | 'MALFORMED'
  | 'PLATFORM'
  | 'EXPIRED'
  | 'LIFETIME'
  | 'UNRELEASED'
  | 'LOG'
  | 'DIRECTORY'
  | 'INCONSISTENT'
  | 'NO_NODE'
  | 'NODE';

const MESSAGES: Record<SessionErrorCode, string> = {
  MALFORMED: 'attested key bundle is malformed',
  PLATFORM: 'attestation platform is not accepted',
  EXPIRED: 'attested key bundle has expired',
  LIFETIME: 'attested key bundle expires more than 24 hours ahead',
  UNRELEASED: 'measurement is not released in the transparency log',
  LOG: 'transparency log proof is not trusted',
  DIRECTORY: 'node directory unavailable or malformed',
  INCONSISTENT: 'the mirrors show different keys',
  NO_NODE: 'no processing node could be verified',
  NODE: 'the node answered without an inner encapsulated response',
};

/**
 * A refused attested key bundle, or a session that could not be set up, with a stable `code`:
 * `MALFORMED`, `PLATFORM`, `EXPIRED`, `LIFETIME`, `UNRELEASED`, `LOG` (the bundle); `DIRECTORY`,
 * `INCONSISTENT`, `NO_NODE` (the client, before anything is sent); `NODE` (after). The evidence's
 * own failures are `AttestationError`, rethrown as they are.
 *
 * @example
 * ```ts
 * import { SessionError } from 'oblivia/session';
 *
 * try {
 *   await client.fetch(new Request('https://ai.example/summarise', { method: 'POST', body: 'hi' }));
 * } catch (e) {
 *   if (e instanceof SessionError && e.code === 'NO_NODE') console.error('no node verifies', e.cause);
 *   else throw e;
 * }
 * ```
 */
export class SessionError extends codedError<SessionErrorCode>('SessionError', MESSAGES) {}
