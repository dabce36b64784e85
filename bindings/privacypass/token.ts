// The default Token and AuthenticatorInput of RFC 9577 §2.2 and §2.2.2:
//   struct { uint16_t token_type; uint8_t nonce[32]; uint8_t challenge_digest[32];
//            uint8_t token_key_id[Nid]; uint8_t authenticator[Nk]; } Token;
import { bytes, describe, integer } from '../utils/arguments.js';
import { concat, u16 } from '../utils/bytes.js';
import { Reader } from '../utils/reader.js';
import { malformed, PrivacyPassError } from './privacypass-error.js';

export const TOKEN_TYPE = Object.freeze({
  /** RFC 9578 §5: VOPRF(P-384, SHA-384), privately verifiable. */
  VOPRF: 0x0001,
  /** RFC 9578 §6: Blind RSA (2048-bit), publicly verifiable. */
  BLIND_RSA: 0x0002,
});

/** Nid and Nk of the two token types of RFC 9578 (§5, §6). */
const SIZES = new Map<number, { nid: number; nk: number }>([
  [TOKEN_TYPE.VOPRF, { nid: 32, nk: 48 }],
  [TOKEN_TYPE.BLIND_RSA, { nid: 32, nk: 256 }],
]);

/** RFC 9577 §2.2.2: the part of a Token the authenticator covers. */
export interface AuthenticatorInput {
  tokenType: number;
  /** 32 random bytes chosen by the client. */
  nonce: Uint8Array;
  /** SHA-256(TokenChallenge). */
  challengeDigest: Uint8Array;
  /** Nid bytes: SHA-256 of the issuer's public key for both RFC 9578 types. */
  tokenKeyId: Uint8Array;
}

/** RFC 9577 §2.2: a token, its AuthenticatorInput and the authenticator. */
export interface Token extends AuthenticatorInput {
  /** Nk bytes. */
  authenticator: Uint8Array;
}

function sizes(tokenType: number) {
  const s = SIZES.get(tokenType);
  if (s === undefined) throw new PrivacyPassError('TOKEN_TYPE');
  return s;
}

/** token_type ‖ nonce ‖ challenge_digest ‖ token_key_id: what the authenticator covers. */
export function encodeAuthenticatorInput(input: AuthenticatorInput): Uint8Array {
  if (typeof input !== 'object' || input === null)
    throw new TypeError(`"input" expected object, got ${describe(input)}`);
  const tokenType = integer(input.tokenType, 'tokenType', 0, 0xffff);
  return concat(
    u16(tokenType),
    bytes(input.nonce, 'nonce', 32),
    bytes(input.challengeDigest, 'challengeDigest', 32),
    bytes(input.tokenKeyId, 'tokenKeyId', 32),
  );
}

/** A Token of type 0x0001 or 0x0002; PrivacyPassError TOKEN_TYPE for another type. */
export function encodeToken(token: Token): Uint8Array {
  const input = encodeAuthenticatorInput(token);
  return concat(input, bytes(token.authenticator, 'authenticator', sizes(token.tokenType).nk));
}

/** PrivacyPassError TOKEN_TYPE for a type other than 0x0001 and 0x0002, MALFORMED for a wrong length. */
export function decodeToken(encoded: Uint8Array): Token {
  const r = new Reader(bytes(encoded, 'encoded'), malformed);
  const tokenType = r.uint16();
  const { nid, nk } = sizes(tokenType);
  const token = {
    tokenType,
    nonce: r.take(32),
    challengeDigest: r.take(32),
    tokenKeyId: r.take(nid),
    authenticator: r.take(nk),
  };
  r.end();
  return token;
}
