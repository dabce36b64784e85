// oblivia/session — the attested end-to-end session, as the `session` namespace: attested key
// bundles (a node's HPKE key config bound by its TEE's evidence, and the release statement of its
// measurement proven in a transparency log), release statements, and the client's bundle check.
// It is outside the root entry, as oblivia/attestation is (it brings X.509 through it).
import { bundleVerifier, MAX_BUNDLE_LIFETIME } from './session/bundle-verifier.js';
import { BUNDLE_VERSION, decodeBundle, encodeBundle, MAX_BUNDLE_SIZE } from './session/bundle-format.js';
import { createBundle } from './session/create-bundle.js';
import { h100Measurement } from './session/measurement.js';
import { parseReleaseStatement, RELEASE_STATEMENT_HEADER, releaseStatement } from './session/release-statement.js';
import { ATTESTED_KEY_LABEL, reportData } from './session/report-data.js';

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

export const session = Object.freeze({
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
});
