// Why a credential message or token was refused (docs/credentials.md §Errors). The message is fixed
// per code and never holds a secret; a CryptoError underneath is the `cause`.
//
//   MALFORMED      a message, token or header that does not decode (length, framing, trailing bytes,
//                  an element that is not a valid point encoding)
//   VERSION        a version byte other than 1
//   BATCH          a batch of 0 or more than the allowed count, or a response of another size
//   UNKNOWN_KEY    a key id that is not this issuer's or verifier's
//   ATTRIBUTES     attributes the issuer's policy refuses
//   PROOF          the issuer's DLEQ proof does not verify (RFC 9497 §2.2.2; CryptoError PROOF_FAILED)
//   EPOCH          a token of an epoch the verifier does not accept
//   INVALID_TOKEN  a token whose tag does not match the binding
//   SPENT          a token (or credential) already redeemed
//   STORE_FULL     a valid, unspent token the spent-token store has no room to record (not spent)
//   STORE_UNAVAILABLE  a shared spent-token store that did not answer (unreachable, an error, or
//                  past its time bound): the token is refused unserved; it may have been recorded
//   MISSING        no ObliviaToken credential in the Authorization header
import { codedError } from '../utils/coded-error.js';

/** Why a credential message or token was refused (docs/credentials.md §Errors): see {@link CredentialError}. */
export type CredentialErrorCode =
  | 'MALFORMED'
  | 'VERSION'
  | 'BATCH'
  | 'UNKNOWN_KEY'
  | 'ATTRIBUTES'
  | 'PROOF'
  | 'EPOCH'
  | 'INVALID_TOKEN'
  | 'SPENT'
  | 'STORE_FULL'
  | 'STORE_UNAVAILABLE'
  | 'MISSING';

const MESSAGES: Record<CredentialErrorCode, string> = {
  MALFORMED: 'credential message is malformed',
  VERSION: 'credential message has an unsupported version',
  BATCH: 'credential batch size is not allowed',
  UNKNOWN_KEY: 'no issuer key has this key id',
  ATTRIBUTES: 'attributes refused by the issuer policy',
  PROOF: 'issuer proof verification failed',
  EPOCH: 'token epoch not accepted',
  INVALID_TOKEN: 'token does not verify',
  SPENT: 'token already redeemed',
  STORE_FULL: 'spent-token store is full',
  STORE_UNAVAILABLE: 'spent-token store is unavailable',
  MISSING: 'no ObliviaToken credential',
};

/**
 * A refused credential message, token or header, with a stable `code`: `MALFORMED`, `VERSION`,
 * `BATCH`, `UNKNOWN_KEY`, `ATTRIBUTES`, `PROOF`, `EPOCH`, `INVALID_TOKEN`, `SPENT`, `STORE_FULL`,
 * `STORE_UNAVAILABLE`, `MISSING` (docs/credentials.md §Errors). The message is fixed per code; a
 * CryptoError underneath is the `cause`.
 *
 * @example
 * ```ts
 * import { CredentialError } from 'oblivia/credentials';
 *
 * try {
 *   await verifier.verify(token, binding);
 * } catch (e) {
 *   if (!(e instanceof CredentialError)) throw e;
 *   console.log(e.code); // 'SPENT' for a token redeemed before, 'INVALID_TOKEN', …
 * }
 * ```
 */
export class CredentialError extends codedError<CredentialErrorCode>('CredentialError', MESSAGES) {}

/** What the Reader of a message throws: a short read or trailing bytes. */
export const malformed = (): CredentialError => new CredentialError('MALFORMED');
