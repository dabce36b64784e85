// Privacy Pass: RFC 9577 challenges, tokens and headers, and the RFC 9578 §5 issuance protocol
// for token type 0x0001 (VOPRF(P-384, SHA-384)), as the `privacyPass` namespace.
import { decodeTokenChallenge, encodeTokenChallenge } from './challenge.js';
import { createClient } from './client.js';
import { formatAuthorization, formatWwwAuthenticate, parseAuthorization, parseWwwAuthenticate } from './headers.js';
import { createIssuer } from './issuer.js';
import { decodeTokenRequest, decodeTokenResponse, encodeTokenRequest, encodeTokenResponse } from './messages.js';
import { generateKeyPair, tokenKeyId } from './suite.js';
import { decodeToken, encodeAuthenticatorInput, encodeToken, TOKEN_TYPE_BLIND_RSA, TOKEN_TYPE_VOPRF } from './token.js';

export const privacyPass = Object.freeze({
  TOKEN_TYPE_VOPRF,
  TOKEN_TYPE_BLIND_RSA,
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

export { PrivacyPassError, type PrivacyPassErrorCode } from './errors.js';
export type { TokenChallenge } from './challenge.js';
export type { AuthenticatorInput, Token } from './token.js';
export type { TokenRequest, TokenResponse } from './messages.js';
export type { PendingToken, PrivacyPassClient, TokenRequestOptions } from './client.js';
export type { IssueOptions, PrivacyPassIssuer, VerifyOptions } from './issuer.js';
export type { PrivateTokenChallenge } from './headers.js';
