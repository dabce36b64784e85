// Why an Encapsulated Request or Response was refused (RFC 9458 §4.3, §4.4). A gateway answers
// these without encapsulation (§5.2, a 4xx status):
//
//   MALFORMED          400 Bad Request: too short to hold the header, `enc` and a tag.
//   UNKNOWN_KEY        422 Unprocessable Content with the problem type (§5.3, RFC 9457)
//   UNSUPPORTED_SUITE    "https://iana.org/assignments/http-problem-types#ohttp-key": the key
//                        id is unknown, or its key has another KEM, or the key does not offer the
//                        (KDF, AEAD) pair — the client's key configuration is wrong or outdated.
//   DECRYPT            400 Bad Request: the encapsulation cannot be removed (`enc` is not a
//                        valid public key, or the ciphertext does not authenticate).
//
// On the client, MALFORMED and DECRYPT mean the Encapsulated Response cannot be trusted.
import { codedError } from '../utils/coded-error.js';

/** Why an Encapsulated Request or Response was refused (RFC 9458 §4.3, §4.4): see {@link OhttpError}. */
export type OhttpErrorCode = 'MALFORMED' | 'UNKNOWN_KEY' | 'UNSUPPORTED_SUITE' | 'DECRYPT';

const MESSAGES: Record<OhttpErrorCode, string> = {
  MALFORMED: 'encapsulated message is malformed',
  UNKNOWN_KEY: 'no key configuration has this key identifier',
  UNSUPPORTED_SUITE: 'key configuration does not offer this KEM, KDF and AEAD',
  DECRYPT: 'encapsulated message cannot be decrypted',
};

/**
 * A refused Encapsulated Request or Response, with a stable `code`: `MALFORMED` (too short),
 * `UNKNOWN_KEY` and `UNSUPPORTED_SUITE` (RFC 9458 §5.3: the client's key configuration is wrong or
 * outdated), `DECRYPT` (the encapsulation cannot be removed; the `cause` is the CryptoError
 * underneath). The message is fixed per code and never holds a secret.
 *
 * @example
 * ```ts
 * import { ohttp, OhttpError } from 'oblivia/ohttp';
 *
 * try {
 *   ohttp.decapsulateRequest(gatewayKey, new Uint8Array(4));
 * } catch (e) {
 *   if (!(e instanceof OhttpError && e.code === 'MALFORMED')) throw e;
 * }
 * ```
 */
export class OhttpError extends codedError<OhttpErrorCode>('OhttpError', MESSAGES) {}
