import { codedError } from '../utils/coded-error.js';

/** Why a Binary HTTP message was refused (RFC 9292 §4: an invalid message is not processed further). */
export type BhttpErrorCode =
  | 'TRUNCATED'
  | 'INVALID_FRAMING'
  | 'INVALID_LENGTH'
  | 'INVALID_STATUS'
  | 'INVALID_CONTROL_DATA'
  | 'INVALID_FIELD'
  | 'INVALID_PADDING'
  | 'FIELDS_TOO_LARGE'
  | 'TOO_MANY_INFORMATIONAL'
  | 'UNSUPPORTED';

/** What each code means; an error's message gives the particulars instead. */
const MEANINGS: Record<BhttpErrorCode, string> = {
  TRUNCATED: "the input ends inside an element, or before a section's terminator or the final response",
  INVALID_FRAMING: 'a framing indicator other than 0–3 (§3.3), or a message of the other kind',
  INVALID_LENGTH: 'a field line runs past the end of its known-length field section (§3.1)',
  INVALID_STATUS: 'a status code that is neither informational (100–199) nor final (200–599) (§3.5)',
  INVALID_CONTROL_DATA: 'a method, scheme, authority or path that HTTP does not allow (§3.4)',
  INVALID_FIELD: 'a field name or value that HTTP does not allow, or a misplaced pseudo-field (§3.6)',
  INVALID_PADDING: 'a non-zero byte in the padding (§3.8)',
  /** A gateway answers 431 (RFC 6585 §5). */
  FIELDS_TOO_LARGE: "a field section with more lines or bytes than the decoder's limits (RFC 9110 §5.4)",
  TOO_MANY_INFORMATIONAL: "a response with more informational responses than the decoder's limit",
  UNSUPPORTED: 'a valid message that the Fetch API cannot represent (a forbidden method, a body on a 204, …)',
};

/**
 * A Binary HTTP message that cannot be decoded or converted, with a {@link BhttpErrorCode}. The
 * message names the element, its byte offset and length, and the limit it crosses, never anything
 * the message says (no name, value, control data or status code), so it is safe to log.
 *
 * @example
 * ```ts
 * import { bhttp, BhttpError } from 'oblivia/bhttp';
 *
 * try {
 *   bhttp.decodeRequest(new Uint8Array([0]));
 * } catch (e) {
 *   if (!(e instanceof BhttpError && e.code === 'TRUNCATED')) throw e;
 * }
 * ```
 */
export class BhttpError extends codedError<BhttpErrorCode>('BhttpError', MEANINGS) {
  /** `message` replaces the code's meaning with the particulars: element, offset, limit. */
  constructor(code: BhttpErrorCode, message: string) {
    super(code);
    this.message = message;
  }
}
