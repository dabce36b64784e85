// RFC 9458 §4.4: Encapsulated Responses, keyed by a secret both sides export from the request's
// HPKE context:
//
//   secret = context.Export("message/bhttp response", max(Nn, Nk))
//   salt = enc ‖ response_nonce                  (response_nonce: max(Nn, Nk) random bytes)
//   prk = Extract(salt, secret)
//   aead_key = Expand(prk, "key", Nk), aead_nonce = Expand(prk, "nonce", Nn)
//   enc_response = response_nonce ‖ Seal(aead_key, aead_nonce, "", response)
//
// A context answers one request: its state holds enc and the secret (on wasm in a slot of the core,
// so the secret and the response's key and nonce never come into JS; see ./composed.ts for js), and
// wipes the secret when the response is encapsulated or decapsulated, or the context destroyed.
import { CryptoError } from '../crypto-error.js';
import { hkdf } from '../hkdf.js';
import { ascii, concat } from '../utils/bytes.js';
import type { AeadId, KdfId, KemId } from '../hpke/ids.js';
import type { OhttpResponseState } from '../backend/backend.js';
import { bytes, optionsArgument } from '../utils/arguments.js';
import { pooledRandomBytes } from '../utils/random-pool.js';
import { OhttpError } from './ohttp-error.js';
import type { Symmetric } from './key-config-suites.js';

const LABEL_KEY = ascii('key');
const LABEL_NONCE = ascii('nonce');

/** max(Nn, Nk): the length of the secret and of response_nonce. */
export const secretLength = (s: Symmetric): number => Math.max(s.aead.nonceLength, s.aead.keyLength);

/** aead_key and aead_nonce for a response, on the composed path (the wasm core derives its own). */
export function responseKeys(
  s: Symmetric,
  secret: Uint8Array,
  enc: Uint8Array,
  responseNonce: Uint8Array,
): { key: Uint8Array; nonce: Uint8Array } {
  const prk = hkdf.extract(s.hash, secret, concat(enc, responseNonce));
  try {
    return {
      key: hkdf.expand(s.hash, prk, LABEL_KEY, s.aead.keyLength),
      nonce: hkdf.expand(s.hash, prk, LABEL_NONCE, s.aead.nonceLength),
    };
  } finally {
    prk.fill(0);
  }
}

abstract class ResponseContext {
  protected readonly symmetric: Symmetric;
  readonly #state: OhttpResponseState;
  #used = false;

  /** Takes ownership of `state`. */
  constructor(symmetric: Symmetric, state: OhttpResponseState) {
    this.symmetric = symmetric;
    this.#state = state;
  }

  /** Wipes the response secret; any later call throws a TypeError. */
  destroy(): void {
    if (!this.#used) this.#state.destroy();
    this.#used = true;
  }

  /** The state for the one response; the context is spent once `use` returns or throws. */
  protected once<T>(use: (state: OhttpResponseState) => T): T {
    if (this.#used) throw new TypeError('this OHTTP context was already used or destroyed');
    try {
      return use(this.#state);
    } finally {
      this.destroy();
    }
  }
}

/**
 * The client's side of one request (RFC 9458 §4.4): it decapsulates the one response, then is
 * wiped. From {@link ohttp.encapsulateRequest}.
 *
 * @example
 * ```ts
 * const { encapsulatedRequest, context } = ohttp.encapsulateRequest(config, bhttpRequest);
 * const bhttpResponse = context.decapsulateResponse(encapsulatedResponse); // OhttpError DECRYPT if forged
 * ```
 */
export class ClientContext extends ResponseContext {
  /** The Binary HTTP response; OhttpError MALFORMED if too short, DECRYPT if it does not
   *  authenticate. */
  decapsulateResponse(encapsulatedResponse: Uint8Array): Uint8Array {
    bytes(encapsulatedResponse, 'encapsulatedResponse');
    return this.once((state) => {
      const s = this.symmetric;
      const nonceLength = secretLength(s);
      if (encapsulatedResponse.length < nonceLength + s.aead.tagLength) throw new OhttpError('MALFORMED');
      try {
        return state.open(encapsulatedResponse.subarray(0, nonceLength), encapsulatedResponse.subarray(nonceLength));
      } catch (e) {
        throw e instanceof CryptoError && e.code === 'INVALID_TAG' ? new OhttpError('DECRYPT', { cause: e }) : e;
      }
    });
  }
}

/** Options of {@link GatewayContext.encapsulateResponse}. */
export interface ResponseOptions {
  /**
   * Known-answer tests only: response_nonce (max(Nn, Nk) bytes) instead of a random one. Reusing
   * a nonce for another response to the same request reuses its AEAD key and nonce.
   */
  responseNonce?: Uint8Array;
}

/**
 * The gateway's side of one request (RFC 9458 §4.4): its header fields, for logs, and the one
 * response's encapsulation. From {@link ohttp.decapsulateRequest}.
 *
 * @example
 * ```ts
 * const { bhttpRequest, context } = ohttp.decapsulateRequest([key], encapsulatedRequest);
 * context.keyId; // which key opened it
 * const encapsulatedResponse = context.encapsulateResponse(bhttp.encodeResponse({ status: 200 }));
 * ```
 */
export class GatewayContext extends ResponseContext {
  readonly keyId: number;
  readonly kem: KemId;
  readonly kdf: KdfId;
  readonly aead: AeadId;

  constructor(keyId: number, kem: KemId, symmetric: Symmetric, state: OhttpResponseState) {
    super(symmetric, state);
    this.keyId = keyId;
    this.kem = kem;
    this.kdf = symmetric.kdf;
    this.aead = symmetric.aead.id;
  }

  /** response_nonce ‖ the sealed Binary HTTP response. */
  encapsulateResponse(bhttpResponse: Uint8Array, options?: ResponseOptions): Uint8Array {
    bytes(bhttpResponse, 'bhttpResponse');
    const length = secretLength(this.symmetric);
    const given = optionsArgument(options).responseNonce;
    const responseNonce = given === undefined ? pooledRandomBytes(length) : bytes(given, 'responseNonce', length);
    return this.once((state) => concat(responseNonce, state.seal(responseNonce, bhttpResponse)));
  }
}
