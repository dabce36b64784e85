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

export const privacyPass = Object.freeze({
  TOKEN_TYPE,
  generateKeyPair,
  tokenKeyId,
  client: createClient,
  issuer: createIssuer,
  encodeTokenChallenge,
  decodeTokenChallenge,
  encodeAuthenticatorInput,
  encodeToken,
  decodeToken,
  encodeTokenRequest,
  decodeTokenRequest,
  encodeTokenResponse,
  decodeTokenResponse,
  parseWwwAuthenticate,
  formatWwwAuthenticate,
  parseAuthorization,
  formatAuthorization,
});

export { PrivacyPassError, type PrivacyPassErrorCode } from './privacypass/privacypass-error.js';
export type { TokenChallenge } from './privacypass/challenge.js';
export type { AuthenticatorInput, Token } from './privacypass/token.js';
export type { TokenRequest, TokenResponse } from './privacypass/messages.js';
export type { PendingToken, PrivacyPassClient, TokenRequestOptions } from './privacypass/token-client.js';
export type { IssueOptions, PrivacyPassIssuer, VerifyOptions } from './privacypass/token-issuer.js';
export type { PrivateTokenChallenge } from './privacypass/headers.js';
