// oblivia/oprf: RFC 9497 OPRF, VOPRF and POPRF: `oprf.suite(name, mode)` and its types.
import { suite } from './oprf/oprf-suite.js';

/**
 * Oblivious PRFs (RFC 9497): suites `ristretto255-SHA512`, `P256-SHA256`, `P384-SHA384`,
 * `P521-SHA512`, modes oprf, voprf, poprf.
 *
 * @namespace
 */
export const oprf = Object.freeze({
  /**
   * One ciphersuite in one mode ({@link OprfSuite}).
   *
   * @throws `TypeError` for an unknown suite name or mode. Its objects throw `CryptoError`
   * `INVALID_POINT` for a bad element, `INVALID_SCALAR` for a secret key outside 1 … order − 1,
   * `PROOF_FAILED` when the client's proof check fails, `INVERSE_ZERO` / `INVALID_INPUT` (poprf)
   * for an `info` that cancels the key; `RangeError` for wrong lengths and batch sizes.
   * @example
   * ```ts
   * import { oprf } from 'oblivia/oprf';
   *
   * const suite = oprf.suite('ristretto255-SHA512', 'poprf');
   * const { secretKey, publicKey } = suite.generateKeyPair();
   * const server = suite.server(secretKey);
   * const client = suite.client(publicKey);
   * const info = new TextEncoder().encode('epoch 20428');
   * const blinding = client.blind([new TextEncoder().encode('alice')], { info });
   * const [output] = client.finalize(blinding, server.blindEvaluate(blinding.blinded, { info }));
   * ```
   */
  suite,
});

export type { OprfKeyPair, OprfSuite } from './oprf/oprf-suite.js';
export type { OprfModeName, OprfSuiteName } from './oprf/oprf-names.js';
export type { BlindEvaluateOptions, EvaluateOptions, OprfEvaluation, OprfServer } from './oprf/oprf-server.js';
export type { BlindOptions, OprfBlinding, OprfClient } from './oprf/oprf-client.js';
