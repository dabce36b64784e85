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

/**
 * Anonymous credentials on RFC 9497 POPRF (protocol oblivia-acs-v1, docs/credentials.md):
 * issuer, client, verifier with a spent-token store, the HTTP header and the OHTTP hooks.
 *
 * @namespace
 */
export const credentials = Object.freeze({
  /**
   * The issuer of oblivia-acs-v1 (docs/credentials.md): answers issuance requests with POPRF
   * evaluations under its key and one batched DLEQ proof, for the attributes its `policy` accepts.
   *
   * @throws `TypeError` / `RangeError` naming an option that is missing or invalid (`"options.…"`);
   * `CryptoError` `INVALID_SCALAR` for a bad secret key. `issue` throws {@link CredentialError}
   * `MALFORMED`, `VERSION`, `BATCH`, `UNKNOWN_KEY`, `ATTRIBUTES`.
   * @example
   * ```ts
   * import { credentials, oprf } from 'oblivia';
   *
   * const { secretKey, publicKey } = oprf.suite('ristretto255-SHA512', 'poprf').generateKeyPair();
   * const today = credentials.currentEpoch();
   * const issuer = credentials.issuer({ secretKey, policy: (a) => a.epoch === today });
   * const response = issuer.issue(requestBytes);
   * ```
   */
  issuer: createIssuer,
  /**
   * The credential client for an issuer's public key: `request` blinds fresh token inputs for some
   * attributes, `finalize` checks the issuer's proof and yields the credentials, `redeem` spends
   * one on a 32-byte request binding.
   *
   * @throws `TypeError` / `RangeError` naming an option that is missing or invalid (`"options.…"`);
   * `request` throws `RangeError` for a count outside 1 … 256 or attributes over 4096 framed bytes,
   * `CryptoError` `INVALID_POINT` for a public key that is not a valid element. `finalize`:
   * {@link CredentialError} `MALFORMED`, `VERSION`, `BATCH`, `PROOF`; `redeem`: `SPENT` for a
   * credential already redeemed, `RangeError` for a binding not of 32 bytes.
   * @example
   * ```ts
   * import { credentials } from 'oblivia';
   *
   * const client = credentials.client({ publicKey });
   * const { bytes, pending } = client.request({ epoch: credentials.currentEpoch(), values: ['summarise'] }, 10);
   * const wallet = client.finalize(pending, issuer.issue(bytes));
   * const token = client.redeem(wallet.shift()!, binding);
   * ```
   */
  client: createClient,
  /**
   * The verifier (a gateway) of tokens under an issuer key: `verify` checks the token for a binding
   * and records it as spent in `store`, which every verifier of the key shares.
   *
   * @throws `TypeError` / `RangeError` naming an option that is missing or invalid (`"options.…"`)
   * (`store` is required). `verify` rejects with {@link CredentialError} `MALFORMED`, `VERSION`,
   * `UNKNOWN_KEY`, `EPOCH`, `INVALID_TOKEN`, `SPENT`, or the store's refusal (`STORE_FULL`,
   * `STORE_UNAVAILABLE`).
   * @example
   * ```ts
   * import { credentials } from 'oblivia';
   *
   * const verifier = credentials.verifier({ secretKey, store: credentials.memorySpentStore() });
   * const { attributes } = await verifier.verify(credentials.parseAuthorization(header), binding);
   * ```
   */
  verifier: createVerifier,
  /**
   * The issuer as a fetch-style handler: POST of an issuance request → 200 with the response;
   * refusals as `application/problem+json` (400 `MALFORMED` / `VERSION` / `BATCH`, 422
   * `UNKNOWN_KEY`, 403 `ATTRIBUTES`). It never throws once made.
   *
   * @throws `TypeError` if `issuer` is not an issuer; `RangeError` for a bad `maxBodyBytes`.
   * @example
   * ```ts
   * import { credentials } from 'oblivia';
   * import { serveNode } from 'oblivia/node';
   *
   * const server = await serveNode(credentials.issuerHandler(issuer));
   * ```
   */
  issuerHandler: createIssuerHandler,
  /**
   * A spent-token store in this process's memory: atomic `add`; it keeps the `retainEpochs` newest
   * epochs and refuses older ones (`EPOCH`), and refuses new inputs when full (`STORE_FULL`).
   * Several processes need a shared store (oblivia/redis).
   *
   * @throws `TypeError` / `RangeError` for a `maxEntries` outside 1 … 2^24 or a bad `retainEpochs`.
   * @example
   * ```ts
   * import { credentials } from 'oblivia';
   *
   * const store = credentials.memorySpentStore({ maxEntries: 1_000_000 });
   * const verifier = credentials.verifier({ secretKey, store });
   * ```
   */
  memorySpentStore: createMemorySpentStore,
  /**
   * The Authorization value `ObliviaToken token="…"` of a token (base64url, no padding).
   *
   * @throws `TypeError` for a non-Uint8Array.
   * @example
   * ```ts
   * import { credentials } from 'oblivia';
   *
   * const headers = { authorization: credentials.encodeAuthorization(token) };
   * ```
   */
  encodeAuthorization,
  /**
   * The token of an Authorization value `ObliviaToken token="…"` (scheme case-insensitive).
   *
   * @throws {@link CredentialError} `MISSING` for no value or another scheme, `MALFORMED` for an
   * ObliviaToken value that does not parse; `TypeError` for a non-string.
   * @example
   * ```ts
   * import { credentials } from 'oblivia';
   *
   * const token = credentials.parseAuthorization(request.headers.get('authorization'));
   * ```
   */
  parseAuthorization,
  /**
   * The UTC day number of `now` (ms since 1970-01-01; default `Date.now()`): the default epoch.
   *
   * @throws nothing.
   * @example
   * ```ts
   * import { credentials } from 'oblivia';
   *
   * credentials.currentEpoch(); // e.g. 20428
   * credentials.currentEpoch(Date.UTC(2026, 0, 1));
   * ```
   */
  currentEpoch,
  /**
   * The 32-byte binding of a Fetch Request: SHA-256 of a framed label, its method, URL and body.
   * The request itself is left unread (a clone is read).
   *
   * @throws `TypeError` if the request's body was already used.
   * @example
   * ```ts
   * import { credentials } from 'oblivia';
   *
   * const binding = await credentials.requestBinding(request);
   * const token = client.redeem(credential, binding);
   * ```
   */
  requestBinding,
  /**
   * The OHTTP client's `authorize` hook: each request gets `Authorization: ObliviaToken …` from the
   * next credential `next` gives, bound to that request.
   *
   * @throws `TypeError` if `next` is not a function; the hook rejects with what `next` or `redeem`
   * throws.
   * @example
   * ```ts
   * import { credentials } from 'oblivia';
   *
   * const ohttpClient = ohttp.client({ relay, keys, authorize: credentials.clientAuthorizer(client, () => wallet.shift()!) });
   * ```
   */
  clientAuthorizer,
  /**
   * The OHTTP gateway's `authorize` hook over the verifiers of the issuer keys in use: the request
   * without its Authorization header, or a 401 with `WWW-Authenticate: ObliviaToken` and the
   * refusal's problem type (503 for `STORE_FULL` and `STORE_UNAVAILABLE`).
   *
   * @throws `RangeError` for an empty list of verifiers; the hook rejects with what is not a
   * CredentialError (the gateway answers 500).
   * @example
   * ```ts
   * import { credentials } from 'oblivia';
   *
   * const gateway = ohttp.gateway({ keys: [key], target, authorize: credentials.gatewayAuthorizer([verifier]) });
   * ```
   */
  gatewayAuthorizer,
  /**
   * The problem type of a refusal: `urn:oblivia:problem:credential-` and the code in kebab case.
   *
   * @throws nothing.
   * @example
   * ```ts
   * import { credentials } from 'oblivia';
   *
   * credentials.problemType('SPENT'); // 'urn:oblivia:problem:credential-spent'
   * ```
   */
  problemType,
  /**
   * An `application/problem+json` Response (RFC 9457) for a CredentialError, with `status`.
   *
   * @throws nothing for a CredentialError.
   * @example
   * ```ts
   * import { credentials, CredentialError } from 'oblivia';
   *
   * const refusal = credentials.problemResponse(new CredentialError('SPENT'), 401);
   * await refusal.json(); // { type: 'urn:oblivia:problem:credential-spent', title, status: 401 }
   * ```
   */
  problemResponse,
  /** The HTTP authentication scheme of a token: `ObliviaToken`. */
  AUTH_SCHEME,
  /**
   * The media types of issuance: `REQUEST` (application/x-oblivia-credential-request) and
   * `RESPONSE` (application/x-oblivia-credential-response).
   */
  MEDIA_TYPE,
  /** The most bytes of framed attributes accepted: 4096 (docs/credentials.md, §Why 4096). */
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
