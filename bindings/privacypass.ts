// oblivia/privacypass — Privacy Pass: RFC 9577 challenges, tokens and headers, and the RFC 9578 §5 issuance protocol
// for token type 0x0001 (VOPRF(P-384, SHA-384)), as the `privacyPass` namespace.
import { decodeTokenChallenge, encodeTokenChallenge } from './privacypass/challenge.js';
import { createClient } from './privacypass/token-client.js';
import {
  formatAuthorization,
  formatWwwAuthenticate,
  parseAuthorization,
  parseWwwAuthenticate,
} from './privacypass/headers.js';
import { createIssuer } from './privacypass/token-issuer.js';
import {
  decodeTokenRequest,
  decodeTokenResponse,
  encodeTokenRequest,
  encodeTokenResponse,
} from './privacypass/messages.js';
import { generateKeyPair, tokenKeyId } from './privacypass/token-key.js';
import { decodeToken, encodeAuthenticatorInput, encodeToken, TOKEN_TYPE } from './privacypass/token.js';

/**
 * Privacy Pass (RFC 9577, RFC 9578 §5): token type 0x0001, VOPRF(P-384, SHA-384) — challenges,
 * tokens, the issuance protocol and the HTTP authentication headers (docs/privacypass.md).
 *
 * @namespace
 */
