// Anonymous credentials on RFC 9497 POPRF (protocol oblivia-acs-v1, docs/credentials.md): the
// `credentials` namespace and its types.
import { currentEpoch, MAX_FRAMED_ATTRIBUTES } from './attributes.js';
import { clientAuthorizer, gatewayAuthorizer, requestBinding } from './authorize.js';
import { createClient } from './client.js';
import {
  createIssuerHandler,
  MEDIA_TYPE_CREDENTIAL_REQUEST,
  MEDIA_TYPE_CREDENTIAL_RESPONSE,
  problemResponse,
  problemType,
} from './handler.js';
import { AUTH_SCHEME, encodeAuthorization, parseAuthorization } from './header.js';
import { createIssuer } from './issuer.js';
import { createMemorySpentStore } from './store.js';
import { createVerifier } from './verifier.js';

export const credentials = Object.freeze({
  createIssuer,
  createClient,
  createVerifier,
  createIssuerHandler,
  createMemorySpentStore,
  encodeAuthorization,
  parseAuthorization,
  currentEpoch,
  requestBinding,
  clientAuthorizer,
  gatewayAuthorizer,
  problemType,
  problemResponse,
  AUTH_SCHEME,
  MEDIA_TYPE_CREDENTIAL_REQUEST,
  MEDIA_TYPE_CREDENTIAL_RESPONSE,
  MAX_FRAMED_ATTRIBUTES,
});

export { CredentialError, type CredentialErrorCode } from './errors.js';
export type { Attributes, CredentialAttributes } from './attributes.js';
export type { Issuer, IssuerOptions } from './issuer.js';
export type {
  ClientOptions as CredentialClientOptions,
  Credential,
  CredentialClient,
  PendingIssuance,
} from './client.js';
export type { Verified, Verifier, VerifierOptions } from './verifier.js';
export type { MemorySpentStoreOptions, SpentScope, SpentStore } from './store.js';
export type { IssuerHandlerOptions } from './handler.js';
