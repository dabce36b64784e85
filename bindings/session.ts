// oblivia/session: the attested end-to-end session between a client and a processing node (TEE).
// Inner layer: RFC 9458's encapsulation with labels and media types of its own, carried inside
// the OHTTP request (`encapsulateInner`/`decapsulateInner` over Binary HTTP bytes,
// `encapsulateRequest` over a Fetch Request), and the node's handler (`node`). Attested key
// bundles: a node's key config bound by its TEE's evidence, with the release statement of its
// measurement proven in a transparency log (`createBundle`, `bundleVerifier`), and release
// statements (`releaseStatement`). Routing: the gateway's target that passes inner requests to
// the node a client names (`router`), and the node directory (`nodeDirectory`). The client that
// reads keys and nodes from a consistency mirror, verifies every node's bundle before it encrypts a
// byte, and picks one at random (`client`). Outside the root entry: it verifies evidence through
// oblivia/attestation and its X.509 layer. docs/session.md.
import { encapsulateRequest } from './session/inner-client.js';
import { INNER_MEDIA_TYPE } from './session/inner-media-types.js';
import { decapsulateInner, encapsulateInner } from './session/inner-message.js';
import { createNode, NODE_KEY_PROBLEM_TYPE } from './session/node.js';
import { bundleVerifier, MAX_BUNDLE_LIFETIME } from './session/bundle-verifier.js';
import { BUNDLE_VERSION, decodeBundle, encodeBundle, MAX_BUNDLE_SIZE } from './session/bundle-format.js';
import { createBundle } from './session/create-bundle.js';
import { h100Measurement } from './session/measurement.js';
import { parseReleaseStatement, RELEASE_STATEMENT_HEADER, releaseStatement } from './session/release-statement.js';
import { ATTESTED_KEY_LABEL, reportData } from './session/report-data.js';
import { createRouter } from './session/router.js';
import {
  createNodeDirectory,
  decodeNodeDirectory,
  encodeNodeDirectory,
  MAX_DIRECTORY_NODES,
  MAX_DIRECTORY_SIZE,
  NODE_DIRECTORY_MEDIA_TYPE,
} from './session/node-directory.js';
import { createSessionClient, MIRROR_PATHS } from './session/session-client.js';

/**
 * The attested end-to-end session between a client and a processing node (TEE), docs/session.md:
 * the inner encapsulation and the node's handler, attested key bundles and their verifier, release
 * statements, the router and node directory, and the client.
 *
 * @namespace
 */
