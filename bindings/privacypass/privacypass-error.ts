// Why a Privacy Pass message or header was refused. Crypto failures underneath (a bad point, a
// proof that does not verify) stay CryptoError; these codes are for the framing:
//
//   MALFORMED     a TokenChallenge, Token, TokenRequest or TokenResponse of the wrong length or
//                 structure (RFC 9577 §2.1.1, §2.2; RFC 9578 §5.1, §5.2).
//   TOKEN_TYPE    a token type other than the one expected (0x0001 for the issuance protocol).
//   KEY_ID        a truncated_token_key_id or token_key_id that is not the issuer key's (RFC 9578 §5.2).
//   HEADER        a WWW-Authenticate or Authorization value that is not a valid PrivateToken
//                 challenge or credential (RFC 9577 §2.1, §2.2; RFC 9110 §11).
import { codedError } from '../utils/coded-error.js';

/** Why a Privacy Pass message or header was refused: see {@link PrivacyPassError}. */
export type PrivacyPassErrorCode = 'MALFORMED' | 'TOKEN_TYPE' | 'KEY_ID' | 'HEADER';

const MESSAGES: Record<PrivacyPassErrorCode, string> = {
  MALFORMED: 'Privacy Pass message is malformed',
  TOKEN_TYPE: 'unsupported Privacy Pass token type',
  KEY_ID: 'token key identifier does not match the issuer key',
  HEADER: 'PrivateToken header value is malformed',
};

/**
 * A refused Privacy Pass message or header, with a stable `code`: `MALFORMED` (wrong length or
 * structure, RFC 9577 §2.1.1, §2.2; RFC 9578 §5.1, §5.2), `TOKEN_TYPE` (not 0x0001), `KEY_ID` (not
 * the issuer key's), `HEADER` (not a valid PrivateToken challenge or credential). Crypto failures
 * underneath stay CryptoError.
 *
 * @example
 * ```ts
 * import { privacyPass, PrivacyPassError } from 'oblivia/privacypass';
 *
 * try {
 *   privacyPass.decodeToken(Uint8Array.of(0, 1, 2)); // type 0x0001, then too short
 * } catch (e) {
 *   if (!(e instanceof PrivacyPassError && e.code === 'MALFORMED')) throw e;
 * }
 * ```
 */
export class PrivacyPassError extends codedError<PrivacyPassErrorCode>('PrivacyPassError', MESSAGES) {}

/** What the Reader of a message throws: a short read or trailing bytes. */
export const malformed = (): PrivacyPassError => new PrivacyPassError('MALFORMED');
