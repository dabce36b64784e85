// The client: blinds N random token inputs under the attributes' `info` (RFC 9497 §3.3.3 Blind),
// checks the issuer's batched proof against the tweaked key (§3.3.3 Finalize) and keeps, per
// credential, the redemption key derived from the PRF output; redeem() spends one on a binding.
import { CryptoError } from '../crypto-error.js';
import type { OprfBlinding, OprfSuiteName } from '../oprf.js';
import { bytes, integer } from '../utils/arguments.js';
import { Reader } from '../utils/reader.js';
import { frameAttributes, infoOf, readAttributes, type Attributes, type CredentialAttributes } from './attributes.js';
import { CredentialError, malformed } from './credential-error.js';
import { keyIdOf } from './key-id.js';
import { BINDING_LENGTH, redeemKey, tagOf } from './redeem-key.js';
import { optionsObject, poprfSuite } from './poprf-suite.js';
import { decodeIssuanceResponse, encodeIssuanceRequest, encodeToken, INPUT_LENGTH, MAX_BATCH } from './wire.js';

/** Options of {@link credentials.client}. */
export interface ClientOptions {
  /** The issuer's pkS. */
  publicKey: Uint8Array;
  /** Default ristretto255-SHA512. */
  suite?: OprfSuiteName;
}

/** One unspent credential. Secret: `input` and `key` link it to its redemption; keep it private. */
export interface Credential {
  readonly keyId: Uint8Array;
  readonly attributes: CredentialAttributes;
  /** The token input, 32 random bytes. */
  readonly input: Uint8Array;
  /** K = HKDF-SHA256(PRF output, "", "oblivia-acs-v1 redeem", 32); wiped by redeem(). */
  readonly key: Uint8Array;
}

/** An issuance in flight: hand it to finalize() with the issuer's response. Holds the blinds. */
export interface PendingIssuance {
  readonly count: number;
}

/** A credential client for one issuer key, from {@link credentials.client}. */
export interface CredentialClient {
  readonly keyId: Uint8Array;
  /** An issuance request for `count` (1 … 256, default 1) credentials with these attributes. */
  request(attributes: Attributes, count?: number): { bytes: Uint8Array; pending: PendingIssuance };
  /** The credentials, once the proof verifies; CredentialError MALFORMED, VERSION, BATCH, PROOF.
   *  The pending issuance is used up either way, and its blinds wiped. */
  finalize(pending: PendingIssuance, response: Uint8Array): Credential[];
  /** A redemption token for `binding` (32 bytes); the credential's key is wiped, so a second
   *  redeem of it is CredentialError SPENT. */
  redeem(credential: Credential, binding: Uint8Array): Uint8Array;
}

interface State {
  blinding: OprfBlinding;
  attributes: CredentialAttributes;
}

export function createClient(options: ClientOptions): CredentialClient {
  const { publicKey, suite: name } = optionsObject(options, 'options');
  const suite = poprfSuite(name);
  const oprfClient = suite.client(publicKey);
  const keyId = keyIdOf(suite.name, bytes(publicKey, 'options.publicKey'));
  const pendings = new WeakMap<PendingIssuance, State>();

  return Object.freeze({
    keyId: keyId.slice(),

    request(attributes: Attributes, count = 1) {
      const framed = frameAttributes(attributes);
      const n = integer(count, 'count', 1, MAX_BATCH);
      const inputs = Array.from({ length: n }, () => crypto.getRandomValues(new Uint8Array(INPUT_LENGTH)));
      const blinding = oprfClient.blind(inputs, { info: infoOf(framed) });
      inputs.forEach((input) => input.fill(0));
      const pending: PendingIssuance = Object.freeze({ count: n });
      pendings.set(pending, { blinding, attributes: readAttributes(new Reader(framed, malformed)) });
      return { bytes: encodeIssuanceRequest(keyId, framed, blinding.blinded), pending };
    },

    finalize(pending: PendingIssuance, response: Uint8Array): Credential[] {
      const state = pendings.get(pending);
      if (state === undefined) throw new TypeError('"pending" expected an unfinished issuance of this client');
      pendings.delete(pending);
      const { blinding, attributes } = state;
      try {
        const evaluation = decodeIssuanceResponse(
          bytes(response, 'response'),
          pending.count,
          suite.elementLength,
          suite.proofLength,
        );
        let outputs: Uint8Array[];
        try {
          outputs = oprfClient.finalize(blinding, evaluation);
        } catch (e) {
          if (e instanceof CryptoError && e.code === 'PROOF_FAILED') throw new CredentialError('PROOF', { cause: e });
          if (e instanceof CryptoError && e.code === 'INVALID_POINT')
            throw new CredentialError('MALFORMED', { cause: e });
          throw e;
        }
        return outputs.map((output, i) =>
          Object.freeze({
            keyId: keyId.slice(),
            attributes,
            input: blinding.inputs[i]!.slice(),
            key: redeemKey(output),
          }),
        );
      } finally {
        blinding.blinds.forEach((b) => b.fill(0));
        blinding.inputs.forEach((input) => input.fill(0));
      }
    },

    redeem(credential: Credential, binding: Uint8Array): Uint8Array {
      const c = optionsObject(credential, 'credential');
      const key = bytes(c.key, 'credential.key', 32);
      const input = bytes(c.input, 'credential.input', INPUT_LENGTH);
      bytes(binding, 'binding', BINDING_LENGTH);
      if (key.every((b) => b === 0)) throw new CredentialError('SPENT');
      const framed = frameAttributes(c.attributes);
      return encodeToken(bytes(c.keyId, 'credential.keyId', keyId.length), framed, input, tagOf(key, binding));
    },
  });
}
