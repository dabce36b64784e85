// The verifier: holds the issuer's secret key. A token verifies when its key id is this key's, its
// epoch is accepted, its tag is HMAC(K, binding) for K from the PRF output recomputed with
// skS (RFC 9497 §3.3.3 Evaluate) — compared in constant time — and the spent store had not seen it.
import type { OprfSuiteName } from '../oprf.js';
import { bytes } from '../utils/arguments.js';
import { currentEpoch, infoOf, type CredentialAttributes } from './attributes.js';
import { CredentialError } from './credential-error.js';
import { equalBytes } from '../utils/bytes.js';
import { keyIdOf } from './key-id.js';
import { BINDING_LENGTH, redeemKey, tagOf } from './redeem-key.js';
import type { SpentStore } from './spent-store.js';
import { optionalFunction, optionsObject, poprfSuite } from './poprf-suite.js';
import { decodeToken } from './wire.js';

/** Options of {@link credentials.verifier}. */
export interface VerifierOptions {
  /** The issuer's POPRF secret key skS. */
  secretKey: Uint8Array;
  /** Default ristretto255-SHA512. */
  suite?: OprfSuiteName;
  /** Where spent token inputs are recorded; required, and shared by every verifier of this key
   *  (e.g. one createMemorySpentStore() per process, or a shared database). */
  store: SpentStore;
  /** Whether a token's epoch is accepted; default the current day (UTC) ± 1. */
  acceptEpoch?: (epoch: number) => boolean;
}

/** What a verified token says: its issuer key and attributes. */
export interface Verified {
  readonly keyId: Uint8Array;
  readonly attributes: CredentialAttributes;
}

/** A token verifier for one issuer key, from {@link credentials.verifier}. */
export interface Verifier {
  readonly keyId: Uint8Array;
  readonly store: SpentStore;
  /** The token's attributes if it verifies for `binding` (32 bytes) and was not spent; it is
   *  spent from then on. Rejects with CredentialError MALFORMED, VERSION, UNKNOWN_KEY, EPOCH,
   *  INVALID_TOKEN, SPENT, or the store's refusal (the memory store's EPOCH, STORE_FULL; the
   *  Redis store's EPOCH, STORE_UNAVAILABLE). */
  verify(token: Uint8Array, binding: Uint8Array): Promise<Verified>;
}

const aroundToday = (epoch: number): boolean => Math.abs(epoch - currentEpoch()) <= 1;

export function createVerifier(options: VerifierOptions): Verifier {
  const { secretKey, suite: name, store } = optionsObject(options, 'options');
  const acceptEpoch = optionalFunction(options.acceptEpoch, 'options.acceptEpoch') ?? aroundToday;
  if (typeof store !== 'object' || store === null || typeof store.add !== 'function')
    throw new TypeError('"options.store" expected a SpentStore');
  const suite = poprfSuite(name);
  const server = suite.server(secretKey);
  const keyId = keyIdOf(suite.name, server.publicKey);

  return Object.freeze({
    keyId: keyId.slice(),
    store,
    async verify(token: Uint8Array, binding: Uint8Array): Promise<Verified> {
      const t = decodeToken(bytes(token, 'token'));
      bytes(binding, 'binding', BINDING_LENGTH);
      if (!equalBytes(t.keyId, keyId)) throw new CredentialError('UNKNOWN_KEY');
      if (acceptEpoch(t.attributes.epoch) !== true) throw new CredentialError('EPOCH');
      const tag = tagOf(redeemKey(server.evaluate(t.input, { info: infoOf(t.framed) })), binding);
      const valid = equalBytes(tag, t.tag);
      tag.fill(0);
      if (!valid) throw new CredentialError('INVALID_TOKEN');
      if ((await store.add({ keyId: t.keyId, epoch: t.attributes.epoch }, t.input)) !== true)
        throw new CredentialError('SPENT');
      return Object.freeze({ keyId: t.keyId, attributes: t.attributes });
    },
  });
}
