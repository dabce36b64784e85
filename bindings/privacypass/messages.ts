// The issuance messages of RFC 9578 §5.1 and §5.2 for token type 0x0001:
//   struct { uint16_t token_type = 0x0001; uint8_t truncated_token_key_id;
//            uint8_t blinded_msg[Ne]; } TokenRequest;
//   struct { uint8_t evaluate_msg[Ne]; uint8_t evaluate_proof[Ns+Ns]; } TokenResponse;
import { bytes, describe, integer } from '../utils/arguments.js';
import { concat, u16 } from '../utils/bytes.js';
import { Reader } from '../utils/reader.js';
import { malformed, PrivacyPassError } from './privacypass-error.js';
import { TOKEN_TYPE } from './token.js';

/** Ne and Ns of P384-SHA384 (RFC 9497 §4.4). */
export const NE = 49;
export const NS = 48;

/** RFC 9578 §5.1: the client's blinded request for token type 0x0001. */
export interface TokenRequest {
  tokenType: number;
  /** The last byte of token_key_id. */
  truncatedTokenKeyId: number;
  /** A compressed P-384 point. */
  blindedMsg: Uint8Array;
}

/** RFC 9578 §5.2: the issuer's evaluation and DLEQ proof. */
export interface TokenResponse {
  evaluateMsg: Uint8Array;
  /** The DLEQ proof c ‖ s (RFC 9497 §2.2). */
  evaluateProof: Uint8Array;
}

export function encodeTokenRequest(request: TokenRequest): Uint8Array {
  if (typeof request !== 'object' || request === null)
    throw new TypeError(`"request" expected object, got ${describe(request)}`);
  if (integer(request.tokenType, 'request.tokenType', 0, 0xffff) !== TOKEN_TYPE.VOPRF)
    throw new PrivacyPassError('TOKEN_TYPE');
  const truncated = integer(request.truncatedTokenKeyId, 'request.truncatedTokenKeyId', 0, 0xff);
  return concat(u16(TOKEN_TYPE.VOPRF), Uint8Array.of(truncated), bytes(request.blindedMsg, 'request.blindedMsg', NE));
}

/** PrivacyPassError TOKEN_TYPE for a type other than 0x0001, MALFORMED for a wrong length. */
export function decodeTokenRequest(encoded: Uint8Array): TokenRequest {
  const r = new Reader(bytes(encoded, 'encoded'), malformed);
  const tokenType = r.uint16();
  if (tokenType !== TOKEN_TYPE.VOPRF) throw new PrivacyPassError('TOKEN_TYPE');
  const request = { tokenType, truncatedTokenKeyId: r.uint8(), blindedMsg: r.take(NE) };
  r.end();
  return request;
}

export function encodeTokenResponse(response: TokenResponse): Uint8Array {
  if (typeof response !== 'object' || response === null)
    throw new TypeError(`"response" expected object, got ${describe(response)}`);
  return concat(
    bytes(response.evaluateMsg, 'response.evaluateMsg', NE),
    bytes(response.evaluateProof, 'response.evaluateProof', 2 * NS),
  );
}

/** PrivacyPassError MALFORMED unless `encoded` is Ne + 2·Ns = 145 bytes. */
export function decodeTokenResponse(encoded: Uint8Array): TokenResponse {
  const r = new Reader(bytes(encoded, 'encoded'), malformed);
  const response = { evaluateMsg: r.take(NE), evaluateProof: r.take(2 * NS) };
  r.end();
  return response;
}