export const privacyPass = Object.freeze({
  /**
   * RFC 9578 token types: `VOPRF` (0x0001, VOPRF(P-384, SHA-384), what this module issues) and
   * `BLIND_RSA` (0x0002, whose tokens it encodes and decodes).
   */
  TOKEN_TYPE,
  /**
   * A random issuer key pair for token type 0x0001: a 48-byte P-384 scalar and its 49-byte
   * compressed point (the `token-key`).
   *
   * @throws nothing with a working `crypto.getRandomValues`.
   * @example
   * ```ts
   * import { privacyPass } from 'oblivia/privacypass';
   *
   * const { secretKey, publicKey } = privacyPass.generateKeyPair();
   * const issuer = privacyPass.issuer(secretKey);
   * ```
   */
  generateKeyPair,
  /**
   * RFC 9578 §5: token_key_id = SHA-256(the issuer's public key).
   *
   * @throws `TypeError` for a non-Uint8Array; `RangeError` unless 49 bytes.
   * @example
   * ```ts
   * import { privacyPass } from 'oblivia/privacypass';
   *
   * const { publicKey } = privacyPass.generateKeyPair();
   * privacyPass.tokenKeyId(publicKey); // 32 bytes
   * ```
   */
  tokenKeyId,
  /**
   * The client of RFC 9578 §5.1 and §5.3 for the issuer's public key: `createTokenRequest` blinds a
   * token input for a challenge; its `finalize` checks the issuer's proof and yields the Token.
   *
   * @throws `TypeError` / `RangeError` for a key that is not 49 bytes. `createTokenRequest`:
   * {@link PrivacyPassError} `MALFORMED` or `TOKEN_TYPE` for a bad challenge; `finalize`:
   * `MALFORMED`, `CryptoError` `PROOF_FAILED` or `INVALID_POINT`.
   * @example
   * ```ts
   * import { privacyPass } from 'oblivia/privacypass';
   *
   * const { secretKey, publicKey } = privacyPass.generateKeyPair();
   * const issuer = privacyPass.issuer(secretKey);
   * const challenge = privacyPass.encodeTokenChallenge({
   *   tokenType: 1, issuerName: 'issuer.example', redemptionContext: new Uint8Array(0), originInfo: ['origin.example'],
   * });
   * const pending = privacyPass.client(publicKey).createTokenRequest(challenge);
   * const token = pending.finalize(issuer.issue(pending.tokenRequest));
   * ```
   */
  client: createClient,
  /**
   * The issuer of RFC 9578 §5.2 with its secret key: `issue` answers a TokenRequest, `verify`
   * checks a token (§5.4; the origin shares the key for this privately verifiable type).
   *
   * @throws `CryptoError` `INVALID_SCALAR` for a key outside 1 … n − 1; `RangeError` unless 48
   * bytes. `issue`: {@link PrivacyPassError} `MALFORMED`, `TOKEN_TYPE`, `KEY_ID`, CryptoError
   * `INVALID_POINT`; `verify`: `MALFORMED` or `TOKEN_TYPE` for a token that does not decode.
   * @example
   * ```ts
   * import { privacyPass } from 'oblivia/privacypass';
   *
   * const { secretKey, publicKey } = privacyPass.generateKeyPair();
   * const issuer = privacyPass.issuer(secretKey);
   * // tokenRequest from a client; token from the Authorization header
   * const tokenResponse = issuer.issue(tokenRequest);
   * issuer.verify(token, { challenge }); // true or false
   * ```
   */
  issuer: createIssuer,
  /**
   * RFC 9577 §2.1.1: the bytes of a TokenChallenge (hashed into the token's challenge_digest).
   *
   * @throws `TypeError` / `RangeError` for a field of the wrong type or size (an issuer or origin
   * name that is not printable ASCII, a redemption context not of 0 or 32 bytes).
   * @example
   * ```ts
   * import { privacyPass } from 'oblivia/privacypass';
   *
   * const challenge = privacyPass.encodeTokenChallenge({
   *   tokenType: 1, issuerName: 'issuer.example', redemptionContext: new Uint8Array(0), originInfo: ['origin.example'],
   * });
   * ```
   */
  encodeTokenChallenge,
  /**
   * RFC 9577 §2.1.1: the TokenChallenge that `encoded` holds.
   *
   * @throws {@link PrivacyPassError} `MALFORMED` for bytes of the wrong structure; `TypeError` for
   * a non-Uint8Array.
   * @example
   * ```ts
   * import { privacyPass } from 'oblivia/privacypass';
   *
   * const { issuerName, originInfo } = privacyPass.decodeTokenChallenge(challenge);
   * ```
   */
  decodeTokenChallenge,
  /**
   * RFC 9577 §2.2.2: token_type ‖ nonce ‖ challenge_digest ‖ token_key_id, what the authenticator
   * covers.
   *
   * @throws `TypeError` / `RangeError` for a field of the wrong type or size;
   * {@link PrivacyPassError} `TOKEN_TYPE` for a type other than 0x0001 and 0x0002.
   * @example
   * ```ts
   * import { privacyPass } from 'oblivia/privacypass';
   *
   * const input = privacyPass.encodeAuthenticatorInput(privacyPass.decodeToken(token));
   * ```
   */
  encodeAuthenticatorInput,
  /**
   * RFC 9577 §2.2: the bytes of a Token.
   *
   * @throws `TypeError` / `RangeError` for a field of the wrong type or size;
   * {@link PrivacyPassError} `TOKEN_TYPE` for an unknown type.
   * @example
   * ```ts
   * import { privacyPass } from 'oblivia/privacypass';
   *
   * const bytes = privacyPass.encodeToken(privacyPass.decodeToken(token));
   * ```
   */
  encodeToken,
  /**
   * RFC 9577 §2.2: the Token that `encoded` holds (type 0x0001 or 0x0002).
   *
   * @throws {@link PrivacyPassError} `MALFORMED` for bytes of the wrong length or structure,
   * `TOKEN_TYPE` for another token type; `TypeError` for a non-Uint8Array.
   * @example
   * ```ts
   * import { privacyPass } from 'oblivia/privacypass';
   *
   * const { tokenType, nonce, challengeDigest, tokenKeyId, authenticator } = privacyPass.decodeToken(token);
   * ```
   */
  decodeToken,
  /**
   * RFC 9578 §5.1: the bytes of a TokenRequest.
   *
   * @throws `TypeError` / `RangeError` for a field of the wrong type or size.
   * @example
   * ```ts
   * import { privacyPass } from 'oblivia/privacypass';
   *
   * const bytes = privacyPass.encodeTokenRequest(privacyPass.decodeTokenRequest(tokenRequest));
   * ```
   */
  encodeTokenRequest,
  /**
   * RFC 9578 §5.1: the TokenRequest that `encoded` holds.
   *
   * @throws {@link PrivacyPassError} `MALFORMED` for bytes of the wrong length or structure,
   * `TOKEN_TYPE` for another token type; `TypeError` for a non-Uint8Array.
   * @example
   * ```ts
   * import { privacyPass } from 'oblivia/privacypass';
   *
   * const { truncatedTokenKeyId, blindedMsg } = privacyPass.decodeTokenRequest(tokenRequest);
   * ```
   */
  decodeTokenRequest,
  /**
   * RFC 9578 §5.2: the bytes of a TokenResponse.
   *
   * @throws `TypeError` / `RangeError` for a field of the wrong type or size.
   * @example
   * ```ts
   * import { privacyPass } from 'oblivia/privacypass';
   *
   * const bytes = privacyPass.encodeTokenResponse(privacyPass.decodeTokenResponse(tokenResponse));
   * ```
   */
  encodeTokenResponse,
  /**
   * RFC 9578 §5.2: the TokenResponse that `encoded` holds.
   *
   * @throws {@link PrivacyPassError} `MALFORMED` for bytes of the wrong length; `TypeError` for a
   * non-Uint8Array.
   * @example
   * ```ts
   * import { privacyPass } from 'oblivia/privacypass';
   *
   * const { evaluateMsg, evaluateProof } = privacyPass.decodeTokenResponse(tokenResponse);
   * ```
   */
  decodeTokenResponse,
  /**
   * RFC 9577 §2.1: every PrivateToken challenge of a WWW-Authenticate value, in order; other
   * schemes are skipped.
   *
   * @throws {@link PrivacyPassError} `HEADER` for a value that is not a challenge list, or a
   * PrivateToken challenge without a valid `challenge` or with a bad parameter; `TypeError` for a
   * non-string.
   * @example
   * ```ts
   * import { privacyPass } from 'oblivia/privacypass';
   *
   * const [c] = privacyPass.parseWwwAuthenticate(response.headers.get('www-authenticate') ?? '');
   * const pending = privacyPass.client(c!.tokenKey!).createTokenRequest(c!.challenge);
   * ```
   */
  parseWwwAuthenticate,
  /**
   * RFC 9577 §2.1: a WWW-Authenticate value with one PrivateToken challenge per entry (padded
   * base64url).
   *
   * @throws `TypeError` for an empty list or a bad entry; `RangeError` for a challenge under 2
   * bytes or a bad `maxAge`.
   * @example
   * ```ts
   * import { privacyPass } from 'oblivia/privacypass';
   *
   * const { secretKey, publicKey } = privacyPass.generateKeyPair();
   * const issuer = privacyPass.issuer(secretKey);
   * const challenge = privacyPass.encodeTokenChallenge({
   *   tokenType: 1, issuerName: 'issuer.example', redemptionContext: new Uint8Array(0), originInfo: ['origin.example'],
   * });
   * const header = privacyPass.formatWwwAuthenticate([{ challenge, tokenKey: publicKey, maxAge: 60 }]);
   * ```
   */
  formatWwwAuthenticate,
  /**
   * RFC 9577 §2.2: the Token of an Authorization value `PrivateToken token="…"`.
   *
   * @throws {@link PrivacyPassError} `HEADER` for another scheme, more than one credential, or a
   * missing or bad `token`; `TypeError` for a non-string.
   * @example
   * ```ts
   * import { privacyPass } from 'oblivia/privacypass';
   *
   * const token = privacyPass.parseAuthorization(request.headers.get('authorization') ?? '');
   * issuer.verify(token, { challenge });
   * ```
   */
  parseAuthorization,
  /**
   * RFC 9577 §2.2: the Authorization value `PrivateToken token="…"` of a token.
   *
   * @throws `TypeError` for a non-Uint8Array.
   * @example
   * ```ts
   * import { privacyPass } from 'oblivia/privacypass';
   *
   * await fetch('https://origin.example/', { headers: { authorization: privacyPass.formatAuthorization(token) } });
   * ```
   */
  formatAuthorization,
});

export { PrivacyPassError, type PrivacyPassErrorCode } from './privacypass/privacypass-error.js';
export type { TokenChallenge } from './privacypass/challenge.js';
export type { AuthenticatorInput, Token } from './privacypass/token.js';
export type { TokenRequest, TokenResponse } from './privacypass/messages.js';
export type { PendingToken, PrivacyPassClient, TokenRequestOptions } from './privacypass/token-client.js';
export type { IssueOptions, PrivacyPassIssuer, VerifyOptions } from './privacypass/token-issuer.js';
export type { PrivateTokenChallenge } from './privacypass/headers.js';