export const session = Object.freeze({
  // the inner layer and the node
  /**
   * The client's inner Encapsulated Request (RFC 9458's encapsulation with the session's own
   * labels) of Binary HTTP bytes to a node's key configuration, and the context that opens the
   * node's response. Options as `ohttp.encapsulateRequest`'s.
   *
   * @throws as `ohttp.encapsulateRequest`.
   * @example
   * ```ts
   * import { session } from 'oblivia/session';
   *
   * const { encapsulatedRequest, context } = session.encapsulateInner(nodeConfig, bhttpRequest);
   * const bhttpResponse = context.decapsulateResponse(encapsulatedResponse);
   * ```
   */
  encapsulateInner,
  /**
   * The node's decapsulation of an inner Encapsulated Request with one of its keys: the Binary HTTP
   * request and the context that encapsulates the response.
   *
   * @throws as `ohttp.decapsulateRequest`: `OhttpError` `MALFORMED`, `UNKNOWN_KEY`,
   * `UNSUPPORTED_SUITE`, `DECRYPT`.
   * @example
   * ```ts
   * import { session } from 'oblivia/session';
   *
   * const { bhttpRequest, context } = session.decapsulateInner([key], encapsulatedRequest);
   * const encapsulatedResponse = context.encapsulateResponse(bhttp.encodeResponse({ status: 200 }));
   * ```
   */
  decapsulateInner,
  /**
   * A Fetch Request, read and Binary HTTP encoded, encapsulated to the node's `config`: the `body`
   * to send (as `INNER_MEDIA_TYPE.REQUEST`) and the {@link InnerContext} that opens the answer.
   *
   * @throws `TypeError` for a bad config or a request whose body was used; as
   * `ohttp.encapsulateRequest` otherwise.
   * @example
   * ```ts
   * import { session } from 'oblivia/session';
   *
   * const { body, context } = await session.encapsulateRequest(nodeConfig, new Request('https://node.example/v1/hello'));
   * // POST body to the node as session.INNER_MEDIA_TYPE.REQUEST, then:
   * const response = context.openResponse(new Uint8Array(await answer.arrayBuffer()));
   * ```
   */
  encapsulateRequest,
  /**
   * The processing node's handler (in the TEE): decapsulates each inner request with its keys, runs
   * `handler` on it, and encapsulates the answer. It never throws once made; `rotate` and `destroy`
   * manage its keys (a destroyed node answers 503).
   *
   * @throws `TypeError` / `RangeError` naming an option that is missing or invalid (`"options.…"`).
   * @example
   * ```ts
   * import { session } from 'oblivia/session';
   * import { hpke, ohttp } from 'oblivia';
   *
   * const key = ohttp.generateKeyConfig(1, hpke.KEM.X25519_HKDF_SHA256, [{ kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.AES_128_GCM }]);
   * const node = session.node({ keys: key, handler: async (request) => new Response(`hello ${request.method}`) });
   * ```
   */
  node: createNode,
  /** The media types of the inner layer's Encapsulated Request (`REQUEST`) and Response (`RESPONSE`). */
  INNER_MEDIA_TYPE,
  /** The problem type of a node's 422 for a key it does not hold (rotated out, or another node's). */
  NODE_KEY_PROBLEM_TYPE,
  // attested key bundles
  /** The label that starts the report data binding a node's key configuration and expiry. */
  ATTESTED_KEY_LABEL,
  /** The version of the attested key bundle format: 1. */
  BUNDLE_VERSION,
  /** The largest encoded bundle accepted: 256 KiB. */
  MAX_BUNDLE_SIZE,
  /** The longest a bundle may remain valid after the verification time: 24 hours, in seconds. */
  MAX_BUNDLE_LIFETIME,
  /**
   * The report data that binds `keyConfig` (a KeyConfig or its encoding) until `expiry` (whole
   * seconds): what a node asks its TEE to put in its evidence.
   *
   * @throws `TypeError` for a bad key configuration or a non-Date; `RangeError` for an expiry out
   * of range; `CryptoError` `INVALID_POINT` for a bad public key.
   * @example
   * ```ts
   * import { session } from 'oblivia/session';
   *
   * const data = session.reportData(key, new Date(Date.now() + 3600_000));
   * const report = await sim.attest({ reportData: data, measurement });
   * ```
   */
  reportData,
  /**
   * The encoded attested key bundle of a node: its key configuration and expiry, its TEE's evidence
   * over them (from `attester`), the endorsements, and the release statement with its tlog-proof.
   *
   * @throws `TypeError` / `RangeError` naming an option that is missing or invalid (`"options.…"`);
   * {@link SessionError} or `TransparencyError` `MALFORMED` for a statement or proof that does not
   * parse; what `attester` throws.
   * @example
   * ```ts
   * import { session } from 'oblivia/session';
   *
   * const bundle = await session.createBundle({
   *   keyConfig: key,
   *   expiry: new Date(Date.now() + 3600_000),
   *   attester: (reportData) => sim.attest({ reportData, measurement }),
   *   endorsements: { signer: sim.vcek, chain: sim.chainPem },
   *   statement,
   *   proof,
   * });
   * ```
   */
  createBundle,
  /**
   * The encoding of a bundle's fields (see {@link session.createBundle}, which gathers them).
   *
   * @throws `TypeError` / `RangeError` for a bad field; {@link SessionError} or `TransparencyError`
   * `MALFORMED` for a statement or proof that does not parse.
   * @example
   * ```ts
   * import { session } from 'oblivia/session';
   *
   * const bytes = session.encodeBundle(session.decodeBundle(bundle));
   * ```
   */
  encodeBundle,
  /**
   * The fields of an encoded bundle, unverified (see {@link session.bundleVerifier}).
   *
   * @throws {@link SessionError} `MALFORMED` unless it is one bundle's one encoding; `TypeError`
   * for a non-Uint8Array.
   * @example
   * ```ts
   * import { session } from 'oblivia/session';
   *
   * const { platform, expiry, keyConfig } = session.decodeBundle(bundle);
   * ```
   */
  decodeBundle,
  /**
   * The client's bundle verifier: `verify` checks a bundle's evidence (chain to the pinned roots,
   * policy, report data binding the key and expiry), that its release statement is in the log under
   * the log policy, and its lifetime. Any failure refuses the node.
   *
   * @throws `TypeError` / `RangeError` naming an option that is missing or invalid (`"options.…"`).
   * `verify` rejects with `AttestationError` (the evidence's own code) or {@link SessionError}
   * `MALFORMED`, `PLATFORM`, `EXPIRED`, `LIFETIME`, `UNRELEASED`, `LOG`.
   * @example
   * ```ts
   * import { session } from 'oblivia/session';
   *
   * const verifier = session.bundleVerifier({
   *   attestation: { sevSnp: { roots: [{ product: 'Milan', arkSha256 }] } },
   *   log: { log: logKey, witnesses: witnessKeys, quorum: 2, maxAge: 3600 },
   * });
   * const verified = await verifier.verify(bundle, { now: new Date() });
   * ```
   */
  bundleVerifier,
  // releases
  /** The first line of a release statement: `oblivia release v1`. */
  RELEASE_STATEMENT_HEADER,
  /**
   * The encoding of a release statement (platform, 48-byte measurement, name, time): the bytes a
   * release appends to the transparency log.
   *
   * @throws `TypeError` / `RangeError` for a bad platform, a measurement not of 48 bytes, a name
   * that is not 1–128 printable ASCII characters, or a bad time.
   * @example
   * ```ts
   * import { session } from 'oblivia/session';
   *
   * const statement = session.releaseStatement({ platform: 'sev-snp', measurement, name: 'node 1.0.0', time: new Date() });
   * const index = writer.append(statement);
   * ```
   */
  releaseStatement,
  /**
   * The parts of an encoded release statement.
   *
   * @throws {@link SessionError} `MALFORMED` unless it is exactly the one encoding of its parts;
   * `TypeError` for a non-Uint8Array.
   * @example
   * ```ts
   * import { session } from 'oblivia/session';
   *
   * const { platform, measurement, name, time } = session.parseReleaseStatement(statement);
   * ```
   */
  parseReleaseStatement,
  /**
   * The composite measurement of an NVIDIA H100's SPDM measurement blocks (index 1–254 → value), as
   * a release statement names it.
   *
   * @throws `RangeError` for an index outside 1–254; `TypeError` for a value that is not a
   * Uint8Array of at most 65535 bytes.
   * @example
   * ```ts
   * import { session } from 'oblivia/session';
   *
   * const measurement = session.h100Measurement(new Map([[1, block1], [2, block2]]));
   * ```
   */
  h100Measurement,
  // routing and the client
  /**
   * The gateway's target that passes inner requests to the node a client names among the configured
   * ones (`/nodes/<name>`); anything else is 404. Where a request goes is configuration, never the
   * request's.
   *
   * @throws `TypeError` / `RangeError` naming an option that is missing or invalid (`"options.…"`)
   * (a node name or URL).
   * @example
   * ```ts
   * import { session } from 'oblivia/session';
   *
   * const gateway = ohttp.gateway({ keys: [gatewayKey], target: session.router({ nodes: { 'node-1': 'http://10.0.0.5:8080/' } }) });
   * ```
   */
  router: createRouter,
  /**
   * A handler serving the node directory (each node's name and bundle) to GET and HEAD, with
   * `cache-control: no-store`; 503 when no node has a bundle.
   *
   * @throws `TypeError` / `RangeError` naming an option that is missing or invalid (`"options.…"`).
   * @example
   * ```ts
   * import { session } from 'oblivia/session';
   * import { serveNode } from 'oblivia/node';
   *
   * const directory = await serveNode(session.nodeDirectory({ nodes: { 'node-1': () => bundle } }));
   * ```
   */
  nodeDirectory: createNodeDirectory,
  /**
   * The directory document of `nodes` (sorted by name).
   *
   * @throws `TypeError` for a non-array; `RangeError` for a bad or duplicate name, an empty or too
   * large bundle, or no or too many nodes.
   * @example
   * ```ts
   * import { session } from 'oblivia/session';
   *
   * const body = session.encodeNodeDirectory([{ name: 'node-1', bundle }]);
   * ```
   */
  encodeNodeDirectory,
  /**
   * The nodes of a directory document, in its order.
   *
   * @throws {@link SessionError} `DIRECTORY` unless the bytes are exactly one directory's encoding;
   * `TypeError` for a non-Uint8Array.
   * @example
   * ```ts
   * import { session } from 'oblivia/session';
   *
   * const nodes = session.decodeNodeDirectory(body); // [{ name, bundle }]
   * ```
   */
  decodeNodeDirectory,
  /** The node directory's media type: `application/oblivia-nodes+json`. */
  NODE_DIRECTORY_MEDIA_TYPE,
  /** The most nodes a directory lists: 16. */
  MAX_DIRECTORY_NODES,
  /** The largest directory document accepted: 8 MiB. */
  MAX_DIRECTORY_SIZE,
  /**
   * The session client: reads the gateway's keys and the node directory from a consistency mirror,
   * verifies every node's bundle before it encrypts a byte, picks one verified node at random, and
   * sends the request through OHTTP and the inner layer. `audit` records each exchange.
   *
   * @throws `TypeError` / `RangeError` naming an option that is missing or invalid (`"options.…"`).
   * `fetch` rejects with {@link SessionError} `DIRECTORY`, `INCONSISTENT`, `NO_NODE` (nothing sent)
   * or `NODE`, and with the OHTTP client's errors.
   * @example
   * ```ts
   * import { session } from 'oblivia/session';
   *
   * const client = session.client({
   *   relay: 'https://relay.example/',
   *   mirror: 'https://mirror.example/',
   *   verifier,
   *   gateway: 'https://gateway.example',
   * });
   * const response = await client.fetch(new Request('https://processing.example/v1/hello'));
   * ```
   */
  client: createSessionClient,
  /** The paths under the mirror the client reads: `ohttp-keys` and `nodes`. */
  MIRROR_PATHS,
});

export type { InnerContext, InnerRequestOptions } from './session/inner-client.js';
export type { NodeOptions, ProcessingNode } from './session/node.js';
export { SessionError, type SessionErrorCode } from './session/session-error.js';
export type { AttestedKeyBundle, BundleFields } from './session/bundle-format.js';
export type {
  BundleLogFacts,
  BundleVerifier,
  BundleVerifierOptions,
  BundleVerifyOptions,
  VerifiedBundle,
} from './session/bundle-verifier.js';
export type { Attester, CreateBundleOptions } from './session/create-bundle.js';
export type { BundlePlatform } from './session/platform.js';
export type { ReleaseStatement } from './session/release-statement.js';
export type { RouterOptions } from './session/router.js';
export type { DirectoryNode, NodeDirectoryOptions } from './session/node-directory.js';
export type { SessionAuditEntry, SessionClient, SessionClientOptions } from './session/session-client.js';
