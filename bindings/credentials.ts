// oblivia/credentials — anonymous credentials on RFC 9497 POPRF (protocol oblivia-acs-v1, docs/credentials.md): the
// `credentials` namespace and its types.
import { currentEpoch, MAX_FRAMED_ATTRIBUTES } from './credentials/attributes.js';
import { clientAuthorizer, gatewayAuthorizer, requestBinding } from './credentials/authorize.js';
import { createClient } from './credentials/credential-client.js';
import { createIssuerHandler, MEDIA_TYPE, problemResponse, problemType } from './credentials/issuer-handler.js';
import { AUTH_SCHEME, encodeAuthorization, parseAuthorization } from './credentials/header.js';
import { createIssuer } from './credentials/credential-issuer.js';
import { createMemorySpentStore } from './credentials/spent-store.js';
import { createVerifier } from './credentials/credential-verifier.js';

export const credentials = Object.freeze({
  issuer: createIssuer,
  client: createClient,
  verifier: createVerifier,
  issuerHandler: createIssuerHandler,
  memorySpentStore: createMemorySpentStore,
  encodeAuthorization,
  parseAuthorization,
  currentEpoch,
  requestBinding,
  clientAuthorizer,
  gatewayAuthorizer,
  problemType,
  problemResponse,
  AUTH_SCHEME,
  MEDIA_TYPE,
  MAX_FRAMED_ATTRIBUTES,
});

export { CredentialError, type CredentialErrorCode } from './credentials/credential-error.js';
export type { Attributes, CredentialAttributes } from './credentials/attributes.js';
export type { Issuer, IssuerOptions } from './credentials/credential-issuer.js';
export type {
  ClientOptions as CredentialClientOptions,
  Credential,
  CredentialClient,
  PendingIssuance,
} from './credentials/credential-client.js';
export type { Verified, Verifier, VerifierOptions } from './credentials/credential-verifier.js';
export type { MemorySpentStoreOptions, SpentScope, SpentStore } from './credentials/spent-store.js';
export type { IssuerHandlerOptions } from './credentials/issuer-handler.js';
