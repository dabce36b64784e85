// RFC 9458 §4.4: Encapsulated Responses, keyed by a secret both sides export from the request's
// HPKE context:
//
//   secret = context.Export("message/bhttp response", max(Nn, Nk))
//   salt = enc ‖ response_nonce                  (response_nonce: max(Nn, Nk) random bytes)
//   prk = Extract(salt, secret)
//   aead_key = Expand(prk, "key", Nk), aead_nonce = Expand(prk, "nonce", Nn)
//   enc_response = response_nonce ‖ Seal(aead_key, aead_nonce, "", response)
//
// A context answers one request: it holds only `enc` and the secret (the HPKE context is
// destroyed once the secret is exported), and wipes the secret when it is used or destroyed.
import { CryptoError } from '../errors.js';
import { hkdf } from '../hkdf.js';
import { ascii, concat } from '../utils/bytes.js';
import type { AeadId, KdfId, KemId } from '../hpke/ids.js';
import type { ReceiverContext, SenderContext } from '../hpke/index.js';
import { bytes, optionsArgument } from '../utils/arguments.js';
import { OhttpError } from './errors.js';
import type { Symmetric } from './suites.js';

const LABEL_RESPONSE = ascii('message/bhttp response');
const LABEL_KEY = ascii('key');
const LABEL_NONCE = ascii('nonce');

/** max(Nn, Nk): the length of the secret and of response_nonce. */
const secretLength = (s: Symmetric): number => Math.max(s.aead.nonceLength, s.aead.keyLength);

/** The response secret, exported from the request's HPKE context. */
export const exportSecret = (context: SenderContext | ReceiverContext, s: Symmetric): Uint8Array =>
  context.export(LABEL_RESPONSE, secretLength(s));

/** aead_key and aead_nonce for a response (exported for tests). */
export function responseKeys(s: Symmetric, secret: Uint8Array, enc: Uint8Array, responseNonce: Uint8Array): { key: Uint8Array; nonce: Uint8Array } {
  const prk = hkdf.extract(s.hash, secret, concat(enc, responseNonce));
  try {
    return { key: hkdf.expand(s.hash, prk, LABEL_KEY, s.aead.keyLength), nonce: hkdf.expand(s.hash, prk, LABEL_NONCE, s.aead.nonceLength) };
  } finally {
    prk.fill(0);
  }
}

/** Runs `use` with the response's AEAD key and nonce, then wipes them. */
function withKeys<T>(s: Symmetric, secret: Uint8Array, enc: Uint8Array, responseNonce: Uint8Array, use: (key: Uint8Array, nonce: Uint8Array) => T): T {
  const { key, nonce } = responseKeys(s, secret, enc, responseNonce);
  try {
    return use(key, nonce);
  } finally {
    key.fill(0);
    nonce.fill(0);
  }
}

abstract class ResponseContext {
  protected readonly symmetric: Symmetric;
  protected readonly enc: Uint8Array;
  readonly #secret: Uint8Array;
  #used = false;

  /** Takes ownership of `secret`. */
  constructor(symmetric: Symmetric, enc: Uint8Array, secret: Uint8Array) {
    this.symmetric = symmetric;
    this.enc = enc;
    this.#secret = secret;
  }

  /** Wipes the response secret; any later call throws a TypeError. */
  destroy(): void {
    this.#secret.fill(0);
    this.#used = true;
  }

  /** The secret for the one response; the context is spent once `use` returns or throws. */
  protected once<T>(use: (secret: Uint8Array) => T): T {
    if (this.#used) throw new TypeError('this OHTTP context was already used or destroyed');
    try {
      return use(this.#secret);
    } finally {
      this.destroy();
    }
  }
}

/** The client's side of one request: it decapsulates the response. */
export class ClientContext extends ResponseContext {
  /** The Binary HTTP response; OhttpError MALFORMED if too short, DECRYPT if it does not
   *  authenticate. */
  decapsulateResponse(encapsulatedResponse: Uint8Array): Uint8Array {
    bytes(encapsulatedResponse, 'encapsulatedResponse');
    return this.once((secret) => {
      const s = this.symmetric;
      const nonceLength = secretLength(s);
      if (encapsulatedResponse.length < nonceLength + s.aead.tagLength) throw new OhttpError('MALFORMED');
      const responseNonce = encapsulatedResponse.subarray(0, nonceLength);
      const ct = encapsulatedResponse.subarray(nonceLength);
      return withKeys(s, secret, this.enc, responseNonce, (key, nonce) => {
        try {
          return s.aead.cipher(key, nonce).decrypt(ct);
        } catch (e) {
          throw e instanceof CryptoError && e.code === 'INVALID_TAG' ? new OhttpError('DECRYPT', { cause: e }) : e;
        }
      });
    });
  }
}

export interface ResponseOptions {
  /**
   * Known-answer tests only: response_nonce (max(Nn, Nk) bytes) instead of a random one. Reusing
   * a nonce for another response to the same request reuses its AEAD key and nonce.
   */
  responseNonce?: Uint8Array;
}

/** The gateway's side of one request: its header fields, for logs, and the response's encapsulation. */
export class GatewayContext extends ResponseContext {
  readonly keyId: number;
  readonly kem: KemId;
  readonly kdf: KdfId;
  readonly aead: AeadId;

  constructor(keyId: number, kem: KemId, symmetric: Symmetric, enc: Uint8Array, secret: Uint8Array) {
    super(symmetric, enc, secret);
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
    const responseNonce = given === undefined ? crypto.getRandomValues(new Uint8Array(length)) : bytes(given, 'responseNonce', length);
    return this.once((secret) =>
      withKeys(this.symmetric, secret, this.enc, responseNonce, (key, nonce) => concat(responseNonce, this.symmetric.aead.cipher(key, nonce).encrypt(bhttpResponse))),
    );
  }
}
