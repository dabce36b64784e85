// OHTTP (RFC 9458) on the js backend: the request's HPKE through bindings/hpke (composed over this
// backend's primitives), the response's keys with @noble/hashes and its AEAD with @noble/ciphers.
// The response state holds enc and the response secret in JS, and wipes the secret when spent.
import { gcm } from '@noble/ciphers/aes.js';
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { expand, extract } from '@noble/hashes/hkdf.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { CryptoError } from '../errors.js';
import { ascii, concat } from '../hpke/encoding.js';
import { AEAD_AES128GCM, AEAD_CHACHA20POLY1305, type AeadId, type KdfId, type KemId } from '../hpke/ids.js';
import { suite, type HpkeSuite } from '../hpke/suite.js';
import type { OhttpBackend, OhttpParams, OhttpResponseState } from './types.js';

const LABEL_REQUEST = ascii('message/bhttp request');
const LABEL_RESPONSE = ascii('message/bhttp response');
const LABEL_KEY = ascii('key');
const LABEL_NONCE = ascii('nonce');
const HEADER_LENGTH = 7;
/** §7.3 Table 5: Nn of the three AEADs. */
const NONCE_LENGTH = 12;
/** §7.2 Table 3: the KDFs' hashes. */
const HASHES = { 1: sha256, 2: sha384, 3: sha512 } as const;

/** §4.3: info = "message/bhttp request" ‖ 0x00 ‖ hdr. */
const infoOf = (hdr: Uint8Array): Uint8Array => concat(LABEL_REQUEST, new Uint8Array(1), hdr);

const hpkeOf = (p: OhttpParams): HpkeSuite => suite({ kem: p.kem as KemId, kdf: p.kdf as KdfId, aead: p.aead as AeadId });

class JsResponseState implements OhttpResponseState {
  readonly #params: OhttpParams;
  readonly #enc: Uint8Array;
  readonly #secret: Uint8Array;
  #spent = false;

  /** Takes ownership of `secret`. */
  constructor(params: OhttpParams, enc: Uint8Array, secret: Uint8Array) {
    this.#params = params;
    this.#enc = enc;
    this.#secret = secret;
  }

  seal(responseNonce: Uint8Array, response: Uint8Array): Uint8Array {
    return this.#withCipher(responseNonce, (cipher) => cipher.encrypt(response));
  }

  open(responseNonce: Uint8Array, sealed: Uint8Array): Uint8Array {
    return this.#withCipher(responseNonce, (cipher) => {
      try {
        return cipher.decrypt(sealed);
      } catch {
        throw new CryptoError('INVALID_TAG');
      }
    });
  }

  destroy(): void {
    this.#secret.fill(0);
    this.#spent = true;
  }

  /** §4.4: prk = Extract(enc ‖ response_nonce, secret), aead_key = Expand(prk, "key", Nk),
   *  aead_nonce = Expand(prk, "nonce", Nn); all wiped, and the state spent, after `use`. */
  #withCipher(responseNonce: Uint8Array, use: (cipher: ReturnType<typeof gcm>) => Uint8Array): Uint8Array {
    if (this.#spent) throw new CryptoError('INTERNAL');
    const p = this.#params;
    const hash = HASHES[p.kdf as 1 | 2 | 3];
    const prk = extract(hash, this.#secret, concat(this.#enc, responseNonce));
    const key = expand(hash, prk, LABEL_KEY, p.aead === AEAD_AES128GCM ? 16 : 32);
    const nonce = expand(hash, prk, LABEL_NONCE, NONCE_LENGTH);
    try {
      return use(p.aead === AEAD_CHACHA20POLY1305 ? chacha20poly1305(key, nonce) : gcm(key, nonce));
    } finally {
      for (const secret of [prk, key, nonce]) secret.fill(0);
      this.destroy();
    }
  }
}

export const jsOhttp: OhttpBackend = {
  encapsulateRequest(params, skE, pkR, hdr, request) {
    const { enc, context } = hpkeOf(params).setupSender(pkR, { info: infoOf(hdr), skE });
    try {
      const ct = context.seal(request);
      const state = new JsResponseState(params, enc, context.export(LABEL_RESPONSE, params.secretLength));
      return { encapsulatedRequest: concat(hdr, enc, ct), state };
    } finally {
      context.destroy();
    }
  },

  decapsulateRequest(params, skR, pkR, encapsulatedRequest) {
    const encEnd = HEADER_LENGTH + params.encLength;
    const enc = encapsulatedRequest.slice(HEADER_LENGTH, encEnd);
    const info = infoOf(encapsulatedRequest.subarray(0, HEADER_LENGTH));
    const context = hpkeOf(params).setupReceiver(enc, { privateKey: skR, publicKey: pkR }, { info });
    try {
      const request = context.open(encapsulatedRequest.subarray(encEnd));
      return { request, state: new JsResponseState(params, enc, context.export(LABEL_RESPONSE, params.secretLength)) };
    } finally {
      context.destroy();
    }
  },
};
