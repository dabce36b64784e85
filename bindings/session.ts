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

export const session = Object.freeze({
  // the inner layer and the node
  encapsulateInner,
  decapsulateInner,
  encapsulateRequest,
  node: createNode,
  INNER_MEDIA_TYPE,
  NODE_KEY_PROBLEM_TYPE,
  // attested key bundles
  ATTESTED_KEY_LABEL,
  BUNDLE_VERSION,
  MAX_BUNDLE_SIZE,
  MAX_BUNDLE_LIFETIME,
  reportData,
  createBundle,
  encodeBundle,
  decodeBundle,
  bundleVerifier,
  // releases
  RELEASE_STATEMENT_HEADER,
  releaseStatement,
  parseReleaseStatement,
  h100Measurement,
  // routing and the client
  router: createRouter,
  nodeDirectory: createNodeDirectory,
  encodeNodeDirectory,
  decodeNodeDirectory,
  NODE_DIRECTORY_MEDIA_TYPE,
  MAX_DIRECTORY_NODES,
  MAX_DIRECTORY_SIZE,
  client: createSessionClient,
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
