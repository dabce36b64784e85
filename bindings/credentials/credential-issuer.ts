// The issuer: one primary POPRF key. It answers an issuance request with BlindEvaluate over the
// request's blinded elements, `info` = the framed attributes (RFC 9497 §3.3.3), and one batched
// DLEQ proof (§2.2.1). It sees blinded elements only, never a token input or PRF output.
import { CryptoError } from '../crypto-error.js';
import type { OprfSuiteName } from '../oprf.js';
import { bytes } from '../utils/arguments.js';
import { infoOf, type CredentialAttributes } from './attributes.js';
import { CredentialError } from './credential-error.js';
import { equalBytes } from '../utils/bytes.js';
import { keyIdOf } from './key-id.js';
import { optionalFunction, optionsObject, poprfSuite } from './poprf-suite.js';
import { decodeIssuanceRequest, encodeIssuanceResponse, MAX_BATCH } from './wire.js';

/** Options of {@link credentials.issuer}. */
export interface IssuerOptions {
  /** The POPRF secret key skS (SerializeScalar). */
  secretKey: Uint8Array;
  /** Default ristretto255-SHA512. */
  suite?: OprfSuiteName;
  /** Whether to issue for these attributes (e.g. the epoch is today's, the use case is known); default all. */
  policy?: (attributes: CredentialAttributes) => boolean;
  /** The largest batch issued in one request, 1 … 256; default 32. */
  maxBatch?: number;
}

/** A credential issuer, from {@link credentials.issuer}. */
export interface Issuer {
  readonly suite: OprfSuiteName;
  /** pkS, which clients are configured with. */
  readonly publicKey: Uint8Array;
  readonly keyId: Uint8Array;
  /** An issuance response for an issuance request; CredentialError MALFORMED, VERSION, BATCH,
   *  UNKNOWN_KEY, ATTRIBUTES. */
  issue(request: Uint8Array): Uint8Array;
}

export function createIssuer(options: IssuerOptions): Issuer {
  const { secretKey, suite: name, maxBatch = 32 } = optionsObject(options, 'options');
  const policy = optionalFunction(options.policy, 'options.policy');
  if (!Number.isSafeInteger(maxBatch) || maxBatch < 1 || maxBatch > MAX_BATCH) {
    throw new RangeError(`"options.maxBatch" expected integer in [1, ${MAX_BATCH}], got ${String(maxBatch)}`);
  }
  const suite = poprfSuite(name);
  const server = suite.server(secretKey);
  const keyId = keyIdOf(suite.name, server.publicKey);

  return Object.freeze({
    suite: suite.name,
    publicKey: server.publicKey.slice(),
    keyId: keyId.slice(),
    issue(request: Uint8Array): Uint8Array {
      const r = decodeIssuanceRequest(bytes(request, 'request'), suite.elementLength);
      if (!equalBytes(r.keyId, keyId)) throw new CredentialError('UNKNOWN_KEY');
      if (r.blinded.length > maxBatch) throw new CredentialError('BATCH');
      if (policy !== undefined && policy(r.attributes) !== true) throw new CredentialError('ATTRIBUTES');
      try {
        const { evaluated, proof } = server.blindEvaluate(r.blinded, { info: infoOf(r.framed) });
        return encodeIssuanceResponse(evaluated, proof!);
      } catch (e) {
        // A blinded element that is not a valid point encoding (§3.3.3 DeserializeElement).
        if (e instanceof CryptoError && e.code === 'INVALID_POINT')
          throw new CredentialError('MALFORMED', { cause: e });
        throw e;
      }
    },
  });
}
